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

/**
 * One act's model as model.json stores it: the feature names sorted (by UTF-16
 * code units) and joined with newlines, and their weights in the same order.
 * Two strings' and two arrays' worth of objects instead of an object of some
 * 4,000 properties each holding a boxed number: far less for V8 to parse and
 * for the CLI's startup snapshot to restore (26,794 weights in all).
 */
export interface ActModel {
  features: string;
  weights: number[];
  /** Probability at or above which the sentence performs the act. */
  threshold: number;
}

export interface ModelFile {
  $comment?: string;
  trainedOn?: string[];
  acts: Partial<Record<ActName, Partial<Record<Lang, ActModel>>>>;
}

/** An act's model in model.json's form, from a feature → weight record (`npm run train`). */
export function actModel(weights: Record<string, number>, threshold: number): ActModel {
  const names = Object.keys(weights).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) if (name.includes('\n')) throw new Error(`model: a feature name holds a newline: ${JSON.stringify(name)}`);
  return { features: names.join('\n'), weights: names.map((name) => weights[name]!), threshold };
}

const data = model as ModelFile;

/** Where each feature name starts in `features`, per model (built at its first lookup). */
const starts = new WeakMap<ActModel, Int32Array>();

function startsOf(m: ActModel): Int32Array {
  let found = starts.get(m);
  if (!found) {
    found = new Int32Array(m.weights.length + 1);
    let at = 0;
    for (let i = 1; i < m.weights.length; i++) {
      at = m.features.indexOf('\n', at) + 1;
      found[i] = at;
    }
    found[m.weights.length] = m.features.length + 1;
    starts.set(m, found);
  }
  return found;
}

/** A plain object: what `weights[feature]` gave for a name not in the model when weights were an object. */
const noWeight: Record<string, number | undefined> = {};

/** Looked-up weights per model: an editor or an audit scores the same features again and again. */
const memo = new WeakMap<ActModel, Map<string, number | undefined>>();
const memoSize = 50_000;

/** The weight of a feature, as the old `weights[feature]` would give it. */
function weightOf(m: ActModel, feature: string): number | undefined {
  let known = memo.get(m);
  if (!known) memo.set(m, (known = new Map()));
  if (known.has(feature)) return known.get(feature);
  const weight = search(m, feature);
  if (known.size >= memoSize) known.clear();
  known.set(feature, weight);
  return weight;
}

/** Binary search of the sorted names, comparing code units in place. */
function search(m: ActModel, feature: string): number | undefined {
  const at = startsOf(m);
  const names = m.features;
  let lo = 0;
  let hi = m.weights.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = at[mid]!;
    const length = at[mid + 1]! - 1 - start;
    const common = Math.min(length, feature.length);
    let order = 0;
    for (let i = 0; i < common && order === 0; i++) order = names.charCodeAt(start + i) - feature.charCodeAt(i);
    if (order === 0) order = length - feature.length;
    if (order === 0) return m.weights[mid];
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return noWeight[feature];
}

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
  for (const f of features) z += weightOf(m, f) ?? 0;
  const probability = 1 / (1 + Math.exp(-z));
  return { probability, performs: probability >= m.threshold };
}

/** The features that pushed a sentence's score for an act most, largest first, with their weights. */
export function explainAct(act: ActName, lang: Lang, features: string[], count = 5): Array<[string, number]> {
  const m = data.acts[act]?.[lang];
  const weight = (f: string) => (m ? weightOf(m, f) : noWeight[f]);
  return features
    .filter((f) => weight(f) !== undefined)
    .map((f): [string, number] => [f, weight(f)!])
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, count);
}
