/**
 * Invalid options throw an error that names the bad key.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, ReplylintOptionsError } from '../src/index.js';

const bad: Array<[string, unknown, string]> = [
  ['unknown top-level key', { langauge: 'ja' }, 'langauge'],
  ['bad lang value', { lang: 'fr' }, 'lang'],
  ['bad channel', { channel: 'sms' }, 'channel'],
  ['unknown rule id', { rules: { 'no-such-rule': 'warn' } }, 'rules.no-such-rule'],
  ['bad severity', { rules: { 'inquiry-summary': 'loud' } }, 'rules.inquiry-summary'],
  ['bad rule options', { rules: { 'inquiry-summary': ['warn', 3] } }, 'rules.inquiry-summary[1]'],
  ['bad preset', { preset: 'lenient' }, 'preset'],
  ['phrase list is not a list', { phrases: { supplierCentred: 'x' } }, 'phrases.supplierCentred'],
  ['empty team phrase', { phrases: { empathy: [''] } }, 'phrases.empathy[0]'],
  ['team phrase without text', { phrases: { supplierCentred: [{ rewrite: 'x' }] } }, 'phrases.supplierCentred[0].phrase'],
  ['inquiry is not a string', { inquiry: 42 }, 'inquiry'],
  // An empty bare-string phrase is refused like an empty {phrase}: it would match everywhere.
  ['empty bare-string team phrase', { phrases: { supplierCentred: ['ok', ''] } }, 'phrases.supplierCentred[1]'],
  // Rule options are checked against the rule's declared options: a misspelt key is not silently ignored.
  ['misspelt rule option', { rules: { 'sentence-length': ['warn', { jp: { email: 20 } }] } }, 'rules.sentence-length[1].jp'],
  ['unknown nested rule option', { rules: { 'sentence-length': ['warn', { ja: { mail: 20 } }] } }, 'rules.sentence-length[1].ja.mail'],
  ['rule option of the wrong type', { rules: { 'sentence-length': ['warn', { en: { chat: '25' } }] } }, 'rules.sentence-length[1].en.chat'],
  ['rule option out of range', { rules: { 'sentence-length': ['warn', { en: { chat: 0 } }] } }, 'rules.sentence-length[1].en.chat'],
  ['empty placeholder marker', { rules: { 'unfilled-placeholder': ['error', { markers: ['<<', ' '] }] } }, 'rules.unfilled-placeholder[1].markers[1]'],
  ['markers not a list', { rules: { 'unfilled-placeholder': ['error', { markers: '<<' }] } }, 'rules.unfilled-placeholder[1].markers'],
  ['an option for a rule that takes none', { rules: { 'inquiry-summary': ['warn', { minWords: 3 }] } }, 'rules.inquiry-summary[1].minWords'],
];

for (const [why, options, key] of bad) {
  test(`invalid options throw naming the key: ${why}`, async () => {
    await assert.rejects(
      () => lint('Hello', options as never),
      (error: unknown) => error instanceof ReplylintOptionsError && error.key === key && error.message.startsWith(key),
    );
  });
}

test('valid rule options are accepted and used', async () => {
  // Why: validation must not refuse what the rule pages document.
  const long = 'We have checked your order and we will send the replacement parcel to your new address by courier tomorrow morning.';
  const strictLimit = await lint(long, { rules: { 'sentence-length': ['warn', { en: { email: 10 } }] } });
  assert.ok(strictLimit.messages.some((m) => m.ruleId === 'sentence-length'));
  assert.ok(!(await lint(long)).messages.some((m) => m.ruleId === 'sentence-length'), 'within the default limit');
  const marker = await lint('Hi @@fill@@, thanks.', { rules: { 'unfilled-placeholder': ['error', { markers: ['@@fill@@'] }] } });
  assert.ok(marker.messages.some((m) => m.ruleId === 'unfilled-placeholder'));
  assert.ok(!(await lint('Hi @@fill@@, thanks.')).messages.some((m) => m.ruleId === 'unfilled-placeholder'), 'only as a team marker');
  await lint('Hello', { rules: { 'inquiry-summary': ['warn', {}] } });
});

test('a misspelt rule option names the key and the options the rule knows', async () => {
  await assert.rejects(
    () => lint('Hello', { rules: { 'sentence-length': ['warn', { jp: { email: 20 } }] } }),
    { message: 'rules.sentence-length[1].jp: unknown option (known: ja, en)' },
  );
});

test('a rule turned off reports nothing', async () => {
  // Why: teams must be able to silence any rule.
  const result = await lint('Per our policy, no.', { rules: { 'supplier-centred-wording': 'off' } });
  assert.ok(!result.messages.some((m) => m.ruleId === 'supplier-centred-wording'));
});

test('severity maps to fatal the vfile way, and the score follows it', async () => {
  const asWarn = await lint('Per our policy, no.', { rules: { 'supplier-centred-wording': 'warn', 'empathy-acknowledgement': 'off', 'inquiry-summary': 'off' } });
  const m = asWarn.messages.find((x) => x.ruleId === 'supplier-centred-wording')!;
  assert.equal(m.fatal, false);
  assert.equal(m.severity, 'warn');
  const asError = await lint('Per our policy, no.', { rules: { 'supplier-centred-wording': 'error', 'empathy-acknowledgement': 'off', 'inquiry-summary': 'off' } });
  assert.equal(asError.messages.find((x) => x.ruleId === 'supplier-centred-wording')!.fatal, true);
  assert.ok(asError.score < asWarn.score);
});

test('messages carry ruleId, source, url, note and the message language follows the reply', async () => {
  const ja = await lint('規定により、返金はいたしかねます。');
  const m = ja.messages.find((x) => x.ruleId === 'supplier-centred-wording')!;
  assert.equal(m.source, 'replylint');
  assert.match(m.url!, /docs\/rules\/supplier-centred-wording\.md$/);
  assert.match(m.reason, /規定により/);
  assert.match(m.reason, /[ぁ-ん]/);
  const en = await lint('規定により、返金はいたしかねます。', { messageLanguage: 'en' });
  assert.match(en.messages.find((x) => x.ruleId === 'supplier-centred-wording')!.reason, /company/);
});
