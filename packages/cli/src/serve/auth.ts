/** Bearer-token check for the /v1 routes, in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** An onRequest hook that answers 401 unless `Authorization: Bearer TOKEN` carries the token. */
export function requireBearer(token: string) {
  // Compare digests: equal lengths whatever the client sends, so timing reveals neither length nor content.
  const expected = digest(token);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match && timingSafeEqual(digest(match[1]!), expected)) return;
    const error = match ? 'authorization: wrong token' : 'authorization: expected "Authorization: Bearer TOKEN" (the token the server was started with)';
    await reply.code(401).header('www-authenticate', 'Bearer realm="replylint"').send({ error });
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
