/**
 * textlint-tester style cases for one rule: `valid` must produce no message
 * of the rule, `invalid` must produce `count` messages (default: at least
 * one), optionally containing `message`, flagging `flagged` and, when the
 * first suggestion is applied, giving `output`. Every case says why.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/index.js';
import type { Channel, ReplylintMessage } from '../../src/index.js';

export interface Case {
  text: string;
  /** Why the case is valid or invalid (shown as the test name). */
  why: string;
  inquiry?: string;
  channel?: Channel;
  /** Rule options. */
  options?: Record<string, unknown>;
}

export interface InvalidCase extends Case {
  count?: number;
  /** A substring of the (first) message's reason. */
  message?: string;
  /** The flagged texts (message.actual), in order. */
  flagged?: string[];
  /** The text after applying the first message's first suggestion. */
  output?: string;
}

export async function messagesOf(rule: string, c: Case): Promise<ReplylintMessage[]> {
  const result = await lint(c.text, {
    inquiry: c.inquiry,
    channel: c.channel,
    rules: { [rule]: c.options ? ['warn', c.options] : 'warn' },
  });
  return result.messages.filter((m) => m.ruleId === rule);
}

export function apply(text: string, s: { start: number; end: number; text: string }): string {
  return text.slice(0, s.start) + s.text + text.slice(s.end);
}

export function run(rule: string, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  for (const c of cases.valid) {
    test(`${rule} ✓ ${c.why}`, async () => {
      const got = await messagesOf(rule, c);
      assert.deepEqual(
        got.map((m) => `${m.actual}: ${m.reason}`),
        [],
        `expected no ${rule} message in: ${c.text}`,
      );
    });
  }
  for (const c of cases.invalid) {
    test(`${rule} ✗ ${c.why}`, async () => {
      const got = await messagesOf(rule, c);
      if (c.count !== undefined) assert.equal(got.length, c.count, `expected ${c.count} ${rule} message(s) in: ${c.text}\n${got.map((m) => m.reason).join('\n')}`);
      else assert.ok(got.length > 0, `expected a ${rule} message in: ${c.text}`);
      if (c.message) assert.ok(got[0]!.reason.includes(c.message), `message “${got[0]!.reason}” should contain “${c.message}”`);
      if (c.flagged) assert.deepEqual(got.map((m) => m.actual), c.flagged);
      for (const m of got) {
        assert.equal(m.source, 'replylint');
        assert.ok(m.url.endsWith(`/docs/rules/${rule}.md`));
        for (const s of m.suggestions) {
          assert.ok(s.start >= 0 && s.start <= s.end && s.end <= c.text.length, `suggestion range out of the text: ${JSON.stringify(s)}`);
          assert.ok(s.title.length > 0);
        }
      }
      if (c.output !== undefined) {
        const s = got[0]!.suggestions[0];
        assert.ok(s, 'expected a suggestion');
        assert.equal(apply(c.text, s), c.output);
      }
    });
  }
}
