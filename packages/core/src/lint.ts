/**
 * `lint(text, options)`: the pure entry point. No fs, no config discovery,
 * no editor: text and options in, findings out.
 */
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'nlcst';
import { replylintJapanese, replylintParse, replylintRules } from './plugins.js';
import { normaliseSupplierPhrases, validateOptions } from './options.js';
import type { LintOptions, LintResult, ReplylintMessage } from './types.js';
import { detectLang } from './parse/document.js';

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
  const processor = unified()
    .use(replylintParse, { lang: opts.lang ?? 'auto' })
    .use(replylintJapanese)
    .use(replylintRules, opts);
  const tree = processor.parse(file) as Root;
  await processor.run(tree, file);
  const doc = tree.data!.replylint!;
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
