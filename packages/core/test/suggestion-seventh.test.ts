/**
 * Causes found by the seventh suggestion review (fixtures/eval/suggestion-review/seventh/), each
 * checked to fail on the code before its fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fix } from './suggestion-fix.js';

test('supplier (en): no removal where the rest still gives a rule as the reason for a refusal', async () => {
  // Why: removing "Per our terms of service, " left "Cancellations must be made 7 days before …, so the
  // box is non-refundable": a period named as the reason, which GUIDELINES counts (n=82, 89, 97, 52: wrong).
  assert.equal(
    await fix('supplier-centred-wording', 'Per our terms of service, cancellations must be made 7 days before the ship date, so the March box is non-refundable.'),
    undefined,
  );
  assert.equal(
    await fix('supplier-centred-wording', 'Under our attendance rules, only a check-in with the studio QR code counts, so a front-desk scan doesn\'t clear the fee.'),
    undefined,
  );
});

test('supplier (ja): no removal where 「〜ため、〜いたしかねます」 is left', async () => {
  // Why: the same in Japanese: the remaining clause gives the requirement as the reason for the refusal.
  assert.equal(await fix('supplier-centred-wording', '当社の規約上、予約の7日前を過ぎておりますため、返金はいたしかねます。'), undefined);
});

test('supplier (en): a removal that leaves a plain statement of fact is still offered', async () => {
  // Why: the guard above must not take away the fix where nothing is refused ("Refunds are issued within 5 days").
  assert.equal(await fix('supplier-centred-wording', 'Per our policy, refunds are issued within 5 working days of the return arriving.'), 'R');
});

test('restate (en): days and months read back capitalised ("thursday" → "Thursday")', async () => {
  // Why: the customer's lower-case "thursday" and "monday" were copied into the agent's sentence (n=72).
  const text = await fix('inquiry-summary', 'Thanks for getting in touch. A member of the team will follow up today.', "can i move my cat's dental check from thursday to next monday?");
  assert.ok(text, 'no restatement offered');
  assert.doesNotMatch(text, /\b(?:thursday|monday)\b/u);
  assert.match(text, /Thursday|Monday/u);
});
