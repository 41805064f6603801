/**
 * Bad input never throws, and every finding's range lies inside the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type LintResult } from '../src/index.js';

function assertSane(text: string, result: LintResult): void {
  for (const m of result.messages) {
    const place = m.place as { start: { offset?: number }; end: { offset?: number } };
    const start = place.start.offset ?? 0;
    const end = place.end?.offset ?? start;
    assert.ok(start >= 0 && start <= end && end <= text.length, `range ${start}-${end} outside ${text.length}`);
    for (const s of m.suggestions) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length);
  }
}

const cases: Array<[string, string]> = [
  ['empty text: nothing to report', ''],
  ['whitespace only', ' \n\t\n　\n'],
  ['only a signature', 'Best,\nChloe\nTrackside Support'],
  ['only a Japanese signature', '今後ともよろしくお願い申し上げます。\n\nシネマパス カスタマーサポート 田村'],
  ['NUL bytes inside prose', 'Thank you\u0000 for writing.\u0000 Per our policy\u0000, no refunds.'],
  ['unpaired surrogates', 'Hello \ud800 there. Per our policy, no. \udc00 規定により、返金はいたしかねます。\ud83d'],
  ['emoji sequences and RTL marks', 'I am sorry 👩‍👩‍👧‍👦 \u200f for the trouble 🇯🇵. 規定により不可です。'],
  ['CRLF line ends', '山田 様\r\n\r\n規定により、返金はいたしかねます。\r\n\r\n今後ともよろしくお願い申し上げます。\r\n'],
  ['CR-only line ends', 'Hi Ann,\r\rPer our policy, refunds are not possible.\r\rBest,\rBo'],
  ['mixed Japanese and English paragraphs', 'Hi Ken,\n\nPer our policy, we cannot refund.\n\n規定により、返金はいたしかねます。\n\nBest,\nAmy'],
  ['a very long line without punctuation', 'あ'.repeat(20_000) + 'policy'.repeat(2_000)],
  ['template placeholders are names', '{{customer_name}}様\n\n{product}の件、規定によりお受けできません。'],
];

for (const [why, text] of cases) {
  test(`lint() survives: ${why}`, async () => {
    const result = await lint(text);
    assertSane(text, result);
    assert.ok(result.score >= 0 && result.score <= 100);
  });
}

test('empty and whitespace-only replies get no findings (nothing was written yet)', async () => {
  assert.deepEqual((await lint('')).messages, []);
  assert.deepEqual((await lint('  \n \n')).messages, []);
});

test('a reply over the limit (2 MB) is not analysed but reported once as skipped', async () => {
  const text = 'Per our policy, no. '.repeat(104_858);
  const result = await lint(text);
  assert.equal(result.skipped, true);
  assert.equal(result.messages.length, 1);
  assert.equal(result.messages[0]!.ruleId, 'too-large');
  // A reply that was not analysed has not passed: no score of 100.
  assert.equal(result.score, 0);
  // Why: every finding's place is {start, end} (the documented shape surfaces map to ranges), this one too.
  assert.deepEqual(result.messages[0]!.place, { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } });
});

test('a skipped Japanese reply reports its language, not English', async () => {
  // Why: a surface that shows the skipped reply's language must not call a Japanese reply English.
  const result = await lint('規定により返金はいたしかねます。'.repeat(70_000));
  assert.equal(result.skipped, true);
  assert.equal(result.language, 'ja');
  assert.equal(result.messages[0]!.lang, 'ja');
});

test('a 1 MB reply is analysed (within the default limit), with sane ranges', async () => {
  const text = ('Hi Ann,\n\nPer our policy, no refunds after 30 days. 規定により、返金はいたしかねます。\n\n').repeat(13_000).slice(0, 1_000_000);
  const result = await lint(text);
  assert.equal(result.skipped, false);
  assertSane(text, result);
  assert.ok(result.messages.filter((m) => m.ruleId === 'supplier-centred-wording').length > 1000);
});

test('results are deterministic', async () => {
  const text = 'Hi Ann,\n\nSorry. Per our policy, no refunds.\n\nBest,\nBo';
  const a = await lint(text);
  const b = await lint(text);
  assert.deepEqual(
    a.messages.map((m) => [m.ruleId, m.place, m.reason]),
    b.messages.map((m) => [m.ruleId, m.place, m.reason]),
  );
});

test('offsets are UTF-16 code units: the flagged text is exactly text.slice(start, end)', async () => {
  // Why: editors and the LSP convert from UTF-16 offsets; an astral character before the finding shifts nothing.
  const text = '🎉🎉 Thanks! Per our policy, refunds take 5 days.';
  const result = await lint(text);
  const m = result.messages.find((x) => x.ruleId === 'supplier-centred-wording')!;
  const place = m.place as { start: { offset: number; line: number; column: number }; end: { offset: number } };
  assert.equal(text.slice(place.start.offset, place.end.offset), 'Per our policy');
  assert.equal(place.start.line, 1);
  assert.equal(place.start.column, place.start.offset + 1);
});
