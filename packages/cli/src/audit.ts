/**
 * `replylint audit FILE.jsonl`: lint many past replies. Input is streamed line
 * by line with a bounded number of batches in flight, so memory stays flat;
 * results are written to stdout in input order; a per-rule summary goes to
 * stderr. Large inputs are spread over worker threads.
 */
import { once } from 'node:events';
import { open, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { auditLine, type AuditLine, type AuditLineResult, type AuditSettings } from './audit-line.js';
import { lintOverrides, resolveConfig, type CliValues } from './options.js';
import { configToLintOptions, describeFsError } from './config.js';
import { CliError } from './input.js';

/** Lines per message to a worker. */
const batchSize = 16;
/** Without --workers, audits start in-process and move to worker threads past this many lines. */
const largeInput = 256;

interface Pool {
  run(batch: AuditLine[]): Promise<AuditLineResult[]>;
  close(): Promise<void>;
  /** Batches allowed in flight. */
  capacity: number;
}

export interface AuditRun {
  input: string;
  cwd: string;
  values: CliValues;
  /** --workers: 0 runs in-process; undefined chooses by input size. */
  workers?: number;
}

export async function runAudit({ input, cwd, values, workers }: AuditRun): Promise<number> {
  if (input === '-' && process.stdin.isTTY) {
    throw new CliError('audit: no input: pass FILE.jsonl, or pipe JSON lines on stdin (see replylint --help)');
  }
  const label = input === '-' ? '<stdin>' : input;
  const near = input === '-' ? path.join(cwd, 'stdin') : path.resolve(cwd, input);
  const { config } = await resolveConfig(values, near, cwd);
  const overrides = lintOverrides(values);
  const settings: AuditSettings = {
    options: { ...configToLintOptions(config), ...overrides, rules: { ...config.rules, ...overrides.rules } },
    quiet: values.quiet === true,
  };
  const stream = input === '-' ? process.stdin : await openInput(near, label);
  const cores = os.availableParallelism();

  let pool: Pool = workers ? workerPool(workers, settings) : inlinePool(settings);
  let workerCount = workers ?? 0;
  const summary = new Summary();
  const progress = new Progress(summary);
  const inFlight = new Set<Promise<void>>();
  const done = new Map<number, AuditLineResult[]>();
  let sent = 0;
  let written = 0;
  let failure: unknown;

  const writeReady = () => {
    for (let batch = done.get(written); batch; batch = done.get(written)) {
      done.delete(written++);
      for (const result of batch) {
        process.stdout.write(`${result.json}\n`);
        if (result.error) process.stderr.write(`${progress.clear()}replylint: ${label}:${result.lineNo}: ${result.error}\n`);
        summary.add(result);
      }
    }
  };
  const dispatch = async (batch: AuditLine[]) => {
    while (inFlight.size >= pool.capacity) await Promise.race(inFlight);
    if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
    if (failure) throw failure;
    const seq = sent++;
    const job = pool.run(batch).then(
      (results) => {
        done.set(seq, results);
        writeReady();
      },
      (error: unknown) => {
        failure ??= error;
      },
    );
    const tracked = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  try {
    let lineNo = 0;
    let batch: AuditLine[] = [];
    for await (const text of linesOf(stream, label)) {
      lineNo++;
      if (text.trim() === '') continue;
      batch.push({ lineNo, text });
      if (batch.length < batchSize) continue;
      if (workers === undefined && workerCount === 0 && lineNo > largeInput && cores > 1) {
        await Promise.all(inFlight);
        await pool.close();
        pool = workerPool(cores, settings);
        workerCount = cores;
      }
      await dispatch(batch);
      batch = [];
    }
    if (batch.length > 0) await dispatch(batch);
    await Promise.all(inFlight);
    if (failure) throw failure;
  } finally {
    progress.stop();
    await pool.close();
  }
  process.stderr.write(summary.report(workerCount));
  return summary.malformed > 0 ? 2 : 0;
}

async function openInput(file: string, label: string) {
  const info = await stat(file).catch((error: unknown) => {
    throw new CliError(`${label}: ${describeFsError(error)}`);
  });
  if (info.isDirectory()) throw new CliError(`${label}: is a directory, not a file`);
  const handle = await open(file).catch((error: unknown) => {
    throw new CliError(`${label}: ${describeFsError(error)}`);
  });
  return handle.createReadStream();
}

/** Lines of the input; a read error (EIO, …) is an I/O error naming the input, not an internal one. */
async function* linesOf(stream: NodeJS.ReadableStream, label: string): AsyncGenerator<string> {
  try {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) yield line;
  } catch (error) {
    throw (error as NodeJS.ErrnoException).syscall ? new CliError(`${label}: ${describeFsError(error)}`) : error;
  }
}

function inlinePool(settings: AuditSettings): Pool {
  return {
    capacity: 2,
    async run(batch) {
      const results = [];
      for (const line of batch) results.push(await auditLine(line, settings));
      return results;
    },
    async close() {},
  };
}

/** Set by scripts/bundle.mjs in the bundled CLI (dist/replylint.cjs). */
declare const __REPLYLINT_BUNDLE__: boolean | undefined;

/**
 * The worker's script: in the bundled CLI, the bundled worker (dist/audit-worker.cjs:
 * one file to load per thread instead of some 200 modules); else this module's sibling.
 */
function workerScript(): URL {
  return typeof __REPLYLINT_BUNDLE__ !== 'undefined' && __REPLYLINT_BUNDLE__
    ? new URL('../audit-worker.cjs', import.meta.url)
    : new URL('./audit-worker.js', import.meta.url);
}

/** `size` worker threads, each linting one batch at a time. */
function workerPool(size: number, settings: AuditSettings): Pool {
  const url = workerScript();
  const workers = Array.from({ length: size }, () => new Worker(url, { workerData: settings }));
  const idle = [...workers];
  const waiting: ((worker: Worker) => void)[] = [];
  const acquire = () => new Promise<Worker>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
  const release = (worker: Worker) => (waiting.length ? waiting.shift()!(worker) : idle.push(worker));

  return {
    capacity: size * 2,
    async run(batch) {
      const worker = await acquire();
      try {
        return await new Promise<AuditLineResult[]>((resolve, reject) => {
          const onError = (error: Error) => reject(error);
          const onExit = (code: number) => reject(new Error(`audit worker stopped (exit code ${code})`));
          worker.once('message', (results: AuditLineResult[]) => {
            worker.off('error', onError).off('exit', onExit);
            resolve(results);
          });
          worker.once('error', onError).once('exit', onExit);
          worker.postMessage(batch);
        });
      } finally {
        release(worker);
      }
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** Per-rule counts of flagged replies, per language. */
class Summary {
  replies = 0;
  malformed = 0;
  readonly started = performance.now();
  private readonly perLanguage = new Map<string, number>();
  private readonly flagged = new Map<string, Map<string, number>>();

  add(result: AuditLineResult): void {
    if (result.error || !result.language) {
      this.malformed++;
      return;
    }
    this.replies++;
    increment(this.perLanguage, result.language);
    for (const rule of result.flagged ?? []) {
      if (!this.flagged.has(rule)) this.flagged.set(rule, new Map());
      increment(this.flagged.get(rule)!, result.language);
    }
  }

  get seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  report(workers: number): string {
    const n = (value: number) => value.toLocaleString('en');
    const seconds = this.seconds;
    const languages = [...this.perLanguage.keys()].sort();
    const rate = this.replies / Math.max(seconds, 1e-3);
    const lines = [
      `replylint audit: ${n(this.replies)} replies (${languages.map((l) => `${l} ${n(this.perLanguage.get(l)!)}`).join(', ') || 'none'})` +
        (this.malformed ? `, ${n(this.malformed)} bad line${this.malformed === 1 ? '' : 's'}` : '') +
        ` in ${seconds.toFixed(1)} s (${n(Math.round(rate))} replies/s, ${workers ? `${workers} worker${workers === 1 ? '' : 's'}` : 'in-process'},` +
        ` peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`,
    ];
    if (this.flagged.size > 0) {
      const share = (count: number, total: number) => `${n(count).padStart(7)} ${((100 * count) / total).toFixed(1).padStart(5)}%`;
      const rules = [...this.flagged.entries()].map(([rule, counts]) => ({ rule, counts, total: sum(counts) }));
      rules.sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule));
      const width = Math.max(4, ...rules.map((r) => r.rule.length));
      const column = (title: string) => title.padStart(14);
      lines.push('', `${'rule'.padEnd(width)}  ${column('all')}${languages.map(column).join('')}`);
      for (const { rule, counts, total } of rules) {
        const cells = languages.map((l) => share(counts.get(l) ?? 0, this.perLanguage.get(l)!));
        lines.push(`${rule.padEnd(width)}  ${share(total, this.replies)}${cells.join('')}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }
}

/** A progress line on stderr when it is a TTY and the run is long. */
class Progress {
  private readonly timer?: NodeJS.Timeout;
  private shown = false;

  constructor(summary: Summary) {
    if (!process.stderr.isTTY) return;
    this.timer = setInterval(() => {
      if (summary.seconds < 2) return;
      const rate = Math.round(summary.replies / summary.seconds);
      process.stderr.write(`\r\x1b[2Kreplylint audit: ${summary.replies.toLocaleString('en')} replies, ${rate.toLocaleString('en')}/s`);
      this.shown = true;
    }, 500);
    this.timer.unref();
  }

  /** Returns the escape that clears the line, for text written before it. */
  clear(): string {
    if (!this.shown) return '';
    this.shown = false;
    return '\r\x1b[2K';
  }

  stop(): void {
    clearInterval(this.timer);
    process.stderr.write(this.clear());
  }
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sum(map: Map<string, number>): number {
  let total = 0;
  for (const value of map.values()) total += value;
  return total;
}
