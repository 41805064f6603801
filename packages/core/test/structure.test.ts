/**
 * Reply structure and language detection: quoted text is never the agent's words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../src/index.js';
import { analyseStructure } from '../src/parse/structure.js';
import { buildDoc } from '../src/parse/document.js';

function kinds(text: string): Array<[string, string]> {
  const s = analyseStructure(text);
  return s.segments.map((seg) => [seg.kind, text.slice(seg.start, seg.end).split('\n')[0]!]);
}

test('Japanese email: addressee and opener are the greeting, 今後とも… the closing, then the signature', () => {
  const text = '株式会社ノースゲート\n情報システム部 太田 様\n\nいつもご利用いただきありがとうございます。\nサポートの平野です。\n\n本文です。\n\n今後ともよろしくお願いいたします。\n\nMeetNote サポート 平野';
  assert.deepEqual(kinds(text), [
    ['greeting', '株式会社ノースゲート'],
    ['body', '本文です。'],
    ['closing', '今後ともよろしくお願いいたします。'],
    ['signature', 'MeetNote サポート 平野'],
  ]);
});

test('English email: "Hi Mr. Okafor," is the greeting and "Kind regards," the closing', () => {
  const text = 'Hi Mr. Okafor,\n\nYour parcel is on its way.\n\nKind regards,\nHelena\nNorthwind Support';
  assert.deepEqual(kinds(text), [
    ['greeting', 'Hi Mr. Okafor,'],
    ['body', 'Your parcel is on its way.'],
    ['closing', 'Kind regards,'],
    ['signature', 'Helena'],
  ]);
});

const quotedHeaders: Array<[string, string]> = [
  ['> lines', 'Body.\n\n> I am so frustrated.\n> Please help.'],
  ['-----Original Message-----', 'Body.\n\n-----Original Message-----\nFrom: A <a@example.com>\nSent: Monday\nSubject: help\n\nI am so frustrated.'],
  ['On … wrote:', 'Body.\n\nOn Tue, 3 Mar 2026, Jane <jane@example.com> wrote:\nI am so frustrated.'],
  ['From:/Sent:/Subject: headers', 'Body.\n\nFrom: Jane <jane@example.com>\nSent: Tuesday\nSubject: Help\n\nI am so frustrated.'],
  ['差出人:/送信日時:/件名: headers', '本文です。\n\n差出人: 加藤 <k@example.jp>\n送信日時: 2026年4月6日\n件名: 困っています\n\nとても困っています。'],
  ['attribution line with an address before > lines', '本文です。\n\n2026年4月9日(木) 23:18 石田 健太 <kenta@example.jp>:\n> 本当に腹が立ちます。'],
];

for (const [why, text] of quotedHeaders) {
  test(`quoted original after ${why} is quoted, and it becomes the inquiry`, async () => {
    const structure = analyseStructure(text);
    const quoted = structure.segments.filter((s) => s.kind === 'quoted');
    assert.equal(quoted.length, 1);
    assert.match(structure.quoted, /frustrated|困っています|腹が立ちます/);
    const result = await lint(text);
    assert.equal(result.inquirySource, 'quoted');
    // Feelings in the quote are not the agent's acknowledgement, and no rule fires inside the quote.
    assert.ok(result.messages.some((m) => m.ruleId === 'empathy-acknowledgement'));
    for (const m of result.messages) {
      const offset = (m.place as { start: { offset: number } }).start.offset;
      assert.ok(offset < quoted[0]!.start, `${m.ruleId} fired inside the quote`);
    }
  });
}

test('supplier wording inside the quoted customer mail is never reported', async () => {
  const text = 'Hi Jane,\n\nThe playlists are archived and can be restored.\n\nBest,\nNadia\n\n> Your policy says data is kept 30 days. Per our policy? Rules are rules, I guess.';
  const result = await lint(text);
  assert.ok(!result.messages.some((m) => m.ruleId === 'supplier-centred-wording'));
});

test('language is detected per paragraph: a mixed reply is "mixed", each finding in its own language', async () => {
  const text = 'Hi Ken,\n\nPer our policy, we cannot refund the fee for your order.\n\n規定により、返金はいたしかねますので、ご了承くださいますようお願い申し上げます。';
  const result = await lint(text);
  assert.equal(result.language, 'mixed');
  const supplier = result.messages.filter((m) => m.ruleId === 'supplier-centred-wording');
  assert.deepEqual(supplier.map((m) => m.lang), ['en', 'ja']);
  assert.match(supplier[0]!.reason, /company/);
  assert.match(supplier[1]!.reason, /会社/);
});

test('a Japanese reply quoting English product names stays Japanese', () => {
  const doc = buildDoc('MeetNote Business の Google Calendar 連携は、設定画面からオンにできます。');
  assert.equal(doc.language, 'ja');
});

test('template placeholders are masked as names, keeping offsets', () => {
  const doc = buildDoc('{{customer_name}}様\n\n本文です。');
  assert.equal(doc.text.length, '{{customer_name}}様\n\n本文です。'.length);
  assert.equal(doc.structure.segments[0]!.kind, 'greeting');
});
