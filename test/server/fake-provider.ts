// A tiny token endpoint on 127.0.0.1 that answers as real providers do where they differ from
// RFC 6749: each route is one provider quirk. It records every request it gets.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  path: string;
  body: URLSearchParams;
  authorization: string | undefined;
}

export type FakeRoute = (request: FakeRequest, res: ServerResponse) => void;

export async function startFakeProvider(routes: Record<string, FakeRoute>) {
  const requests: FakeRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        path: new URL(req.url ?? '/', 'http://x').pathname,
        body: new URLSearchParams(Buffer.concat(chunks).toString()),
        authorization: req.headers.authorization,
      };
      requests.push(request);
      const route = routes[request.path];
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
        return;
      }
      route(request, res);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
