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
  /** The features that pushed the score most, largest first, with their weights. */
  top: Array<[string, number]>;
}

/** Score one sentence's features for an act; undefined when no model is shipped for it. */
export function scoreAct(act: ActName, lang: Lang, features: string[], explain = 0): ActScore | undefined {
  const m = data.acts[act]?.[lang];
  if (!m) return undefined;
  let z = 0;
  const terms: Array<[string, number]> = [];
  for (const f of features) {
    const w = m.weights[f];
    if (w === undefined) continue;
    z += w;
    if (explain) terms.push([f, w]);
  }
  const probability = 1 / (1 + Math.exp(-z));
  const top = explain ? terms.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, explain) : [];
  return { probability, performs: probability >= m.threshold, top };
}
