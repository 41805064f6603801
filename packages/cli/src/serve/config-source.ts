/**
 * The server's base lint options from the same config files as the CLI: `--config FILE`,
 * `--no-config`, or the first config found upward from the directory the server starts in.
 * Read once at start: restart the server to apply a changed config.
 *
 * The config code is @replylint/node's, shared with the CLI and the language server.
 */
import path from 'node:path';
import type { LintOptions } from '@replylint/core';
import { configToLintOptions, loadConfigFile, loadConfigFor } from '@replylint/node';
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
