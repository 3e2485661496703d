// The main entry point: the form, the definitions (src/definitions-api.ts, shared with
// connection-kit/definitions) and what a host passes to the form. Every name is listed;
// test/package/exports.test.ts pins the list. Building blocks for a form of your own markup are
// in connection-kit/headless (src/headless-entry.ts), the OAuth2 protocol in connection-kit/oauth2,
// checkAuthDefinition and the JSON/RSC helpers in connection-kit/definitions.
export { ConnectionForm } from './connection-form/connection-form';
export type {
  ConnectionDetails,
  ConnectResult,
  ConnectionFormOptions,
  ConnectionFormProps,
  ConnectionFormRenderProps,
  EmittedValue,
  HostValidator,
} from './connection-form/connection-form-props';
export type { ValidationStatus } from './connection-form/validation-status';
export type {
  DropdownBinding,
  FieldBindings,
  FieldIds,
  FieldInputBinding,
  FieldValueBinding,
  FieldWidgetProps,
  FieldWidgets,
  MultiSelectBinding,
} from './fields/field-widget-props';
export type { ConnectionFormClassNames, ConnectionFormIcons, ConnectionFormPart } from './fields/form-parts';
export type { OAuth2ExchangeParams, OAuth2HostConfig, OAuth2TokenResponse } from './oauth/oauth2-host-config';
export * from './definitions-api';
