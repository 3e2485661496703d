// The form's `validate` prop posts here; the real definition's own `validate` runs on the server.
import { Hono } from 'hono';
import { ConnectionRejectedError, InvalidConnectionValueError, claimConnection } from 'connection-kit/server';
import { openaiAuth } from './server-definitions';

export const validateApp = new Hono();
validateApp.post('/api/connections/openai/validate', async (c) => {
  try {
    await claimConnection(openaiAuth, await c.req.json(), { signal: c.req.raw.signal });
    return c.json({ valid: true });
  } catch (error) {
    // The piece's own message (secrets scrubbed), shown by the form as its error.
    if (error instanceof ConnectionRejectedError || error instanceof InvalidConnectionValueError) {
      return c.json({ valid: false, error: error.message });
    }
    throw error;
  }
});
