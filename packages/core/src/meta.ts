/** Rule metadata by id: docs URL, description, why, good and bad examples (for hovers and docs). */
import type { RuleMeta } from './rule.js';
import { rules } from './rules/index.js';

export const ruleMeta: Readonly<Record<string, RuleMeta>> = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
