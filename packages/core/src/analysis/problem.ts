/**
 * Does a conversation show a problem or a complaint? Used by rules that only
 * matter when the customer is in trouble (an upsell or a "simply do X" reads
 * very differently to someone whose order went wrong than to someone asking
 * a question). Word lists are data (problem-words.json).
 */
import type { InquiryView } from '../rule.js';
import type { Sentence } from '../parse/document.js';
import { fold } from '../text/normalize.js';
import data from './problem-words.json' with { type: 'json' };

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const jaProblem = new RegExp(data.ja.problem.map(escape).join('|'), 'u');
const enProblem = new RegExp(`\\b(?:${data.en.problem.map(escape).join('|')})`, 'iu');
const apology = { ja: new RegExp(data.apology.ja, 'u'), en: new RegExp(data.apology.en, 'iu') };

/** Does this text (in either language) describe a problem or complain? */
export function describesProblem(text: string): boolean {
  const value = fold(text).replace(/[’]/g, "'");
  return jaProblem.test(value) || enProblem.test(value);
}

/** Does the inquiry describe a problem or complain? Undefined when there is no inquiry. */
export function inquiryShowsProblem(inquiry: InquiryView | undefined): boolean | undefined {
  if (!inquiry) return undefined;
  return describesProblem(inquiry.text);
}

/** Does the agent apologise anywhere (a sign the reply is about a problem)? */
export function replyApologises(agent: Sentence[]): boolean {
  return agent.some((s) => s.segment !== 'signature' && apology[s.lang].test(s.text));
}

/** The inquiry shows a problem or a complaint, or the reply apologises for one. */
export function isProblemConversation(inquiry: InquiryView | undefined, agent: Sentence[]): boolean {
  return inquiryShowsProblem(inquiry) === true || replyApologises(agent);
}
