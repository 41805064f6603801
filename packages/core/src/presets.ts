/**
 * Presets: a severity per rule. Options (`rules`) apply over the preset.
 *
 * - `recommended` (default): every rule on; the three headline rules
 *   (empathy-acknowledgement, inquiry-summary, supplier-centred-wording) are
 *   errors, every other rule a warning.
 * - `email`: `recommended` for email replies (missing-closing on).
 * - `chat`: `recommended` without missing-closing. It also implies the chat
 *   channel (plugins.ts) unless `channel` is given, so thresholds that depend
 *   on the channel (sentence-length) are the chat ones.
 * - `strict`: every rule an error.
 *
 * `unfilled-placeholder` is an error in every preset.
 *
 * The score (0–100) is 100 minus 15 per error and 5 per warning (lint.ts), so
 * the same reply scores lower under `strict`.
 */
import type { PresetName, SeverityName } from './types.js';
import { rules } from './rules/index.js';

const headline = ['empathy-acknowledgement', 'inquiry-summary', 'supplier-centred-wording'];
/** Rules that are errors in every preset: a reply holding a template slot must never be sent. */
const alwaysError = ['unfilled-placeholder'];

function build(overrides: Record<string, SeverityName>, base: SeverityName = 'warn'): Record<string, SeverityName> {
  const out: Record<string, SeverityName> = {};
  for (const rule of rules) out[rule.meta.id] = headline.includes(rule.meta.id) || alwaysError.includes(rule.meta.id) ? 'error' : base;
  return { ...out, ...pick(overrides) };
}

function pick(overrides: Record<string, SeverityName>): Record<string, SeverityName> {
  const ids = new Set(rules.map((r) => r.meta.id));
  return Object.fromEntries(Object.entries(overrides).filter(([id]) => ids.has(id)));
}

export const presets: Record<PresetName, Record<string, SeverityName>> = {
  recommended: build({}),
  email: build({ 'missing-closing': 'warn' }),
  chat: build({ 'missing-closing': 'off' }),
  strict: Object.fromEntries(rules.map((r) => [r.meta.id, 'error' as SeverityName])),
};
