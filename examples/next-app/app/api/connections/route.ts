import { handleConnections } from '@/lib/connections';

// Authenticate first in a real app: only a signed-in user may store a connection.
export const POST = (request: Request) => handleConnections(request);
