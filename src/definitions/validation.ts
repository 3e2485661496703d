/** What `validate` answers, exactly as in Activepieces. */
export type ValidationResult = { valid: true } | { valid: false; error: string };

/** The `server` argument Activepieces passes to `validate`. */
export interface ServerContext {
  apiUrl: string;
  publicUrl: string;
}

/**
 * The argument of a definition's `validate`: Activepieces' `{ auth, server }`, plus an
 * `AbortSignal` that fires when the user cancels, submits again after a cancel, or leaves.
 */
export interface ValidateParams<V> {
  auth: V;
  server: ServerContext;
  signal?: AbortSignal;
}

/** A definition's `validate` function for auth values of type `V`. */
export type AuthValidator<V> = (params: ValidateParams<V>) => Promise<ValidationResult>;
