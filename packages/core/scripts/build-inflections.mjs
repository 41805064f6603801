#!/usr/bin/env node
/**
 * Writes packages/core/src/analysis/lexicon/inflections-en.json: WordNet's
 * exception lists for English verbs and nouns (irregular forms: paid → pay,
 * lost → lose, bought → buy, children → child), as packaged by wink-lexicon
 * (MIT; the lists are WordNet 3.0's verb.exc and noun.exc). A Porter stem
 * cannot join "paid" to "paying" or "lost" to "losing"; with these forms a
 * restatement in the agent's own grammar shares the customer's words.
 *
 * Kept: one-word lower-case forms that differ from their lemma. When WordNet
 * gives a form two lemmas, the first is kept.
 *
 * The output is committed (it is data the library ships); `--check` exits 1
 * when it differs from what this script would write (run by the test suite).
 *
 * Usage: node packages/core/scripts/build-inflections.mjs [--check]
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './committed-data.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '../src/analysis/lexicon/inflections-en.json');
const verbs = require('wink-lexicon/src/wn-verb-exceptions.js');
const nouns = require('wink-lexicon/src/wn-noun-exceptions.js');
const { version } = require('wink-lexicon/package.json');

const forms = new Map();
for (const table of [verbs, nouns]) {
  for (const [form, lemma] of Object.entries(table)) {
    const first = String(lemma).split(/[\s,]+/u)[0];
    if (!/^[a-z]+$/u.test(form) || !/^[a-z]+$/u.test(first) || form === first || forms.has(form)) continue;
    forms.set(form, first);
  }
}
const lines = [...forms.keys()].sort().map((form) => `${form} ${forms.get(form)}`);
const text =
  JSON.stringify({
    $comment:
      'Written by packages/core/scripts/build-inflections.mjs; do not edit. One line per irregular English form: the form, a space, its lemma (WordNet verb.exc and noun.exc).',
    source: `wink-lexicon ${version} (MIT), WordNet 3.0 exception lists`,
    forms: lines.join('\n'),
  }) + '\n';

writeOrCheck(out, text, 'build-inflections.mjs', `${lines.length} forms (${text.length} bytes)`);
