// Shared test helpers: render a form with spies, drive a Radix dropdown, control a promise.
import { render, screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { ConnectionForm, type AuthInput, type ConnectionFormProps } from '../../src';

/** Renders `<ConnectionForm>` with an `onConnect` spy and a user-event session. */
export function renderForm<A extends AuthInput>(auth: A, props: Partial<Omit<ConnectionFormProps<A>, 'auth'>> = {}) {
  const user = userEvent.setup();
  const onConnect = vi.fn<ConnectionFormProps<A>['onConnect']>();
  const view = render(<ConnectionForm auth={auth} onConnect={props.onConnect ?? onConnect} {...props} />);
  return { ...view, user, onConnect };
}

/** The form's submit button in its idle state. */
export const connectButton = () => screen.getByRole('button', { name: 'Connect' });

/** Opens the dropdown labelled `label` with the mouse and clicks the option named `option`. */
export async function chooseOption(user: UserEvent, label: string, option: string | RegExp, index = 0) {
  await user.click(screen.getByRole('combobox', { name: label }));
  const matches = screen.getAllByRole('option', { name: option });
  await user.click(matches[index]!);
}

/** A promise with its settle functions, to hold `validate` or `onConnect` pending. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Fills the two required fields of `everyPropertyAuth` that have no default (Token, Environment). */
export async function fillEveryPropertyRequired(user: UserEvent, token = 'tok-1') {
  await user.type(screen.getByLabelText('Token'), token);
  await chooseOption(user, 'Environment', 'Production');
}

/** The `props` of the first value passed to `onConnect`. */
export function emittedProps(onConnect: { mock: { calls: unknown[][] } }): Record<string, unknown> {
  const value = onConnect.mock.calls[0]?.[0] as { props?: Record<string, unknown> } | undefined;
  if (!value?.props) throw new Error(`onConnect was not called with props: ${JSON.stringify(onConnect.mock.calls)}`);
  return value.props;
}
