/**
 * The reassurance lexicon (src/analysis/reassurance.json): a company rule named
 * only to grant the customer something is not company-centred wording
 * (GUIDELINES: "a company rule named only to reassure the customer, not as the
 * reason for a refusal"). Each gain's example names a company-side source and
 * grants something: it must give no justification. Each limit's example names
 * the same kind of rule with a refusal, negation or cap: it must give one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc, tokenizeDoc } from '../src/parse/document.js';
import { companyJustifications } from '../src/analysis/justification.js';
import { conceptsOf } from '../src/analysis/features.js';
import { reassuresOnly } from '../src/analysis/reassurance.js';
import type { Lang } from '../src/types.js';
import data from '../src/analysis/reassurance.json' with { type: 'json' };

interface Entry {
  term: string;
  pattern?: string;
  example: string;
  note: string;
}
const lexicon = data as unknown as Record<Lang, { gains: Entry[]; limits: Entry[]; refusals: Entry[] }>;

async function sentencesOf(example: string, lang: Lang) {
  const doc = buildDoc(example, { lang });
  await tokenizeDoc(doc);
  return doc.sentences;
}

for (const lang of ['ja', 'en'] as const) {
  for (const entry of lexicon[lang].gains) {
    test(`${lang} gain ${entry.term}: a rule that only grants it is not company-centred (${entry.example})`, async () => {
      // Why: the example names a company-side source (so without the gain it would be read as
      // the company's reason), yet all the rule does is give the customer ${entry.note}.
      const sentences = await sentencesOf(entry.example, lang);
      assert.ok(sentences.some((s) => conceptsOf(s.tokens, lang).has('source')), 'the example names no company-side source');
      assert.ok(reassuresOnly(entry.example, lang), 'not read as reassurance');
      assert.deepEqual(sentences.flatMap((s) => companyJustifications(s)).map((j) => j.phrase), []);
    });
  }
  for (const entry of lexicon[lang].refusals) {
    test(`${lang} refusal ${entry.term}: a rule that refuses stays the reason, whatever its consequence grants (${entry.example})`, async () => {
      // Why: ${entry.note}; the gain after 「ので、」/", so" is a consolation, not what the rule does.
      assert.ok(!reassuresOnly(entry.example, lang), 'read as reassurance despite the refusal');
      const sentences = await sentencesOf(entry.example, lang);
      assert.ok(sentences.flatMap((s) => companyJustifications(s)).length > 0, 'no justification found');
    });
  }
  for (const entry of lexicon[lang].limits) {
    test(`${lang} limit ${entry.term}: a rule that grants with it still justifies by the company (${entry.example})`, async () => {
      // Why: ${entry.note} beside the gain means the rule is the reason the customer gets less.
      assert.ok(!reassuresOnly(entry.example, lang), 'read as reassurance despite the limit');
      const sentences = await sentencesOf(entry.example, lang);
      assert.ok(sentences.flatMap((s) => companyJustifications(s)).length > 0, 'no justification found');
    });
  }
}

test('every gain and limit has its term, example and note', () => {
  // Why: an entry is reviewed alone; one without its example or note cannot be.
  for (const lang of ['ja', 'en'] as const) {
    for (const e of [...lexicon[lang].gains, ...lexicon[lang].limits, ...lexicon[lang].refusals]) for (const key of ['term', 'example', 'note'] as const) assert.ok(e[key], `${lang} ${e.term}: ${key}`);
  }
});
