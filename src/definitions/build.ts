/**
 * Builds a definition object exactly as Activepieces' builders do: the request spread, an
 * `undefined` `valueSchema` slot and the `type` tag. The cast is the one place where the
 * type-only `valueSchema` slot and the conditional `required` type meet the runtime object.
 */
export function build<P>(request: object, type: string, extra?: object): P {
  return { ...request, valueSchema: undefined, type, ...extra } as P;
}
