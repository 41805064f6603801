/**
 * @replylint/cli as a library: config discovery and validation, shared with
 * the language server. The command itself is `bin/replylint`.
 */
export {
  ConfigError,
  clearConfigCache,
  configFileNames,
  configToLintOptions,
  findSiblingInquiry,
  isInquiryFile,
  loadConfigFile,
  loadConfigFor,
  parseConfig,
  validateConfig,
} from './config.js';
export type { LoadedConfig, ReplylintConfig } from './config.js';
export { maskMarkdown, isMarkdownPath } from './markdown.js';
export { toJsonMessage, toSarif } from './report.js';
export type { JsonMessage } from './report.js';
export { main } from './cli.js';
