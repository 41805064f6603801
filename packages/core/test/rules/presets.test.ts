/** Presets and the score: severities per preset, and how findings lower the score. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, presets, ruleIds } from '../../src/index.js';

const headline = ['empathy-acknowledgement', 'inquiry-summary', 'supplier-centred-wording'];
// A reply with a template slot left in must never be sent: an error in every preset.
const alwaysError = ['unfilled-placeholder'];
const added = ruleIds.filter((id) => !headline.includes(id) && !alwaysError.includes(id));

test('recommended: headline rules and unfilled-placeholder are errors, every other rule a warning', () => {
  for (const id of [...headline, ...alwaysError]) assert.equal(presets.recommended[id], 'error', id);
  for (const id of added) assert.equal(presets.recommended[id], 'warn', id);
  assert.equal(added.length, 11);
});

test('unfilled-placeholder is an error in every preset', () => {
  for (const [name, preset] of Object.entries(presets)) assert.equal(preset['unfilled-placeholder'], 'error', name);
});

test('email keeps missing-closing; chat turns it off; strict makes every rule an error', () => {
  assert.equal(presets.email['missing-closing'], 'warn');
  assert.equal(presets.chat['missing-closing'], 'off');
  assert.equal(presets.chat['sentence-length'], 'warn');
  for (const id of ruleIds) assert.equal(presets.strict[id], 'error', id);
});

// A reply with one bare apology (a warning) and no other problem the new rules see.
const reply = 'We apologize. If you have any other questions, just reply to this email.';

test('score: a warning costs 5 points, an error 15', async () => {
  const only = Object.fromEntries(ruleIds.map((id) => [id, id === 'bare-apology' ? 'warn' : 'off'] as const));
  const warned = await lint(reply, { rules: only });
  assert.equal(warned.messages.length, 1);
  assert.equal(warned.score, 95);
  const errored = await lint(reply, { rules: { ...only, 'bare-apology': 'error' } });
  assert.equal(errored.score, 85);
});

test('strict reports the same findings as recommended, as errors', async () => {
  const recommended = await lint(reply);
  const strict = await lint(reply, { preset: 'strict' });
  assert.deepEqual(strict.messages.map((m) => m.ruleId), recommended.messages.map((m) => m.ruleId));
  assert.ok(strict.messages.every((m) => m.severity === 'error'));
  assert.ok(strict.score <= recommended.score);
});

test('chat preset with the chat channel: no missing-closing, chat sentence limits', async () => {
  const long = '置き配の商品がお隣の部屋の前に置かれていたとのこと、ご近所の方とのやり取りで気まずい思いをさせてしまい、せっかくのお買い物に水を差してしまいました。';
  const chat = await lint(long, { preset: 'chat', channel: 'chat' });
  assert.ok(!chat.messages.some((m) => m.ruleId === 'missing-closing'));
  assert.ok(chat.messages.some((m) => m.ruleId === 'sentence-length'));
  const email = await lint(long, { preset: 'email' });
  assert.ok(email.messages.some((m) => m.ruleId === 'missing-closing'));
  assert.ok(!email.messages.some((m) => m.ruleId === 'sentence-length'));
});
