/**
 * `npm run eval -- [FILE.jsonl]`: precision, recall and F1 per rule and
 * language on a labelled corpus (../shared/corpus/dev.jsonl by default), and
 * every case it gets wrong with what fired.
 *
 * A case is positive for a rule when its label is true (the problem is there);
 * the linter predicts positive when it reports at least one message of that rule.
 */
import path from 'node:path';
import { lint } from '../src/index.js';
import { readCorpus, type Case } from './corpus.js';


const file = process.argv[2] ?? path.resolve(process.cwd(), '../shared/corpus/dev.jsonl');
const verbose = process.argv.includes('--verbose');
let cases: Case[];
try {
  cases = readCorpus(file);
} catch (error) {
  console.error(`eval: ${(error as Error).message}`);
  process.exit(2);
}

type Counts = { tp: number; fp: number; fn: number; tn: number };
const table = new Map<string, Counts>();
const wrong: string[] = [];
const headline = ['empathy-acknowledgement', 'inquiry-summary', 'supplier-centred-wording'];
const started = performance.now();

for (const c of cases) {
  const result = await lint(c.reply, { inquiry: c.inquiry ?? undefined, channel: c.channel });
  for (const rule of headline) {
    if (!(rule in c.labels)) continue;
    const expected = c.labels[rule]!;
    const fired = result.messages.filter((m) => m.ruleId === rule);
    const predicted = fired.length > 0;
    const key = `${rule}\t${c.lang}`;
    const counts = table.get(key) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    if (expected && predicted) counts.tp++;
    else if (!expected && predicted) counts.fp++;
    else if (expected && !predicted) counts.fn++;
    else counts.tn++;
    table.set(key, counts);
    if (expected !== predicted) {
      const what = predicted
        ? `fired at ${fired.map((m) => JSON.stringify(String(m.actual ?? '').slice(0, 60))).join(', ')}`
        : 'did not fire';
      wrong.push(`${c.id}\t${rule}\t${expected ? 'missed (FN)' : 'false alarm (FP)'}\t${what}${verbose && c.note ? `\n\t\tnote: ${c.note}` : ''}`);
    }
  }
}

const f = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : '  -  ');
console.log(`replylint eval on ${file} (${cases.length} cases, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
console.log('rule                        lang  precision  recall  F1     tp  fp  fn  tn');
let worst = 1;
for (const rule of headline) {
  for (const lang of ['ja', 'en']) {
    const c = table.get(`${rule}\t${lang}`);
    if (!c) continue;
    const p = c.tp / (c.tp + c.fp);
    const r = c.tp / (c.tp + c.fn);
    const f1 = (2 * p * r) / (p + r);
    worst = Math.min(worst, Number.isFinite(f1) ? f1 : 0);
    console.log(
      `${rule.padEnd(28)}${lang.padEnd(6)}${f(p).padEnd(11)}${f(r).padEnd(8)}${f(f1).padEnd(7)}${String(c.tp).padStart(2)}  ${String(c.fp).padStart(2)}  ${String(c.fn).padStart(2)}  ${String(c.tn).padStart(2)}`,
    );
  }
}
console.log(`\nwrong cases (${wrong.length}):`);
for (const line of wrong) console.log(`  ${line}`);
console.log(`\nlowest F1: ${f(worst)}`);
