/**
 * Regression tests of the causes the fourth suggestion review found
 * (fixtures/eval/suggestion-review/fourth/verdicts.jsonl), on sentences written for the test:
 * the acknowledgement names what is at stake instead of a stock line, sympathy (not an apology)
 * for harm from outside the company, no stock line where nothing specific can be named, and no
 * insertion beside an apology already there. Real kuromoji, no mocks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enReply, fix, jaReply } from './suggestion-fix.js';

test('stake: harm from outside the company gets sympathy naming it, never the company\'s apology', async () => {
  // Why: 「ご不快な思いをおかけし」 for a hit-and-run in a car park implied the company caused it.
  const text = await fix('empathy-acknowledgement', jaReply, '店舗の駐車場に車を停めていたら、当て逃げされてドアがへこんでいました。防犯カメラを確認してもらえますか。');
  assert.ok(text?.includes('お見舞い') && !text.includes('申し訳'), String(text));
});

test('stake: a disputed fee is named, not called an inconvenience', async () => {
  // Why: 「ご不便をおかけし」 for a customer angry about a fee read as generic.
  const text = await fix('empathy-acknowledgement', jaReply, '返却が1日遅れただけで延滞金を3,000円も取られました。高すぎると思います。');
  assert.ok(text?.includes('延滞金') && !text.includes('ご不便'), String(text));
});

test('stake (en): lost points are a loss, named as such', async () => {
  // Why: "the inconvenience" understated points or a bonus the customer lost.
  const text = await fix('empathy-acknowledgement', enReply, 'All my reward points expired last week without any warning email. I had saved them for a year.');
  assert.ok(text !== undefined && /points/u.test(text) && !/inconvenience|all the trouble/iu.test(text), String(text));
});

test('stake: a time-critical delay names the worry (medicine)', async () => {
  // Why: a generic line for a patient whose medicine was running out; the worry should be named.
  const text = await fix('empathy-acknowledgement', jaReply, '処方された薬の配送がまだ届きません。残りがあと3日分しかありません。');
  assert.ok(text?.includes('薬') && text.includes('心配'), String(text));
});

test('stake: no stock 「お困りのことと存じます」 where nothing specific can be named', async () => {
  // Why: 0 of 4 sendable in the fourth review; a missing fix beats a generic one.
  const text = await fix('empathy-acknowledgement', jaReply, 'サイズを間違えて注文してしまいました。交換できますか。');
  assert.equal(text, undefined);
});

test('stake: a routine request with a life event behind it gets no 「ご事情、お察しいたします」', async () => {
  // Why: judged meaningless (wrong) on a routine procedural question.
  const text = await fix('empathy-acknowledgement', jaReply, '来月引っ越すので、登録住所の変更方法を教えてください。');
  assert.equal(text, undefined);
});

test('stake (en): no overblown "all the trouble you\'ve had" where the reply restates and nothing can be named', async () => {
  // Why: 3 of 10 sendable; overblown for small slips, generic for big ones.
  const reply = "Thanks for reaching out. You mentioned that the captions are missing on episode 3. We'll add them this week.";
  const text = await fix('empathy-acknowledgement', reply, 'Episode 3 has no captions. Can you add them?');
  assert.ok(text === undefined || !/all the trouble/iu.test(text), String(text));
});

test('placement: no apology inserted right beside an existing apology', async () => {
  // Why: 「ご不便をおかけし、大変申し訳ございません。」 right before 「申し訳ございませんが、…」 apologised twice.
  const reply = 'お問い合わせありがとうございます。\n\n申し訳ございませんが、本日の再配達枠は埋まっております。明日の午前に再配達いたします。';
  const text = await fix('empathy-acknowledgement', reply, '荷物が届くはずの日に届きませんでした。今日中に再配達してもらえますか。');
  assert.ok(text === undefined || !text.includes('申し訳'), String(text));
});

test('ack: a get-well wish names who is ill', async () => {
  // Why: 「一日も早いご回復」 with no name read as wishing the customer well when the patient was his wife.
  const text = await fix('empathy-acknowledgement', jaReply, '妻が手術で入院しているため、来月の定期便を止めたいです。');
  assert.ok(text?.includes('奥様'), String(text));
});
