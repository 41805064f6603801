/**
 * A rule's examples are its tests: every rule's `meta` carries a ✗ and a ✓
 * example per language (the ones its docs page and hovers show); the ✗ example
 * must be reported by that rule, and the ✓ example must get no finding at
 * error level from any rule. Examples that need the customer's message carry
 * it in `meta.inquiry`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, ruleMeta } from '../../src/index.js';

for (const [id, meta] of Object.entries(ruleMeta)) {
  for (const lang of meta.langs) {
    const inquiry = meta.inquiry?.[lang];
    test(`${id} (${lang}): its ✗ example is reported by the rule`, async () => {
      const result = await lint(meta.bad[lang], { inquiry, channel: meta.channels?.[0] });
      assert.ok(
        result.messages.some((m) => m.ruleId === id),
        `${id} did not report its own ✗ example: ${meta.bad[lang]}\n(got ${result.messages.map((m) => m.ruleId).join(', ') || 'nothing'})`,
      );
    });
    test(`${id} (${lang}): its ✓ example gets no error from any rule`, async () => {
      const result = await lint(meta.good[lang], { inquiry, channel: meta.channels?.[0] });
      const errors = result.messages.filter((m) => m.severity === 'error' || m.ruleId === id);
      assert.deepEqual(
        errors.map((m) => `${m.ruleId}: ${m.actual}`),
        [],
        `${id}'s ✓ example: ${meta.good[lang]}`,
      );
    });
  }
}
