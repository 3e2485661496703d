// The definitions your server shares with your frontend (no React in this entry).
import { PieceAuth } from 'connection-kit/definitions';

export const githubAuth = PieceAuth.OAuth2({
  authUrl: 'https://github.com/login/oauth/authorize',
  tokenUrl: 'https://github.com/login/oauth/access_token',
  required: true,
  pkce: true,
  scope: ['repo', 'user'],
  validate: async ({ auth }) => {
    const res = await fetch('https://api.github.com/user', { headers: { Authorization: `Bearer ${auth.access_token}` } });
    return res.ok ? { valid: true } : { valid: false, error: 'GitHub did not accept the token.' };
  },
});

export const openaiAuth = PieceAuth.SecretText({
  displayName: 'API Key',
  required: true,
  validate: async ({ auth }) => {
    const res = await fetch('https://api.openai.com/v1/models', { headers: { Authorization: `Bearer ${auth}` } });
    return res.ok ? { valid: true } : { valid: false, error: 'OpenAI did not accept this key.' };
  },
});
