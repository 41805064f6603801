/**
 * Regression tests of the causes the third suggestion review found
 * (fixtures/eval/suggestion-review/third/verdicts.jsonl). Each test is a cause, on
 * sentences written for the test (not the review's): the acknowledgement chosen from what
 * happened and how it affects the customer, restatements that read back the main problem and
 * every request or nothing, and supplier wording removed only where the refusal rests on
 * nothing else. Real kuromoji, no mocks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../src/index.js';
import { enReply, fix, jaReply } from './suggestion-fix.js';

// ---------------------------------------------------------------- acknowledgement

test('ack: when what the company provided failed, an apology is owed, not a bystander\'s 「お困りのことと存じます」', async () => {
  // Why: reviewers marked 「お困り」 a small edit for damaged deliveries, double charges and outages.
  const text = await fix('empathy-acknowledgement', jaReply, '先週届いた電気ケトルが壊れていて、スイッチを入れても動きません。');
  assert.ok(text?.includes('申し訳ございません'), String(text));
  assert.ok(!text?.includes('お困り'), String(text));
});

test('ack: trouble of the customer\'s own doing gets sympathy, not the company\'s apology', async () => {
  // Why: 「間違えて注文してしまいました」 — the company caused nothing; an apology would claim a fault.
  // (Fourth review: the stock 「お困りのことと存じます」 that used to be offered here was generic, 0 of 4
  // sendable, so with nothing specific to name no sentence is offered — and never an apology.)
  const text = await fix('empathy-acknowledgement', jaReply, '間違えて同じ本を2冊注文してしまいました。1冊キャンセルできますか。');
  assert.ok(text === undefined || !text.includes('申し訳'), String(text));
});

test('ack: an occasion the customer looked forward to, spoiled, is a disappointment', async () => {
  // Why: 「お困り」 for a spoiled celebration missed the feeling (reviewers asked for 残念).
  const text = await fix('empathy-acknowledgement', jaReply, '娘の誕生日用に頼んだケーキが届きませんでした。家族みんなで楽しみにしていました。');
  assert.ok(text?.includes('残念'), String(text));
});

test('ack: harm to someone in the customer\'s care is met with their worry', async () => {
  // Why: a pet hurt in the company's care called for ご心配, not お困り.
  const text = await fix('empathy-acknowledgement', jaReply, 'トリミングから帰ってきた犬の耳から血が出ていました。');
  assert.ok(text?.includes('心配'), String(text));
});

test('ack: an insurance benefit named after an illness is not the customer\'s illness', async () => {
  // Why: 「手術給付金がまだ振り込まれません」 drew a get-well wish where the delay needed an apology.
  const text = await fix('empathy-acknowledgement', jaReply, '手術給付金を請求しましたが、3週間たってもまだ振り込まれません。');
  assert.ok(!text?.includes('回復'), String(text));
});

test('ack (en): where the reply restates nothing, the apology names the problem instead of "the trouble"', async () => {
  // Why: "I'm sorry to hear about the trouble you've had" read as generic for specific damage.
  const text = await fix('empathy-acknowledgement', enReply, 'The blender I ordered arrived with a cracked jug.');
  assert.equal(text, "I'm so sorry that the blender you ordered arrived with a cracked jug.");
});

test('ack (en): a life event gets no promise of help the reply may not give', async () => {
  // Why: "I'm glad to help you sort this out" sat right before a flat refusal.
  const text = await fix('empathy-acknowledgement', enReply, "I'm relocating to Canada next month. Can I end my contract early?");
  // (Fourth review: the stock life-event line was generic, so none may be offered at all.)
  assert.ok(text === undefined || !/glad to help|sort this out/iu.test(text), String(text));
});

// ---------------------------------------------------------------- restatement

test('restate: a request the reply answers is never left out (none when it cannot be read back)', async () => {
  // Why: restating the problem but not the refund or replacement asked for was a small edit or wrong.
  const text = await fix('inquiry-summary', enReply, 'My order #5521 arrived without the charger. Why was it left out? Who pays for shipping the missing part?');
  assert.equal(text, undefined);
});

test('restate: a side detail never stands in for the main problem', async () => {
  // Why: "your wife needs a knee replacement" was read back, the lost pre-authorization left out.
  const text = await fix('inquiry-summary', enReply, "My son needs new glasses for school. The optician says the order was sent to you two weeks ago, but nobody knows where it is.");
  assert.ok(text === undefined || /order/u.test(text), String(text));
});

test('restate: a request whose cut-off part asks why is not read back alone', async () => {
  // Why: "I want to transfer my ISA, why is there an exit fee?" became only "you'd like to transfer".
  const text = await fix('inquiry-summary', enReply, 'I want to move my pension to another provider, why is there a £40 exit fee?');
  assert.equal(text, undefined);
});

test('restate (en): a company "you" that cannot be placed as we or us leaves its clause out', async () => {
  // Why: "your site said you service Samsung" became "our site said us service Samsung".
  const text = await fix('inquiry-summary', enReply, 'Your website said you repair Bosch ovens.');
  assert.ok(text === undefined || !/said us/u.test(text), String(text));
});

test('restate (ja): spaces between Latin words and numbers are kept', async () => {
  // Why: 「429 Too Many Requests」 was read back as 「429TooManyRequests」.
  const text = await fix('inquiry-summary', jaReply, 'Model X 200 の電源が入りません。修理をお願いします。');
  assert.ok(text?.includes('Model X 200の電源が入らない'), String(text));
});

test('restate (ja): everyday words take the keigo reply\'s form (今日 → 本日)', async () => {
  // Why: reviewers changed 今日 to 本日 in every keigo reply.
  const text = await fix('inquiry-summary', jaReply, '今日届くはずの荷物がまだ届きません。');
  // (荷物 is the customer's too: お荷物.)
  assert.ok(text?.includes('本日届くはずのお荷物') && !text.includes('今日'), String(text));
});

test('restate (ja): a dropped particle is casual speech and is not read back', async () => {
  // Why: 「車乗っている」「電源入らなくなった」 were copied from the customer's message.
  const text = await fix('inquiry-summary', jaReply, 'スマホの画面真っ暗になりました。');
  assert.ok(text === undefined || !text.includes('画面真っ暗'), String(text));
});

test('restate (ja): the customer\'s own action is not told in plain words (なくした, 返すとき)', async () => {
  // Why: 「納付書をなくしてしまった」「レンタカーを返すとき」 read curt in a keigo reply.
  const text = await fix('inquiry-summary', jaReply, '駐輪場の定期券をなくしてしまいました。');
  assert.ok(text === undefined || !text.includes('なくして'), String(text));
});

test('restate (ja): a listed action of the customer\'s is made respectful (応募した → ご応募された)', async () => {
  // Why: 「応募した求人」 without honorific was a small edit.
  const text = await fix('inquiry-summary', jaReply, '応募した講座の受講票がまだ届きません。');
  assert.ok(text?.includes('ご応募された講座'), String(text));
});

test('restate (ja): a condition told with たら is the customer\'s telling, not a restatement', async () => {
  // Why: 「〜しようとしたらエラーとのこと」 was telegraphic.
  const text = await fix('inquiry-summary', jaReply, '写真を保存しようとしたらエラーになりました。');
  assert.ok(text === undefined || !text.includes('たら'), String(text));
});

// ---------------------------------------------------------------- supplier wording

test('supplier: no removal while the refusal still rests on another company-side reason', async () => {
  // Why: deleting 「規定により、」 left 「契約条件上お受けいたしかねます」 (5 of 9 supplier fixes wrong).
  const result = await lint('Per our policy, refunds are not available after 14 days. Our terms do not allow exceptions.', { inquiry: 'Can I get a refund for my course?' });
  const findings = result.messages.filter((m) => m.ruleId === 'supplier-centred-wording');
  assert.ok(findings.length > 0);
  for (const m of findings) assert.equal(m.suggestions.length, 0, JSON.stringify(m.suggestions));
});

test('supplier: no removal where the reply still frames the refusal as a fixed rule elsewhere', async () => {
  // Why: removing 「会則第8条により、」 left 「いかなる理由でもご返金できないこととなっております」.
  const result = await lint('規定により、入会金の返金はいたしかねます。いかなる理由でも例外はございません。', { inquiry: '入会金を返してもらえますか。' });
  const findings = result.messages.filter((m) => m.ruleId === 'supplier-centred-wording');
  assert.ok(findings.length > 0);
  for (const m of findings) assert.equal(m.suggestions.length, 0, JSON.stringify(m.suggestions));
});

test('ack: hurt by how they were treated, the apology is for the unpleasant feeling, not an inconvenience', async () => {
  // Why: 「ご不便をおかけし」 for a child upset by a teacher's words named the wrong feeling.
  const text = await fix('empathy-acknowledgement', jaReply, '窓口の職員の言い方がきつく、母が落ち込んで帰ってきました。');
  assert.ok(text?.includes('ご不快'), String(text));
});

test('ack: trouble met while asking how to do something is not the company\'s failure to apologise for', async () => {
  // Why: an apology for an error message a beginner met while learning reads as admitting a fault.
  const text = await fix('empathy-acknowledgement', jaReply, '初心者です。グラフを作るとエラーが出ます。どうすればいいですか。');
  assert.ok(text === undefined || !text.includes('申し訳'), String(text));
});

test('restate (en): a request whose company "you" cannot be placed is not read back ("data us hold")', async () => {
  // Why: "the personal data you hold on me" became "the personal data us hold on you".
  const text = await fix('inquiry-summary', enReply, "I'd like a copy of the recordings you keep of my calls.");
  assert.ok(text === undefined || !/\bus keep\b/u.test(text), String(text));
});

test('restate (en): a request inside an angry sentence is still a request that must be read back', async () => {
  // Why: "This is ridiculous, please remove it." was left out and the fee alone was restated.
  const text = await fix('inquiry-summary', enReply, "I've been charged a $40 cleaning fee on my rental. This is absurd, please remove it.");
  assert.equal(text, undefined);
});


test('ack: a condition the customer fears (「使えないと困る」) is not trouble they have had', async () => {
  // Why: an apology for an inconvenience that had not happened, on a request to move a line.
  const text = await fix('empathy-acknowledgement', jaReply, '来月引っ越すので、電話回線の移転をしたいです。すぐにつながらないと困るんですが。');
  assert.ok(text === undefined || !text.includes('申し訳'), String(text));
});

test('ack: a bare apology already in the reply is made specific in place, not doubled', async () => {
  // Why: 「ご不便をおかけし、大変申し訳ございません。」 inserted right before the reply's own 「申し訳ございません。」.
  // (Not the body's first sentence: the summary's insertion goes there, so that apology keeps the insertion.)
  const reply = 'お問い合わせありがとうございます。\n交換品の手配を進めております。申し訳ございません。本日中に発送いたします。';
  const result = await lint(reply, { inquiry: '届いたポットが壊れていました。' });
  const m = result.messages.find((x) => x.ruleId === 'empathy-acknowledgement');
  assert.ok(m?.suggestions[0]);
  const s = m.suggestions[0];
  assert.equal(reply.slice(s.start, s.end), '申し訳ございません。');
  const applied = reply.slice(0, s.start) + s.text + reply.slice(s.end);
  assert.equal(applied.split('申し訳').length - 1, 1, applied);
});

test('restate (ja): the customer\'s claim of a cause (〜のは〜のミス) is not accepted with 「承知いたしました」', async () => {
  // Why: 「遅れたのは配送業者のミスとのこと、承知いたしました」 seemed to agree before the reply refused.
  const text = await fix('inquiry-summary', jaReply, '到着が遅れたのは運送会社のミスです。追加料金が請求されています。');
  assert.ok(text === undefined || !text.includes('のは'), String(text));
});

test('restate (en): a bare imperative ("Unsuspend it immediately.") is a request that must be read back', async () => {
  // Why: the suspension was restated and the demand to lift it, which the reply answers, left out.
  const text = await fix('inquiry-summary', enReply, 'You locked my account this morning for unusual activity. Unlock it right now.');
  assert.equal(text, undefined);
});

test('ack (en): no generic "sorry for all the trouble" where the reply restates nothing and no problem can be named', async () => {
  // Why: the generic line alone, with nothing specific before it, was a small edit.
  const result = await lint(enReply, { inquiry: 'its 10:30 and nobody has turned up, the window was 8-9!!' });
  const m = result.messages.find((x) => x.ruleId === 'empathy-acknowledgement');
  assert.ok(m);
  for (const s of m.suggestions) assert.ok(!/all the trouble/u.test(s.text), s.text);
});

