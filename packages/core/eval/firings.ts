/**
 * `node packages/core/dist/eval/firings.js [FILE.jsonl …] [--rule ID] [--context] [--summary]`:
 * for every rule added after the three headline rules, how many replies of
 * labelled corpora it fires on, at the severity the recommended preset gives it,
 * and every firing (case id, flagged text, reason) so a reviewer can read them
 * and judge precision. `--summary` prints only the table.
 *
 * Replies marked `good` have every headline label false: a reviewer would
 * accept them as they are, so a firing there deserves a close look.
 */
import path from 'node:path';
import { lint, presets, ruleIds } from '../src/index.js';
import { isGood, readCorpus, type Case } from './corpus.js';


const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = flag('--rule');
const showContext = args.includes('--context');
const given = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--rule');
const files = given.length > 0 ? given : [path.resolve(process.cwd(), '../shared/corpus/dev.jsonl')];
const file = files.length === 1 ? files[0]! : `${files.length} files`;
const summaryOnly = args.includes('--summary');

const headline = new Set(['empathy-acknowledgement', 'inquiry-summary', 'supplier-centred-wording']);
const newRules = ruleIds.filter((id) => !headline.has(id) && (!only || id === only));
if (only && newRules.length === 0) {
  console.error(`firings: unknown rule ${only} (known: ${ruleIds.filter((id) => !headline.has(id)).join(', ')})`);
  process.exit(2);
}

let cases: Case[];
try {
  cases = files.flatMap((f) => readCorpus(f));
} catch (error) {
  console.error(`firings: ${(error as Error).message}`);
  process.exit(2);
}

// The severities a team gets by default (the recommended preset), with only the rules asked for on.
const settings = Object.fromEntries(ruleIds.map((id) => [id, newRules.includes(id) ? presets.recommended[id]! : ('off' as const)]));
const byRule = new Map<string, Array<{ id: string; good: boolean; channel: string; actual: string; reason: string; context: string; severity: string }>>();
for (const id of newRules) byRule.set(id, []);
const started = performance.now();

for (const c of cases) {
  const channel = c.channel ?? 'email';
  const result = await lint(c.reply, { inquiry: c.inquiry ?? undefined, channel, rules: settings });
  const good = isGood(c);
  for (const m of result.messages) {
    const list = byRule.get(m.ruleId);
    if (!list) continue;
    const start = m.place && 'start' in m.place ? m.place.start.offset ?? 0 : 0;
    const end = m.place && 'end' in m.place ? m.place.end.offset ?? start : start;
    const context = c.reply.slice(Math.max(0, start - 30), Math.min(c.reply.length, end + 30)).replace(/\s+/g, ' ');
    list.push({ id: c.id, good, channel, actual: String(m.actual ?? ''), reason: m.reason, context, severity: m.severity });
  }
}

const oneLine = (value: string, max = 140) => {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
};

console.log(`replylint firings of the new rules on ${file} (${cases.length} replies, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
const goodCount = cases.filter(isGood).length;
console.log(`rule                        severity  replies  firings  good replies (of ${goodCount})  good at error`);
for (const [id, list] of byRule) {
  const replies = new Set(list.map((f) => f.id));
  const good = new Set(list.filter((f) => f.good).map((f) => f.id));
  const goodError = new Set(list.filter((f) => f.good && f.severity === 'error').map((f) => f.id));
  console.log(
    `${id.padEnd(28)}${String(presets.recommended[id]).padEnd(8)}${String(replies.size).padStart(9)}  ${String(list.length).padStart(7)}  ${String(good.size).padStart(20)}  ${String(goodError.size).padStart(13)}`,
  );
}
if (summaryOnly) process.exit(0);
for (const [id, list] of byRule) {
  console.log(`\n## ${id} (${new Set(list.map((f) => f.id)).size} replies, ${list.length} firings)`);
  for (const f of list) {
    console.log(`  ${f.id}${f.good ? ' [good]' : ''} ${f.channel}\t${JSON.stringify(oneLine(f.actual))}`);
    console.log(`      ${oneLine(f.reason, 200)}`);
    if (showContext) console.log(`      …${oneLine(f.context, 200)}…`);
  }
}
