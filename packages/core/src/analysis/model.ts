/**
 * The sentence model: a logistic regression per act (acknowledgement,
 * restatement, company-side justification) and language over the readable
 * features of `features.ts`. Its weights are data (`model.json`, written by
 * `npm run train` from the labelled sets with sentence-level evidence); scoring
 * is a sum of weights, deterministic, and explained by its largest terms.
 */
import model from './model.json' with { type: 'json' };
import type { Lang } from '../types.js';

export type ActName = 'acknowledgement' | 'restatement' | 'justification';

export interface ActModel {
  weights: Record<string, number>;
  /** Probability at or above which the sentence performs the act. */
  threshold: number;
}

export interface ModelFile {
  $comment?: string;
  trainedOn?: string[];
  acts: Partial<Record<ActName, Partial<Record<Lang, ActModel>>>>;
}

const data = model as ModelFile;

export interface ActScore {
  probability: number;
  /** Whether the model says the sentence performs the act (probability ≥ threshold). */
  performs: boolean;
}

/** Score one sentence's features for an act; undefined when no model is shipped for it. */
export function scoreAct(act: ActName, lang: Lang, features: string[]): ActScore | undefined {
  const m = data.acts[act]?.[lang];
  if (!m) return undefined;
  let z = 0;
  for (const f of features) z += m.weights[f] ?? 0;
  const probability = 1 / (1 + Math.exp(-z));
  return { probability, performs: probability >= m.threshold };
}

/** The features that pushed a sentence's score for an act most, largest first, with their weights. */
export function explainAct(act: ActName, lang: Lang, features: string[], count = 5): Array<[string, number]> {
  const weights = data.acts[act]?.[lang]?.weights ?? {};
  return features
    .filter((f) => weights[f] !== undefined)
    .map((f): [string, number] => [f, weights[f]!])
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, count);
}
