/**
 * Every error answer is `{error}`: one line naming the field or header at fault. Client
 * errors are never logged with their message (a JSON parser's message can quote the body,
 * which holds a customer's personal data); server errors are logged by name only.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export interface ErrorAnswer {
  status: number;
  error: string;
}

/** The answer for an error thrown while receiving, parsing or validating a request. */
export function describeRequestError(error: FastifyError, bodyLimit: number, contentType: string | undefined): ErrorAnswer {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, error: 'body: invalid JSON' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, error: 'body: empty; expected a JSON object such as {"reply": "…"}' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, error: `body: over the limit of ${bodyLimit} bytes (--body-limit)` };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, error: `content-type: expected application/json, got ${contentType ? contentType.split(';')[0]!.trim() : 'none'}` };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, error: 'content-length: does not match the body' };
  }
  if (error.validation) return { status: 400, error: describeValidation(error.validation[0]) };
  if (error.statusCode === 408) return { status: 408, error: 'request: took too long to arrive' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return { status: error.statusCode, error: 'request: not understood' };
  return { status: 500, error: 'internal error: the reply could not be checked' };
}

type ValidationItem = NonNullable<FastifyError['validation']>[number];

/** A JSON-schema error as `FIELD: reason` (the schema only checks types and known fields). */
function describeValidation(item: ValidationItem | undefined): string {
  if (!item) return 'body: invalid';
  const field = item.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const params = item.params as Record<string, unknown>;
  switch (item.keyword) {
    case 'required':
      return `${params.missingProperty}: required`;
    case 'additionalProperties':
      return `${field ? `${field}.` : ''}${params.additionalProperty}: unknown field (known: ${knownFields.join(', ')})`;
    case 'type':
      return field ? `${field}: expected ${article(String(params.type))}` : 'body: expected a JSON object such as {"reply": "…"}';
    default:
      return `${field || 'body'}: ${item.message ?? 'invalid'}`;
  }
}

export const knownFields = ['reply', 'inquiry', 'lang', 'channel', 'preset', 'rules', 'messageLanguage'];

function article(type: string): string {
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** Fastify's error handler: the mapped answer; 5xx logged without the request's content. */
export function errorHandler(bodyLimit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const answer = describeRequestError(error, bodyLimit, request.headers['content-type']);
    if (answer.status >= 500) request.log.error({ error: error.name, code: error.code, at: stackFrames(error) }, 'request failed');
    return reply.code(answer.status).send({ error: answer.error });
  };
}

/** Where an error was thrown, without its message (which could quote the request). */
function stackFrames(error: Error): string[] {
  return (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8).map((line) => line.trim());
}
