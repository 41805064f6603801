/**
 * Reading a labelled corpus (the JSONL format of ../shared/corpus/GUIDELINES.md),
 * shared by `eval`, `firings` and `train`.
 */
import { readFileSync } from 'node:fs';

export const headlineRules = ['empathy-acknowledgement', 'inquiry-summary', 'supplier-centred-wording'] as const;
export type HeadlineRule = (typeof headlineRules)[number];

export interface Case {
  id: string;
  lang: 'ja' | 'en';
  channel?: 'email' | 'chat';
  inquiry: string | null;
  reply: string;
  labels: Record<string, boolean>;
  /** Sentence-level labels: the exact reply substrings that carry each act (newer sets). */
  evidence?: Partial<Record<HeadlineRule, string[]>>;
  /** Rules two labellers could not agree on: left out of scoring. */
  ambiguous?: string[];
  style?: string;
  industry?: string;
  note?: string;
}

/** Parse every non-blank line; a bad line throws an error naming the file and line number. */
export function readCorpus(file: string): Case[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim())
    .map(([line, n]) => {
      let value: Case;
      try {
        value = JSON.parse(line) as Case;
      } catch (error) {
        throw new Error(`${file}:${n}: not valid JSON (${(error as Error).message})`);
      }
      if (typeof value.reply !== 'string' || (value.lang !== 'ja' && value.lang !== 'en') || typeof value.labels !== 'object') {
        throw new Error(`${file}:${n}: a case needs "reply" (string), "lang" ("ja" or "en") and "labels"`);
      }
      return value;
    });
}

/** A good reply: every scored headline label is false (a reviewer would send it as it is). */
export function isGood(c: Case): boolean {
  return headlineRules.every((r) => c.labels[r] !== true || c.ambiguous?.includes(r));
}

/** The writer of a case: the prefix of its id before the language (`w03-ja-001` → `w03`), else the file's name. */
export function writerOf(c: Case, file: string): string {
  const m = /^([a-z]\d{2,})-(?:ja|en)-/u.exec(c.id);
  return m ? m[1]! : file.replace(/^.*\//u, '').replace(/\.jsonl$/u, '');
}
