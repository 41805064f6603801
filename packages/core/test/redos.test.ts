/**
 * No catastrophic backtracking: every regular expression core uses is run
 * over adversarial 50 KB inputs (long runs of one character, alternating
 * patterns, the regex's own words repeated) and must finish each in under
 * 200 ms. That is a correctness bound — a linear scan of 50 KB takes a few
 * milliseconds, a quadratic or exponential one takes seconds to forever —
 * not a speed benchmark.
 *
 * Which regexes: every `new RegExp(…)` core makes while it loads and lints
 * the fixtures (caught with a Proxy on the RegExp constructor, so the
 * patterns assembled from rules' data.json files are the real ones), plus
 * every regex literal in packages/core/src (found with the TypeScript parser).
 *
 * The timing runs in a worker thread: a regex that is still running after
 * ABORT_MS is stopped (worker.terminate() interrupts a running regex) and
 * reported, so a catastrophic pattern fails the test instead of hanging it.
 * Team phrases (`phrases.*`) are matched as plain text, never as patterns;
 * the last test checks that.
 *
 * History: the first run found eight quadratic patterns (whitespace, letter
 * and katakana runs: dismissive-wording lookbehinds, clause splitting, the
 * URL/e-mail masks, upsell offers, language detection, Japanese apologies);
 * core made them linear in ac56136.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import type * as Core from '../src/index.js';

const BOUND_MS = 200;
/** A measurement still running after this is stopped and counted as slow. */
const ABORT_MS = 2 * BOUND_MS;
const SIZE = 50_000;

const testDir = path.dirname(fileURLToPath(import.meta.url)); // packages/core/dist/test
const coreRoot = path.resolve(testDir, '../..'); // packages/core
const srcDir = path.join(coreRoot, 'src');
const distSrcDir = path.join(coreRoot, 'dist', 'src');
const fixturesDir = path.resolve(coreRoot, '../../fixtures');

interface Subject {
  source: string;
  flags: string;
  /** Where core builds it: `src/…/file.ts:LINE` (constructor calls, via source maps) or the literal's place. */
  sites: string[];
}

interface Slow {
  site: string;
  source: string;
  input: string;
  ms: number;
  aborted: boolean;
}

/** Generic adversarial inputs: long runs and alternations of the characters rules care about. */
const UNITS: Array<[string, string]> = [
  ['"a" run', 'a'],
  ['"7" run', '7'],
  ['space run', ' '],
  ['newline run', '\n'],
  ['CRLF run', '\r\n'],
  ['tab+space', '\t '],
  ['ideographic space run', '\u3000'],
  ['hiragana run', 'あ'],
  ['katakana run', 'ア'],
  ['ー run', 'ー'],
  ['kanji run', '漢'],
  ['full-width Latin run', 'ａ'],
  ['。 run', '。'],
  ['、 run', '、'],
  ['emoji run', '😀'],
  ['"ab" alternating', 'ab'],
  ['"a " alternating', 'a '],
  ['"word " repeated', 'word '],
  ['"a-" alternating', 'a-'],
  ['"a." alternating', 'a.'],
  ['"a@" alternating', 'a@'],
  ['", " repeated', ', '],
  ['": " repeated', ': '],
  ['"漢の" repeated', '漢の'],
  ['"アの" repeated', 'アの'],
  ['"あア漢" repeated', 'あア漢'],
  ['"「" run', '「'],
  ['"http://a" repeated', 'http://a'],
];

function walk(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, ext) : e.name.endsWith(ext) ? [full] : [];
  });
}

/** A stack frame or file → `src/…/file.ts:LINE`. */
function siteOf(file: string, line: number): string {
  const rel = path.relative(coreRoot, file).split(path.sep).join('/');
  return `${rel.replace(/^dist\/src\//, 'src/')}:${line}`;
}

/** Every regex literal in core's TypeScript sources. */
function literals(): Subject[] {
  const found: Subject[] = [];
  for (const file of walk(srcDir, '.ts')) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        found.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), sites: [siteOf(file, line)] });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/** Replies (with their inquiries) that walk core through its rules, so lazily built regexes are built. */
function fixtureReplies(): Array<{ text: string; inquiry?: string }> {
  const out: Array<{ text: string; inquiry?: string }> = [];
  for (const lang of ['ja', 'en']) {
    const dir = path.join(fixturesDir, lang);
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.txt') || name.includes('.inquiry.')) continue;
      const inquiryPath = path.join(dir, name.replace(/\.txt$/, '.inquiry.txt'));
      let inquiry: string | undefined;
      try {
        inquiry = readFileSync(inquiryPath, 'utf8');
      } catch {
        inquiry = undefined;
      }
      out.push({ text: readFileSync(path.join(dir, name), 'utf8'), inquiry });
    }
  }
  return out;
}

/** Every `new RegExp()` / `RegExp()` call made from core's code while it loads and lints the fixtures. */
async function constructed(): Promise<{ subjects: Subject[]; core: typeof Core }> {
  process.setSourceMapsEnabled(true);
  const Real = globalThis.RegExp;
  const found: Subject[] = [];
  const record = (re: RegExp) => {
    const frames = (new Error().stack ?? '').split('\n').slice(2);
    for (const frame of frames) {
      const m = /\(?((?:file:\/\/|\/|[A-Za-z]:\\)[^()]*?):(\d+):\d+\)?$/.exec(frame.trim());
      if (!m || m[1]!.includes('node_modules')) continue;
      const file = m[1]!.startsWith('file:') ? fileURLToPath(m[1]!) : m[1]!;
      if (file.startsWith(srcDir + path.sep) || file.startsWith(distSrcDir + path.sep)) {
        found.push({ source: re.source, flags: re.flags, sites: [siteOf(file, Number(m[2]))] });
        return;
      }
    }
  };
  const proxy: RegExpConstructor = new Proxy(Real, {
    construct(target, args, newTarget) {
      const re = Reflect.construct(target, args, newTarget === proxy ? target : newTarget) as RegExp;
      record(re);
      return re;
    },
    apply(target, thisArg, args) {
      const re = Reflect.apply(target, thisArg, args) as RegExp;
      record(re);
      return re;
    },
  });
  globalThis.RegExp = proxy;
  try {
    const core = (await import('../src/index.js')) as typeof Core;
    await core.ensureJapaneseTokenizer();
    for (const { text, inquiry } of fixtureReplies()) {
      await core.lint(text, { inquiry });
      await core.lint(text, { inquiry, channel: 'chat', preset: 'strict' });
    }
    return { subjects: found, core };
  } finally {
    globalThis.RegExp = Real;
  }
}

/** One entry per distinct pattern (the `g` and `y` flags do not change how it backtracks). */
function dedupe(subjects: Subject[]): Subject[] {
  const byKey = new Map<string, Subject>();
  for (const s of subjects) {
    const flags = s.flags.replace(/[gy]/g, '');
    const key = `${flags}/${s.source}`;
    const seen = byKey.get(key);
    if (seen) {
      for (const site of s.sites) if (!seen.sites.includes(site)) seen.sites.push(site);
    } else byKey.set(key, { source: s.source, flags, sites: [...s.sites] });
  }
  return [...byKey.values()];
}

/**
 * The timing loop, in a worker (CommonJS, eval'd). For each regex: warm it up
 * (V8 compiles a regex to native code after its first runs), then for each
 * input post `begin`, scan the whole input with matchAll, post `end` with the
 * time. A time over the bound is measured twice more and the minimum kept.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { subjects, units, size, bound, from } = workerData;
function fill(unit) {
  let out = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  if (/[\\ud800-\\udbff]$/.test(out)) out = out.slice(0, -1);
  return out;
}
const generic = units.map(([name, unit]) => [name, fill(unit)]);
const derived = new Function('source', 'fill', ${JSON.stringify(`return (${derivedInputsFor.toString()})(source, fill);`)});
function scan(re, input) {
  const t0 = performance.now();
  let n = 0;
  for (const m of input.matchAll(re)) n += m[0].length >= 0 ? 1 : 0;
  return performance.now() - t0;
}
for (let i = from.i; i < subjects.length; i++) {
  const s = subjects[i];
  const re = new RegExp(s.source, s.flags + 'g');
  for (let k = 0; k < 3; k++) for (const _ of 'warm up: a text 漢字かなカナ 123, per our policy.'.matchAll(re));
  const inputs = generic.concat(derived(s.source, fill));
  for (let j = i === from.i ? from.j : 0; j < inputs.length; j++) {
    const [name, input] = inputs[j];
    parentPort.postMessage({ type: 'begin', i, j, name });
    let ms = scan(re, input);
    for (let k = 0; k < 2 && ms > bound; k++) {
      parentPort.postMessage({ type: 'begin', i, j, name });
      ms = Math.min(ms, scan(re, input));
    }
    parentPort.postMessage({ type: 'end', i, j, name, ms });
  }
}
parentPort.postMessage({ type: 'done' });
`;

/** Stand-alone copy of derivedInputs for the worker (no closures: it is serialised). */
function derivedInputsFor(source: string, fillUnit: (unit: string) => string): Array<[string, string]> {
  const stripped = source
    .replace(/\\[pPu]\{[^}]*\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\c[A-Za-z]|\\[^pPux]/g, ' ')
    .replace(/\[(?:\\.|[^\]\\])*\]/g, ' ')
    .replace(/\(\?(?:<?[=!]|<[A-Za-z]\w*>|:)/g, ' ');
  const words = [...new Set(stripped.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length >= 2))].slice(0, 200);
  if (words.length === 0) return [];
  return [
    ['own words, spaced', fillUnit(words.join(' ') + ' ')],
    ['own words, joined', fillUnit(words.join(''))],
  ];
}

interface Sweep {
  slow: Slow[];
  measured: number;
  worst: { ms: number; site: string; input: string };
}

/** Time every subject on every input; a run past ABORT_MS is stopped, recorded, and the sweep resumes after it. */
function sweep(subjects: Subject[]): Promise<Sweep> {
  const result: Sweep = { slow: [], measured: 0, worst: { ms: 0, site: '', input: '' } };
  const plain = subjects.map((s) => ({ source: s.source, flags: s.flags }));
  return new Promise((resolve, reject) => {
    const start = (from: { i: number; j: number }) => {
      const worker = new Worker(workerSource, { eval: true, workerData: { subjects: plain, units: UNITS, size: SIZE, bound: BOUND_MS, from } });
      let current: { i: number; j: number; name: string; since: number } | undefined;
      let finished = false;
      const watchdog = setInterval(() => {
        if (!current || performance.now() - current.since < ABORT_MS) return;
        const { i, j, name } = current;
        finished = true;
        clearInterval(watchdog);
        result.slow.push({ site: subjects[i]!.sites.join(', '), source: subjects[i]!.source, input: name, ms: ABORT_MS, aborted: true });
        void worker.terminate().then(() => start({ i, j: j + 1 }), reject);
      }, 25);
      worker.on('message', (m: { type: string; i: number; j: number; name: string; ms: number }) => {
        if (finished) return;
        if (m.type === 'begin') current = { i: m.i, j: m.j, name: m.name, since: performance.now() };
        else if (m.type === 'end') {
          current = undefined;
          result.measured++;
          const s = subjects[m.i]!;
          if (m.ms > result.worst.ms) result.worst = { ms: m.ms, site: s.sites[0]!, input: m.name };
          if (m.ms >= BOUND_MS) result.slow.push({ site: s.sites.join(', '), source: s.source, input: m.name, ms: m.ms, aborted: false });
        } else if (m.type === 'done') {
          finished = true;
          clearInterval(watchdog);
          void worker.terminate().then(() => resolve(result), reject);
        }
      });
      worker.on('error', (error) => {
        clearInterval(watchdog);
        if (!finished) reject(error);
      });
    };
    start({ i: 0, j: 0 });
  });
}

function describe(slow: Slow[]): string {
  return slow
    .map((s) => `  ${s.aborted ? `> ${s.ms}` : s.ms.toFixed(0)} ms  ${s.site}  on ${s.input}\n      /${s.source.length > 160 ? s.source.slice(0, 160) + '…' : s.source}/`)
    .join('\n');
}

let subjects: Subject[] = [];
let core: typeof Core;
let result: Sweep | undefined;

before(async () => {
  const fromCode = await constructed();
  core = fromCode.core;
  subjects = dedupe([...fromCode.subjects, ...literals()]);
});

after(() => {
  if (!result) return;
  process.stdout.write(
    `# redos: ${subjects.length} regexes, ${result.measured} timed scans of ${SIZE.toLocaleString('en')} chars; ` +
      `slowest within the bound: ${result.worst.ms.toFixed(1)} ms (${result.worst.site}, ${result.worst.input}); ` +
      `${result.slow.length} over it\n`,
  );
});

test("the regexes under test include the rules' data.json patterns and the literals in code", () => {
  // Why: a collector that silently found nothing would make the timing test pass vacuously.
  assert.ok(subjects.length > 150, `only ${subjects.length} regexes found`);
  const dirs = new Set(subjects.flatMap((s) => s.sites.map((site) => site.split('/').slice(0, 3).join('/'))));
  // The headline rules read the shared analysis (src/analysis); the other rules still build their own.
  const ruleDirs = core.ruleIds.filter((rule) => dirs.has(`src/rules/${rule}`));
  assert.ok(ruleDirs.length >= 10, `regexes found for only ${ruleDirs.length} rules: ${ruleDirs.join(', ')}`);
  assert.ok([...dirs].some((d) => d.startsWith('src/analysis/')), 'regexes of the shared analysis (src/analysis)');
  assert.ok([...dirs].some((d) => d.startsWith('src/parse')), 'literals in src/parse');
});

test(`every regex finishes each 50 KB adversarial input in < ${BOUND_MS} ms (no catastrophic backtracking)`, async () => {
  result = await sweep(subjects);
  assert.equal(result.slow.length, 0, `slow regexes (time, site, input, pattern):\n${describe(result.slow)}`);
});

test('team phrases are plain text: regex syntax in them is matched literally and cannot backtrack', async () => {
  // Why: phrases come from a team's config; a pattern like (a+)+$ must neither run as a regex nor match "aaa".
  const evil = ['(a+)+$', '(.*a){20}', '([a-zA-Z]+)*!', '(?:規定|規約)+$'];
  // 5,000 a's then "!": as a regex, (a+)+$ would take 2^5000 steps here.
  const text = `Hi Ann,\n\n${'a'.repeat(5_000)}! Thanks for writing. (a+)+$ applies.\n\nBest,\nBo\n`;
  const started = performance.now();
  const result = await core.lint(text, {
    phrases: { supplierCentred: evil.map((phrase) => ({ phrase })), empathy: evil },
  });
  const ms = performance.now() - started;
  const team = result.messages.filter((m) => m.ruleId === 'supplier-centred-wording');
  const at = text.indexOf('(a+)+$');
  // Only the literal occurrence of "(a+)+$" is reported, nothing in the run of a's.
  assert.deepEqual(
    team.map((m) => (m.place as { start: { offset: number } }).start.offset),
    [at],
  );
  assert.ok(ms < 10_000, `lint took ${ms.toFixed(0)} ms`);
  process.stdout.write(`# team phrases over 5,000 a's: ${ms.toFixed(0)} ms\n`);
});
