// The entry of the OAuth2 chunk, imported dynamically by `use-oauth2-flow.ts` as soon as an OAuth2
// definition renders: the flow's runner (pure, `src/oauth`) and the wording of its states. Every
// module it reaches is imported by nothing in the main chunk (what it shares with the form, such
// as `redact`, comes in as an argument), else a bundler would split the shared modules, zod
// among them, into a third chunk that every form loads.
export {
  /** @public read off the lazily imported module (`loadOAuth2Flow`), which knip cannot follow. */
  clientCredentialsValue,
  createOAuth2FlowRunner,
} from '../oauth/oauth2-flow-runner';
/** @public read off the lazily imported module (`loadOAuth2Flow`), which knip cannot follow. */
export { flowStatus } from './flow-status';
