import { PieceAuth } from '../definitions/piece-auth';
import { Property } from '../definitions/property';
import type { BuilderCall, BuilderName } from './normalize-auth';

type Builder = (request: never) => unknown;
const BUILDERS: Record<BuilderName, Builder> = {
  'PieceAuth.SecretText': PieceAuth.SecretText,
  'PieceAuth.BasicAuth': PieceAuth.BasicAuth,
  'PieceAuth.CustomAuth': PieceAuth.CustomAuth,
  'PieceAuth.OAuth2': PieceAuth.OAuth2,
  'Property.ShortText': Property.ShortText,
  'Property.LongText': Property.LongText,
  'Property.Number': Property.Number,
  'Property.Checkbox': Property.Checkbox,
  'Property.StaticDropdown': Property.StaticDropdown,
  'Property.StaticMultiSelectDropdown': Property.StaticMultiSelectDropdown,
  'Property.MarkDown': Property.MarkDown,
};

const isCall = (v: unknown): v is BuilderCall => typeof v === 'object' && v !== null && 'builder' in v && 'request' in v;

/** The definition a builder call makes at run time: what the written module's export evaluates to. */
export function buildCall(call: BuilderCall | (BuilderCall | undefined)[] | undefined): unknown {
  if (call === undefined) return undefined;
  if (Array.isArray(call)) return call.map(buildCall);
  const request = { ...call.request };
  if (request.props && typeof request.props === 'object') {
    request.props = Object.fromEntries(Object.entries(request.props).map(([key, p]) => [key, isCall(p) ? buildCall(p) : p]));
  }
  return BUILDERS[call.builder](request as never);
}

export { isCall };
