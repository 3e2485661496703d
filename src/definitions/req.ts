/**
 * `required` as the builders return it. Being a conditional type, it stops TypeScript from
 * inferring `R` from the contextual return type (which would widen a literal `required: true` to
 * `boolean` whenever the surrounding call has a context-sensitive `validate`); Activepieces'
 * builders use the same device.
 */
export type Req<R extends boolean> = R extends true ? true : false;
