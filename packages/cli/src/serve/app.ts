/**
 * The HTTP application: fastify with JSON-only bodies, a body limit, timeouts for slow
 * clients, a log line per request that never holds a body, bearer auth on /v1, and the
 * playground. Listening and signals are command.ts's job.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { requireBearer } from './auth.js';
import { errorHandler } from './errors.js';
import { lintRoute, type Linter } from './lint-route.js';
import { playgroundRoutes } from './playground-route.js';

export interface AppSettings {
  bodyLimit: number;
  token?: string;
  linter: Linter;
  /** Log lines go here (JSON, one per request); the default is stderr. */
  log?: NodeJS.WritableStream;
}

/** How long a client may take: to send its headers, its whole request, or between packets. */
export const timeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 60_000, keepAliveMs: 5_000 };

export async function buildApp(settings: AppSettings): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: settings.bodyLimit,
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Check slow clients every second, not node's default 30 s, so a stalled header is cut near its limit.
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: 1_000 },
    // Request logs are written by the onResponse hook below: method, path, status, time. Never a body,
    // a query string or a header (they hold customers' personal data and the token).
    logController: new LogController({ disableRequestLogging: true }),
    logger: { level: 'info', stream: settings.log ?? process.stderr, base: undefined },
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
    return503OnClosing: true,
  });
  app.setErrorHandler(errorHandler(settings.bodyLimit));
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `no such route: ${request.method} ${request.url.split('?')[0]}` }));
  // JSON only: without fastify's text/plain parser, any other content type is a 415.
  app.removeContentTypeParser('text/plain');
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.register(playgroundRoutes);
  await app.register(
    async (v1) => {
      if (settings.token !== undefined) v1.addHook('onRequest', requireBearer(settings.token));
      lintRoute(v1, settings.linter);
    },
    { prefix: '/v1' },
  );
  return app;
}
