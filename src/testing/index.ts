// `connection-kit/testing`: helpers for a host's own Testing Library tests.
export { fillConnectionForm, submitConnectionForm } from './fill-connection-form';
export type { TestingOptions } from './fill-connection-form';
export { mockOAuth2Popup } from './mock-oauth2-popup';
export type { MockOAuth2Popup } from './mock-oauth2-popup';
export { captureConnection } from './capture-connection';
