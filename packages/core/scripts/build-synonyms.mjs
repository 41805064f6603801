#!/usr/bin/env node
/**
 * Writes packages/core/src/analysis/lexicon/synonyms-ja.json: Sudachi's synonym
 * dictionary (sudachi-synonyms-dictionary, Apache-2.0; 26,152 groups, 14 MB of
 * JSON) as a compact table replylint can load in a few milliseconds: one line
 * per word with the numbers of its groups, sorted so it can be binary-searched.
 *
 * Kept: groups with two or more distinct Japanese headwords. Dropped: Latin
 * spellings (the table compares Japanese words) and the headwords Sudachi marks
 * "never expand" (expandControl 2), which are synonyms only in a narrow sense.
 * A word may sit in several groups (返金: 返済… and 払い戻し…), so callers compare
 * sets of groups, never one canonical word.
 *
 * The output is committed (it is data the library ships); `--check` exits 1
 * when it differs from what this script would write (run by the test suite).
 *
 * Usage: node packages/core/scripts/build-synonyms.mjs [--check]
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './committed-data.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '../src/analysis/lexicon/synonyms-ja.json');
const { fetchDictionary } = require('sudachi-synonyms-dictionary');
const source = await fetchDictionary();
// The package's exports hide package.json; its version is read from the installed file.
const packageDir = path.dirname(require.resolve('sudachi-synonyms-dictionary'));
const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));

// Word → the numbers of its groups, sorted by word (UTF-16 code units) so a reader can binary-search it.
const groupsOf = new Map();
let groupCount = 0;
for (const group of source) {
  const words = [...new Set(group.items.filter((item) => item.expandControl !== 2 && !/[A-Za-z]/u.test(item.midashi)).map((item) => item.midashi.trim()))].filter(
    (word) => word && !/\s/u.test(word),
  );
  if (words.length < 2) continue;
  for (const word of words) groupsOf.set(word, [...(groupsOf.get(word) ?? []), groupCount]);
  groupCount++;
}
const lines = [...groupsOf.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((word) => `${word}\t${groupsOf.get(word).map((n) => n.toString(36)).join(',')}`);
const text =
  JSON.stringify({
    $comment:
      'Written by packages/core/scripts/build-synonyms.mjs; do not edit. One line per word, sorted: the word, a tab, the numbers (base 36) of the synonym groups it belongs to.',
    source: `sudachi-synonyms-dictionary ${version} (Apache-2.0, Works Applications)`,
    groups: groupCount,
    index: lines.join('\n'),
  }) + '\n';

writeOrCheck(out, text, 'build-synonyms.mjs', `${groupCount} groups, ${lines.length} words, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
