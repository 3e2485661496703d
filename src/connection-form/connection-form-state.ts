import type { FormEvent } from 'react';
import type { Control, UseFormReturn } from 'react-hook-form';
import type { AuthInput } from '../definitions/auth-types';
import type { FieldErrorStore } from '../fields/field-error-store';
import type { Messages } from '../messages/messages';
import type { FieldModel } from '../schema/field-model';
import type { FormValues } from '../schema/form-schema';
import type { ValidationStatus } from './validation-status';

/** One method of an auth input: the definition itself, or an element of the array. */
export type MethodOf<A> = A extends readonly (infer E)[] ? E : A;

/**
 * An OAuth2 grant the user can be asked for.
 *
 * @example
 * ```tsx
 * {cf.oauth2?.canChooseGrant && (
 *   <select value={cf.oauth2.grant} onChange={(e) => cf.oauth2?.setGrant(e.target.value as OAuth2Grant)}>
 *     <option value="authorization_code">Sign in with the provider</option>
 *     <option value="client_credentials">Client credentials</option>
 *   </select>
 * )}
 * ```
 */
export type OAuth2Grant = 'authorization_code' | 'client_credentials';

/**
 * Everything a host needs to render its own connection form (see {@link useConnectionForm}).
 *
 * @example
 * ```tsx
 * function Actions({ cf }: { cf: ConnectionFormState<typeof slackAuth> }) {
 *   return cf.busy ? (
 *     <button type="button" onClick={cf.cancel}>Cancel</button>
 *   ) : (
 *     <button type="submit" aria-disabled={cf.disabled}>Connect</button>
 *   );
 * }
 * ```
 */
export interface ConnectionFormState<A extends AuthInput = AuthInput> {
  /** Why the definition cannot be rendered at all, or undefined. */
  problem: string | undefined;
  messages: Messages;
  /** The alternative methods (one entry unless `auth` is an array), labelled for a picker. */
  methods: { label: string; type: keyof Messages['authTypeNames'] }[];
  /** The selected method's index, and how to change it (what was typed is kept per method). */
  method: number;
  selectMethod: (index: number) => void;
  /** The selected method's definition: one of `auth`'s, typed as given (undefined while `problem`). */
  auth: MethodOf<A> | undefined;
  /** Its fields, in order: render each (e.g. with `FieldRow`) bound to `control`. */
  fields: FieldModel[];
  control: Control<FormValues>;
  /** Per-field error messages for `FieldErrorStoreContext` (one subscription for all rows). */
  errorStore: FieldErrorStore;
  form: UseFormReturn<FormValues>;
  /** True when the form edits a saved connection (`initialValue`). */
  editing: boolean;
  /** Where the submit stands; `status.message` is what to show and announce. */
  status: ValidationStatus;
  /** True while `validate`, an OAuth2 popup or a token exchange is pending. */
  busy: boolean;
  disabled: boolean;
  /**
   * The form's submit handler. For the OAuth2 popup flow it opens the popup synchronously, so
   * call it directly from the click or submit event.
   */
  submit: (event?: FormEvent) => void;
  /** Cancels a pending `validate` or OAuth2 flow. */
  cancel: () => void;
  /** OAuth2 only: the grant in use, whether the user may choose it, and the URL to register. */
  oauth2?:
    | {
        grant: OAuth2Grant;
        setGrant: (grant: OAuth2Grant) => void;
        canChooseGrant: boolean;
        /** Set when the user brings their own OAuth app and must register this redirect URL. */
        redirectUrlToRegister?: string | undefined;
        /**
         * When `status.state` is `oauth-blocked`: opens the sign-in page in a new tab. Call it from
         * a click (a button, not a link: the URL, with its `state`, never leaves the flow).
         */
        openSignInPage: () => void;
      }
    | undefined;
}
