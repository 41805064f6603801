/**
 * @replylint/core — reply-quality linting for customer-support replies in
 * Japanese and English.
 */
import { ensureJapaneseTokenizer as loadTokenizer } from './parse/japanese.js';

export { lint, score, defaultMaxLength } from './lint.js';
export { validateOptions, ReplylintOptionsError, ruleIds } from './options.js';
export { presets } from './presets.js';
export { replylintParse, replylintJapanese, replylintRules } from './plugins.js';
export { isJapaneseTokenizerReady, dictionaryPath } from './parse/japanese.js';
export { ruleMeta } from './meta.js';
export type { RuleMeta } from './rule.js';
export type * from './types.js';

/**
 * Start loading the Japanese dictionary (once per process) and resolve when it
 * is ready. It resolves to nothing: kuromoji's tokenizer is an implementation
 * detail, and its types (`@types/kuromoji`) are not a dependency of this package.
 */
export function ensureJapaneseTokenizer(): Promise<void> {
  return loadTokenizer().then(() => undefined);
}
