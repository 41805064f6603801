/**
 * The restatement cue lexicon (src/analysis/restatement.json) is data with one
 * entry per cue or word; restatement.ts builds its patterns from it. Each
 * entry's example sentence is its test: read alone (no inquiry known), an
 * example of a `restates` list must count as restating the customer's message;
 * one of an `answer` list, read as the reply to a customer who wrote about the
 * same thing, must not — while the same sentence with the word replaced by
 * "delayed" must, so the word itself is what makes it an answer. (With no
 * inquiry at all, a notice's "Your booking has been cancelled" is its news and
 * restates: test/headline.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc, tokenizeDoc } from '../src/parse/document.js';
import { restates } from '../src/analysis/restatement.js';
import { inquiryContent, type InquiryContent } from '../src/analysis/content.js';
import type { Lang } from '../src/types.js';
import type { Entry } from '../src/analysis/restatement.js';
import data from '../src/analysis/restatement.json' with { type: 'json' };
interface LangData {
  lists: Record<string, { kind: string; note: string; entries: Entry[] }>;
  patterns: Array<{ id: string; example: string; note: string }>;
  guards: Array<{ id: string; example: string; note: string }>;
}
const lexicon = data as unknown as Record<Lang, LangData>;
const langs: Lang[] = ['ja', 'en'];

/** Does any sentence of the text restate, with no inquiry known, or against the customer's message `inquiry`? */
async function restating(text: string, lang: Lang, inquiry?: string): Promise<boolean> {
  const doc = buildDoc(text, { lang });
  await tokenizeDoc(doc);
  let content: InquiryContent | undefined;
  if (inquiry !== undefined) {
    const message = buildDoc(inquiry, { lang });
    await tokenizeDoc(message);
    content = inquiryContent(message.sentences, lang);
  }
  return doc.sentences.some((s) => restates(s, content));
}

/** The entry on its own as a regular expression. */
const termRe = (e: Entry, lang: Lang): RegExp =>
  new RegExp(e.pattern ?? e.term.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&'), lang === 'en' ? 'iu' : 'u');

test('every list has a kind and a note, every entry a term and an example, and no term is listed twice', () => {
  // Why: an entry is reviewed alone; a repeated term is dead weight (the composed alternation tries the first one only).
  for (const lang of langs) {
    for (const [name, list] of Object.entries(lexicon[lang].lists)) {
      assert.ok(['restates', 'answer', 'group'].includes(list.kind) && list.note, `${lang} ${name}: kind and note`);
      const seen = new Set<string>();
      for (const e of list.entries) {
        assert.ok(e.term && e.example, `${lang} ${name} ${e.term}: term and example`);
        // A word marked as never reached must say why.
        if (e.restates === false) assert.ok(e.note, `${lang} ${name} ${e.term}: restates false without a note`);
        assert.ok(!seen.has(e.term), `${lang} ${name}: ${e.term} twice`);
        seen.add(e.term);
      }
    }
  }
});

for (const lang of langs) {
  for (const [name, list] of Object.entries(lexicon[lang].lists)) {
    for (const entry of list.entries) {
      const expected = list.kind === 'restates' && entry.restates !== false;
      test(`${lang} ${name} ${entry.term}: its example ${expected ? 'restates' : 'does not restate'} (${entry.example.replace(/\n/gu, ' ')})`, async () => {
        // Why: the example is the entry's test — the word, composed into the patterns, is found where the example uses it.
        assert.ok(termRe(entry, lang).test(entry.example), `the example does not contain ${entry.term}`);
        if (list.kind === 'group') {
          // Why: a notice to a group (保護者様) says nothing of what happened to this reader; the same notice naming
          // this customer (山田様) does, so the word is what makes it a group.
          assert.equal(await restating(entry.example, lang), false);
          const named = entry.example.replace(new RegExp(`${termRe(entry, lang).source}(?=様)`, 'u'), '山田');
          assert.equal(await restating(named, lang), true, named);
        } else if (list.kind === 'answer') {
          // The customer wrote about the same thing (their words are the example's, with the problem in place of the remedy).
          const without = entry.example.replace(termRe(entry, lang), 'delayed');
          assert.equal(await restating(entry.example, lang, without), false);
          // Why: without the resolution word the same sentence is the problem read back, so the word is what makes it an answer.
          assert.equal(await restating(without, lang, without), true, without);
        } else assert.equal(await restating(entry.example, lang), expected);
      });
    }
  }
  for (const p of lexicon[lang].patterns) {
    test(`${p.id}: its example restates (${p.example})`, async () => {
      // Why: the code-only parts of the grammar (${p.note}) are reached and count.
      assert.equal(await restating(p.example, lang), true);
    });
  }
  for (const g of lexicon[lang].guards) {
    test(`${g.id}: its example does not restate (${g.example})`, async () => {
      // Why: ${g.note}.
      assert.equal(await restating(g.example, lang), false);
    });
  }
}
