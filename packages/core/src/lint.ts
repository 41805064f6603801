/**
 * `lint(text, options)`: the pure entry point. No fs, no config discovery,
 * no editor: text and options in, findings out.
 */
import { VFile } from 'vfile';
import { checkDoc } from './plugins.js';
import { normaliseSupplierPhrases, validateOptions } from './options.js';
import type { LintOptions, LintResult, ReplylintMessage } from './types.js';
import { buildDoc, detectLang, tokenizeDoc, type Doc } from './parse/document.js';

/** Replies longer than this (UTF-16 code units) are skipped unless `maxLength` says otherwise. */
export const defaultMaxLength = 1_048_576;

export async function lint(text: string, options?: LintOptions): Promise<LintResult> {
  if (typeof text !== 'string') throw new TypeError('replylint: lint(text) expects a string');
  const opts = normaliseSupplierPhrases(validateOptions(options));
  const file = new VFile({ value: text });
  const maxLength = opts.maxLength ?? defaultMaxLength;
  if (text.length > maxLength) {
    const message = file.info(
      `Reply not analysed: ${text.length} characters is over the limit of ${maxLength}`,
      // A place with start and end, like every other finding (an empty range at 1:1).
      { place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, ruleId: 'too-large', source: 'replylint' },
    ) as ReplylintMessage;
    message.severity = 'info';
    message.url = 'https://github.com/replylint/replylint#limits';
    message.suggestions = [];
    message.expected = [];
    // The language of the reply's start, and no score: a reply that was not analysed has not passed.
    const language = detectLang(text.slice(0, 10_000), 'en');
    message.lang = language;
    return { language, messages: [message], score: 0, inquirySource: 'none', segments: [], skipped: true };
  }
  return lintDoc(buildDoc(text, { lang: opts.lang ?? 'auto' }), text, opts);
}

/**
 * `lint()` on a reply already analysed (`buildDoc(text, { lang })`, Japanese
 * tokens filled or not): `retextReplylint` uses it on the tree a replylint
 * parser built. `opts` are validated and normalised.
 */
export async function lintDoc(doc: Doc, text: string, opts: LintOptions): Promise<LintResult> {
  const file = new VFile({ value: text });
  await tokenizeDoc(doc);
  await checkDoc(doc, opts, file);
  const messages = (file.messages as ReplylintMessage[]).slice().sort(
    (a, b) => (a.place && 'start' in a.place ? a.place.start.offset ?? 0 : 0) - (b.place && 'start' in b.place ? b.place.start.offset ?? 0 : 0),
  );
  const hasInquiry = Boolean(opts.inquiry?.trim());
  return {
    language: doc.language,
    messages,
    score: score(messages),
    inquirySource: hasInquiry ? 'option' : doc.quoted.trim() ? 'quoted' : 'none',
    segments: doc.structure.segments,
    skipped: false,
  };
}

/** 100 minus 15 per error and 5 per warning, never below 0. */
export function score(messages: ReplylintMessage[]): number {
  let value = 100;
  for (const m of messages) value -= m.severity === 'error' ? 15 : m.severity === 'warn' ? 5 : 0;
  return Math.max(0, value);
}
