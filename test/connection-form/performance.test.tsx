import { Profiler, type ProfilerOnRenderCallback } from 'react';
import type { Mock } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm } from '../../src';
import { buildAuthModel } from '../../src/schema/auth-model';
import { apiKeyOrBasicAuth, everyPropertyAuth, slackLikeAuth } from '../../stories/fixtures/auth-definitions';
import { connectButton, fillEveryPropertyRequired } from './render-form';

// Counts how often the form derives its model (fields, zod schema, defaults) from the definition.
vi.mock('../../src/schema/auth-model', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/schema/auth-model')>();
  return { ...actual, buildAuthModel: vi.fn(actual.buildAuthModel) };
});

const TWENTY = 'abcdefghijklmnopqrst';

function renderProfiled(auth: Parameters<typeof ConnectionForm>[0]['auth'] = everyPropertyAuth) {
  const onRender = vi.fn<ProfilerOnRenderCallback>();
  const onConnect = vi.fn();
  const user = userEvent.setup();
  const tree = (props: { onConnect: () => void }) => (
    <Profiler id="connection-form" onRender={onRender}>
      <ConnectionForm auth={auth} onConnect={props.onConnect} />
    </Profiler>
  );
  const view = render(tree({ onConnect }));
  return { ...view, user, onRender, onConnect, rerenderWith: (next: () => void) => view.rerender(tree({ onConnect: next })) };
}

/**
 * From now on, what `read` says at each commit of the form. A commit that should not happen is
 * caught by following the typing with a change that does commit: the one commit seen must be it.
 */
function commitsFrom<T>(onRender: Mock<ProfilerOnRenderCallback>, read: () => T): T[] {
  const seen: T[] = [];
  onRender.mockImplementation(() => {
    seen.push(read());
  });
  return seen;
}

const readCheckbox = () => screen.getByRole<HTMLInputElement>('checkbox', { name: 'Read' });

beforeEach(() => vi.mocked(buildAuthModel).mockClear());

describe('typing into a field', () => {
  it.each([
    ['a ShortText', () => screen.getByRole('textbox', { name: 'Host' })],
    ['a LongText', () => screen.getByRole('textbox', { name: 'Notes' })],
    ['a SecretText', () => screen.getByLabelText('Token')],
    ['a Number', () => screen.getByRole('spinbutton', { name: 'Port' })],
  ])('commits no render of the form while typing 20 characters into %s', async (_, field) => {
    const { user, onRender } = renderProfiled();
    const input = field();
    await user.clear(input);
    const commits = commitsFrom(onRender, () => (readCheckbox().checked ? 'the choice' : 'the typing'));
    await user.type(input, _ === 'a Number' ? '12345678901234567890' : TWENTY);
    // Then a change that does commit (the test below): the one commit since the typing is its.
    await user.click(readCheckbox());
    expect(commits).toEqual(['the choice']);
  });

  it('does commit when a multi-select choice changes, so the counter above is live', async () => {
    const { user, onRender } = renderProfiled();
    // The mount's commits are all made by the time render() returns: none comes later.
    const before = onRender.mock.calls.length;
    // The choice commits within the click (its events are dispatched inside act).
    await user.click(readCheckbox());
    expect(onRender.mock.calls.length).toBeGreaterThan(before);
  });

  it('commits no render after a failed submit either, while typing into a field that was valid', async () => {
    const { user, onRender } = renderProfiled();
    await user.click(connectButton());
    await screen.findByText('Token is required.');
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    const tokenError = () => screen.queryByText('Token is required.');
    const commits = commitsFrom(onRender, () => (tokenError() ? 'error shown' : 'error gone'));
    await user.type(notes, TWENTY);
    // Then a keystroke that does commit, through the same re-validation on change: one into Token
    // clears its error. Re-validation answers in order, so a commit for the typing above would
    // have come before it, with the error still shown.
    await user.type(screen.getByLabelText('Token'), 't');
    await waitFor(() => expect(tokenError()).not.toBeInTheDocument());
    expect(commits).toEqual(['error gone']);
  });
});

describe('re-rendering the form with the same auth object', () => {
  it('builds the shown method’s model once, not on every render', async () => {
    const { rerenderWith } = renderProfiled(apiKeyOrBasicAuth);
    expect(buildAuthModel).toHaveBeenCalledTimes(1);
    rerenderWith(() => {});
    rerenderWith(() => {});
    expect(buildAuthModel).toHaveBeenCalledTimes(1);
  });

  it('keeps what the user typed, and emits it to the newest onConnect', async () => {
    const { user, rerenderWith, onConnect } = renderProfiled();
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'kept');
    await fillEveryPropertyRequired(user, 'tok-kept');
    const latest = vi.fn();
    rerenderWith(latest);
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveValue('kept');
    expect(screen.getByLabelText('Token')).toHaveValue('tok-kept');
    expect(screen.getByRole('combobox', { name: 'Environment' })).toHaveTextContent('Production');
    await user.click(connectButton());
    await waitFor(() => expect(latest).toHaveBeenCalledTimes(1));
    expect(onConnect).not.toHaveBeenCalled();
    expect(latest.mock.calls[0]![0]).toMatchObject({ props: { notes: 'kept', token: 'tok-kept', environment: 'production' } });
  });
});

describe('switching methods', () => {
  it("builds the next method's model once, with its client fields, and keeps what was typed per method", async () => {
    // No oauth2.clientId: the OAuth2 method shows the Client ID / Secret fields of the user's own app.
    const { user } = renderProfiled(slackLikeAuth);
    expect(buildAuthModel).toHaveBeenCalledTimes(1);
    await user.type(screen.getByRole('textbox', { name: 'Client ID' }), 'my-app');
    const [oauth2, botToken] = screen.getAllByRole('radio');
    await user.click(botToken!);
    expect(buildAuthModel).toHaveBeenCalledTimes(2);
    await user.type(screen.getByLabelText('Bot token'), 'xoxb-1');
    await user.click(oauth2!);
    expect(buildAuthModel).toHaveBeenCalledTimes(3);
    expect(screen.getByRole('textbox', { name: 'Client ID' })).toHaveValue('my-app');
    await user.click(botToken!);
    expect(screen.getByLabelText('Bot token')).toHaveValue('xoxb-1');
    expect(buildAuthModel).toHaveBeenCalledTimes(4);
  });
});
