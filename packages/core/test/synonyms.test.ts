/**
 * Japanese synonyms (Sudachi's synonym dictionary as the compact table in
 * src/analysis/lexicon/synonyms-ja.json) and negation scope: the two ways the
 * analysis matches language rather than strings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDoc, tokenizeDoc } from '../src/parse/document.js';
import { conceptsOf, negatedFeelings, tokenConcepts } from '../src/analysis/features.js';
import { loadSynonyms, synonymGroups } from '../src/analysis/synonyms.js';
import { lint } from '../src/index.js';

const coreDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function tokens(text: string, lang: 'ja' | 'en') {
  const doc = buildDoc(text, { lang });
  await tokenizeDoc(doc);
  return doc.sentences.flatMap((s) => s.tokens);
}

const shared = (a: string, b: string) => synonymGroups(a).some((g) => synonymGroups(b).includes(g));

test('words of one Sudachi group share a group; a word in two groups meets both', async () => {
  // Why: a restatement says 返却 where the customer wrote 返す, 延ばす for 延長.
  await loadSynonyms();
  assert.ok(shared('返却', '返す'));
  assert.ok(shared('延長', '延ばす'));
  // 返金 sits in two groups (返済… and 払い戻し…): both are reached, so no single canonical word is assumed.
  assert.ok(shared('返金', '払い戻し'));
  assert.ok(shared('返金', '返済'));
  assert.ok(!shared('返金', '延長'));
  assert.deepEqual(synonymGroups('存在しない語'), []);
});

test('the shipped synonym table is what the build script writes from the installed dictionary', () => {
  // Why: the table is committed data; it must not drift from its source or be edited by hand.
  execFileSync(process.execPath, [path.join(coreDir, 'scripts/build-synonyms.mjs'), '--check'], { stdio: 'pipe' });
});

test('a lexicon entry marked `synonyms` reaches the words of its Sudachi group', async () => {
  // Why: 「規程」「規律」 are company rules like 規定, though no one listed them.
  await loadSynonyms();
  for (const text of ['保守規程上、訪問は承っておりません。', '当社の規律で決まっております。']) {
    assert.ok(conceptsOf(await tokens(text, 'ja'), 'ja').has('source'), text);
  }
});

const negation = async (text: string, lang: 'ja' | 'en') => {
  const t = await tokens(text, lang);
  return negatedFeelings(t, lang, tokenConcepts(t, lang));
};

test('a negated unpleasant feeling denies or reassures; a negated pleasant one still tells a bad experience', async () => {
  // Why: 「ご心配には及びません」 is not an acknowledgement, 「気持ちのいいものではない」 is.
  assert.deepEqual(await negation('ご心配には及びません。', 'ja'), { any: true, denied: true });
  assert.deepEqual(await negation('ご迷惑をおかけした事案ではございません。', 'ja'), { any: true, denied: true });
  assert.deepEqual(await negation('理由も分からないまま下げられるのは、気持ちのいいものではないと思います。', 'ja'), { any: true, denied: false });
  assert.deepEqual(await negation("There's no need to worry about the charge.", 'en'), { any: true, denied: true });
  assert.deepEqual(await negation("That's not the experience you expected.", 'en'), { any: true, denied: false });
});

test('a negation reaches only its own clause, and 「なんです」 is no negation', async () => {
  // Why: 「ご心配なんですね」 acknowledges; a negation in the next clause says nothing of the feeling.
  assert.deepEqual(await negation('自動で切り替わってしまうか、ご心配なんですね。', 'ja'), { any: false, denied: false });
  assert.deepEqual(await negation('ご心配をおかけしましたが、料金は発生しません。', 'ja'), { any: false, denied: false });
});

test('a restatement in synonyms of the inquiry\'s words is a restatement', async () => {
  // Why: the customer asked to 延長 a car they will 返す; the agent wrote 返却 and 延ばす — no word in common.
  const result = await lint('ご返却を明日17時から明後日の17時まで、1日延ばしたいとのご連絡ですね。承知しました、手続きいたします。', {
    inquiry: '明日返す予定の車、もう1日延長できますか?',
  });
  assert.deepEqual(
    result.messages.filter((m) => m.ruleId === 'inquiry-summary').map((m) => m.message),
    [],
  );
});
