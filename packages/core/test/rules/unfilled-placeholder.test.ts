/**
 * unfilled-placeholder: template slots and fill-in markers left in a reply,
 * and the guard for every placeholder replylint's own suggestions insert.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/index.js';
import justification from '../../src/analysis/justification.json' with { type: 'json' };
import refusal from '../../src/rules/refusal-without-reason/data.json' with { type: 'json' };
import markers from '../../src/rules/unfilled-placeholder/data.json' with { type: 'json' };
import { run } from './tester.js';

run('unfilled-placeholder', {
  valid: [
    // Written on purpose (found as false alarms on good replies of the writer sets).
    { why: 'code in backticks is not a slot', text: 'The `/repos/{owner}/{repo}/pulls` call and the new `{{ comments }}` slot both work now.' },
    { why: 'ja: a masked phone number keeps its other digits', text: '状況が変わり次第、携帯(090-XXXX-XX21)にご連絡いたします。' },
    { why: 'a menu path in brackets joined by arrows', text: 'You can remove the card under [Settings]→[Billing]→[Payment methods].' },
    { why: 'a filled-in reply', text: 'Hi Dana,\n\nYour refund of $42.50 has been issued.' },
    { why: 'ja: a heading in 【】 is not a fill-in marker', text: '【重要】ご注文内容の確認\n\n佐藤様、ご注文ありがとうございます。' },
    { why: 'a Markdown link and a footnote are not slots', text: 'See [the setup guide](https://example.com/guide) and note [1].' },
    { why: "placeholders in the customer's quoted original are not the agent's", text: 'Thanks, fixed!\n\nOn Mon, Bob wrote:\n> my order {order_id} is late [URGENT]' },
  ],
  invalid: [
    { why: 'a number that is only Xs is still a slot', text: 'Call us on XXXX-XXXX.', flagged: ['XXXX', 'XXXX'] },
    { why: 'a Handlebars slot and a bracketed slot', text: 'Hi [Name],\n\nYour order {{order.id}} has shipped.', flagged: ['[Name]', '{{order.id}}'] },
    { why: 'XXX left for an amount', text: 'Your refund of XXX has been issued.', flagged: ['XXX'] },
    { why: 'ja: 〇〇様 and a fill-in note', text: '〇〇様\n\n【要修正】お届け予定日をご確認ください。', flagged: ['〇〇', '【要修正】'] },
    { why: 'a slot in the signature is still unfilled', text: 'Your card has been replaced.\n\nBest,\n{{agent.name}}', flagged: ['{{agent.name}}'] },
    { why: "a team's own marker from the options", text: 'Refund amount: @@AMOUNT@@ has been issued.', options: { markers: ['@@AMOUNT@@'] }, flagged: ['@@AMOUNT@@'] },
  ],
});

test("every marker kind's example is caught", async () => {
  // Why: the data file documents each marker with an example; the example is its test.
  for (const m of markers.markers) {
    const result = await lint(m.example);
    assert.ok(result.messages.some((x) => x.ruleId === 'unfilled-placeholder'), `${m.id}: ${m.example}`);
  }
});

test('every placeholder replylint suggestions can insert is caught before sending', async () => {
  // Why: a suggestion with a slot ([reason that matters to you], 〇〇) must not be sendable as is.
  const inserted = [
    // justification.json: every detection pattern's rewrite, both languages.
    ...[justification.ja, justification.en].flatMap((d) => d.patterns.map((p) => p.rewrite)),
    // refusal-without-reason inserts a reason and an alternative (its other strings are patterns).
    ...[refusal.ja, refusal.en].flatMap((d) => Object.entries(d).filter(([k]) => k.startsWith('insert')).map(([, v]) => String(v))),
  ].filter((t) => /[[\]〇【]/u.test(t));
  assert.ok(inserted.length >= 8, `only ${inserted.length} placeholder texts found`);
  for (const text of inserted) {
    const result = await lint(text);
    assert.ok(result.messages.some((m) => m.ruleId === 'unfilled-placeholder'), text);
  }
  // Without an inquiry there is nothing to restate: the summary finding comes with no suggestion at all,
  // rather than a prompt in 【】 or brackets (second suggestion review: a placeholder could be sent).
  for (const reply of ['お問い合わせありがとうございます。返金は本日完了しました。', 'Thanks for writing in. The refund was issued today.']) {
    const first = await lint(reply);
    const summary = first.messages.find((m) => m.ruleId === 'inquiry-summary');
    assert.ok(summary, reply);
    assert.deepEqual(summary.suggestions, [], reply);
  }
});
