/**
 * English content words, as a restatement is compared with the inquiry. Irregular
 * forms (src/analysis/lexicon/inflections-en.json, written
 * from WordNet's exception lists by scripts/build-inflections.mjs): a Porter
 * stem cannot join "paid" to "paying" or "lost" to "losing", so a restatement
 * in the agent's own grammar would share none of the customer's words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDoc, tokenizeDoc } from '../src/parse/document.js';
import { contentKeys, quantityKeys } from '../src/analysis/content.js';

const coreDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function keys(text: string): Promise<string[]> {
  const doc = buildDoc(text, { lang: 'en' });
  await tokenizeDoc(doc);
  return [...contentKeys(doc.sentences[0]!.tokens, 'en')];
}

test('the irregular-forms table is what the build script writes from wink-lexicon', () => {
  // Why: the table is committed data; a hand edit or a new wink-lexicon would otherwise drift unseen.
  execFileSync(process.execPath, [path.join(coreDir, 'scripts/build-inflections.mjs'), '--check'], { stdio: 'pipe' });
});

test('irregular forms compare as their lemma: paid/paying, lost/losing, bought/buying, children/child', async () => {
  // Why: the customer writes "I paid … I lost …", the agent "paying … losing …"; they are the same words.
  for (const [a, b] of [
    ['paid', 'paying'],
    ['lost', 'losing'],
    ['bought', 'buying'],
    ['children', 'child'],
  ]) {
    assert.deepEqual(await keys(a!), await keys(b!), `${a} / ${b}`);
    assert.equal((await keys(a!)).length, 1, `${a} carries content`);
  }
});

test('an irregular form of a function word stays a function word ("went", "got" carry no content)', async () => {
  // Why: "went" is "go", a stop word; mapping it must not make it content.
  assert.deepEqual(await keys('went'), []);
  assert.deepEqual(await keys('gotten'), []);
});

test('a social handle is not content: "@beaglebruno" shares nothing with the beagle', async () => {
  // Why: the agent's reply opens with the customer's handle; counting it would make any reply share a word with nothing.
  assert.deepEqual(await keys('@beaglebruno You ordered a medium harness'), await keys('You ordered a medium harness'));
});

test('a hyphenated word carries its parts: "vet-prescribed" shares "vet" with "your vet"', async () => {
  // Why: the customer writes "a vet-prescribed diet", the agent "your vet has put your dog on …".
  const parts = await keys('vet-prescribed');
  const vet = await keys('vet');
  assert.ok(vet.every((k) => parts.includes(k)), `${parts} / ${vet}`);
});

test('quantities: an amount, a duration or a time, width folded; never an order, account or ticket number', () => {
  // Why: a quantity the customer gave, told back, supports a restating form ("two £10 direct debits",
  // 「20分近く遅れて」); an identifier names the matter but not what happened ("account 4471-02", holdout4).
  assert.deepEqual([...quantityKeys('two £10 direct debits, then £8 more')], ['10', '8']);
  assert.deepEqual([...quantityKeys('３０分待ちました、1,200円')], ['30', '1200']);
  assert.deepEqual([...quantityKeys('the 4:30 lesson after waiting 40 minutes')], ['4:30', '40']);
  assert.deepEqual([...quantityKeys('order #4471, account 4471-02, SP4471209GB, 100 requests')], []);
});
