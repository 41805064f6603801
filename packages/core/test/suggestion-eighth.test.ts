/**
 * Causes found by the eighth suggestion review (fixtures/eval/suggestion-review/eighth/), each
 * checked to fail on the code before its fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fix } from './suggestion-fix.js';

test('supplier (ja): no removal of a phrase a particle ties to what follows', async () => {
  // Why: removing 「当社ではSNS上」 left 「での個別のお問い合わせには対応しておりません」 (n=11: wrong).
  assert.equal(await fix('supplier-centred-wording', '当社ではSNS上での個別のお問い合わせには対応しておりません。'), undefined);
});

test('supplier (en): no removal where the rest gives the company\'s own side as the reason', async () => {
  // Why: removing "Per our returns policy, " left "… as our finance team batch-processes returns on a set
  // schedule": still the company's convenience as the reason (n=94: wrong).
  assert.equal(
    await fix(
      'supplier-centred-wording',
      'Per our returns policy, refunds are processed within 21 business days of the item being received, as our finance team batch-processes returns on a set schedule.',
    ),
    undefined,
  );
  // (A plain statement of fact after the phrase keeps its removal.)
  assert.equal(await fix('supplier-centred-wording', 'Per our policy, refunds are issued within 5 working days of the return arriving.'), 'R');
});

test('empathy (en): a hedged apology is made plain only where the company caused the trouble', async () => {
  // Why: "the inconvenience this has caused you" to a customer cancelling for her husband's surgery claims a fault
  // the company does not have (n=80: wrong).
  const reply = 'Thank you for your email. We apologise for any inconvenience this may cause. Cancellations within 30 days are non-refundable.';
  assert.notEqual(
    await fix('empathy-acknowledgement', reply, "We booked the apartment for 12–15 June but my husband's been called in for surgery that week. We need to cancel."),
    'the inconvenience this has caused you',
  );
  // (Where what the company sent went wrong, the plain apology is still offered.)
  assert.equal(await fix('empathy-acknowledgement', reply, 'The mug I ordered arrived cracked in two places.'), 'the inconvenience this has caused you');
});

test('restate (en): a demand is read as what they ask, not as the problem', async () => {
  // Why: "I expect a full refund and an explanation" was read back alone as the trouble, naming neither the
  // stay nor what went wrong (n=56: wrong).
  const text = await fix(
    'inquiry-summary',
    'Thank you for your email. We have issued a refund of $189 for the night of June 14.',
    'I arrived at 11pm on June 14 with a confirmed reservation and was told the hotel was full.\nI expect a full refund and an explanation.',
  );
  assert.ok(text, 'no restatement offered');
  assert.match(text, /told the hotel was full/u);
  assert.match(text, /you'd like a full refund/u);
});

test('restate (en): no emoji or self-introduction ("Celiac here") read back', async () => {
  // Why: "You mentioned that celiac here and you'd love to order for your birthday 🥺, …" is not English (n=93: wrong).
  const text = await fix('inquiry-summary', 'Yes! Check the GF highlight on our profile for this week\'s menu.', "Celiac here and I'd love to order a cake for my birthday 🥺 Do you have anything gluten free?");
  if (text !== undefined) {
    assert.doesNotMatch(text, /\p{Extended_Pictographic}/u);
    assert.doesNotMatch(text, /\bhere\b/iu);
  }
  // (And a request with an emoji is read back without it, or its closing "please".)
  const emoji = await fix(
    'inquiry-summary',
    "Thanks for your message. I've passed this to our delivery team and they'll be in touch today.",
    'Can you move my delivery for order 4471 to Saturday please 🙏',
  );
  assert.match(emoji ?? '', /^You'd like us to move your delivery for order 4471 to Saturday\.\s*$/u);
});

test('empathy (ja): left without word is the worry of it, not 「ご不便」', async () => {
  // Why: 「ご不便をおかけし」 for a candidate with no word on an interview, a parent whose calls never connected,
  // a refund with two weeks of silence: the reviewer asked for 「ご連絡がなくご心配をおかけし」 (n=19, 43, 45: small edits).
  const reply = 'お問い合わせありがとうございます。確認のうえ、本日中にご連絡いたします。';
  for (const inquiry of ['先週の面接のあと、担当の方から全然連絡がないです。結果まだですか?', '昨日の夕方から何回電話してもつながらない。子どもが帰ってるか確認したかっただけなのに。']) {
    const text = await fix('empathy-acknowledgement', reply, inquiry);
    assert.ok(text, `no acknowledgement offered for ${inquiry}`);
    assert.doesNotMatch(text, /ご不便/u);
    assert.match(text, /ご心配/u);
  }
});

test('empathy (ja): a charge after the customer had left is a surprise, not an inconvenience', async () => {
  // Why: 「退塾したはずなのに、4月分の授業料が引き落とされていました」 got 「ご不便をおかけし」 (n=5: small edit);
  // an expectation the charge contradicts (〜のに) makes it unexpected.
  const text = await fix('empathy-acknowledgement', 'お問い合わせありがとうございます。確認のうえ、本日中にご連絡いたします。', '3月末で退塾したはずなのに、4月分の授業料が口座から引き落とされていました。返してください。');
  assert.ok(text);
  assert.doesNotMatch(text, /ご不便/u);
});

test('empathy (ja): weather is a cause outside the company, so no 「ご不便をおかけし」 apology', async () => {
  // Why: a thunderstorm that stopped the rides got 「ご不便をおかけし、大変申し訳ございません」 (small edit: the
  // company did not cause it); weather words join 台風 and 大雪 as a third party's doing.
  const text = await fix(
    'empathy-acknowledgement',
    'お問い合わせありがとうございます。確認のうえ、本日中にご連絡いたします。',
    '8月3日に行きましたが、午後の雷でジェットコースター系がほぼ全部止まり、入場料に見合いませんでした。一部返金してもらえませんか。',
  );
  assert.ok(text === undefined || !/ご不便をおかけ|申し訳/u.test(text), text);
});

test('empathy (ja): a disputed decision is met with the customer\'s sense of unfairness, not 「ご不便」', async () => {
  // Why: a pet-insurance claim denied for a pre-existing condition, which the customer called unfair (納得できません),
  // got 「ご不便をおかけし」; the reviewer asked for 「ご納得いただけないお気持ちはお察しいたします」 (n=15: small edit).
  const text = await fix(
    'empathy-acknowledgement',
    'お問い合わせありがとうございます。審査結果について改めてご説明いたします。',
    '愛犬の皮膚炎の治療費を請求したのですが、不支払いの通知が来ました。加入前は何も言われていません。納得できません。',
  );
  assert.ok(text, 'no acknowledgement offered');
  assert.doesNotMatch(text, /ご不便/u);
  assert.match(text, /ご納得/u);
});
