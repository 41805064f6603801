/**
 * @replylint/cli as a library: the command's `main()` and its report formats.
 * Config discovery, the inquiry lookup and Markdown masking are
 * @replylint/node's, re-exported here for code that imported them from the CLI.
 */
export {
  ConfigError,
  clearConfigCache,
  configFileNames,
  configToLintOptions,
  findSiblingInquiry,
  isInquiryFile,
  isMarkdownPath,
  loadConfigFile,
  loadConfigFor,
  maskMarkdown,
  parseConfig,
  validateConfig,
} from '@replylint/node';
export type { LoadedConfig, ReplylintConfig } from '@replylint/node';
export { toJsonMessage } from './report.js';
export { toSarif } from './sarif.js';
export type { JsonMessage } from './report.js';
export { main } from './cli.js';
