/**
 * What `validate` answers, exactly as in Activepieces.
 *
 * @example
 * ```ts
 * async function checkKey(key: string): Promise<ValidationResult> {
 *   const res = await fetch('https://api.openai.com/v1/models', { headers: { Authorization: `Bearer ${key}` } });
 *   return res.ok ? { valid: true } : { valid: false, error: 'OpenAI did not accept this key.' };
 * }
 * ```
 */
export type ValidationResult = { valid: true } | { valid: false; error: string };

/**
 * The `server` argument Activepieces passes to `validate`.
 *
 * @example
 * ```tsx
 * const server: ServerContext = { apiUrl: 'https://api.example.com/', publicUrl: 'https://app.example.com/' };
 * <ConnectionForm auth={auth} server={server} onConnect={save} />;
 * ```
 */
export interface ServerContext {
  apiUrl: string;
  publicUrl: string;
}

/**
 * The argument of a definition's `validate`: Activepieces' `{ auth, server }`, plus an
 * `AbortSignal` that fires when the user cancels, submits again after a cancel, or leaves.
 *
 * @example
 * ```ts
 * async function validate({ auth, signal }: ValidateParams<string>): Promise<ValidationResult> {
 *   const res = await fetch('https://api.openai.com/v1/models', { headers: { Authorization: `Bearer ${auth}` }, signal });
 *   return res.ok ? { valid: true } : { valid: false, error: 'OpenAI did not accept this key.' };
 * }
 * const openaiAuth = PieceAuth.SecretText({ displayName: 'API Key', required: true, validate });
 * ```
 */
export interface ValidateParams<V> {
  auth: V;
  server: ServerContext;
  signal?: AbortSignal | undefined;
}

/**
 * A definition's `validate` function for auth values of type `V`.
 *
 * @example
 * ```ts
 * const validate: AuthValidator<AuthValue<typeof awsAuth>> = async ({ auth, server, signal }) => {
 *   const res = await fetch(new URL('connections/aws/check', server.apiUrl), { method: 'POST', body: JSON.stringify(auth), signal });
 *   return res.json(); // the server answers { valid: true } or { valid: false, error }
 * };
 * ```
 */
export type AuthValidator<V> = (params: ValidateParams<V>) => Promise<ValidationResult>;
