/**
 * Output formats. `stylish` is vfile-reporter; `json`, `sarif` and `github`
 * are thin maps from the same vfiles and messages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleMeta } from '@replylint/core';
import type { LintResult, ReplylintMessage, Suggestion } from '@replylint/core';
import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';

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

export function formatReport(format: Format, files: LintedFile[], options: { color: boolean; cwd: string }): string {
  switch (format) {
    case 'stylish':
      return reporter(
        files.map((f) => f.file),
        { color: options.color, defaultName: '<stdin>' },
      );
    case 'json':
      return JSON.stringify(files.map(toJsonFile));
    case 'sarif':
      return JSON.stringify(toSarif(files, options.cwd), null, 2);
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

const sarifLevel = { error: 'error', warn: 'warning', info: 'note' } as const;

/** A SARIF 2.1.0 log with one run; columns and offsets are UTF-16 code units. */
export function toSarif(files: LintedFile[], cwd: string) {
  const ids = Object.keys(ruleMeta).sort();
  const rules = ids.map((id) => {
    const meta = ruleMeta[id]!;
    return {
      id,
      shortDescription: { text: meta.description.en },
      fullDescription: { text: meta.why.en },
      helpUri: meta.url,
      help: { text: `${meta.description.en}\n\n${meta.why.en}\n\nInstead of: ${meta.bad.en}\nWrite: ${meta.good.en}` },
    };
  });
  const artifacts = files.map((f) => ({ location: artifactLocation(f) }));
  const results = files.flatMap((f, fileIndex) =>
    messagesOf(f).map((m) => {
      const { start, end } = span(m);
      const location = { ...artifactLocation(f), index: fileIndex };
      return {
        ruleId: m.ruleId,
        ...(ids.includes(m.ruleId) ? { ruleIndex: ids.indexOf(m.ruleId) } : {}),
        level: sarifLevel[m.severity],
        message: { text: m.reason },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: {
                startLine: start.line,
                startColumn: start.column,
                endLine: end.line,
                endColumn: end.column,
                charOffset: start.offset,
                charLength: end.offset - start.offset,
              },
            },
          },
        ],
        ...(m.suggestions?.length
          ? {
              fixes: m.suggestions.map((s) => ({
                description: { text: s.title },
                artifactChanges: [
                  {
                    artifactLocation: location,
                    replacements: [
                      {
                        deletedRegion: { charOffset: s.start, charLength: s.end - s.start },
                        insertedContent: { text: s.text },
                      },
                    ],
                  },
                ],
              })),
            }
          : {}),
      };
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'replylint', version: packageVersion(), rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function artifactLocation(f: LintedFile) {
  if (!f.file.path) return { uri: 'stdin' };
  const relative = path.relative(f.file.cwd, path.resolve(f.file.cwd, f.file.path));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(path.resolve(f.file.cwd, f.file.path)).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

function messagesOf(f: LintedFile): ReplylintMessage[] {
  return f.file.messages as ReplylintMessage[];
}

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** Start and end of a message; a point-only place is an empty span. */
function span(message: ReplylintMessage): { start: Point; end: Point } {
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
