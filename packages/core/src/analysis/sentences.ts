/**
 * Small sentence helpers shared by the rules added in issue 6: masking quoted
 * words (「」/"" ranges are UI text or the customer's words, never the agent's
 * wording), neighbours within the reply, and clause splitting.
 */
import type { Sentence } from '../parse/document.js';
import { matchAll } from '../text/match-all.js';

/** The sentence text with every quoted range replaced by spaces (length and offsets kept). */
export function maskQuotes(sentence: Sentence): string {
  let text = sentence.text;
  for (const [s, e] of sentence.quotes) text = text.slice(0, s) + ' '.repeat(e - s) + text.slice(e);
  return text;
}

/** Is the range [start, end) (relative to the sentence) inside a quote? */
export function inQuote(sentence: Sentence, start: number, end: number = start + 1): boolean {
  return sentence.quotes.some(([s, e]) => start >= s && end <= e);
}

/** The sentences right before and after `index` in `list` (same reply part: not across the signature). */
export function neighbours(list: Sentence[], index: number): Sentence[] {
  const out: Sentence[] = [];
  const here = list[index]!;
  for (const j of [index - 1, index + 1]) {
    const s = list[j];
    if (s && s.segment !== 'signature' && here.segment !== 'signature') out.push(s);
  }
  return out;
}

export interface Clause {
  text: string;
  /** Offset of the clause inside the sentence text. */
  start: number;
  end: number;
}

/**
 * Split a sentence into clauses at `pattern` (outside quotes). Offsets are
 * relative to the sentence; clause texts are not trimmed (offsets stay true).
 */
export function clauses(sentence: Sentence, pattern: RegExp): Clause[] {
  const out: Clause[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  let from = 0;
  for (const m of matchAll(sentence.text, re)) {
    if (inQuote(sentence, m.index!)) continue;
    out.push({ text: sentence.text.slice(from, m.index!), start: from, end: m.index! });
    from = m.index! + m[0].length;
  }
  out.push({ text: sentence.text.slice(from), start: from, end: sentence.text.length });
  return out.filter((c) => c.text.trim().length > 0);
}

/** Upper-case the first letter of an English fragment. */
export function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
