/**
 * One `POST /v1/lint` body → the answer: the reply's entry of `replylint --format json`
 * (without `file`), or a client error naming the field. Pure data in and out, so it runs the
 * same in the server's thread and in a worker thread.
 */
import { lint, ReplylintOptionsError, validateOptions } from '@replylint/core';
import type { LintOptions, RuleSetting } from '@replylint/core';
import { compareMessage } from 'vfile-sort';
import { toJsonReply } from '../report.js';

/** The request body, after the JSON schema in lint-route.ts has checked its types. */
export interface LintRequest {
  reply: string;
  inquiry?: string;
  lang?: string;
  channel?: string;
  preset?: string;
  rules?: Record<string, unknown>;
  messageLanguage?: string;
}

export type LintReply = ReturnType<typeof toJsonReply>;

export type LintAnswer = { status: 200; body: LintReply } | { status: 400 | 413; body: { error: string } };

/** Lint one request over the server's config options; request options win, `rules` are merged. */
export async function answerLintRequest(request: LintRequest, base: LintOptions): Promise<LintAnswer> {
  const { reply, ...given } = request;
  let options: LintOptions;
  try {
    // core's own validation: the same messages as a config file's, naming the field (`lang: expected one of …`).
    options = validateOptions(given);
  } catch (error) {
    if (error instanceof ReplylintOptionsError) return { status: 400, body: { error: error.message } };
    throw error;
  }
  // A pre-send hook must never pass a blank draft.
  if (reply.trim() === '') return { status: 400, body: { error: 'reply: the reply is empty: a blank draft is never ready to send' } };
  const result = await lint(reply, {
    ...base,
    ...options,
    rules: { ...base.rules, ...(options.rules as Record<string, RuleSetting> | undefined) },
  });
  // A reply too large to analyse was not checked: it must not pass as if it had been.
  if (result.skipped) return { status: 413, body: { error: `reply: ${result.messages[0]?.reason ?? 'not analysed'}` } };
  return { status: 200, body: toJsonReply(result, [...result.messages].sort(compareMessage)) };
}
