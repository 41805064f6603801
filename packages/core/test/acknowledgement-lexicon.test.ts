/**
 * The English lists of src/analysis/acknowledgement.json are lexicon entries
 * (one per feeling word, phrase or word, with an example and a note where
 * needed); acknowledgement.ts builds its patterns from them. Each entry's
 * example is its test: an example of a `feeling` or `acknowledges` list must
 * be read as acknowledging the customer's feelings (a feeling word's no longer
 * once the word is replaced by "long"); one of a `hedge`, `negation` or
 * `stock` list must not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../src/parse/document.js';
import { acknowledges, enLists as lists, type Entry } from '../src/analysis/acknowledgement.js';
const kinds = ['feeling', 'acknowledges', 'hedge', 'negation', 'stock'];

/** Does any sentence of the English text acknowledge? */
function acknowledging(text: string): boolean {
  const doc = buildDoc(text, { lang: 'en' });
  return doc.sentences.some((s) => acknowledges(s, { phrases: {} }));
}

/** Every list name a pattern refers to with `{name}`. */
const references = (e: Entry): string[] => [...(e.pattern ?? '').matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!);

test('every list has a kind and a note, every entry a term and an example; no term twice; every `{name}` is a list', () => {
  // Why: an entry is reviewed alone; a repeated term is dead weight; a reference to no list would throw when the module loads.
  for (const [name, list] of Object.entries(lists)) {
    assert.ok(kinds.includes(list.kind) && list.note, `${name}: kind and note`);
    const seen = new Set<string>();
    for (const e of list.entries) {
      assert.ok(e.term && e.example, `${name} ${e.term}: term and example`);
      assert.ok(!seen.has(e.term), `${name}: ${e.term} twice`);
      seen.add(e.term);
      for (const r of references(e)) assert.ok(lists[r], `${name} ${e.term}: no list ${r}`);
    }
  }
});

test('every list but the five the module reads is referred to by a pattern', () => {
  // Why: a word list nobody refers to would be data that changes nothing.
  const used = new Set(['feelings', 'strongFrames', 'hedges', 'negations', 'stock']);
  for (const list of Object.values(lists)) for (const e of list.entries) for (const r of references(e)) used.add(r);
  assert.deepEqual(Object.keys(lists).filter((n) => !used.has(n)), []);
});

for (const [name, list] of Object.entries(lists)) {
  for (const entry of list.entries) {
    const expected = list.kind === 'acknowledges' || list.kind === 'feeling';
    test(`en ${name} ${entry.term}: its example ${expected ? 'acknowledges' : 'does not acknowledge'} (${entry.example})`, () => {
      // Why: the example is the entry's test — the phrase, composed into the patterns, decides how the sentence is read.
      if (!entry.pattern) assert.ok(entry.example.toLowerCase().includes(entry.term.toLowerCase()), `the example does not contain ${entry.term}`);
      assert.equal(acknowledging(entry.example), expected);
      if (list.kind === 'feeling') {
        // Why: without the word the sentence is neutral, so the word itself is what makes it an acknowledgement.
        const word = new RegExp(`\\b(?:${entry.pattern ?? entry.term})\\b`, 'iu');
        assert.ok(word.test(entry.example), `the example does not contain ${entry.term}`);
        const without = entry.example.replace(word, 'long');
        assert.equal(acknowledging(without), false, without);
      }
    });
  }
}
