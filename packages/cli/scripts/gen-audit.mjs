#!/usr/bin/env node
/**
 * Generate N synthetic replies as JSONL for `replylint audit`, by cycling
 * through seed records and varying their numbers so no two replies are equal.
 *
 *   node packages/cli/scripts/gen-audit.mjs 10000 > /tmp/audit.jsonl
 *   node packages/cli/scripts/gen-audit.mjs 10000 --seeds ../shared/corpus/dev.jsonl > /tmp/audit.jsonl
 *
 * Default seeds: packages/cli/test/fixtures/audit/seeds.jsonl (English and
 * Japanese, email and chat, with and without a separate inquiry).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { seeds: { type: 'string' } },
  allowPositionals: true,
});
const count = Number(positionals[0] ?? 10000);
if (!Number.isInteger(count) || count < 0) {
  console.error('usage: gen-audit.mjs N [--seeds FILE.jsonl]');
  process.exit(2);
}
const seedFile = values.seeds ?? new URL('../test/fixtures/audit/seeds.jsonl', import.meta.url);
const seeds = readFileSync(seedFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

/** Shift every run of digits by `i`, keeping its length, so each copy differs. */
const vary = (text, i) =>
  text?.replace(/\d+/g, (digits) => String((Number(digits) + i) % 10 ** digits.length).padStart(digits.length, '0'));

let out = '';
for (let i = 0; i < count; i++) {
  const seed = seeds[i % seeds.length];
  const record = { id: `gen-${i + 1}`, lang: seed.lang, channel: seed.channel, reply: vary(seed.reply, i) };
  if (seed.inquiry) record.inquiry = vary(seed.inquiry, i);
  out += `${JSON.stringify(record)}\n`;
  if (out.length > 1 << 16) {
    process.stdout.write(out);
    out = '';
  }
}
process.stdout.write(out);
