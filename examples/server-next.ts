// Next.js (App Router): app/api/connections/[[...path]]/route.ts
import { connections } from './server-handler';

export const POST = connections;
export const GET = connections;
export const PUT = connections;
export const DELETE = connections;
