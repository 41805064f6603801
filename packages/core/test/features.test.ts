/**
 * Concepts of the sentence model that are computed, not looked up (src/analysis/features.ts):
 * the company naming itself by a prefix. Checked on a sentence that has it and one that must
 * not. Real kuromoji.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc, tokenizeDoc, type Sentence } from '../src/parse/document.js';
import { conceptsOf } from '../src/analysis/features.js';
import type { Lang } from '../src/types.js';

async function sentence(text: string, lang: Lang): Promise<Sentence> {
  const doc = buildDoc(text, { lang });
  await tokenizeDoc(doc);
  return doc.sentences[0]!;
}

test('source: the company naming itself by the prefix 当/弊 and a noun (当ホテル, 当サロン) is a company-side source, as 当社 is', async () => {
  // Why: 「当ホテルでは15時より前のチェックインはお受けいたしかねます」 had no source word, so the model, though sure, could point at nothing.
  const hotel = await sentence('当ホテルでは15時より前のチェックインはお受けいたしかねます。', 'ja');
  assert.ok(conceptsOf(hotel.tokens, 'ja').has('source'));
  // …but 当日 (that day) is one word, not the company.
  const day = await sentence('当日のご予約も承っております。', 'ja');
  assert.ok(!conceptsOf(day.tokens, 'ja').has('source'));
});
