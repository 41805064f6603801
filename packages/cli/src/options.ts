/** Command-line options shared by linting and audit, and how they map to lint options. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { presets, ruleIds } from '@replylint/core';
import type { LintOptions, RuleSetting } from '@replylint/core';
import { loadConfigFile, loadConfigFor, type LoadedConfig } from './config.js';
import { CliError } from './input.js';

export const optionSpec = {
  'stdin-filename': { type: 'string' },
  inquiry: { type: 'string' },
  lang: { type: 'string' },
  channel: { type: 'string' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'message-language': { type: 'string' },
  preset: { type: 'string' },
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export type CliValues = ReturnType<typeof parseCli>['values'];

export function parseCli(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages carry a hint about '--'; keep the first sentence.
    const reason = (error as Error).message.split('. ')[0]!.replace(/\.$/, '');
    throw new CliError(`${reason} (see replylint --help)`);
  }
}

/** Options given on the command line; they override the config file. */
export function lintOverrides(values: CliValues): LintOptions & { rules: Record<string, RuleSetting> } {
  const rules: Record<string, RuleSetting> = {};
  for (const entry of values.rule ?? []) {
    const match = /^([^:]+):(off|warn|error)$/.exec(entry.trim());
    if (!match) throw new CliError(`--rule ${entry}: expected ID:off, ID:warn or ID:error`);
    const [, id, severity] = match;
    if (!(ruleIds as readonly string[]).includes(id!)) {
      throw new CliError(`--rule ${entry}: unknown rule ${id} (rules: ${ruleIds.join(', ')})`);
    }
    rules[id!] = severity as RuleSetting;
  }
  return {
    rules,
    ...(values.lang !== undefined && { lang: oneOf(values.lang, '--lang', ['ja', 'en', 'auto'] as const) }),
    ...(values.channel !== undefined && { channel: oneOf(values.channel, '--channel', ['email', 'chat'] as const) }),
    ...(values['message-language'] !== undefined && {
      messageLanguage: oneOf(values['message-language'], '--message-language', ['ja', 'en', 'auto'] as const),
    }),
    ...(values.preset !== undefined && {
      preset: oneOf(values.preset, '--preset', Object.keys(presets) as (keyof typeof presets)[]),
    }),
  };
}

/** The config for a run that uses one config for every input (audit). */
export async function resolveConfig(values: CliValues, near: string, cwd = process.cwd()): Promise<LoadedConfig> {
  if (values['no-config']) return { config: {} };
  if (values.config) return loadConfigFile(path.resolve(cwd, values.config));
  return loadConfigFor(near);
}

export function oneOf<T extends string>(value: string, flag: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(`${flag} ${value}: expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError(`${flag} ${value}: expected a whole number`);
  return Number(value);
}
