/**
 * @replylint/core — reply-quality linting for customer-support replies in
 * Japanese and English.
 */
export { lint, score, defaultMaxLength } from './lint.js';
export { validateOptions, ReplylintOptionsError, ruleIds } from './options.js';
export { presets } from './presets.js';
export { replylintParse, replylintJapanese, replylintRules } from './plugins.js';
export { retextJapanese, loadJapanese, type RetextJapaneseOptions } from './retext-japanese.js';
export { ensureJapaneseTokenizer, isJapaneseTokenizerReady, dictionaryPath } from './parse/japanese.js';
export { ruleMeta } from './meta.js';
export type { RuleMeta } from './rule.js';
export type * from './types.js';
