/**
 * Output formats. `stylish` is vfile-reporter; `json`, `sarif` and `github`
 * are thin maps from the same vfiles and messages. The stylish reporter and
 * SARIF (sarif.ts) are loaded only by a run that prints them.
 */
import { readFileSync } from 'node:fs';
import type { LintResult, ReplylintMessage, Suggestion } from '@replylint/core';
import type { VFile } from 'vfile';

export const formats = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof formats)[number];

/** One linted reply: the vfile (path as shown, messages) and core's result. */
export interface LintedFile {
  file: VFile;
  /** Shown name: path relative to cwd, `--stdin-filename`, or `<stdin>`. */
  name: string;
  result: Pick<LintResult, 'language' | 'score' | 'inquirySource' | 'skipped'>;
}

/** The documented JSON shape of one message (json format and audit). */
export interface JsonMessage {
  ruleId: string;
  severity: 'error' | 'warn' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  url: string;
  suggestions: Suggestion[];
  note?: string;
}

export function toJsonMessage(message: ReplylintMessage): JsonMessage {
  const { start, end } = span(message);
  return {
    ruleId: message.ruleId,
    severity: message.severity,
    message: message.reason,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: start.offset,
    endOffset: end.offset,
    url: message.url,
    suggestions: message.suggestions ?? [],
    ...(message.note ? { note: message.note } : {}),
  };
}

export async function formatReport(format: Format, files: LintedFile[], options: { color: boolean; cwd: string }): Promise<string> {
  switch (format) {
    case 'stylish': {
      const { reporter } = await import('vfile-reporter');
      return reporter(
        files.map((f) => f.file),
        { color: options.color, defaultName: '<stdin>' },
      );
    }
    case 'json':
      return JSON.stringify(files.map(toJsonFile));
    case 'sarif': {
      const { toSarif } = await import('./sarif.js');
      return JSON.stringify(toSarif(files, options.cwd), null, 2);
    }
    case 'github':
      return files.flatMap((f) => messagesOf(f).map((m) => githubAnnotation(f.name, m))).join('\n');
  }
}

function toJsonFile({ name, result, file }: LintedFile) {
  return { file: name, ...toJsonReply(result, messagesOf({ file } as LintedFile)) };
}

/** One reply's entry in the json format without its file name; also `replylint serve`'s answer. */
export function toJsonReply(result: LintedFile['result'], messages: ReplylintMessage[]) {
  const count = (severity: string) => messages.filter((m) => m.severity === severity).length;
  return {
    language: result.language,
    score: result.score,
    inquirySource: result.inquirySource,
    skipped: result.skipped,
    errorCount: count('error'),
    warningCount: count('warn'),
    infoCount: count('info'),
    messages: messages.map(toJsonMessage),
  };
}

// GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const githubCommand = { error: 'error', warn: 'warning', info: 'notice' } as const;

function githubAnnotation(name: string, message: ReplylintMessage): string {
  const { start, end } = span(message);
  const props = [
    `file=${escapeProperty(name)}`,
    `line=${start.line}`,
    `col=${start.column}`,
    `endLine=${end.line}`,
    `endColumn=${end.column}`,
    `title=${escapeProperty(message.ruleId)}`,
  ].join(',');
  return `::${githubCommand[message.severity]} ${props}::${escapeData(message.reason)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function messagesOf(f: LintedFile): ReplylintMessage[] {
  return f.file.messages as ReplylintMessage[];
}

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** Start and end of a message; a point-only place is an empty span. */
export function span(message: ReplylintMessage): { start: Point; end: Point } {
  const place = message.place as Partial<Point & { start: Partial<Point>; end: Partial<Point> }> | undefined;
  const start = place?.start ?? place ?? {};
  const end = place?.end ?? start;
  const point = (p: Partial<Point>): Point => ({ line: p.line ?? 1, column: p.column ?? 1, offset: p.offset ?? 0 });
  return { start: point(start), end: point(end) };
}

let version: string | undefined;
/** This package's version (dist/src/report.js -> packages/cli/package.json). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
