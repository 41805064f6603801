/**
 * `node packages/core/dist/eval/suggestions.js --sample 100 --seed N [--out FILE] [FILES…]`:
 * samples headline suggestions (half Japanese, half English, spread evenly over the
 * writer sets, fixtures/eval/writers/*.jsonl unless files are given), applies each to
 * its reply, and writes JSONL in the shape of the suggestion reviews
 * (fixtures/eval/suggestion-review/): n, case, rule, inquiry, original, inserted, context.
 * The same seed gives the same sample. A summary (how many findings of each rule come
 * with a suggestion) goes to stderr.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../src/index.js';
import { headlineRules, readCorpus, type Case } from './corpus.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sampleSize = Number(option('--sample') ?? 100);
const seed = Number(option('--seed') ?? 1);
const out = option('--out');
let files = args.filter((a, i) => !a.startsWith('--') && !['--sample', '--seed', '--out'].includes(args[i - 1] ?? ''));
if (files.length === 0) {
  const dir = path.resolve(process.cwd(), 'fixtures/eval/writers');
  files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
}
if (!Number.isInteger(sampleSize) || sampleSize < 2 || !Number.isFinite(seed)) {
  console.error('usage: suggestions.js --sample N --seed S [--out FILE] [FILES…]');
  process.exit(2);
}

/** mulberry32: a small seeded generator, so a sample can be drawn again. */
function random(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(seed);
const shuffle = <T>(list: T[]): T[] => {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};

interface Candidate {
  file: string;
  c: Case;
  rule: string;
  start: number;
  end: number;
  text: string;
}

const byFile = new Map<string, { ja: Candidate[]; en: Candidate[] }>();
const counts = new Map<string, { findings: number; withSuggestion: number }>();
for (const file of files) {
  const pool = { ja: [] as Candidate[], en: [] as Candidate[] };
  for (const c of readCorpus(file)) {
    const result = await lint(c.reply, { inquiry: c.inquiry ?? undefined, channel: c.channel });
    for (const m of result.messages) {
      if (!(headlineRules as readonly string[]).includes(m.ruleId)) continue;
      const key = `${m.ruleId} ${c.lang}`;
      const count = counts.get(key) ?? { findings: 0, withSuggestion: 0 };
      count.findings++;
      const s = m.suggestions[0];
      if (s) {
        count.withSuggestion++;
        pool[c.lang].push({ file, c, rule: m.ruleId, start: s.start, end: s.end, text: s.text });
      }
      counts.set(key, count);
    }
  }
  byFile.set(file, pool);
}

/** Round-robin over the files (in a shuffled order), one random suggestion from each in turn. */
function draw(lang: 'ja' | 'en', n: number): Candidate[] {
  const pools = shuffle([...byFile.values()].map((p) => shuffle(p[lang])));
  const picked: Candidate[] = [];
  while (picked.length < n && pools.some((p) => p.length > 0)) {
    for (const p of pools) {
      if (picked.length >= n) break;
      const x = p.pop();
      if (x) picked.push(x);
    }
  }
  return picked;
}

const half = Math.floor(sampleSize / 2);
const sample = [...draw('ja', sampleSize - half), ...draw('en', half)];
const lines = sample.map((x, i) => {
  const reply = x.c.reply;
  const applied = reply.slice(0, x.start) + x.text + reply.slice(x.end);
  // Context: from the start of the line a little before the edit to a few hundred characters after it.
  let from = Math.max(0, x.start - 160);
  const lineStart = applied.lastIndexOf('\n', from);
  if (lineStart >= 0 && x.start - lineStart < 260) from = lineStart + 1;
  else if (lineStart < 0) from = 0;
  const context = applied.slice(from, x.start + x.text.length + 300);
  return JSON.stringify({
    n: i + 1,
    case: x.c.id,
    rule: x.rule,
    inquiry: x.c.inquiry ?? '(quoted inside the reply)',
    original: reply.slice(x.start, x.end),
    inserted: x.text,
    context,
  });
});
if (out) writeFileSync(out, lines.join('\n') + '\n');
else process.stdout.write(lines.join('\n') + '\n');
for (const [key, v] of [...counts].sort()) console.error(`${key.padEnd(30)} ${v.withSuggestion}/${v.findings} findings with a suggestion`);
