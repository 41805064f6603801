/**
 * `npm run eval -- FILE.jsonl [FILE.jsonl …] [--verbose] [--json OUT]`:
 * per labelled set, precision, recall and F1 per headline rule and language,
 * the rate of good replies (every headline label false) that get a headline
 * finding, and every case it gets wrong with what fired.
 *
 * A case is positive for a rule when its label is true (the problem is there);
 * the linter predicts positive when it reports at least one message of that rule.
 * Rules a set marks `ambiguous` on a case are left out of scoring for that case.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../src/index.js';
import { headlineRules, isGood, readCorpus, type Case } from './corpus.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--json');
if (files.length === 0) files.push(path.resolve(process.cwd(), '../shared/corpus/dev.jsonl'));

type Counts = { tp: number; fp: number; fn: number; tn: number };
export interface SetScore {
  file: string;
  cases: number;
  cells: Record<string, Counts & { precision: number; recall: number; f1: number }>;
  good: number;
  goodFlagged: number;
  minF1: number;
}

const f = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : '  -  ');
const scores: SetScore[] = [];
const total = new Map<string, Counts>();
let totalGood = 0;
let totalGoodFlagged = 0;

for (const file of files) {
  let cases: Case[];
  try {
    cases = readCorpus(file);
  } catch (error) {
    console.error(`eval: ${(error as Error).message}`);
    process.exit(2);
  }
  const table = new Map<string, Counts>();
  const wrong: string[] = [];
  let good = 0;
  let goodFlagged = 0;
  const started = performance.now();
  for (const c of cases) {
    const result = await lint(c.reply, { inquiry: c.inquiry ?? undefined, channel: c.channel });
    let flagged = false;
    for (const rule of headlineRules) {
      if (!(rule in c.labels) || c.ambiguous?.includes(rule)) continue;
      const expected = c.labels[rule]!;
      const fired = result.messages.filter((m) => m.ruleId === rule);
      const predicted = fired.length > 0;
      if (predicted) flagged = true;
      const key = `${rule}\t${c.lang}`;
      const cell = expected ? (predicted ? 'tp' : 'fn') : predicted ? 'fp' : 'tn';
      for (const counts of [table, total]) {
        const c2 = counts.get(key) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
        c2[cell]++;
        counts.set(key, c2);
      }
      if (expected !== predicted) {
        const what = predicted
          ? `fired at ${fired.map((m) => JSON.stringify(String(m.actual ?? '').slice(0, 60))).join(', ')}`
          : 'did not fire';
        wrong.push(`${c.id}\t${rule}\t${expected ? 'missed (FN)' : 'false alarm (FP)'}\t${what}${verbose && c.note ? `\n\t\tnote: ${c.note}` : ''}`);
      }
    }
    if (isGood(c)) {
      good++;
      if (flagged) goodFlagged++;
    }
  }
  totalGood += good;
  totalGoodFlagged += goodFlagged;
  const score = summarise(file, cases.length, table, good, goodFlagged);
  scores.push(score);
  console.log(`replylint eval on ${file} (${cases.length} cases, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  printTable(score);
  console.log(`\nwrong cases (${wrong.length}):`);
  for (const line of wrong) console.log(`  ${line}`);
  console.log(`\nlowest F1: ${f(score.minF1)}`);
  console.log(`good replies flagged: ${goodFlagged}/${good} (${good ? ((100 * goodFlagged) / good).toFixed(1) : '-'}%)\n`);
}

if (files.length > 1) {
  const all = summarise('all', scores.reduce((n, s) => n + s.cases, 0), total, totalGood, totalGoodFlagged);
  console.log(`\n== all ${files.length} sets together (${all.cases} cases) ==\n`);
  printTable(all);
  console.log(`\nper set: lowest F1 and good replies flagged`);
  for (const s of scores) {
    console.log(`  ${path.basename(s.file).padEnd(28)} ${String(s.cases).padStart(4)} cases  min F1 ${f(s.minF1)}  good flagged ${s.goodFlagged}/${s.good}`);
  }
  console.log(`\nlowest F1: ${f(all.minF1)}`);
  console.log(`good replies flagged: ${totalGoodFlagged}/${totalGood} (${totalGood ? ((100 * totalGoodFlagged) / totalGood).toFixed(1) : '-'}%)`);
  scores.push(all);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(scores, null, 2) + '\n');

function summarise(file: string, cases: number, table: Map<string, Counts>, good: number, goodFlagged: number): SetScore {
  const cells: SetScore['cells'] = {};
  let minF1 = 1;
  for (const rule of headlineRules) {
    for (const lang of ['ja', 'en']) {
      const c = table.get(`${rule}\t${lang}`);
      if (!c) continue;
      const precision = c.tp + c.fp === 0 ? (c.fn === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
      const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      if (c.tp + c.fn > 0) minF1 = Math.min(minF1, f1);
      cells[`${rule} ${lang}`] = { ...c, precision, recall, f1 };
    }
  }
  return { file, cases, cells, good, goodFlagged, minF1 };
}

function printTable(score: SetScore): void {
  console.log('rule                        lang  precision  recall  F1     tp  fp  fn  tn');
  for (const [key, c] of Object.entries(score.cells)) {
    const [rule, lang] = key.split(' ');
    console.log(
      `${rule!.padEnd(28)}${lang!.padEnd(6)}${f(c.precision).padEnd(11)}${f(c.recall).padEnd(8)}${f(c.f1).padEnd(7)}${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)} ${String(c.tn).padStart(3)}`,
    );
  }
}
