import type { ComponentType } from 'react';
import type { AuthInput } from '../definitions/auth-types';
import type { InputPropertyType } from '../definitions/property-type';
import type { FieldWidgetProps } from '../fields/field-widget-props';
import type { AuthValue, ConnectionValue } from '../definitions/connection-value';
import type { ServerContext, ValidationResult } from '../definitions/validation';
import type { Messages } from '../messages/messages';
import type { OAuth2HostConfig } from '../oauth/oauth2-host-config';

/** A host's own check, replacing the definition's `validate` (e.g. to check on its server). */
export type HostValidator<A> = (params: {
  /** What the definition's `validate` would receive. */
  auth: AuthValue<A>;
  /** The connection value that will be emitted if this answers `{ valid: true }`. */
  value: ConnectionValue<A>;
  server: ServerContext;
  signal: AbortSignal;
}) => Promise<ValidationResult> | ValidationResult;

/** Options of {@link useConnectionForm}; also props of {@link ConnectionForm}. */
export interface ConnectionFormOptions<A extends AuthInput> {
  /**
   * Receives the connection value once the schema and `validate` passed, once per successful
   * submit. Return a promise to keep the form busy while the host saves; a rejection shows as a
   * retryable error.
   */
  onConnect: (value: ConnectionValue<A>) => void | Promise<void>;
  /** The host's OAuth2 set-up; needed to connect an OAuth2 definition with the popup flow. */
  oauth2?: OAuth2HostConfig;
  /** Replaces the definition's `validate`. */
  validate?: HostValidator<A>;
  /** The `server` argument passed to `validate`. Defaults to the page's origin for both URLs. */
  server?: ServerContext;
  /** How long `validate` may take before the form shows a timeout, in ms. Default 30 000; 0 = never. */
  validateTimeoutMs?: number;
  /** Disables every control. */
  disabled?: boolean;
  /** Overrides any of the built-in strings. Pass a stable object (module constant or memoised). */
  messages?: Partial<Messages>;
}

/** Props of {@link ConnectionForm}. */
export interface ConnectionFormProps<A extends AuthInput> extends ConnectionFormOptions<A> {
  /**
   * The piece's auth: one definition, an array of alternatives (the user picks one) or
   * `undefined` / `PieceAuth.None()`.
   */
  auth: A;
  /**
   * Replaces the widget of any property type, e.g. your design system's select for
   * `STATIC_DROPDOWN`. A widget gets the field, the form's `control`, the control `id` its label
   * must point to, `describedBy`, `invalid` and the messages.
   */
  components?: Partial<Record<InputPropertyType, ComponentType<FieldWidgetProps>>>;
  /** Extra class on the root element. */
  className?: string;
  /** Text direction; by default the page's (the nearest `dir` attribute above the form). */
  dir?: 'ltr' | 'rtl';
}
