export * from './property-type';
export type * from './property-types';
export type * from './auth-types';
export type * from './connection-value';
export type * from './props-value';
export type * from './validation';
export { Property } from './property';
export { PieceAuth } from './piece-auth';
