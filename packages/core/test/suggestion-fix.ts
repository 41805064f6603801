/**
 * Shared by the suggestion cause tests (suggestion-causes, suggestion-stakes): the suggestion a
 * rule offers for a reply to an inquiry, and two neutral replies that restate and acknowledge nothing.
 */
import assert from 'node:assert/strict';
import { lint } from '../src/index.js';

/** The first suggestion's text for the rule's first finding, or undefined when it has none (the rule must fire); no inquiry when none is given. */
export async function fix(rule: string, reply: string, inquiry?: string): Promise<string | undefined> {
  const result = await lint(reply, inquiry === undefined ? {} : { inquiry });
  const m = result.messages.find((x) => x.ruleId === rule);
  assert.ok(m, `${rule} did not fire on: ${reply}`);
  return m.suggestions[0]?.text.trim();
}

export const jaReply = 'お問い合わせありがとうございます。担当部署にて確認のうえ、本日中にご連絡いたします。';
export const enReply = 'Thanks for getting in touch. A member of the team will follow up today.';
