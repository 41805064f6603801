/**
 * The `replylint` command: argument parsing, reading replies, linting them
 * with @replylint/core and reporting. `main()` returns the exit code:
 * 0 clean (or warnings within --max-warnings), 1 findings at error level or
 * too many warnings, 2 usage, I/O or config error (one line on stderr).
 */
import path from 'node:path';
import { lint, presets } from '@replylint/core';
import type { LintOptions } from '@replylint/core';
import { VFile } from 'vfile';
import { compareMessage } from 'vfile-sort';
import { statistics } from 'vfile-statistics';
import { ConfigError, ReadError, chooseInquiry, configToLintOptions, loadConfigFor, proseOfText, readProse } from '@replylint/node';
import { CliError, expandFileArgs, readStdin } from './input.js';
import { lintOverrides, oneOf, parseCli, parseCount, resolveConfig, type CliValues } from './options.js';
import { formatReport, formats, packageVersion, type Format, type LintedFile } from './report.js';

export const helpText = `Usage: replylint [options] [file|glob|-]...
       replylint audit [options] [FILE.jsonl|-]
       replylint serve [--host H] [--port P] [--token T] (see replylint serve --help)

Lint customer-support replies (Japanese and English). With no file, or -,
the reply is read from stdin.

Options:
  --inquiry FILE            the customer's message (default: NAME.inquiry.txt/.md
                            next to the reply, else the quoted original in it)
  --lang ja|en|auto         language of the reply (default: auto)
  --channel email|chat      reply channel (default: email)
  --preset NAME             ${Object.keys(presets).join(', ')} (default: recommended)
  --rule ID:off|warn|error  set a rule's severity (repeatable)
  -c, --config FILE         use this config file instead of searching for one
  --no-config               use no config file
  --message-language L      ja, en or auto: language of the messages (default: auto)
  -f, --format NAME         ${formats.join(', ')} (default: stylish)
  --max-warnings N          exit 1 when there are more than N warnings
  -q, --quiet               report errors only
  --stdin-filename PATH     path of the stdin reply: shown in output, used to find
                            its config and NAME.inquiry.txt
  --workers N               audit: worker threads (default: all cores for large input)
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 clean (or warnings within --max-warnings), 1 errors or too
many warnings, 2 usage, I/O or config error.
`;

/**
 * What the `replylint` command runs (dist/bin/replylint.js, and the bundle and
 * snapshot built by scripts/bundle.mjs): `main()`, its exit code set on the
 * process. `replylint … | head -1`: a closed stdout ends the run quietly, with
 * the exit code found so far.
 */
export async function runCommand(argv: string[]): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit();
    throw error;
  });
  process.stderr.on('error', () => {});
  process.exitCode = await main(argv);
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  try {
    // What one invocation does not need is not loaded: serve (fastify), audit (worker threads).
    if (argv[0] === 'serve') return await (await import('./serve/command.js')).runServe(argv.slice(1), cwd);
    const { values, positionals } = parseCli(argv);
    if (values.help) return write(helpText);
    if (values.version) return write(`${packageVersion()}\n`);
    if (positionals[0] === 'audit') {
      rejectOptions(values, ['format', 'max-warnings', 'stdin-filename', 'inquiry'], 'is not an audit option (see replylint --help)');
      if (positionals.length > 2) throw new CliError(`audit takes one input (FILE.jsonl or -), got ${positionals.length - 1}`);
      const { runAudit } = await import('./audit.js');
      return await runAudit({ input: positionals[1] ?? '-', cwd, values, workers: parseCount(values.workers, '--workers') });
    }
    rejectOptions(values, ['workers'], 'is only used by replylint audit');
    return await runLint(values, positionals, cwd);
  } catch (error) {
    process.stderr.write(`replylint: ${errorLine(error, cwd)}\n`);
    return 2;
  }
}

async function runLint(values: CliValues, positionals: string[], cwd: string): Promise<number> {
  const format = parseFormat(values.format);
  const maxWarnings = parseCount(values['max-warnings'], '--max-warnings');
  const overrides = lintOverrides(values);
  if (positionals.length === 0 && process.stdin.isTTY) {
    throw new CliError('no input: pass reply files or globs, or pipe a reply on stdin (see replylint --help)');
  }
  const args = positionals.length === 0 ? ['-'] : positionals;
  const files = await expandFileArgs(
    args.filter((a) => a !== '-'),
    cwd,
  );
  const useStdin = args.includes('-');
  const explicitConfig = values['no-config'] || values.config ? await resolveConfig(values, cwd, cwd) : undefined;
  const inquiry = values.inquiry === undefined ? undefined : await readProse(path.resolve(cwd, values.inquiry), values.inquiry);

  // Read everything first: an unreadable input stops the run before any output.
  const inputs: { name: string; path?: string; text: string }[] = [];
  if (useStdin) {
    const name = values['stdin-filename'];
    const text = await readStdin(name ?? '<stdin>');
    inputs.push({ name: name ?? '<stdin>', path: name, text: await proseOfText(text, name) });
  }
  for (const file of files) inputs.push({ name: file, path: file, text: await readProse(path.resolve(cwd, file), file) });
  // A pre-send hook must never pass a blank draft, nor a reply checked against itself.
  for (const input of inputs) {
    if (values.inquiry !== undefined && input.path !== undefined && path.resolve(cwd, input.path) === path.resolve(cwd, values.inquiry)) {
      throw new CliError(`${input.name}: is both the reply and its --inquiry`);
    }
    if (input.text.trim() === '') {
      const hint = input.path === undefined && values.inquiry !== undefined ? ` (--inquiry ${values.inquiry} is the customer's message; pass the reply as a file or on stdin)` : '';
      throw new CliError(`${input.name}: the reply is empty: a blank draft is never ready to send${hint}`);
    }
  }

  const linted: LintedFile[] = [];
  for (const input of inputs) {
    const absolute = input.path === undefined ? undefined : path.resolve(cwd, input.path);
    const { config } = explicitConfig ?? (await loadConfigFor(absolute ?? path.join(cwd, 'stdin')));
    // The one order of @replylint/node: --inquiry, else NAME.inquiry.txt|md, else (no inquiry option) the quoted original.
    const chosen = await chooseInquiry({
      ...(inquiry !== undefined && { option: { text: inquiry } }),
      replyPath: absolute,
      readSibling: (sibling) => readProse(sibling, path.relative(cwd, sibling)),
    });
    const options: LintOptions = {
      ...configToLintOptions(config),
      ...overrides,
      rules: { ...config.rules, ...overrides.rules },
      ...(chosen && { inquiry: chosen.text }),
    };
    const result = await lint(input.text, options);
    // A reply too large to analyse was not checked: it must not pass as if it had been.
    if (result.skipped) throw new CliError(`${input.name}: ${result.messages[0]?.reason ?? 'not analysed'}`);
    const file = new VFile({ path: input.path, cwd, value: input.text });
    const messages = values.quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages;
    file.messages.push(...[...messages].sort(compareMessage));
    linted.push({ file, name: input.name, result });
  }

  const stats = statistics(linted.map((f) => f.file));
  const tooManyWarnings = maxWarnings !== undefined && stats.warn > maxWarnings;
  const code = stats.fatal > 0 || tooManyWarnings ? 1 : 0;
  process.exitCode = code; // a closed stdout (| head) exits with this code
  const report = await formatReport(format, linted, { color: useColor(), cwd });
  if (report) process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
  if (tooManyWarnings) process.stderr.write(`replylint: too many warnings (${stats.warn}, --max-warnings ${maxWarnings})\n`);
  return code;
}

function parseFormat(value: string | undefined): Format {
  return oneOf(value ?? 'stylish', '--format', formats);
}

function rejectOptions(values: CliValues, names: (keyof CliValues)[], why: string): void {
  for (const name of names) {
    if (values[name] !== undefined) throw new CliError(`--${name} ${why}`);
  }
}

/** Colours on a TTY only; NO_COLOR turns them off, FORCE_COLOR on. */
function useColor(): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}

function write(text: string): number {
  process.stdout.write(text);
  return 0;
}

/** One line for any failure: config errors name the file (relative) and key. */
function errorLine(error: unknown, cwd: string): string {
  if (error instanceof ConfigError) {
    const relative = path.relative(cwd, error.file);
    const file = relative && !relative.startsWith('..') ? relative : error.file;
    return new ConfigError(file, error.key, error.reason).message;
  }
  if (error instanceof CliError || error instanceof ReadError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message.split('\n')[0]}`;
}
