// Express 5: a Web Request in, the Web Response written back.
import { Readable } from 'node:stream';
import express from 'express';
import { connections } from './server-handler';

export const app = express();

app.all('/api/connections{/*path}', async (req, res) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(new URL(req.originalUrl, `${req.protocol}://${req.get('host')}`), {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  });
  const response = await connections(request);
  res.status(response.status);
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.end(Buffer.from(await response.arrayBuffer()));
});
