/**
 * `node packages/core/dist/eval/firings.js [FILE.jsonl] [--rule ID] [--context]`:
 * for every rule added after the three headline rules, how many replies of a
 * labelled corpus it fires on, and every firing (case id, flagged text,
 * reason) so a reviewer can read them and judge precision.
 *
 * Replies marked `good` have every headline label false: a reviewer would
 * accept them as they are, so a firing there deserves a close look.
 */
import path from 'node:path';
import { lint, ruleIds } from '../src/index.js';
import { readCorpus, type Case } from './corpus.js';


const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = flag('--rule');
const showContext = args.includes('--context');
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rule') ?? path.resolve(process.cwd(), '../shared/corpus/dev.jsonl');

const headline = new Set(['empathy-acknowledgement', 'inquiry-summary', 'supplier-centred-wording']);
const newRules = ruleIds.filter((id) => !headline.has(id) && (!only || id === only));
if (only && newRules.length === 0) {
  console.error(`firings: unknown rule ${only} (known: ${ruleIds.filter((id) => !headline.has(id)).join(', ')})`);
  process.exit(2);
}

let cases: Case[];
try {
  cases = readCorpus(file);
} catch (error) {
  console.error(`firings: ${(error as Error).message}`);
  process.exit(2);
}

const settings = Object.fromEntries(newRules.map((id) => [id, 'warn' as const]));
const byRule = new Map<string, Array<{ id: string; good: boolean; channel: string; actual: string; reason: string; context: string }>>();
for (const id of newRules) byRule.set(id, []);
const started = performance.now();

for (const c of cases) {
  const channel = c.channel ?? 'email';
  const result = await lint(c.reply, { inquiry: c.inquiry ?? undefined, channel, rules: settings });
  const good = Object.values(c.labels).every((v) => v === false);
  for (const m of result.messages) {
    const list = byRule.get(m.ruleId);
    if (!list) continue;
    const start = m.place && 'start' in m.place ? m.place.start.offset ?? 0 : 0;
    const end = m.place && 'end' in m.place ? m.place.end.offset ?? start : start;
    const context = c.reply.slice(Math.max(0, start - 30), Math.min(c.reply.length, end + 30)).replace(/\s+/g, ' ');
    list.push({ id: c.id, good, channel, actual: String(m.actual ?? ''), reason: m.reason, context });
  }
}

const oneLine = (value: string, max = 140) => {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
};

console.log(`replylint firings of the new rules on ${file} (${cases.length} replies, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
console.log('rule                        replies  firings  on good replies');
for (const [id, list] of byRule) {
  const replies = new Set(list.map((f) => f.id));
  const good = new Set(list.filter((f) => f.good).map((f) => f.id));
  console.log(`${id.padEnd(28)}${String(replies.size).padStart(7)}  ${String(list.length).padStart(7)}  ${String(good.size).padStart(15)}`);
}
for (const [id, list] of byRule) {
  console.log(`\n## ${id} (${new Set(list.map((f) => f.id)).size} replies, ${list.length} firings)`);
  for (const f of list) {
    console.log(`  ${f.id}${f.good ? ' [good]' : ''} ${f.channel}\t${JSON.stringify(oneLine(f.actual))}`);
    console.log(`      ${oneLine(f.reason, 200)}`);
    if (showContext) console.log(`      …${oneLine(f.context, 200)}…`);
  }
}
