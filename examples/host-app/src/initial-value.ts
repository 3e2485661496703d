// What the form edits: the saved connection as the server showed it (no secret ever comes back),
// each secret given as KEPT_SECRET, so the form shows it as saved and the server puts it back.
import { KEPT_SECRET, type ParsedAuth } from 'connection-kit/definitions';
import type { SavedConnection } from './api';

type Method = { type: string; props?: Record<string, { type?: string }> };

export function initialValueOf(saved: SavedConnection, auth: ParsedAuth) {
  const methods = (Array.isArray(auth) ? auth : [auth]) as Method[];
  const oauth2 = saved.type === 'OAUTH2' || saved.type === 'PLATFORM_OAUTH2';
  const method = methods.find((m) => m.type === (oauth2 ? 'OAUTH2' : saved.type));
  const secretProps = Object.entries(method?.props ?? {})
    .filter(([, prop]) => prop.type === 'SECRET_TEXT')
    .map(([key]) => [key, KEPT_SECRET] as const);
  const props = { ...saved.props, ...Object.fromEntries(secretProps) };
  switch (saved.type) {
    case 'SECRET_TEXT':
      return { type: 'SECRET_TEXT', secret_text: KEPT_SECRET } as const;
    case 'BASIC_AUTH':
      return { type: 'BASIC_AUTH', username: saved.username ?? '', password: KEPT_SECRET } as const;
    case 'CUSTOM_AUTH':
      return { type: 'CUSTOM_AUTH', props } as const;
    default:
      // OAuth2: the form reads "Reconnect" and runs the popup again for a new code.
      return { type: saved.type, props } as const;
  }
}
