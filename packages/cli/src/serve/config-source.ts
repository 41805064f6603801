/**
 * The server's base lint options from the same config files as the CLI: `--config FILE`,
 * `--no-config`, or the first config found upward from the directory the server starts in.
 * Read once at start: restart the server to apply a changed config.
 *
 * This is the serve module's only import of the CLI's config code.
 */
import path from 'node:path';
import type { LintOptions } from '@replylint/core';
import { configToLintOptions, loadConfigFile, loadConfigFor } from '../config.js';
import type { ServeSettings } from './settings.js';

export interface ServerConfig {
  options: LintOptions;
  /** Absolute path of the config file used; undefined when there is none. */
  file?: string;
}

export async function loadServerConfig(settings: Pick<ServeSettings, 'config' | 'noConfig'>, cwd: string): Promise<ServerConfig> {
  if (settings.noConfig) return { options: {} };
  const loaded = settings.config !== undefined ? await loadConfigFile(path.resolve(cwd, settings.config)) : await loadConfigFor(path.join(cwd, 'request'));
  return { options: configToLintOptions(loaded.config), file: loaded.file };
}
