// Type-only: a host on `exactOptionalPropertyTypes` forwards its own optional props (each
// `T | undefined`) to the kit's components, hooks and helpers without TS2375. This project's
// tsconfig.json has the flag on (with noUncheckedIndexedAccess), so `tsc` and the `types` project
// (through the import in strict-optional.test-d.ts) fail if any kit option loses its `| undefined`.
import { ConnectionForm, PieceAuth, Property } from '../../src';
import type { ConnectionFormIcons, ConnectionFormPart, Messages, OAuth2HostConfig, ServerContext } from '../../src';
import { useConnectionForm } from '../../src/headless-entry';
import { captureConnection, mockOAuth2Popup } from '../../src/testing';

const auth = PieceAuth.CustomAuth({
  required: true,
  props: { host: Property.ShortText({ displayName: 'Host', required: true, description: undefined }) },
});

/** Every optional prop of the host's wrapper is `T | undefined`, as under the flag they must be. */
interface WrapperProps {
  className?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
  disabled?: boolean | undefined;
  messages?: Partial<Messages> | undefined;
  oauth2?: OAuth2HostConfig | undefined;
  server?: ServerContext | undefined;
  validateTimeoutMs?: number | undefined;
  connectionName?: boolean | string | undefined;
  defaultConnectionName?: string | undefined;
  portalContainer?: HTMLElement | null | undefined;
  /** A host's own class per part, some of them unset: `string | undefined` values pass. */
  inputClass?: string | undefined;
  icons?: ConnectionFormIcons | undefined;
}

export function Wrapper(props: WrapperProps) {
  return (
    <ConnectionForm
      auth={auth}
      className={props.className}
      dir={props.dir}
      disabled={props.disabled}
      messages={props.messages}
      oauth2={props.oauth2}
      server={props.server}
      validateTimeoutMs={props.validateTimeoutMs}
      connectionName={props.connectionName}
      defaultConnectionName={props.defaultConnectionName}
      portalContainer={props.portalContainer}
      classNames={
        { input: props.inputClass, 'select-content': undefined } satisfies Partial<Record<ConnectionFormPart, string | undefined>>
      }
      icons={props.icons ?? { chevron: undefined, check: props.inputClass, checkbox: undefined }}
      initialValue={undefined}
      validate={undefined}
      components={undefined}
      onConnect={(value) => void value.props.host}
    />
  );
}

export function Headless(props: WrapperProps) {
  const cf = useConnectionForm(auth, { onConnect: () => {}, oauth2: props.oauth2, validateTimeoutMs: props.validateTimeoutMs });
  return <p>{cf.status.message}</p>;
}

export const helpers = (timeoutMs: number | undefined, blocked: boolean | undefined) => [
  captureConnection({ timeoutMs }),
  mockOAuth2Popup({ blocked }),
  PieceAuth.SecretText({ displayName: 'Key', required: true, description: undefined }),
  Property.MarkDown({ value: 'Help', variant: undefined }),
];

/** classNames is keyed by the parts only: a misspelt part fails to compile. */
export const misspelt = (
  <ConnectionForm
    auth={auth}
    // @ts-expect-error 'inputs' is not a part ('input' is).
    classNames={{ inputs: 'x' }}
    onConnect={() => {}}
  />
);
