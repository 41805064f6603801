/**
 * The rule wrapper: a rule body only holds its logic; the wrapper stamps
 * `ruleId`, `source`, `url`, severity and places on every message
 * (remark-lint's `lintRule` pattern).
 */
import type { Channel, Lang, PhraseLists, Suggestion } from './types.js';
import type { Doc, Sentence } from './parse/document.js';
import type { ReplyAnalysis } from './analysis/acts.js';

export const docsBase = 'https://github.com/replylint/replylint/blob/main/docs/rules/';

export type Bilingual = { ja: string; en: string };

export interface RuleMeta {
  id: string;
  url: string;
  /** One line: what the rule reports. */
  description: Bilingual;
  /** Why it matters to the customer. */
  why: Bilingual;
  /** A short bad and good example per language. */
  bad: Bilingual;
  good: Bilingual;
  /** The customer's message the examples answer, when the rule needs one to judge them. */
  inquiry?: Bilingual;
  /** Only email (missing-closing) or chat-specific behaviour. */
  channels?: Channel[];
  /** Languages the rule applies to. */
  langs: Lang[];
  /** Rule option defaults (documented on the rule page). */
  defaults?: Record<string, unknown>;
}

export interface InquiryView {
  text: string;
  doc: Doc;
  source: 'option' | 'quoted';
}

export interface Finding {
  start: number;
  end: number;
  /** Language of the text the finding is about. */
  lang: Lang;
  /** Reason in both languages; the message language picks one. */
  reason: Bilingual;
  suggestions?: Array<{ title: Bilingual; start: number; end: number; text: string }>;
}

export interface RuleContext {
  doc: Doc;
  inquiry: InquiryView | undefined;
  channel: Channel;
  options: Record<string, unknown>;
  phrases: PhraseLists;
  /** Agent sentences: greeting, body and closing (never quoted text or the signature). */
  agent: Sentence[];
  /** Body sentences only. */
  body: Sentence[];
  /** What each agent sentence does (acknowledges, restates, justifies by the company's side): computed once per reply. */
  analysis: ReplyAnalysis;
  report(finding: Finding): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(meta: Omit<RuleMeta, 'url'>, check: (context: RuleContext) => void): Rule {
  return { meta: { ...meta, url: docsBase + meta.id + '.md' }, check };
}
