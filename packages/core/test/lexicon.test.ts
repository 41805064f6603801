/**
 * The concept lexicon (src/analysis/lexicon/concepts.json) is data with one
 * entry per concept; each entry's example sentence is its test: tokenised the
 * way replies are, it must show the entry's concept kind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc, tokenizeDoc } from '../src/parse/document.js';
import { concepts, conceptsOf } from '../src/analysis/features.js';

test('every lexicon entry has an id, a kind, a lemma, an example and a note, and ids are unique', () => {
  // Why: an entry is reviewed alone; one without its example or note cannot be.
  const ids = new Set<string>();
  for (const e of concepts) {
    for (const key of ['id', 'lang', 'kind', 'lemma', 'example', 'note'] as const) assert.ok(e[key], `${e.id}: ${key}`);
    assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
    ids.add(e.id);
  }
  assert.ok(concepts.length > 150);
});

for (const entry of concepts) {
  test(`lexicon ${entry.id}: its example shows the concept (${entry.example})`, async () => {
    const doc = buildDoc(entry.example, { lang: entry.lang });
    await tokenizeDoc(doc);
    const tokens = doc.sentences.flatMap((s) => s.tokens);
    assert.ok(conceptsOf(tokens, entry.lang).has(entry.kind), `${entry.kind} not found in ${tokens.map((t) => t.base).join(' ')}`);
  });
}
