/**
 * Presets: severities per rule. `recommended` is the default; `email` and
 * `chat` tune it for the channel; `strict` makes every rule an error.
 */
import type { PresetName, SeverityName } from './types.js';
import { rules } from './rules/index.js';

const headline = ['empathy-acknowledgement', 'inquiry-summary', 'supplier-centred-wording'];

function build(overrides: Record<string, SeverityName>, base: SeverityName = 'warn'): Record<string, SeverityName> {
  const out: Record<string, SeverityName> = {};
  for (const rule of rules) out[rule.meta.id] = headline.includes(rule.meta.id) ? 'error' : base;
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
