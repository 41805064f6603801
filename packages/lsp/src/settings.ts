/**
 * The settings contract shared by the language server and its clients
 * (the VS Code extension imports this file; it has no runtime dependencies
 * beyond ./guards.js, which has none).
 *
 * Clients answer `workspace/configuration` for the section `replylint` with a
 * `ReplylintSettings` object (any field may be missing). The server merges it
 * with the `.replylintrc.*` file that applies to the document; see
 * docs/editors.md for the precedence.
 */

import { isRecord } from './guards.js';

/**
 * The replylint config files (@replylint/node's `configFileNames`, package.json aside) as a glob:
 * the server watches them, and the VS Code client starts the server early in a workspace that has one.
 */
export const CONFIG_FILES_GLOB = '**/.replylintrc.{json,yaml,yml}';

/** A rule setting, as in `.replylintrc`: a severity, or a severity with options. */
export type RuleSeverity = 'off' | 'warn' | 'error';
export type RuleSettingValue = RuleSeverity | [RuleSeverity, Record<string, unknown>];

/**
 * Which documents are linted. A string is a language id (`plaintext`,
 * `markdown`, …); an object matches like an LSP `DocumentFilter`: every field
 * that is set must match (`pattern` is a glob over the file path).
 */
export type DocumentSelectorEntry = string | { language?: string; scheme?: string; pattern?: string };

export interface ReplylintSettings {
  /** Lint at all. */
  enable: boolean;
  /** Per-rule severities and options, applied over the preset and the `.replylintrc` rules. */
  rules: Record<string, RuleSettingValue>;
  /** Language of the replies; `auto` detects it per paragraph. */
  lang: 'ja' | 'en' | 'auto';
  /** `email` or `chat`. */
  channel: 'email' | 'chat';
  /** Language of the findings' messages; `auto` follows the reply. */
  messageLanguage: 'ja' | 'en' | 'auto';
  /** Preset the rules start from. */
  preset: 'recommended' | 'email' | 'chat' | 'strict';
  /** Documents to lint (default: plain text and Markdown, saved or untitled). */
  documentSelector: DocumentSelectorEntry[];
}

/** The configuration section the server asks the client for. */
export const SETTINGS_SECTION = 'replylint';

export const DEFAULT_SETTINGS: Readonly<ReplylintSettings> = Object.freeze({
  enable: true,
  rules: {},
  lang: 'auto',
  channel: 'email',
  messageLanguage: 'auto',
  preset: 'recommended',
  documentSelector: ['plaintext', 'markdown'],
});

const LANGS = ['ja', 'en', 'auto'] as const;
const CHANNELS = ['email', 'chat'] as const;
const PRESETS = ['recommended', 'email', 'chat', 'strict'] as const;
const SEVERITIES = ['off', 'warn', 'error'] as const;

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function normaliseRule(value: unknown): RuleSettingValue | undefined {
  if (typeof value === 'string') return (SEVERITIES as readonly string[]).includes(value) ? (value as RuleSeverity) : undefined;
  if (Array.isArray(value) && typeof value[0] === 'string' && (SEVERITIES as readonly string[]).includes(value[0])) {
    return [value[0] as RuleSeverity, isRecord(value[1]) ? value[1] : {}];
  }
  return undefined;
}

function normaliseSelector(value: unknown): DocumentSelectorEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: DocumentSelectorEntry[] = [];
  for (const entry of value) {
    if (typeof entry === 'string' && entry) out.push(entry);
    else if (isRecord(entry)) {
      const filter: { language?: string; scheme?: string; pattern?: string } = {};
      for (const key of ['language', 'scheme', 'pattern'] as const) {
        if (typeof entry[key] === 'string') filter[key] = entry[key] as string;
      }
      if (Object.keys(filter).length > 0) out.push(filter);
    }
  }
  return out;
}

/**
 * Settings as the client sent them (untrusted, possibly partial) → complete
 * settings. Unknown or ill-typed values fall back to the default, field by
 * field; unknown rule values are dropped. Returns the problems found, so the
 * server can log them.
 */
export function normaliseSettings(raw: unknown): { settings: ReplylintSettings; problems: string[] } {
  const problems: string[] = [];
  const input = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) problems.push('settings: expected an object');
  const pick = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = input[key];
    const picked = oneOf(allowed, value, fallback);
    if (value !== undefined && value !== null && picked !== value) problems.push(`${key}: expected one of ${allowed.join(', ')}`);
    return picked;
  };
  const rules: Record<string, RuleSettingValue> = {};
  if (isRecord(input['rules'])) {
    for (const [id, value] of Object.entries(input['rules'])) {
      const rule = normaliseRule(value);
      if (rule === undefined) problems.push(`rules.${id}: expected off, warn, error or [severity, options]`);
      else rules[id] = rule;
    }
  } else if (input['rules'] !== undefined && input['rules'] !== null) problems.push('rules: expected an object');
  const selector = normaliseSelector(input['documentSelector']);
  if (input['documentSelector'] !== undefined && input['documentSelector'] !== null && selector === undefined) {
    problems.push('documentSelector: expected an array');
  }
  return {
    settings: {
      enable: typeof input['enable'] === 'boolean' ? input['enable'] : DEFAULT_SETTINGS.enable,
      rules,
      lang: pick('lang', LANGS, DEFAULT_SETTINGS.lang),
      channel: pick('channel', CHANNELS, DEFAULT_SETTINGS.channel),
      messageLanguage: pick('messageLanguage', LANGS, DEFAULT_SETTINGS.messageLanguage),
      preset: pick('preset', PRESETS, DEFAULT_SETTINGS.preset),
      documentSelector: selector ?? [...DEFAULT_SETTINGS.documentSelector],
    },
    problems,
  };
}
