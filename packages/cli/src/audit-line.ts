/** One audit line: parse the JSON record, lint its reply, serialise the result. */
import { lint } from '@replylint/core';
import type { LintOptions } from '@replylint/core';
import { toJsonMessage } from './report.js';

export interface AuditLine {
  lineNo: number;
  text: string;
}

export interface AuditLineResult {
  lineNo: number;
  /** The line to write to stdout (JSON). */
  json: string;
  /** Set for linted replies. */
  language?: string;
  /** Rules that flagged the reply (once each). */
  flagged?: string[];
  /** Set for a malformed line. */
  error?: string;
}

export interface AuditSettings {
  options: LintOptions;
  /** Errors only. */
  quiet: boolean;
}

const enums: Record<string, readonly string[]> = { lang: ['ja', 'en', 'auto'], channel: ['email', 'chat'] };

export async function auditLine({ lineNo, text }: AuditLine, { options, quiet }: AuditSettings): Promise<AuditLineResult> {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    return malformed(lineNo, null, `invalid JSON (${(error as Error).message})`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return malformed(lineNo, null, 'expected a JSON object');
  }
  const { id, reply, inquiry, lang, channel } = record as Record<string, unknown>;
  const safeId = typeof id === 'string' || typeof id === 'number' ? id : null;
  if (safeId === null) return malformed(lineNo, null, '"id" must be a string or a number');
  if (typeof reply !== 'string') return malformed(lineNo, safeId, '"reply" must be a string');
  if (inquiry != null && typeof inquiry !== 'string') return malformed(lineNo, safeId, '"inquiry" must be a string or null');
  for (const [key, value] of Object.entries({ lang, channel })) {
    if (value != null && !enums[key]!.includes(value as string)) {
      return malformed(lineNo, safeId, `"${key}" must be one of ${enums[key]!.join(', ')}`);
    }
  }

  let result;
  try {
    result = await lint(reply, {
      ...options,
      ...(typeof inquiry === 'string' && { inquiry }),
      ...(lang != null && { lang: lang as LintOptions['lang'] }),
      ...(channel != null && { channel: channel as LintOptions['channel'] }),
    });
  } catch (error) {
    // A bug on one reply must not end a long audit: report it like a bad line.
    return malformed(lineNo, safeId, `internal error: ${String((error as Error).message ?? error).split('\n')[0]}`);
  }
  const messages = quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages;
  return {
    lineNo,
    json: JSON.stringify({ id: safeId, language: result.language, score: result.score, messages: messages.map(toJsonMessage) }),
    language: result.language,
    flagged: [...new Set(messages.map((m) => m.ruleId))],
  };
}

function malformed(lineNo: number, id: string | number | null, error: string): AuditLineResult {
  return { lineNo, json: JSON.stringify({ id, line: lineNo, error }), error };
}
