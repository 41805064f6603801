/**
 * @replylint/node — what every Node surface of replylint (the CLI, the
 * language server, an integration's own service) needs around the pure
 * `lint()` of @replylint/core: config discovery and validation, the reply's
 * inquiry in one order of precedence, reading files as lint input (size
 * bound, UTF-8 only, Markdown masked). The pure path helpers are also at
 * `@replylint/node/paths`, with no dependency at all.
 */
export {
  ConfigError,
  clearConfigCache,
  configFileNames,
  configToLintOptions,
  loadConfigFile,
  loadConfigFor,
  validateConfig,
} from './config.js';
export { parseConfig } from './parse-config.js';
export type { LoadedConfig, ReplylintConfig } from './config.js';
export { chooseInquiry, findSiblingInquiry } from './inquiry.js';
export type { ChosenInquiry, InquiryOrigin, InquirySources } from './inquiry.js';
export { maskMarkdown } from './markdown.js';
export { inquiryExtensions, inquiryFileCandidates, isInquiryFile, isMarkdownPath, replyStemOf } from './paths.js';
export { proseOf } from './prose.js';
export { ReadError, decodeText, describeFsError, maxInputBytes, proseOfText, readProse, readTextFile, tooLarge } from './read.js';
