// Pieces of our own, beside the published ones: written with connection-kit/definitions (the
// same builders as @activepieces/pieces-framework). Their validate runs on this server only; the
// browser gets the definitions without it. A real piece would call the service's API with the
// key here; these check it offline, so the demo needs no account anywhere.
import { PieceAuth, Property } from 'connection-kit/definitions';

export const ACME_DEMO_KEY = 'acme-demo-key';

export const acmeNotesAuth = PieceAuth.SecretText({
  displayName: 'API key',
  description: `Find it in Acme Notes under **Settings → API**. For this demo the key is \`${ACME_DEMO_KEY}\`.`,
  required: true,
  validate: async ({ auth }) =>
    auth === ACME_DEMO_KEY ? { valid: true } : { valid: false, error: 'Acme Notes did not accept this API key.' },
});

/** A custom auth with an optional secret, as many real pieces have (Slack's user token, Baserow's password). */
export const acmeWarehouseAuth = PieceAuth.CustomAuth({
  description: `The demo's API key is \`${ACME_DEMO_KEY}\`. The signing secret is optional: leave it empty unless you use webhooks.`,
  required: true,
  props: {
    region: Property.StaticDropdown({
      displayName: 'Region',
      required: true,
      defaultValue: 'eu',
      options: {
        options: [
          { label: 'Europe', value: 'eu' },
          { label: 'United States', value: 'us' },
        ],
      },
    }),
    apiKey: PieceAuth.SecretText({ displayName: 'API key', required: true }),
    signingSecret: PieceAuth.SecretText({ displayName: 'Webhook signing secret', required: false }),
  },
  validate: async ({ auth }) =>
    auth.apiKey === ACME_DEMO_KEY ? { valid: true } : { valid: false, error: 'Acme Warehouse did not accept this API key.' },
});

const demo = { package: 'server/demo-pieces.ts', version: '1.0.0' };

export const demoPieces = [
  {
    ...demo,
    key: 'acme-notes',
    displayName: 'Acme Notes',
    description: 'Notes and checklists for your team. Our own piece, validated on our server.',
    auth: acmeNotesAuth,
  },
  {
    ...demo,
    key: 'acme-warehouse',
    displayName: 'Acme Warehouse',
    description: 'Stock levels and orders. Our own piece: a region, a key and an optional secret.',
    auth: acmeWarehouseAuth,
  },
];
