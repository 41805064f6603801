#!/usr/bin/env node
/**
 * How lint() time grows with the size of a reply: 10 KB, 100 KB and 1 MB
 * (characters, i.e. UTF-16 code units, as core's maxLength counts them) of
 * Japanese and of English, built from the fixture replies (fixtures/ja,
 * fixtures/en) so the text is realistic prose. Prints a table: median time,
 * time per 1,000 characters, and the growth factor against the 10 KB reply
 * (linear growth: ~10× per row). Not a test; run after `npx tsc -b`:
 *
 *   node packages/core/scripts/size-bench.mjs [--runs N] [--pathological]
 *
 * --pathological adds the inputs the ReDoS test knows to be quadratic (long
 * runs of spaces, of letters, of katakana) at 10, 20 and 40 thousand
 * characters, to show their growth (×4 per doubling) until core fixes them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { lint, ensureJapaneseTokenizer, defaultMaxLength } = await import(path.join(here, '../dist/src/index.js'));

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
const pathological = args.includes('--pathological');

const fixtures = path.resolve(here, '../../../fixtures');
function corpus(lang) {
  const dir = path.join(fixtures, lang);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && !f.includes('.inquiry.'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8').trim());
}

/** Whole fixture replies, one after another, cut to `size` characters (never inside a surrogate pair). */
function replyOf(lang, size) {
  const replies = corpus(lang);
  let text = '';
  for (let i = 0; text.length < size; i++) text += `${replies[i % replies.length]}\n\n`;
  text = text.slice(0, size);
  return /[\ud800-\udbff]$/.test(text) ? text.slice(0, -1) : text;
}

async function median(text, n) {
  const times = [];
  let result;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    result = await lint(text);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

const fmt = (n, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

await ensureJapaneseTokenizer();
// Warm up the JIT and core's caches on both languages.
for (const lang of ['ja', 'en']) await lint(replyOf(lang, 5_000));

console.log(`lint() time by reply size — Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} ×${os.availableParallelism()}, median of ${runs}`);
console.log(`(core's limit: ${fmt(defaultMaxLength)} characters; above it a reply is skipped with one info finding)\n`);
const header = ['lang', 'characters', 'UTF-8 bytes', 'findings', 'median ms', 'ms / 1,000 chars', '× vs 10 KB'];
const rows = [];
for (const lang of ['ja', 'en']) {
  let base;
  for (const size of [10_000, 100_000, 1_000_000]) {
    const text = replyOf(lang, size);
    const { ms, result } = await median(text, size >= 1_000_000 ? Math.max(1, Math.min(runs, 3)) : runs);
    base ??= ms;
    rows.push([lang, fmt(text.length), fmt(Buffer.byteLength(text)), fmt(result.messages.length), fmt(ms, 1), fmt((ms / text.length) * 1000, 2), `${fmt(ms / base, 1)}×`]);
  }
}
if (pathological) {
  const cases = {
    'en: spaces': (n) => `Hi Ann,\n\nok${' '.repeat(n)}ok.\n`,
    'en: letters': (n) => `Hi Ann,\n\n${'a'.repeat(n)}.\n`,
    'ja: katakana': (n) => `山田様\n\nご不便をおかけし申し訳ございません。${'ア'.repeat(n)}です。\n`,
  };
  for (const [name, make] of Object.entries(cases)) {
    let base;
    for (const n of [10_000, 20_000, 40_000]) {
      const text = make(n);
      const { ms, result } = await median(text, 1);
      base ??= ms;
      rows.push([name, fmt(text.length), fmt(Buffer.byteLength(text)), fmt(result.messages.length), fmt(ms, 1), fmt((ms / text.length) * 1000, 2), `${fmt(ms / base, 1)}× (vs 10k)`]);
    }
  }
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(line(header));
console.log(`| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
for (const row of rows) console.log(line(row));
console.log(`\npeak RSS ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
