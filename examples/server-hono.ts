// Hono (Node, Bun, Deno, Cloudflare Workers): the handler takes Hono's Web Request as it is.
import { Hono } from 'hono';
import { connections } from './server-handler';

export const app = new Hono();
app.on(['GET', 'POST', 'PUT', 'DELETE'], ['/api/connections', '/api/connections/*'], (c) => connections(c.req.raw));
