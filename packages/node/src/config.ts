/**
 * replylint configuration files: discovery, parsing and validation.
 *
 * A config is data only (JSON or YAML, or the `replylint` key of a
 * package.json): nothing is ever executed. It is found upward from the reply
 * file; the first directory that has one wins. Every key is validated, and a
 * bad config throws a `ConfigError` whose message names the file and the key,
 * e.g. `.replylintrc.json: rules.foo: unknown rule`.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { lilconfig } from 'lilconfig';
import { ReplylintOptionsError, validateOptions } from '@replylint/core';
import { describeFsError } from './read.js';
import type { LintOptions, PresetName, RuleSetting, SupplierPhrase } from '@replylint/core';

export interface ReplylintConfig {
  /** Per-rule severity (`off`, `warn`, `error`) or `[severity, options]`. */
  rules?: Record<string, RuleSetting>;
  /** Preset to start from: `recommended` (default), `email`, `chat`, `strict`. */
  preset?: PresetName;
  /** Language of the replies: `ja`, `en` or `auto` (default). */
  lang?: 'ja' | 'en' | 'auto';
  /** `email` (default) or `chat`. */
  channel?: 'email' | 'chat';
  /** Language of the messages: `ja`, `en` or `auto` (default: the reply's language). */
  messageLanguage?: 'ja' | 'en' | 'auto';
  /** Team phrase lists. */
  phrases?: {
    /** `{phrase, rewrite}` entries (a bare string is a phrase without rewrite). */
    supplierCentred?: (SupplierPhrase | string)[];
    empathy?: string[];
  };
}

export interface LoadedConfig {
  config: ReplylintConfig;
  /** Absolute path of the file the config came from; undefined when none was found. */
  file?: string;
}

/** A config that cannot be read or is invalid. `message` is one line: `FILE: KEY: REASON`. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string | undefined,
    readonly reason: string,
  ) {
    super(key ? `${file}: ${key}: ${reason}` : `${file}: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** File names looked for in each directory, in order. */
export const configFileNames = ['.replylintrc.json', '.replylintrc.yaml', '.replylintrc.yml', 'package.json'];

/** Keys a config may have (`$schema` is allowed and ignored). */
const configKeys = ['rules', 'preset', 'lang', 'channel', 'messageLanguage', 'phrases'];

/**
 * A parsed config file's data as a validated config: a package.json's
 * `replylint` key, any other file whole. (`parseConfig`, in parse-config.ts,
 * is the synchronous text-to-config of the public API.)
 */
export function configOf(data: unknown, fileName: string): ReplylintConfig {
  if (path.basename(fileName) === 'package.json') {
    if (!isObject(data)) throw new ConfigError(fileName, undefined, 'expected a JSON object');
    return data.replylint === undefined ? {} : validateConfig(data.replylint, fileName, 'replylint');
  }
  return validateConfig(data, fileName);
}

/** Read and parse one config file (for `--config FILE`). */
export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, undefined, describeFsError(error));
  }
  return { config: configOf(await parseData(text, file), file), file: path.resolve(file) };
}

const explorer = lilconfig('replylint', {
  searchPlaces: configFileNames,
  packageProp: 'replylint',
  // Loaders only turn text into data; validation runs on the found file below.
  loaders: {
    '.json': (file: string, text: string) => parseData(text, file),
    '.yaml': (file: string, text: string) => parseData(text, file),
    '.yml': (file: string, text: string) => parseData(text, file),
  },
  stopDir: path.parse(process.cwd()).root,
});

/**
 * The config that applies to `filePath` (a reply file, which need not exist):
 * the nearest `.replylintrc.json`, `.replylintrc.yaml`, `.replylintrc.yml` or
 * `package.json` with a `replylint` key, searching upward from its directory.
 */
export async function loadConfigFor(filePath: string): Promise<LoadedConfig> {
  const from = path.dirname(path.resolve(filePath));
  let result: Awaited<ReturnType<typeof explorer.search>>;
  try {
    result = await explorer.search(from);
  } catch (error) {
    // A config that exists but cannot be read (a directory, an I/O error): name it, as for a bad one.
    if (error instanceof ConfigError) throw error;
    throw new ConfigError((await unreadableConfig(from)) ?? from, undefined, describeFsError(error));
  }
  if (!result || result.isEmpty) return { config: {}, file: result?.filepath };
  const isPackage = path.basename(result.filepath) === 'package.json';
  const config = validateConfig(result.config, result.filepath, isPackage ? 'replylint' : undefined);
  return { config, file: result.filepath };
}

/** The config file a failed search stopped at: the first candidate, upward from `dir`, that exists but cannot be read. */
async function unreadableConfig(dir: string): Promise<string | undefined> {
  for (let current = dir; ; current = path.dirname(current)) {
    for (const name of configFileNames) {
      const file = path.join(current, name);
      if (!(await stat(file).then(() => true, () => false))) continue;
      if (await readFile(file).then(() => false, () => true)) return file;
    }
    if (current === path.dirname(current)) return undefined;
  }
}

/** Forget cached search results (call when a config file changes). */
export function clearConfigCache(): void {
  explorer.clearCaches();
}

/** The lint options a config stands for. */
export function configToLintOptions(config: ReplylintConfig): LintOptions {
  const { rules, preset, lang, channel, messageLanguage } = config;
  const supplierCentred = config.phrases?.supplierCentred?.map((entry) => (typeof entry === 'string' ? { phrase: entry } : entry));
  const phrases = config.phrases && dropUndefined({ supplierCentred, empathy: config.phrases.empathy });
  return dropUndefined({ rules, preset, lang, channel, messageLanguage, phrases });
}

/**
 * Check a parsed config value; returns it typed. `prefix` is the key path the
 * config sits under (`replylint` in package.json). Keys are checked here, their
 * values by core's `validateOptions` (rule ids, severities, rule options, phrases).
 */
export function validateConfig(value: unknown, file: string, prefix?: string): ReplylintConfig {
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (!isObject(value)) throw new ConfigError(file, prefix ?? '(root)', `expected an object, got ${describe(value)}`);
  const { $schema: _schema, ...config } = value;
  for (const [key, v] of Object.entries(config)) {
    if (!configKeys.includes(key)) throw new ConfigError(file, at(key), `unknown key (known: ${configKeys.join(', ')})`);
    if (v === null) throw new ConfigError(file, at(key), 'expected a value, got null');
  }
  try {
    validateOptions(config);
  } catch (error) {
    if (!(error instanceof ReplylintOptionsError)) throw error;
    const reason = error.message.startsWith(`${error.key}: `) ? error.message.slice(error.key.length + 2) : error.message;
    throw new ConfigError(file, at(error.key), reason);
  }
  return config as ReplylintConfig;
}

/**
 * JSON or YAML text to data, with syntax errors naming the file (and line).
 * The YAML parser is loaded the first time a YAML config is read: a run with a
 * JSON config, or none, never loads it.
 */
async function parseData(text: string, file: string): Promise<unknown> {
  if (isYamlFile(file)) return (await import('./yaml.js')).parseYaml(text, file);
  return parseJson(text, file);
}

export function isYamlFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

/** JSON text to data; anything but .json and .yaml/.yml is refused. */
export function parseJson(text: string, file: string): unknown {
  if (/\.json$/i.test(file)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ConfigError(file, undefined, `invalid JSON: ${firstLine((error as Error).message)}`);
    }
  }
  throw new ConfigError(file, undefined, 'unsupported config format (use .json, .yaml or .yml)');
}

export function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
