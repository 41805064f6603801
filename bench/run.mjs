#!/usr/bin/env node
/**
 * replylint benchmark: cold CLI, warm throughput, editor latency and audit
 * scaling, side by side with textlint + preset-ja-technical-writing (Japanese)
 * and alex (English), with floors (bare `node -e ''`, raw kuromoji).
 *
 *   npm run bench                  # from the repository root (installs bench/ deps, builds, runs)
 *   node bench/run.mjs [--quick] [--runs N] [--n N] [--edits N] [--audit N]
 *                      [--only cold,warm,editor,audit] [--no-build] [--wait-idle SECONDS]
 *
 * Writes bench/RESULTS.md, bench/results.json and docs/benchmarks.md, and puts
 * the same text in README.md's Benchmarks section (replacing the last one).
 * Not part of `npm test`: figures are reported against targets, never asserted
 * (the correctness checks are: same tokens as stock kuromoji, English-only
 * input never loads the dictionary).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus, replyOfLength, longJapaneseReply } from './lib/corpus.mjs';
import { hasGnuTime, median, percentile, runJson, runProcess } from './lib/measure.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const work = path.join(benchDir, '.work');
const lib = path.join(benchDir, 'lib');

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const quick = flag('--quick');
const opts = {
  runs: Number(value('--runs', quick ? 3 : 11)),
  n: Number(value('--n', quick ? 40 : 200)),
  passes: Number(value('--passes', quick ? 3 : 7)),
  edits: Number(value('--edits', quick ? 100 : 500)),
  editorRuns: Number(value('--editor-runs', quick ? 1 : 3)),
  audit: Number(value('--audit', quick ? 400 : 4000)),
  auditRuns: Number(value('--audit-runs', quick ? 1 : 3)),
  seed: Number(value('--seed', 20260407)),
  only: new Set(value('--only', 'cold,warm,editor,audit').split(',')),
  build: !flag('--no-build'),
  /** Before each section, wait up to this many seconds for the 1-minute load average to drop below 1 per core. */
  waitIdle: Number(value('--wait-idle', 0)),
};

const paths = {
  core: path.join(root, 'packages/core/dist/src/index.js'),
  /** The `replylint` command as installed: the launcher (startup snapshot, else the bundle). */
  command: path.join(root, 'packages/cli/replylint.js'),
  /** The bundled CLI without the snapshot (what the launcher runs for another node or with NODE_OPTIONS). */
  bundle: path.join(root, 'packages/cli/dist/replylint.cjs'),
  /** The CLI's compiled modules, unbundled (how `replylint` ran before issue 15). */
  cli: path.join(root, 'packages/cli/dist/bin/replylint.js'),
  lsp: path.join(root, 'packages/lsp/dist/bin/replylint-lsp.js'),
  buildDict: path.join(root, 'packages/core/scripts/build-dict.mjs'),
  kuromojiDict: path.join(path.dirname(createRequire(path.join(root, 'packages/core/package.json')).resolve('kuromoji/package.json')), 'dict'),
  textlint: path.join(benchDir, 'node_modules/textlint/bin/textlint.js'),
  textlintrc: path.join(benchDir, 'peers/textlintrc.json'),
  alex: path.join(benchDir, 'node_modules/alex/cli.js'),
};

const log = (...args) => console.error('[bench]', ...args);
const node = process.execPath;

// ---------------------------------------------------------------- preparation

function prepare() {
  if (opts.build) {
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    log('building (tsc -b)…');
    const built = spawnSync(node, [tsc, '-b'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('tsc -b failed');
    log('building the VS Code extension (production bundles, dist/dict)…');
    const vscode = spawnSync(node, [path.join(root, 'packages/vscode/scripts/build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
    if (vscode.status !== 0) throw new Error('packages/vscode/scripts/build.mjs failed');
    log('bundling the CLI and building its startup snapshot…');
    const bundled = spawnSync(node, [path.join(root, 'packages/cli/scripts/bundle.mjs')], { cwd: root, stdio: 'inherit' });
    if (bundled.status !== 0) throw new Error('packages/cli/scripts/bundle.mjs failed');
  }
  const dict = spawnSync(node, [paths.buildDict], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (dict.status !== 0) throw new Error('build-dict failed');
  log(dict.stdout.trim());
  for (const [name, file] of Object.entries({ core: paths.core, cli: paths.cli, bundle: paths.bundle, blob: path.join(root, 'packages/cli/dist/replylint.blob'), textlint: paths.textlint, alex: paths.alex })) {
    if (!fs.existsSync(file)) throw new Error(`${name} is missing: ${file} (run npm run build, and npm --prefix bench ci)`);
  }

  fs.mkdirSync(work, { recursive: true });
  const corpus = makeCorpus(opts.n, opts.seed);
  const jsonl = (records) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  fs.writeFileSync(path.join(work, 'ja.jsonl'), jsonl(corpus.ja));
  fs.writeFileSync(path.join(work, 'en.jsonl'), jsonl(corpus.en));
  const audit = makeCorpus(Math.ceil(opts.audit / 2), opts.seed + 1);
  const mixed = [];
  for (let i = 0; i < audit.ja.length; i++) mixed.push(audit.ja[i], audit.en[i]);
  fs.writeFileSync(path.join(work, 'audit.jsonl'), jsonl(mixed.slice(0, opts.audit)));
  fs.writeFileSync(path.join(work, 'audit-start.jsonl'), jsonl(mixed.slice(0, 32)));
  const ja600 = replyOfLength('ja', 570, 630).reply;
  const en600 = replyOfLength('en', 570, 650).reply;
  const ja2k = longJapaneseReply(2000);
  fs.writeFileSync(path.join(work, 'ja600.txt'), ja600);
  fs.writeFileSync(path.join(work, 'en600.txt'), en600);
  fs.writeFileSync(path.join(work, 'ja2k.txt'), ja2k);
  const chars = (records) => records.reduce((n, r) => n + r.reply.length, 0);
  return {
    ja: { replies: corpus.ja.length, chars: chars(corpus.ja) },
    en: { replies: corpus.en.length, chars: chars(corpus.en) },
    audit: { replies: Math.min(mixed.length, opts.audit) },
    ja600: ja600.length,
    en600: en600.length,
    ja2k: ja2k.length,
  };
}

async function waitIdle(section) {
  if (!opts.waitIdle) return;
  const limit = os.availableParallelism();
  const until = Date.now() + opts.waitIdle * 1000;
  while (os.loadavg()[0] >= limit && Date.now() < until) await new Promise((r) => setTimeout(r, 5000));
  log(`${section}: load average ${os.loadavg()[0].toFixed(2)}`);
}

// ---------------------------------------------------------------- checks

async function checks() {
  log('checks: same tokens as stock kuromoji; English-only never loads the dictionary…');
  const tokens = runJson(path.join(lib, 'check-tokens.mjs'), [root, path.join(work, 'ja.jsonl'), path.join(work, 'ja2k.txt')]);
  const traceFile = path.join(work, 'trace.json');
  fs.rmSync(traceFile, { force: true });
  await runProcess(node, ['--require', path.join(lib, 'trace-dict.cjs'), paths.bundle, path.join(work, 'en600.txt')], {
    env: { REPLYLINT_BENCH_TRACE_FILE: traceFile },
    okCodes: [0, 1],
  });
  const englishCli = JSON.parse(fs.readFileSync(traceFile, 'utf8'));
  fs.rmSync(traceFile, { force: true });
  await runProcess(node, ['--require', path.join(lib, 'trace-dict.cjs'), paths.bundle, path.join(work, 'ja600.txt')], {
    env: { REPLYLINT_BENCH_TRACE_FILE: traceFile },
    okCodes: [0, 1],
  });
  const japaneseCli = JSON.parse(fs.readFileSync(traceFile, 'utf8'));
  const result = {
    sameTokensAsKuromoji: tokens.differing === 0,
    tokens,
    englishCliLoadsDictionary: englishCli.kuromojiRequired || englishCli.dictionaryFiles.length > 0,
    japaneseCliDictionaryFiles: japaneseCli.dictionaryFiles.map((f) => path.relative(root, f)),
  };
  if (!result.sameTokensAsKuromoji) throw new Error(`tokens differ from stock kuromoji: ${JSON.stringify(tokens)}`);
  if (result.englishCliLoadsDictionary) throw new Error(`English-only input loaded the dictionary: ${JSON.stringify(englishCli)}`);
  return result;
}

// ---------------------------------------------------------------- cold

async function cold() {
  const ja = path.join(work, 'ja600.txt');
  const en = path.join(work, 'en600.txt');
  const quiet = { NO_UPDATE_NOTIFIER: '1', FORCE_COLOR: '0' };
  const subjects = {
    floor: [node, ['-e', '']],
    replylintJa: [paths.command, [ja], { okCodes: [0, 1] }],
    replylintJaBundle: [node, [paths.bundle, ja], { okCodes: [0, 1] }],
    replylintJaModules: [node, [paths.cli, ja], { okCodes: [0, 1] }],
    replylintJaGz: [paths.command, [ja], { okCodes: [0, 1], env: { REPLYLINT_KUROMOJI_DICT: paths.kuromojiDict } }],
    textlintJa: [node, [paths.textlint, '--config', paths.textlintrc, ja], { okCodes: [0, 1], cwd: benchDir }],
    replylintEn: [paths.command, [en], { okCodes: [0, 1] }],
    replylintEnBundle: [node, [paths.bundle, en], { okCodes: [0, 1] }],
    replylintEnModules: [node, [paths.cli, en], { okCodes: [0, 1] }],
    alexEn: [node, [paths.alex, '--text', en], { okCodes: [0, 1], cwd: benchDir }],
  };
  const samples = Object.fromEntries(Object.keys(subjects).map((k) => [k, []]));
  // One untimed round fills the page cache; then rounds interleave the subjects so drift hits all alike.
  for (let round = -1; round < opts.runs; round++) {
    for (const [name, [cmd, args, o = {}]] of Object.entries(subjects)) {
      const r = await runProcess(cmd, args, { ...o, env: { ...quiet, ...o.env } });
      if (round >= 0) samples[name].push(r);
    }
    log(`cold: round ${round + 1}/${opts.runs}`);
  }
  const out = {};
  for (const [name, runs] of Object.entries(samples)) {
    out[name] = {
      wallMs: median(runs.map((r) => r.wallMs)),
      wallMinMs: Math.min(...runs.map((r) => r.wallMs)),
      wallMaxMs: Math.max(...runs.map((r) => r.wallMs)),
      cpuMs: median(runs.map((r) => r.cpuMs)),
      peakRssMB: median(runs.map((r) => r.peakRssMB)),
      runs: runs.length,
    };
  }
  return out;
}

// ---------------------------------------------------------------- warm

function warm() {
  const ja = path.join(work, 'ja.jsonl');
  const en = path.join(work, 'en.jsonl');
  const subjects = [
    ['replylintJa', 'replylint', ja],
    ['kuromojiJa', 'kuromoji', ja],
    ['textlintJa', 'textlint', ja],
    ['replylintEn', 'replylint', en],
    ['alexEn', 'alex', en],
    ['replylintJa600', 'replylint-one', path.join(work, 'ja600.txt')],
  ];
  const out = {};
  for (const [name, subject, file] of subjects) {
    log(`warm: ${name}…`);
    const r = runJson(path.join(lib, 'warm.mjs'), [subject, file, String(opts.passes)], { cwd: benchDir, env: { NO_UPDATE_NOTIFIER: '1' } });
    const pass = median(r.passMs);
    out[name] = {
      replies: r.replies,
      chars: r.chars,
      passMs: pass,
      passCpuMs: median(r.passCpuMs),
      repliesPerSec: (r.replies / pass) * 1000,
      charsPerSec: (r.chars / pass) * 1000,
      loadMs: r.loadMs,
      dictionaryMs: r.dictionaryMs,
      firstPassMs: r.firstPassMs,
      rssMB: r.rssMB,
      ...(r.perCallMs && { callMedianMs: median(r.perCallMs), callP95Ms: percentile(r.perCallMs, 95), calls: r.perCallMs.length }),
    };
  }
  return out;
}

// ---------------------------------------------------------------- editor

function editor() {
  if (!fs.existsSync(paths.lsp)) return { skipped: `no language server build at ${path.relative(root, paths.lsp)}` };
  // The language server's own benchmark (packages/lsp/bench), when it is there: a 2 KB (UTF-8) reply.
  const lspBench = path.join(root, 'packages/lsp/bench/latency.mjs');
  const packageRuns = [];
  if (fs.existsSync(lspBench)) {
    for (let i = 0; i < opts.editorRuns; i++) {
      log(`editor: packages/lsp/bench run ${i + 1}/${opts.editorRuns} (${opts.edits} edits)…`);
      packageRuns.push(runJson(lspBench, [String(opts.edits)], { cwd: root }));
    }
  }
  // This benchmark's client: a longer reply (~2,000 characters), type-and-delete edits.
  const runs = [];
  for (let i = 0; i < opts.editorRuns; i++) {
    log(`editor: run ${i + 1}/${opts.editorRuns} (${opts.edits} edits)…`);
    runs.push(runJson(path.join(lib, 'lsp.mjs'), [paths.lsp, path.join(work, 'ja2k.txt'), String(opts.edits), '20']));
  }
  const latencies = runs.flatMap((r) => r.latencies);
  // The VS Code extension's bundled server: first Japanese diagnostics, prepared dictionary (shipped) vs kuromoji's .gz (before).
  const vscodeServer = path.join(root, 'packages/vscode/dist/server.mjs');
  let vscode;
  if (fs.existsSync(vscodeServer)) {
    const first = { prepared: [], gz: [] };
    for (let i = 0; i < opts.runs; i++) {
      first.prepared.push(runJson(path.join(lib, 'vscode-first.mjs'), [vscodeServer, path.join(root, 'packages/vscode/dist/dict'), '--no-regexp-tier-up']));
      first.gz.push(runJson(path.join(lib, 'vscode-first.mjs'), [vscodeServer, paths.kuromojiDict, '']));
    }
    const m = (list, key) => median(list.map((r) => r[key]));
    vscode = {
      runs: opts.runs,
      prepared: { spawnToDiagnosticsMs: m(first.prepared, 'spawnToDiagnosticsMs'), openToDiagnosticsMs: m(first.prepared, 'openToDiagnosticsMs') },
      gz: { spawnToDiagnosticsMs: m(first.gz, 'spawnToDiagnosticsMs'), openToDiagnosticsMs: m(first.gz, 'openToDiagnosticsMs') },
    };
    log(`editor: VS Code server first Japanese diagnostics ${JSON.stringify(vscode)}`);
  }
  return {
    vscode,
    replyChars: runs[0].replyChars,
    replyBytes: Buffer.byteLength(fs.readFileSync(path.join(work, 'ja2k.txt'), 'utf8')),
    runs: runs.length,
    edits: latencies.length,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    maxMs: Math.max(...latencies),
    firstDiagnosticsMs: median(runs.map((r) => r.firstDiagnosticsMs)),
    rssAfterWarmupMB: median(runs.map((r) => r.rssAfterWarmupMB)),
    rssAfterEditsMB: median(runs.map((r) => r.rssAfterEditsMB)),
    peakRssMB: median(runs.map((r) => r.peakRssMB)),
    tokenizerLog: runs[0].tokenizerLog,
    packageBench: packageRuns.length
      ? {
          runs: packageRuns.length,
          replyBytes: packageRuns[0].replyBytes,
          replyChars: packageRuns[0].replyChars,
          edits: packageRuns[0].edits,
          p50Ms: median(packageRuns.map((r) => r.p50_ms)),
          p95Ms: median(packageRuns.map((r) => r.p95_ms)),
          rssAfterWarmupMB: median(packageRuns.map((r) => r.rss_after_warmup_mb)),
          rssAfterEditsMB: median(packageRuns.map((r) => r.rss_after_edits_mb)),
        }
      : undefined,
  };
}

// ---------------------------------------------------------------- audit

async function audit(replies) {
  const file = path.join(work, 'audit.jsonl');
  const spin = path.join(lib, 'spin.mjs');
  const samples = { 1: [], 2: [] };
  const starts = { 1: [], 2: [] };
  const alone = [];
  const together = [];
  for (let round = 0; round < opts.auditRuns; round++) {
    // The machine's own parallel capacity, measured in the same round: the same CPU-bound script alone and two at once.
    alone.push((await runProcess(node, [spin])).wallMs);
    const started = performance.now();
    await Promise.all([runProcess(node, [spin]), runProcess(node, [spin])]);
    together.push(performance.now() - started);
    for (const workers of [1, 2]) {
      // What one and two workers cost before the first reply: 32 replies, so start-up is most of it.
      starts[workers].push((await runProcess(paths.command, ['audit', path.join(work, 'audit-start.jsonl'), '--workers', String(workers)], { okCodes: [0, 1] })).wallMs);
      const r = await runProcess(paths.command, ['audit', file, '--workers', String(workers)], { okCodes: [0, 1] });
      samples[workers].push(r);
      log(`audit: ${workers} worker(s), round ${round + 1}/${opts.auditRuns}: ${(r.wallMs / 1000).toFixed(2)} s, CPU ${(r.cpuMs / 1000).toFixed(2)} s`);
    }
  }
  const rate = (runs) => (replies / median(runs.map((r) => r.wallMs))) * 1000;
  const config = (runs) => ({
    repliesPerSec: rate(runs),
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    /** Cores kept busy on average (CPU time / wall time): main thread, worker threads, V8's GC and compiler threads. */
    coresBusy: median(runs.map((r) => r.cpuMs / r.wallMs)),
    peakRssMB: median(runs.map((r) => r.peakRssMB)),
  });
  return {
    replies,
    machineParallelism: (2 * median(alone)) / median(together),
    workers1: config(samples[1]),
    workers2: config(samples[2]),
    scaling: rate(samples[2]) / rate(samples[1]),
    startMs: { 1: median(starts[1]), 2: median(starts[2]) },
  };
}

// ---------------------------------------------------------------- report

const fmt = {
  s: (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a'),
  ms: (ms) => (Number.isFinite(ms) ? `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms` : 'n/a'),
  mb: (mb) => (Number.isFinite(mb) ? `${Math.round(mb)} MB` : 'n/a'),
  x: (r) => (Number.isFinite(r) ? `${r.toFixed(r < 10 ? 2 : 1)}×` : 'n/a'),
  n: (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'n/a'),
};
const mark = (ok) => (ok === undefined ? '' : ok ? 'met' : '**missed**');

function rows(results) {
  const { cold: c, warm: w, editor: e, audit: a, sizes } = results;
  const out = [];
  const row = (figure, replylint, peer, ratio, floor, target, ok) => out.push({ figure, replylint, peer, ratio, floor, target, status: mark(ok) });
  if (c) {
    const speedup = c.textlintJa.wallMs / c.replylintJa.wallMs;
    row(
      `Cold CLI, one Japanese reply (${sizes.ja600} chars): wall (\`replylint\`: startup snapshot)`,
      fmt.s(c.replylintJa.wallMs),
      `textlint ${fmt.s(c.textlintJa.wallMs)}`,
      `${fmt.x(speedup)} faster`,
      `node -e '' ${fmt.s(c.floor.wallMs)}`,
      '≤ 0.15 s and ≥ 8× faster',
      c.replylintJa.wallMs <= 150 && speedup >= 8,
    );
    row('Cold CLI, one Japanese reply: peak RSS', fmt.mb(c.replylintJa.peakRssMB), `textlint ${fmt.mb(c.textlintJa.peakRssMB)}`, fmt.x(c.textlintJa.peakRssMB / c.replylintJa.peakRssMB) + ' less', `node -e '' ${fmt.mb(c.floor.peakRssMB)}`, '', undefined);
    row(
      'Cold CLI, one Japanese reply, bundle without the snapshot (another node, NODE_OPTIONS)',
      `${fmt.s(c.replylintJaBundle.wallMs)}, ${fmt.mb(c.replylintJaBundle.peakRssMB)}`,
      `textlint ${fmt.s(c.textlintJa.wallMs)}`,
      `${fmt.x(c.textlintJa.wallMs / c.replylintJaBundle.wallMs)} faster`,
      '',
      '',
      undefined,
    );
    row(
      'Cold CLI, one Japanese reply, the compiled modules unbundled (how it ran before)',
      `${fmt.s(c.replylintJaModules.wallMs)}, ${fmt.mb(c.replylintJaModules.peakRssMB)}`,
      `textlint ${fmt.s(c.textlintJa.wallMs)}`,
      `${fmt.x(c.textlintJa.wallMs / c.replylintJaModules.wallMs)} faster`,
      '',
      '',
      undefined,
    );
    row(
      'Cold CLI, one Japanese reply, kuromoji .gz dictionary (fallback)',
      `${fmt.s(c.replylintJaGz.wallMs)}, ${fmt.mb(c.replylintJaGz.peakRssMB)}`,
      '',
      `${fmt.x(c.replylintJaGz.wallMs / c.replylintJa.wallMs)} slower than the plain dictionary`,
      '',
      '',
      undefined,
    );
    row(`Cold CLI, one English reply (${sizes.en600} chars): wall (\`replylint\`: startup snapshot)`, fmt.s(c.replylintEn.wallMs), `alex ${fmt.s(c.alexEn.wallMs)}`, `${fmt.x(c.alexEn.wallMs / c.replylintEn.wallMs)} faster`, `node -e '' ${fmt.s(c.floor.wallMs)}`, '≤ 0.12 s', c.replylintEn.wallMs <= 120);
    row('Cold CLI, one English reply: peak RSS', fmt.mb(c.replylintEn.peakRssMB), `alex ${fmt.mb(c.alexEn.peakRssMB)}`, fmt.x(c.alexEn.peakRssMB / c.replylintEn.peakRssMB) + ' less', `node -e '' ${fmt.mb(c.floor.peakRssMB)}`, '', undefined);
    row('Cold CLI, one English reply: bundle without the snapshot / compiled modules unbundled', `${fmt.s(c.replylintEnBundle.wallMs)} / ${fmt.s(c.replylintEnModules.wallMs)}`, '', '', '', '', undefined);
  }
  if (w) {
    const vsTextlint = w.replylintJa.charsPerSec / w.textlintJa.charsPerSec;
    const vsKuromoji = w.replylintJa.charsPerSec / w.kuromojiJa.charsPerSec;
    row(
      `Warm lint(), Japanese corpus (${w.replylintJa.replies} replies, ${fmt.n(w.replylintJa.chars)} chars)`,
      `${fmt.n(w.replylintJa.repliesPerSec)} replies/s, ${fmt.n(w.replylintJa.charsPerSec)} chars/s`,
      `textlint ${fmt.n(w.textlintJa.repliesPerSec)} replies/s, ${fmt.n(w.textlintJa.charsPerSec)} chars/s`,
      `${fmt.x(vsTextlint)} textlint; ${fmt.x(vsKuromoji)} raw kuromoji`,
      `kuromoji tokenize() ${fmt.n(w.kuromojiJa.charsPerSec)} chars/s`,
      '≥ 3× textlint and ≥ 0.75× raw kuromoji',
      vsTextlint >= 3 && vsKuromoji >= 0.75,
    );
    row(
      `Warm lint(), English corpus (${w.replylintEn.replies} replies, ${fmt.n(w.replylintEn.chars)} chars)`,
      `${fmt.n(w.replylintEn.repliesPerSec)} replies/s, ${fmt.n(w.replylintEn.charsPerSec)} chars/s`,
      `alex ${fmt.n(w.alexEn.repliesPerSec)} replies/s, ${fmt.n(w.alexEn.charsPerSec)} chars/s`,
      fmt.x(w.replylintEn.charsPerSec / w.alexEn.charsPerSec),
      '',
      '',
      undefined,
    );
    row(
      `Warm lint() on one Japanese reply (${sizes.ja600} chars), median of ${w.replylintJa600.calls} calls (issue 2)`,
      `${fmt.ms(w.replylintJa600.callMedianMs)} (p95 ${fmt.ms(w.replylintJa600.callP95Ms)})`,
      '',
      '',
      '',
      '≤ 10 ms',
      w.replylintJa600.callMedianMs <= 10,
    );
  }
  if (e && !e.skipped) {
    const pb = e.packageBench;
    if (pb) {
      row(
        `Editor (packages/lsp/bench): didChange → diagnostics, ${fmt.n(pb.replyBytes)}-byte (${fmt.n(pb.replyChars)}-char) Japanese reply, ${pb.edits} edits: p50 / p95 (median of ${pb.runs} runs)`,
        `${fmt.ms(pb.p50Ms)} / ${fmt.ms(pb.p95Ms)}`,
        '',
        '',
        '',
        'p95 ≤ 20 ms',
        pb.p95Ms <= 20,
      );
      row('Editor (packages/lsp/bench): server RSS after warm-up', fmt.mb(pb.rssAfterWarmupMB), '', '', `after ${pb.edits} edits: ${fmt.mb(pb.rssAfterEditsMB)}`, '≤ 200 MB', pb.rssAfterWarmupMB <= 200);
    }
    row(
      `Editor (bench/lib/lsp.mjs): ${fmt.n(e.replyChars)}-char (${fmt.n(e.replyBytes)}-byte) Japanese reply, ${e.runs} × ${e.edits / e.runs} edits: p50 / p95`,
      `${fmt.ms(e.p50Ms)} / ${fmt.ms(e.p95Ms)}`,
      '',
      '',
      '',
      'p95 ≤ 20 ms',
      e.p95Ms <= 20,
    );
    row('Editor (bench/lib/lsp.mjs): server RSS after warm-up', fmt.mb(e.rssAfterWarmupMB), '', '', `after ${e.edits} edits: ${fmt.mb(e.rssAfterEditsMB)}`, '≤ 200 MB', e.rssAfterWarmupMB <= 200);
    if (e.vscode) {
      row(
        `VS Code extension's server (dist/server.mjs): first Japanese diagnostics after it is spawned / after didOpen (median of ${e.vscode.runs})`,
        `${fmt.ms(e.vscode.prepared.spawnToDiagnosticsMs)} / ${fmt.ms(e.vscode.prepared.openToDiagnosticsMs)}`,
        '',
        `kuromoji .gz (shipped before): ${fmt.ms(e.vscode.gz.spawnToDiagnosticsMs)} / ${fmt.ms(e.vscode.gz.openToDiagnosticsMs)}`,
        '',
        '≤ 300 ms after the file opens (e2e in code-server: see README)',
        e.vscode.prepared.spawnToDiagnosticsMs <= 300,
      );
    }
  } else if (e?.skipped) {
    row('Editor latency', `not run: ${e.skipped}`, '', '', '', 'p95 ≤ 20 ms, RSS ≤ 200 MB', undefined);
  }
  if (a) {
    row(
      `Audit, ${fmt.n(a.replies)} replies (JA + EN): 1 worker`,
      `${fmt.n(a.workers1.repliesPerSec)} replies/s`,
      '',
      '',
      `CPU ${fmt.s(a.workers1.cpuMs)} over ${fmt.s(a.workers1.wallMs)}: ${a.workers1.coresBusy.toFixed(2)} cores busy`,
      '',
      undefined,
    );
    row(
      'Audit: 2 workers',
      `${fmt.n(a.workers2.repliesPerSec)} replies/s`,
      '',
      `${fmt.x(a.scaling)} 1 worker`,
      `CPU ${fmt.s(a.workers2.cpuMs)} over ${fmt.s(a.workers2.wallMs)}: ${a.workers2.coresBusy.toFixed(2)} cores busy; machine: 2 CPU-bound processes at once do ${fmt.x(a.machineParallelism)} the work of one`,
      '≥ 1.5× 1 worker',
      a.scaling >= 1.5,
    );
    row('Audit: start-up, 32 replies (1 worker / 2 workers)', `${fmt.s(a.startMs[1])} / ${fmt.s(a.startMs[2])}`, '', '', '', '', undefined);
  }
  return out;
}

function table(list) {
  const head = '| Figure | replylint | Peer | Ratio | Floor | Target | |\n| --- | --- | --- | --- | --- | --- | --- |';
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  return [head, ...list.map((r) => `| ${[r.figure, r.replylint, r.peer, r.ratio, r.floor, r.target, r.status].map(esc).join(' | ')} |`)].join('\n');
}

function environment(loadBefore, loadAfter) {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: { before: loadBefore, after: loadAfter },
    peakRssMethod: hasGnuTime() ? 'GNU time %M' : 'process.resourceUsage().maxRSS at exit (--require probe)',
  };
}

function markdown(results, { forDocs }) {
  const env = results.environment;
  const o = results.options;
  const lines = [];
  lines.push(forDocs ? '## Benchmarks' : '# replylint benchmark results');
  lines.push('');
  lines.push(
    `Measured ${results.date ? `on ${results.date} ` : ''}with Node ${env.node} on ${env.cores} cores (${env.cpu}), ` +
      `load average (1/5/15 min) ${env.loadAverage.before.map((l) => l.toFixed(2)).join(' / ')} before and ${env.loadAverage.after.map((l) => l.toFixed(2)).join(' / ')} after` +
      (results.loadAtSectionStart ? ` (1 min at the start of each section: ${Object.entries(results.loadAtSectionStart).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')})` : '') +
      '. ' +
      `Wall times are medians of ${o.runs} interleaved runs (cold), of ${o.passes} passes (warm); peak RSS by ${env.peakRssMethod}.`,
  );
  lines.push('');
  lines.push(table(results.rows));
  lines.push('');
  lines.push(
    'Peers: textlint with textlint-rule-preset-ja-technical-writing (kuromoji through kuromojin) on the same Japanese replies; alex on the same English replies; ' +
      "both installed only in bench/. Floors: a bare `node -e ''` start, and stock kuromoji's `tokenize()` (same version as replylint's, loaded the stock way) on the same Japanese text.",
  );
  lines.push('');
  if (results.checks) {
    const t = results.checks.tokens;
    lines.push(
      `Checks: replylint's tokenizer gave the same tokens as stock kuromoji on ${fmt.n(t.texts)} texts (${fmt.n(t.chars)} chars, ` +
        `corpus + seeded random mixed-script strings); English-only input loaded no dictionary (${results.checks.englishCliLoadsDictionary ? 'FAILED' : 'checked'} ` +
        'by tracing the CLI process).',
    );
    lines.push('');
  }
  if (results.cold) {
    const c = results.cold;
    lines.push(
      `CPU time (user + sys) of the cold runs: replylint JA ${fmt.ms(c.replylintJa.cpuMs)} (bundle ${fmt.ms(c.replylintJaBundle.cpuMs)}, modules ${fmt.ms(c.replylintJaModules.cpuMs)}), with the .gz dictionary ${fmt.ms(c.replylintJaGz.cpuMs)}, ` +
        `textlint ${fmt.ms(c.textlintJa.cpuMs)}, replylint EN ${fmt.ms(c.replylintEn.cpuMs)} (bundle ${fmt.ms(c.replylintEnBundle.cpuMs)}, modules ${fmt.ms(c.replylintEnModules.cpuMs)}), alex ${fmt.ms(c.alexEn.cpuMs)}, node -e '' ${fmt.ms(c.floor.cpuMs)}. ` +
        `Wall range (min–max) of the \`replylint\` runs: JA ${fmt.s(c.replylintJa.wallMinMs)}–${fmt.s(c.replylintJa.wallMaxMs)}, EN ${fmt.s(c.replylintEn.wallMinMs)}–${fmt.s(c.replylintEn.wallMaxMs)}.`,
    );
    lines.push('');
  }
  if (results.warm) {
    const w = results.warm;
    lines.push(
      `Warm CPU time per pass (median): replylint JA ${fmt.ms(w.replylintJa.passCpuMs)}, raw kuromoji ${fmt.ms(w.kuromojiJa.passCpuMs)}, textlint ${fmt.ms(w.textlintJa.passCpuMs)}, ` +
        `replylint EN ${fmt.ms(w.replylintEn.passCpuMs)}, alex ${fmt.ms(w.alexEn.passCpuMs)}. ` +
        `Dictionary load in-process (\`ensureJapaneseTokenizer()\` vs stock \`kuromoji.builder().build()\`): replylint ${fmt.ms(w.replylintJa.dictionaryMs)}, stock kuromoji ${fmt.ms(w.kuromojiJa.dictionaryMs)}. ` +
        `First (cold-JIT) pass over the Japanese corpus: replylint ${fmt.ms(w.replylintJa.firstPassMs)}, raw kuromoji ${fmt.ms(w.kuromojiJa.firstPassMs)}.`,
    );
    lines.push('');
  }
  lines.push('### Reproduce');
  lines.push('');
  // test/docs.test.mjs runs every shell block that is not marked: this one reinstalls and runs for minutes.
  lines.push('<!-- not run: npm ci reinstalls everything and npm run bench installs bench/ from the npm registry and runs for about 10 minutes -->');
  lines.push('```sh');
  lines.push('npm ci && npm run build   # build also writes packages/core/dict/ (plain kuromoji dictionary)');
  lines.push('npm run bench             # installs bench/ (textlint, alex) and runs everything (~10 min)');
  lines.push('node bench/run.mjs --quick --no-build   # fewer runs, smaller corpus');
  lines.push('```');
  lines.push('');
  lines.push(
    `Corpus: ${o.n} Japanese and ${o.n} English replies generated from templates with seed ${o.seed} (bench/lib/corpus.mjs), the same on every machine. ` +
      'Cold runs spawn whole processes (`replylint FILE` as installed: packages/cli/replylint.js, the launcher, which runs the startup snapshot; `node dist/replylint.cjs FILE`; `node dist/bin/replylint.js FILE`; `textlint --config … FILE`, `alex --text FILE`). ' +
      `Editor: packages/lsp/bench/latency.mjs (the language server's own benchmark) and bench/lib/lsp.mjs (a ~2,000-character reply; the server over stdio in push mode with debounce 0), ${o.edits} single-character edits per run, ${o.editorRuns} run(s) each, time from didChange to the publishDiagnostics of that version. ` +
      `Audit: \`replylint audit\` on ${o.audit} mixed replies with \`--workers 1\` and \`--workers 2\`, whole-process wall time. Full numbers: bench/results.json.`,
  );
  lines.push('');
  return lines.join('\n');
}

/**
 * README.md with its generated part of "## Benchmarks" (from the heading to the
 * next heading other than "### Reproduce") replaced by `docs`, the text of
 * docs/benchmarks.md, once: what follows (the "### Start-up (issue 15)" notes)
 * is kept as written. Replacing rather than inserting keeps one copy of each
 * paragraph however often the benchmark runs.
 */
function withBenchmarks(readme, docs) {
  const start = readme.indexOf('\n## Benchmarks\n');
  if (start < 0) throw new Error('README.md has no "## Benchmarks" section');
  const heading = /^#{2,3} (?!Reproduce$).*$/gm;
  heading.lastIndex = start + '\n## Benchmarks\n'.length;
  const next = heading.exec(readme);
  const end = next ? next.index : readme.length;
  return readme.slice(0, start + 1) + docs.trimEnd() + '\n\n' + readme.slice(end);
}

// ---------------------------------------------------------------- main

const loadBefore = os.loadavg();
const startedAt = Date.now();
const sizes = prepare();
const results = { date: new Date().toISOString().slice(0, 10), options: { ...opts, only: [...opts.only] }, sizes };
results.checks = await checks();
const sections = [];
if (opts.only.has('cold')) {
  await waitIdle('cold');
  sections.push(['cold', os.loadavg()[0]]);
  results.cold = await cold();
}
if (opts.only.has('warm')) {
  await waitIdle('warm');
  sections.push(['warm', os.loadavg()[0]]);
  results.warm = warm();
}
if (opts.only.has('editor')) {
  await waitIdle('editor');
  sections.push(['editor', os.loadavg()[0]]);
  results.editor = editor();
}
if (opts.only.has('audit')) {
  await waitIdle('audit');
  sections.push(['audit', os.loadavg()[0]]);
  results.audit = await audit(sizes.audit.replies);
}
results.loadAtSectionStart = Object.fromEntries(sections);
results.environment = environment(loadBefore, os.loadavg());
results.durationS = Math.round((Date.now() - startedAt) / 1000);
results.rows = rows(results);

fs.writeFileSync(path.join(benchDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
fs.writeFileSync(path.join(benchDir, 'RESULTS.md'), markdown(results, { forDocs: false }));
fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
const docs = markdown(results, { forDocs: true });
fs.writeFileSync(path.join(root, 'docs/benchmarks.md'), docs);
const readme = path.join(root, 'README.md');
fs.writeFileSync(readme, withBenchmarks(fs.readFileSync(readme, 'utf8'), docs));
console.log(table(results.rows));
log(`done in ${results.durationS} s: bench/RESULTS.md, bench/results.json, docs/benchmarks.md, README.md (Benchmarks)`);
