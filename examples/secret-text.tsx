import { ConnectionForm, PieceAuth } from 'connection-kit';

export const openaiAuth = PieceAuth.SecretText({
  displayName: 'API Key',
  description: 'Find your API key at https://platform.openai.com/api-keys',
  required: true,
  validate: async ({ auth }) => (auth.startsWith('sk-') ? { valid: true } : { valid: false, error: 'Invalid API key' }),
});

export function OpenAIConnection({ onSave }: { onSave: (secret: string) => void }) {
  return (
    <ConnectionForm
      auth={openaiAuth}
      // value: { type: 'SECRET_TEXT'; secret_text: string }
      onConnect={(value) => onSave(value.secret_text)}
    />
  );
}
