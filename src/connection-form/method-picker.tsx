import type { AuthDefinition } from '../definitions/auth-types';
import type { Messages } from '../messages/messages';
import { DEFAULT_CONNECTION_DISPLAY_NAME } from '../definitions/property-type';

/** A label per method: its display name, plus its type where two methods share a name. */
export function methodLabels(methods: readonly (AuthDefinition | undefined)[], messages: Messages): string[] {
  // Activepieces names every method "Connection" by default, which tells the user nothing here.
  const names = methods.map((m) =>
    typeof m?.displayName === 'string' && m.displayName && m.displayName !== DEFAULT_CONNECTION_DISPLAY_NAME
      ? m.displayName
      : messages.authTypeNames[m?.type ?? 'NO_AUTH'],
  );
  return names.map((name, i) => {
    const type = messages.authTypeNames[methods[i]?.type ?? 'NO_AUTH'];
    return names.indexOf(name) !== names.lastIndexOf(name) && name !== type ? `${name} (${type})` : name;
  });
}
