/** `POST /v1/lint`: the body's schema (types and known fields only) and the handler. */
import type { FastifyInstance } from 'fastify';
import type { LintAnswer, LintRequest } from './lint-request.js';

/** Lints one request: in this thread, or on a worker thread of the pool. */
export type Linter = (request: LintRequest) => Promise<LintAnswer>;

// Values (languages, presets, rule ids, severities) are checked by core's validateOptions, so
// their lists live in one place; the schema only says which fields exist and their types.
const bodySchema = {
  type: 'object',
  required: ['reply'],
  additionalProperties: false,
  properties: {
    reply: { type: 'string' },
    inquiry: { type: 'string' },
    lang: { type: 'string' },
    channel: { type: 'string' },
    preset: { type: 'string' },
    rules: { type: 'object' },
    messageLanguage: { type: 'string' },
  },
} as const;

export function lintRoute(app: FastifyInstance, linter: Linter): void {
  app.post<{ Body: LintRequest }>('/lint', { schema: { body: bodySchema } }, async (request, reply) => {
    const answer = await linter(request.body);
    return reply.code(answer.status).send(answer.body);
  });
}
