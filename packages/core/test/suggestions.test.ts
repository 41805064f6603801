/**
 * Suggestions an agent can send as they are: restatements built from the
 * inquiry with grammar (plain forms before 「とのこと」, the customer's family in
 * keigo, English agreement and capitals), never by pasting the inquiry's words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../src/index.js';

async function suggestion(rule: string, reply: string, inquiry: string): Promise<string> {
  const result = await lint(reply, { inquiry });
  const m = result.messages.find((x) => x.ruleId === rule);
  assert.ok(m, `${rule} did not fire on: ${reply}`);
  return m.suggestions[0]!.text.trim();
}

const cases: Array<{ why: string; rule: string; reply: string; inquiry: string; has: string[]; hasNot: string[] }> = [
  {
    why: 'ja: a polite negative becomes plain before とのこと (届きませんでした → 届かなかった), 娘 → お嬢様',
    rule: 'inquiry-summary',
    reply: 'お問い合わせありがとうございます。本日発送しました。',
    inquiry: '娘の誕生日に注文したケーキが届きませんでした。とても悲しかったです。',
    has: ['お嬢様', '届かなかったとのこと'],
    hasNot: ['ませんとのこと', 'でしたとのこと', '娘の'],
  },
  {
    why: 'ja: 〜ています / 〜たいです lose their polite endings',
    rule: 'inquiry-summary',
    reply: 'お問い合わせありがとうございます。確認いたします。',
    inquiry: '同じ月に2回請求されています。返金してください。',
    has: ['請求されているとのこと'],
    hasNot: ['ていますとのこと'],
  },
  {
    why: 'ja: colloquial polite forms become plain too (止まってます → 止まっている, 泊まるんですが → 泊まるのだが)',
    rule: 'inquiry-summary',
    reply: 'お問い合わせありがとうございます。確認いたします。',
    inquiry: '来週泊まるんですが、部屋のエアコンが止まってます。',
    has: ['泊まるのだが', '止まっている'],
    hasNot: ['るんが', 'てますとのこと'],
  },
  {
    why: 'ja: a counter never starts the topic (2「回」請求 → not 「回請求の件」)',
    rule: 'empathy-acknowledgement',
    reply: 'お問い合わせありがとうございます。確認いたします。',
    inquiry: '同じ月に2回請求されています。返金してください。',
    has: [],
    hasNot: ['回請求の件'],
  },
  {
    why: 'en: "I was charged" becomes "you were charged", not "you was"',
    rule: 'inquiry-summary',
    reply: 'Thanks for writing in. The refund was issued today.',
    inquiry: 'I was charged twice for my March bill. Please refund one.',
    has: ['you were charged twice for your March bill'],
    hasNot: ['you was'],
  },
  {
    why: 'en: the inquiry\'s first word keeps no capital mid-sentence ("that someone got into")',
    rule: 'inquiry-summary',
    reply: 'Thanks for writing in. We have secured the account.',
    inquiry: 'Someone got into my account last night and changed my email.',
    has: ['You mentioned that someone got into your account'],
    hasNot: ['that Someone'],
  },
  {
    why: "en: the customer's casual wording is not read back; the suggestion is a prompt the agent fills (caught by unfilled-placeholder)",
    rule: 'inquiry-summary',
    reply: 'Thanks for writing in. We have looked at your order.',
    inquiry: '@shopHelp ugh my order STILL isnt here and i need it TONIGHT',
    has: ['['],
    hasNot: ['ugh', 'shopHelp', 'TONIGHT'],
  },
  {
    why: 'ja: a casual message (〜んだけど、〜よね) is not read back either',
    rule: 'inquiry-summary',
    reply: 'お問い合わせありがとうございます。確認いたします。',
    inquiry: '昨日頼んだやつまだ来ないんだけど、今日届くって言ってたよね？',
    has: ['【'],
    hasNot: ['んだけど', 'よね'],
  },
];

for (const c of cases) {
  test(`suggestion: ${c.why}`, async () => {
    const text = await suggestion(c.rule, c.reply, c.inquiry);
    for (const h of c.has) assert.ok(text.includes(h), `expected “${h}” in “${text}”`);
    for (const h of c.hasNot) assert.ok(!text.includes(h), `did not expect “${h}” in “${text}”`);
  });
}
