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
import { parseDocument } from 'yaml';
import { presets, ruleIds, validateOptions } from '@replylint/core';
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
    supplierCentred?: SupplierPhrase[];
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

const enums = {
  lang: ['ja', 'en', 'auto'],
  channel: ['email', 'chat'],
  messageLanguage: ['ja', 'en', 'auto'],
} as const;
const severities = ['off', 'warn', 'error'];
const topKeys = ['rules', 'preset', 'lang', 'channel', 'messageLanguage', 'phrases'];

/**
 * Parse and validate the text of a config file. The format follows the file
 * name: `.json` (and `package.json`, whose `replylint` key is read) or
 * `.yaml`/`.yml`. `fileName` is only used in error messages and for the format.
 */
export function parseConfig(text: string, fileName: string): ReplylintConfig {
  const data = parseData(text, fileName);
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
  return { config: parseConfig(text, file), file: path.resolve(file) };
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
  const result = await explorer.search(path.dirname(path.resolve(filePath)));
  if (!result || result.isEmpty) return { config: {}, file: result?.filepath };
  const isPackage = path.basename(result.filepath) === 'package.json';
  const config = validateConfig(result.config, result.filepath, isPackage ? 'replylint' : undefined);
  return { config, file: result.filepath };
}

/** Forget cached search results (call when a config file changes). */
export function clearConfigCache(): void {
  explorer.clearCaches();
}

/**
 * The customer's message next to a reply: `NAME.inquiry.txt` or
 * `NAME.inquiry.md` beside `NAME.txt` / `NAME.md`. Undefined when there is none.
 */
export async function findSiblingInquiry(filePath: string): Promise<string | undefined> {
  const { dir, name, ext } = path.parse(filePath);
  if (isInquiryFile(filePath) || !['.txt', '.md'].includes(ext.toLowerCase())) return undefined;
  for (const candidate of [`${name}.inquiry.txt`, `${name}.inquiry.md`]) {
    const full = path.join(dir, candidate);
    const info = await stat(full).catch(() => undefined);
    if (info?.isFile()) return full;
  }
  return undefined;
}

/** `NAME.inquiry.txt` and friends hold inquiries, not replies. */
export function isInquiryFile(filePath: string): boolean {
  return /\.inquiry\.[^./\\]+$/i.test(path.basename(filePath));
}

/** The lint options a config stands for. */
export function configToLintOptions(config: ReplylintConfig): LintOptions {
  const { rules, preset, lang, channel, messageLanguage, phrases } = config;
  return dropUndefined({ rules, preset, lang, channel, messageLanguage, phrases });
}

/**
 * Check a parsed config value; returns it typed. `prefix` is the key path the
 * config sits under (`replylint` in package.json).
 */
export function validateConfig(value: unknown, file: string, prefix?: string): ReplylintConfig {
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  const fail = (key: string, reason: string): never => {
    throw new ConfigError(file, key, reason);
  };
  if (!isObject(value)) fail(prefix ?? '(root)', `expected an object, got ${describe(value)}`);
  const config = value as Record<string, unknown>;

  for (const [key, v] of Object.entries(config)) {
    if (key === '$schema') continue;
    if (!topKeys.includes(key)) fail(at(key), `unknown key (expected one of ${topKeys.join(', ')})`);
    if (v === undefined || v === null) fail(at(key), 'expected a value, got null');
  }
  for (const key of ['lang', 'channel', 'messageLanguage'] as const) {
    const v = config[key];
    if (v !== undefined && !(enums[key] as readonly unknown[]).includes(v)) {
      fail(at(key), `expected one of ${enums[key].join(', ')}, got ${describe(v)}`);
    }
  }
  if (config.preset !== undefined && !Object.keys(presets).includes(config.preset as string)) {
    fail(at('preset'), `unknown preset ${describe(config.preset)} (expected one of ${Object.keys(presets).join(', ')})`);
  }
  if (config.rules !== undefined) {
    if (!isObject(config.rules)) fail(at('rules'), `expected an object, got ${describe(config.rules)}`);
    for (const [id, setting] of Object.entries(config.rules as object)) {
      const key = at(`rules.${id}`);
      if (!(ruleIds as readonly string[]).includes(id)) fail(key, 'unknown rule');
      const severity = Array.isArray(setting) ? setting[0] : setting;
      if (!severities.includes(severity)) {
        fail(key, `expected off, warn, error or [severity, options], got ${describe(setting)}`);
      }
      if (Array.isArray(setting) && (setting.length !== 2 || !isObject(setting[1]))) {
        fail(key, 'expected [severity, {options}]');
      }
    }
  }
  if (config.phrases !== undefined) validatePhrases(config.phrases, at('phrases'), fail);

  // Whatever the checks above cannot know (rule options) core validates.
  const config_ = config as ReplylintConfig;
  try {
    validateOptions(configToLintOptions(config_));
  } catch (error) {
    const key = (error as { key?: unknown }).key;
    const reason = String((error as Error).message ?? error);
    fail(typeof key === 'string' ? at(key) : (prefix ?? '(root)'), stripKey(reason, key));
  }
  return config_;
}

function validatePhrases(value: unknown, at: string, fail: (key: string, reason: string) => never): void {
  if (!isObject(value)) fail(at, `expected an object, got ${describe(value)}`);
  const phrases = value as Record<string, unknown>;
  for (const key of Object.keys(phrases)) {
    if (key !== 'supplierCentred' && key !== 'empathy') {
      fail(`${at}.${key}`, 'unknown key (expected supplierCentred or empathy)');
    }
  }
  const { supplierCentred, empathy } = phrases;
  if (supplierCentred !== undefined) {
    if (!Array.isArray(supplierCentred)) fail(`${at}.supplierCentred`, 'expected a list of {phrase, rewrite}');
    (supplierCentred as unknown[]).forEach((entry, i) => {
      const key = `${at}.supplierCentred[${i}]`;
      if (!isObject(entry)) fail(key, `expected {phrase, rewrite}, got ${describe(entry)}`);
      const { phrase, rewrite, ...rest } = entry as Record<string, unknown>;
      if (typeof phrase !== 'string' || phrase.trim() === '') fail(`${key}.phrase`, 'expected a non-empty string');
      if (rewrite !== undefined && typeof rewrite !== 'string') fail(`${key}.rewrite`, 'expected a string');
      const extra = Object.keys(rest)[0];
      if (extra !== undefined) fail(`${key}.${extra}`, 'unknown key (expected phrase or rewrite)');
    });
  }
  if (empathy !== undefined) {
    if (!Array.isArray(empathy)) fail(`${at}.empathy`, 'expected a list of strings');
    (empathy as unknown[]).forEach((entry, i) => {
      if (typeof entry !== 'string' || entry.trim() === '') fail(`${at}.empathy[${i}]`, 'expected a non-empty string');
    });
  }
}

/** JSON or YAML text to data, with syntax errors naming the file (and line). */
function parseData(text: string, file: string): unknown {
  if (/\.ya?ml$/i.test(file)) {
    const doc = parseDocument(text, { prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
      const where = error.linePos?.[0];
      throw new ConfigError(file, where ? `line ${where.line}` : undefined, `invalid YAML: ${firstLine(error.message)}`);
    }
    return doc.toJS();
  }
  if (/\.json$/i.test(file)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ConfigError(file, undefined, `invalid JSON: ${firstLine((error as Error).message)}`);
    }
  }
  throw new ConfigError(file, undefined, 'unsupported config format (use .json, .yaml or .yml)');
}

/** core may already put the key first in its message; do not say it twice. */
function stripKey(reason: string, key: unknown): string {
  return typeof key === 'string' && reason.startsWith(`${key}: `) ? reason.slice(key.length + 2) : reason;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return firstLine((error as Error).message ?? String(error));
}

function firstLine(text: string): string {
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
