/** Shared helpers: run the built `replylint` binary as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `replylint` command as npm links it: packages/cli/replylint.js, the launcher
 * (run by sh through its #! line: the startup snapshot, or the bundle; see
 * scripts/bundle.mjs). Run with `node` it runs the bundle.
 */
export const bin = fileURLToPath(new URL('../../replylint.js', import.meta.url));
/** Fixtures stay in the source tree: packages/cli/test/fixtures. */
export const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
export const cliRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string | Buffer;
  cwd?: string;
  env?: Record<string, string>;
}

/** Run `replylint ARGS` as a shell would (cwd: the fixtures), with stdin piped. */
export function run(args: string[], { input = '', cwd = fixtures, env = {} }: RunOptions = {}): RunResult {
  const result = spawnSync(bin, args, {
    cwd,
    input,
    encoding: 'utf8',
    env: cleanEnv(env),
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Run a bash pipeline (for `| head -1`); the word `$REPLYLINT` in it is the command. */
export function sh(script: string, { cwd = fixtures, env = {} }: RunOptions = {}): RunResult {
  const command = `'${bin}'`;
  const result = spawnSync('bash', ['-c', script.replaceAll('$REPLYLINT', command)], {
    cwd,
    encoding: 'utf8',
    env: cleanEnv(env),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The inherited environment without colour switches, plus `env`. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  return { ...base, ...env };
}

export function fixture(...parts: string[]): string {
  return path.join(fixtures, ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixture(...parts), 'utf8');
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'replylint-cli-'));
}

/** An error report is exactly one line on stderr, never a stack trace. */
export function oneLineError(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  if (lines.length !== 1 || !lines[0]!.startsWith('replylint: ') || /\n\s+at /.test(stderr)) {
    throw new Error(`expected one error line, got:\n${stderr}`);
  }
  return lines[0]!;
}

export interface JsonFileReport {
  file: string;
  language: string;
  score: number;
  inquirySource: string;
  skipped: boolean;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  messages: {
    ruleId: string;
    severity: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    offset: number;
    endOffset: number;
    url: string;
    suggestions: { title: string; start: number; end: number; text: string }[];
  }[];
}

export function json(result: RunResult): JsonFileReport[] {
  return JSON.parse(result.stdout) as JsonFileReport[];
}
