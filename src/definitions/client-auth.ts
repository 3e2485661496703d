import { stripFunctions } from './strip-functions';

type AnyFunction = (...args: never) => unknown;
type IsFunction<T> = [NonNullable<T>] extends [never] ? false : NonNullable<T> extends AnyFunction ? true : false;

/**
 * An auth definition as plain data: the same type with every function-valued key removed
 * (`validate`, OAuth2's `getConnectionIdentifier`, ...), so it can cross a React Server
 * Components boundary or be sent as JSON. `<ConnectionForm auth>` accepts it, and
 * `ConnectionValue`, `InitialConnectionValue` and the testing helpers' `FillValues` infer from it
 * exactly as from the original.
 *
 * @example
 * ```tsx
 * // app/connect/page.tsx, a server component
 * import { toClientAuth, type ClientAuth } from 'connection-kit/definitions';
 * import { slack } from '@activepieces/piece-slack';
 *
 * const auth: ClientAuth<typeof slack.auth> = toClientAuth(slack.auth);
 * export default function Page() {
 *   return <ConnectDialog auth={auth} />; // a 'use client' component rendering <ConnectionForm auth={auth} />
 * }
 * ```
 */
export type ClientAuth<A> = A extends AnyFunction
  ? never
  : A extends readonly unknown[]
    ? { [I in keyof A]: ClientAuth<A[I]> }
    : A extends object
      ? { [K in keyof A as IsFunction<A[K]> extends true ? never : K]: ClientAuth<A[K]> }
      : A;

/**
 * Strips every function from an auth definition (or an array of them), keeping its type: the
 * form then gets plain data, which React Server Components can pass to a client component and
 * `JSON.stringify` keeps whole. The definition's `validate` does not come along: run it on your
 * server. `PieceAuth.None()` (`undefined`) stays `undefined`.
 *
 * @example
 * ```ts
 * import { toClientAuth } from 'connection-kit/definitions';
 * import { openai } from '@activepieces/piece-openai';
 *
 * // A Node API route: the browser gets the definition without validate.
 * app.get('/api/pieces/openai/auth', (c) => c.json(toClientAuth(openai.auth)));
 * ```
 */
export function toClientAuth<A>(auth: A): ClientAuth<A> {
  return stripFunctions(auth) as ClientAuth<A>;
}
