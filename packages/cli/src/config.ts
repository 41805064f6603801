/**
 * Config discovery and validation live in @replylint/node, shared with the
 * language server; this module keeps the CLI's import path for the code that
 * imports it from here.
 */
export {
  ConfigError,
  clearConfigCache,
  configFileNames,
  configToLintOptions,
  describeFsError,
  findSiblingInquiry,
  isInquiryFile,
  loadConfigFile,
  loadConfigFor,
  parseConfig,
  validateConfig,
} from '@replylint/node';
export type { LoadedConfig, ReplylintConfig } from '@replylint/node';
