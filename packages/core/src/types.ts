/**
 * Public types of @replylint/core. This file is the contract between the
 * pure core and its surfaces (CLI, language server, VS Code client).
 */
import type { VFileMessage } from 'vfile-message';

export type Lang = 'ja' | 'en';
export type Channel = 'email' | 'chat';
export type SeverityName = 'off' | 'warn' | 'error';
/** A rule setting: a severity, or a severity with rule options. */
export type RuleSetting = SeverityName | [SeverityName, Record<string, unknown>];
export type PresetName = 'recommended' | 'email' | 'chat' | 'strict';

/** A team phrase: extra supplier-centred wording with its customer-centred rewrite. */
export interface SupplierPhrase {
  phrase: string;
  rewrite?: string;
}

export interface PhraseLists {
  /** Extra phrases that count as supplier-centred wording (matched literally, width/case-insensitive). */
  supplierCentred?: SupplierPhrase[];
  /** Extra phrases that count as acknowledging the customer's feelings or the impact on them. */
  empathy?: string[];
}

export interface LintOptions {
  /** The customer's message. When absent, the quoted original inside the reply is used. */
  inquiry?: string;
  /** Language of the reply; `auto` (default) detects it per paragraph. */
  lang?: Lang | 'auto';
  /** `email` (default) or `chat`: some rules only apply to email, thresholds differ for chat. */
  channel?: Channel;
  /** Preset to start from (default `recommended`). */
  preset?: PresetName;
  /** Per-rule severities and options, applied over the preset. */
  rules?: Record<string, RuleSetting>;
  /** Language of the messages; `auto` (default) follows the reply's language. */
  messageLanguage?: Lang | 'auto';
  /** Team phrase lists. */
  phrases?: PhraseLists;
  /** Replies longer than this many UTF-16 code units are not analysed (one info message). Default 1 048 576 (1 MiB of UTF-16 code units). */
  maxLength?: number;
}

/** A ready-to-apply text edit, in UTF-16 offsets into the linted text. */
export interface Suggestion {
  /** Short label for a quick fix, in the message language. */
  title: string;
  /** Start offset (inclusive). */
  start: number;
  /** End offset (exclusive). `start === end` means an insertion. */
  end: number;
  /** Replacement text. */
  text: string;
}

export type SegmentKind = 'greeting' | 'body' | 'closing' | 'signature' | 'quoted';

export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
}

export interface LintResult {
  /** Main language of the agent's text. */
  language: Lang | 'mixed';
  /** Findings, sorted by position. Each carries ruleId, source 'replylint', place, url, expected, and `suggestions`. */
  messages: ReplylintMessage[];
  /** 0–100: 100 minus penalties for findings (error 15, warning 5, info 0); 0 for a reply too large to analyse. */
  score: number;
  /** Where the inquiry came from. */
  inquirySource: 'option' | 'quoted' | 'none';
  /** The reply's structure (greeting, body, closing, signature, quoted original). */
  segments: Segment[];
  /** True when the reply was too large to analyse. */
  skipped: boolean;
}

/** A vfile message with replylint's extra fields. */
export type ReplylintMessage = VFileMessage & {
  ruleId: string;
  source: 'replylint';
  url: string;
  /** Ready-to-apply edits; `expected` holds the same texts, vfile-style. */
  suggestions: Suggestion[];
  /** 'error' | 'warn' | 'info' — `fatal` mirrors it the vfile way (true / false / undefined). */
  severity: 'error' | 'warn' | 'info';
  /** Language the reply part was written in. */
  lang: Lang;
};
