/**
 * Word lists as data, compiled to regular expressions: each entry of a lexicon
 * list is a literal term (regex-escaped), its written forms, or a short pattern
 * of its own. Shared by the lexicons of acknowledgement, restatement and
 * justification, so a term means the same thing in each.
 */

/** An entry of a lexicon list, as far as matching goes. */
export interface TermEntry {
  /** The term as written, matched literally. */
  term: string;
  /** Written forms matched instead of the term (inflections), each literally. */
  forms?: string[];
  /** A short regular expression matched instead of the term. */
  pattern?: string;
}

/** A literal term as a regular expression: the characters that are syntax in a `u` pattern are escaped. */
export const escapeTerm = (term: string): string => term.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');

/** Alternatives as one non-capturing group, in order (the first that leads to a match wins). */
export const oneOf = (...alternatives: string[]): string => `(?:${alternatives.join('|')})`;

/** One entry as a regular expression: its pattern, else its forms or its term, escaped. */
export const termSource = (e: TermEntry): string => e.pattern ?? (e.forms ?? [e.term]).map(escapeTerm).join('|');
