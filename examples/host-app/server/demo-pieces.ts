// A piece of our own, beside the published ones: written with connection-kit/definitions (the
// same builders as @activepieces/pieces-framework). Its validate runs on this server only; the
// browser gets the definition without it. A real piece would call the service's API with the
// key here; this one checks it offline, so the demo needs no account anywhere.
import { PieceAuth } from 'connection-kit/definitions';

export const ACME_DEMO_KEY = 'acme-demo-key';

export const acmeNotesAuth = PieceAuth.SecretText({
  displayName: 'API key',
  description: `Find it in Acme Notes under **Settings → API**. For this demo the key is \`${ACME_DEMO_KEY}\`.`,
  required: true,
  validate: async ({ auth }) =>
    auth === ACME_DEMO_KEY ? { valid: true } : { valid: false, error: 'Acme Notes did not accept this API key.' },
});

export const acmeNotesPiece = {
  key: 'acme-notes',
  displayName: 'Acme Notes',
  description: 'Notes and checklists for your team. Our own piece, validated on our server.',
  package: 'server/acme-notes-piece.ts',
  version: '1.0.0',
  auth: acmeNotesAuth,
};
