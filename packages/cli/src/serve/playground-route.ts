/**
 * The playground: one static page (HTML, JS, CSS) shipped in the package's playground/
 * directory, read once at start. It calls /v1/lint like any other client. A strict
 * Content-Security-Policy allows only these files and calls to this server.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/** dist/src/serve/playground-route.js → packages/cli/playground/ */
export const playgroundDir = new URL('../../../playground/', import.meta.url);

const files = {
  '/': { name: 'index.html', type: 'text/html; charset=utf-8' },
  '/playground.js': { name: 'playground.js', type: 'text/javascript; charset=utf-8' },
  '/playground.css': { name: 'playground.css', type: 'text/css; charset=utf-8' },
} as const;

const securityHeaders = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

export async function playgroundRoutes(app: FastifyInstance): Promise<void> {
  for (const [route, { name, type }] of Object.entries(files)) {
    const body = readFileSync(new URL(name, playgroundDir));
    app.get(route, async (_request, reply) => reply.headers({ ...securityHeaders, 'content-type': type }).send(body));
  }
  // Browsers ask for it on their own; no icon is better than a 404 in the console.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
}
