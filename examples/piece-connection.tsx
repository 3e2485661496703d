// src/pieces.generated.ts: `npx connection-kit pieces @activepieces/piece-openai ... --out src/pieces.generated.ts`
import { ConnectionForm, type ConnectionValue } from 'connection-kit';
import { openaiAuth, pieces } from './pieces.generated';

// { type: 'CUSTOM_AUTH'; props: { apiKey: string; baseUrl: string; apiVersion?: string } }
export type OpenAIConnection = ConnectionValue<typeof openaiAuth>;

export function OpenAIConnectionForm({ onSave }: { onSave: (value: OpenAIConnection) => void }) {
  return (
    <section aria-labelledby="openai-title">
      <h2 id="openai-title">
        <img src={pieces.openai.logoUrl} alt="" width={24} height={24} /> Connect {pieces.openai.displayName}
      </h2>
      <ConnectionForm
        auth={openaiAuth}
        // The piece's own validate is not in the module: check the key on your server.
        validate={async ({ value, signal }) => {
          const res = await fetch('/api/connections/openai/validate', { method: 'POST', body: JSON.stringify(value), signal });
          return res.json(); // { valid: true } or { valid: false, error }
        }}
        onConnect={onSave}
      />
    </section>
  );
}
