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
  /**
   * The options the rule takes, checked by `validateOptions` (each key, with
   * errors naming it). Absent: the shape of `defaults` is the schema (objects
   * take only their keys, numbers must be positive); no defaults either: the
   * rule takes no options.
   */
  options?: OptionsSchema;
}

/** A rule's options: an object of named options. */
export interface OptionsSchema {
  type: 'object';
  keys: Record<string, OptionSchema>;
}

/** One option's value. */
export type OptionSchema =
  | OptionsSchema
  | { type: 'positive-number' }
  | { type: 'string'; maxLength?: number }
  | { type: 'list'; items: OptionSchema };

/** The schema `defaults` stands for (see `RuleMeta.options`). */
export function schemaOfDefaults(defaults: Record<string, unknown> | undefined): OptionsSchema {
  const of = (value: unknown): OptionSchema | undefined => {
    if (typeof value === 'number') return { type: 'positive-number' };
    if (typeof value === 'string') return { type: 'string' };
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return { type: 'object', keys: Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (of(v) ? [[k, of(v)!]] : []))) };
    }
    if (Array.isArray(value) && value.length > 0 && of(value[0])) return { type: 'list', items: of(value[0])! };
    return undefined;
  };
  return (of(defaults ?? {}) as OptionsSchema | undefined) ?? { type: 'object', keys: {} };
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
