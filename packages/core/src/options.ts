/**
 * Option validation: invalid options throw a ReplylintOptionsError naming the bad key.
 */
import type { LintOptions, PresetName, RuleSetting, SeverityName } from './types.js';
import { schemaOfDefaults, type OptionSchema, type OptionsSchema } from './rule.js';
import { rules } from './rules/index.js';

export class ReplylintOptionsError extends Error {
  /** Dotted path of the offending key, e.g. `rules.foo` or `phrases.supplierCentred[2].phrase`. */
  readonly key: string;
  constructor(key: string, message: string) {
    super(`${key}: ${message}`);
    this.name = 'ReplylintOptionsError';
    this.key = key;
  }
}

export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);
/** Each rule's options, as its meta declares them (or its defaults imply). */
const optionSchemas = new Map<string, OptionsSchema>(rules.map((r) => [r.meta.id, r.meta.options ?? schemaOfDefaults(r.meta.defaults)]));
const severities: readonly SeverityName[] = ['off', 'warn', 'error'];
const presetNames: readonly PresetName[] = ['recommended', 'email', 'chat', 'strict'];
const knownKeys = ['inquiry', 'lang', 'channel', 'preset', 'rules', 'messageLanguage', 'phrases', 'maxLength'];

function oneOf(key: string, value: unknown, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    throw new ReplylintOptionsError(key, `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws a ReplylintOptionsError for the first invalid key; returns the options typed. */
export function validateOptions(options: unknown): LintOptions {
  if (options === undefined || options === null) return {};
  if (!isObject(options)) throw new ReplylintOptionsError('options', 'expected an object');
  for (const key of Object.keys(options)) {
    if (!knownKeys.includes(key)) throw new ReplylintOptionsError(key, `unknown option (known: ${knownKeys.join(', ')})`);
  }
  if (options['inquiry'] !== undefined && typeof options['inquiry'] !== 'string') {
    throw new ReplylintOptionsError('inquiry', 'expected a string');
  }
  oneOf('lang', options['lang'], ['ja', 'en', 'auto']);
  oneOf('channel', options['channel'], ['email', 'chat']);
  oneOf('preset', options['preset'], presetNames);
  oneOf('messageLanguage', options['messageLanguage'], ['ja', 'en', 'auto']);
  const maxLength = options['maxLength'];
  if (maxLength !== undefined && (typeof maxLength !== 'number' || !Number.isFinite(maxLength) || maxLength < 0)) {
    throw new ReplylintOptionsError('maxLength', 'expected a non-negative number');
  }
  const ruleSettings = options['rules'];
  if (ruleSettings !== undefined) {
    if (!isObject(ruleSettings)) throw new ReplylintOptionsError('rules', 'expected an object of rule id → severity');
    for (const [id, setting] of Object.entries(ruleSettings)) validateRuleSetting(`rules.${id}`, id, setting);
  }
  const phrases = options['phrases'];
  if (phrases !== undefined) {
    if (!isObject(phrases)) throw new ReplylintOptionsError('phrases', 'expected an object');
    for (const key of Object.keys(phrases)) {
      if (key !== 'supplierCentred' && key !== 'empathy') throw new ReplylintOptionsError(`phrases.${key}`, 'unknown phrase list (known: supplierCentred, empathy)');
    }
    const supplier = phrases['supplierCentred'];
    if (supplier !== undefined) {
      if (!Array.isArray(supplier)) throw new ReplylintOptionsError('phrases.supplierCentred', 'expected a list');
      supplier.forEach((entry, i) => {
        const key = `phrases.supplierCentred[${i}]`;
        if (typeof entry === 'string') return checkPhrase(key, entry);
        if (!isObject(entry) || typeof entry['phrase'] !== 'string') throw new ReplylintOptionsError(`${key}.phrase`, 'expected a string');
        checkPhrase(`${key}.phrase`, entry['phrase']);
        if (entry['rewrite'] !== undefined && typeof entry['rewrite'] !== 'string') throw new ReplylintOptionsError(`${key}.rewrite`, 'expected a string');
      });
    }
    const empathy = phrases['empathy'];
    if (empathy !== undefined) {
      if (!Array.isArray(empathy)) throw new ReplylintOptionsError('phrases.empathy', 'expected a list of strings');
      empathy.forEach((entry, i) => {
        if (typeof entry !== 'string') throw new ReplylintOptionsError(`phrases.empathy[${i}]`, 'expected a string');
        checkPhrase(`phrases.empathy[${i}]`, entry);
      });
    }
  }
  return options as LintOptions;
}

/** Team phrases are plain text, never patterns: they cannot backtrack. Only their size is bounded. */
function checkPhrase(key: string, value: string): void {
  if (value.trim() === '') throw new ReplylintOptionsError(key, 'must not be empty');
  if (value.length > 200) throw new ReplylintOptionsError(key, 'must be at most 200 characters');
}

function validateRuleSetting(key: string, id: string, setting: unknown): void {
  if (!ruleIds.includes(id)) throw new ReplylintOptionsError(key, `unknown rule (known: ${ruleIds.join(', ')})`);
  if (typeof setting === 'string') {
    oneOf(key, setting, severities);
    return;
  }
  if (Array.isArray(setting) && setting.length >= 1 && setting.length <= 2) {
    oneOf(`${key}[0]`, setting[0], severities);
    if (setting.length === 2) checkOption(`${key}[1]`, setting[1], optionSchemas.get(id)!, true);
    return;
  }
  throw new ReplylintOptionsError(key, 'expected "off", "warn", "error" or [severity, options]');
}

/** A rule option against its schema; the error names the key (`rules.sentence-length[1].ja.email`). */
function checkOption(key: string, value: unknown, schema: OptionSchema, top = false): void {
  switch (schema.type) {
    case 'object': {
      if (!isObject(value)) throw new ReplylintOptionsError(key, top ? 'expected an object of rule options' : `expected an object, got ${JSON.stringify(value)}`);
      const known = Object.keys(schema.keys);
      for (const [name, inner] of Object.entries(value)) {
        const innerSchema = schema.keys[name];
        if (!innerSchema) {
          throw new ReplylintOptionsError(`${key}.${name}`, known.length ? `unknown option (known: ${known.join(', ')})` : 'unknown option (this rule takes no options)');
        }
        if (inner !== undefined) checkOption(`${key}.${name}`, inner, innerSchema);
      }
      return;
    }
    case 'positive-number':
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new ReplylintOptionsError(key, `expected a positive number, got ${JSON.stringify(value)}`);
      return;
    case 'string':
      if (typeof value !== 'string') throw new ReplylintOptionsError(key, `expected a string, got ${JSON.stringify(value)}`);
      if (value.trim() === '') throw new ReplylintOptionsError(key, 'must not be empty');
      if (schema.maxLength !== undefined && value.length > schema.maxLength) throw new ReplylintOptionsError(key, `must be at most ${schema.maxLength} characters`);
      return;
    case 'list':
      if (!Array.isArray(value)) throw new ReplylintOptionsError(key, `expected a list, got ${JSON.stringify(value)}`);
      value.forEach((item, i) => checkOption(`${key}[${i}]`, item, schema.items));
      return;
  }
}

export function normaliseSupplierPhrases(options: LintOptions): LintOptions {
  const list = options.phrases?.supplierCentred as unknown[] | undefined;
  if (!list) return options;
  return {
    ...options,
    phrases: {
      ...options.phrases,
      supplierCentred: list.map((e) => (typeof e === 'string' ? { phrase: e } : (e as { phrase: string; rewrite?: string }))),
    },
  };
}

export type { RuleSetting };
