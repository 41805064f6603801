/**
 * From editor settings + `.replylintrc.*` + the inquiry to core's LintOptions.
 * Files are read through `@replylint/node`, as the CLI reads them, so the
 * editor and the command line find the same config for the same reply.
 */
import { validateOptions, type LintOptions } from '@replylint/core';
import { configToLintOptions, type ReplylintConfig } from '@replylint/node';
import type { ReplylintSettings } from './settings.js';

/**
 * Editor settings merged with the config file that applies to the reply.
 * The file is the team's shared, checked-in choice, so the values it sets win
 * over the editor's (whose every field has a default filled in by the client);
 * `rules` are the exception: the editor's entries, empty unless a user wrote
 * them, are applied on top of the file's rules as personal overrides.
 */
export function mergeOptions(settings: ReplylintSettings, config: ReplylintConfig | undefined): LintOptions {
  const fromFile = config ? configToLintOptions(config) : {};
  return {
    ...fromFile,
    preset: fromFile.preset ?? settings.preset,
    lang: fromFile.lang ?? settings.lang,
    channel: fromFile.channel ?? settings.channel,
    messageLanguage: fromFile.messageLanguage ?? settings.messageLanguage,
    rules: { ...fromFile.rules, ...settings.rules },
  };
}

/**
 * Options core accepts: what `validateOptions` rejects is dropped (a rule
 * setting, or a top-level key) and reported, so one bad editor setting turns
 * off only itself.
 */
export function usableOptions(options: LintOptions): { options: LintOptions; problems: string[] } {
  const problems: string[] = [];
  let current: LintOptions = { ...options, rules: { ...options.rules } };
  for (let attempt = 0; attempt < 32; attempt++) {
    try {
      validateOptions(current);
      return { options: current, problems };
    } catch (error) {
      const key = (error as { key?: unknown }).key;
      problems.push(String((error as Error).message ?? error));
      if (typeof key !== 'string') break;
      const [top, ruleKey] = key.split('.', 2) as [string, string | undefined];
      // `rules.sentence-length[1].ja.email` names a rule's setting: drop that rule, not every rule.
      const rule = ruleKey?.replace(/\[.*$/, '');
      const next: Record<string, unknown> = { ...current, rules: { ...current.rules } };
      if (top === 'rules' && rule !== undefined && current.rules && rule in current.rules) {
        delete (next['rules'] as Record<string, unknown>)[rule];
      } else if (top in next) {
        delete next[top];
      } else break;
      current = next as LintOptions;
    }
  }
  // Could not narrow the problem down: fall back to core's defaults.
  return { options: {}, problems };
}

/** Stable cache key for a set of options (same options ⇒ same key). */
export function optionsKey(options: LintOptions): string {
  return JSON.stringify(options, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
