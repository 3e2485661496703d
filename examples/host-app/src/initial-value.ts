// What the form edits: the saved connection as the server showed it (no secret ever comes back).
// Each secret the server says it holds (`secret_props`, names only) is given as KEPT_SECRET, so
// the form shows it as saved and the server puts it back; an optional secret that was left empty
// stays empty (a kept marker for it would be refused: nothing is stored behind it).
import { KEPT_SECRET } from 'connection-kit/definitions';
import type { SavedConnection } from './api';

export function initialValueOf(saved: SavedConnection) {
  const kept = Object.fromEntries((saved.secret_props ?? []).map((key) => [key, KEPT_SECRET] as const));
  const props = { ...saved.props, ...kept };
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
