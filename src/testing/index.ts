// `connection-kit/testing`: helpers for a host's own Testing Library tests. They need
// `@testing-library/dom` and `@testing-library/user-event` (optional peer dependencies) and a
// DOM (jsdom, happy-dom or a browser); the main entry never imports this one.
export { fillConnectionForm, submitConnectionForm } from './fill-connection-form';
export type {
  ConnectionNameFillValue,
  FillConnectionFormOptions,
  FillValues,
  OAuth2FillValues,
  TestingOptions,
} from './fill-connection-form';
export { mockOAuth2Popup } from './mock-oauth2-popup';
export type { MockOAuth2Popup } from './mock-oauth2-popup';
export { captureConnection } from './capture-connection';
export type { CapturedConnection } from './capture-connection';
