type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Template literals turn Activepieces' string-enum tags into the same literal strings as ours. */
type TypeTag<P> = P extends { type: infer T extends string } ? `${T}` : never;

type ValueKeys<P> = { [K in keyof P]: TypeTag<P[K]> extends 'MARKDOWN' ? never : K }[keyof P];
type RequiredKeys<P> = {
  [K in ValueKeys<P>]: P[K] extends { required: true } ? K : never;
}[ValueKeys<P>];
type OptionalKeys<P> = Exclude<ValueKeys<P>, RequiredKeys<P>>;
type ValueOf<P, S> = TypeTag<P> extends 'SECRET_TEXT' ? S : P extends { valueSchema: infer V } ? V : never;

/**
 * The value of a props map: a key per prop that has a value (markdown notes have none), its type
 * read from the prop's `valueSchema` slot, optional unless the prop is `required: true`.
 * `S` is the type of a secret prop's value: `string`, or `string | KeptSecret` when editing.
 *
 * @example
 * ```ts
 * type V = PropsValue<{ key: ShortTextProperty<true>; port: NumberProperty<false> }>;
 * // { key: string; port?: number }
 * ```
 */
export type PropsValue<P, S = string> = Simplify<
  { [K in RequiredKeys<P>]: ValueOf<P[K], S> } & { [K in OptionalKeys<P>]?: ValueOf<P[K], S> }
>;
