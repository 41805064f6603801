/**
 * The reply analysis: what each agent sentence *does*, computed once per reply
 * and read by every rule (rules never import each other).
 *
 * For each agent sentence (greeting, body, closing; never the signature or the
 * quoted original): whether it acknowledges the customer's feelings or the
 * impact on them, whether it restates the customer's inquiry, and which of its
 * phrases justify something by the company's side. Each act keeps its evidence
 * span, so a rule can point at it.
 */
import type { Doc, Sentence, Token } from '../parse/document.js';
import type { InquiryView } from '../rule.js';
import type { PhraseLists } from '../types.js';
import { acknowledges, dismissedAcknowledgement } from './acknowledgement.js';
import { reportedSpan, restates, restatingForms } from './restatement.js';
import { companyJustifications, type Justification } from './justification.js';
import { contentKey, contentKeys, inquiryContent, sharesQuantity } from './content.js';
import { shareGroup, synonymGroups } from './synonyms.js';
import { inquirySentences } from './suggest.js';
import { conceptsOf, modelMayAdd, sentenceFeatures } from './features.js';
import { scoreAct, type ActScore } from './model.js';

export interface SentenceActs {
  sentence: Sentence;
  /** The sentence recognises the customer's feelings or the impact on them. */
  acknowledges: boolean;
  /** The sentence restates the customer's specific inquiry. */
  restates: boolean;
  /** Phrases that justify something by the company's rules, systems, desk… */
  justifications: Justification[];
  /** The sentence model's scores where it was asked (absent where the hand detectors already found the act); `explainAct` gives the top features. */
  scores: Partial<Record<'acknowledgement' | 'restatement' | 'justification', ActScore>>;
  /** The features the model read. */
  features: string[];
  /** The hand-written detectors' own verdicts, before the model weighed them. */
  hand: { acknowledges: boolean; restates: boolean; justifications: Justification[] };
}

export interface ReplyAnalysis {
  /** Agent sentences in order, with their acts. */
  sentences: SentenceActs[];
  /** Some agent sentence acknowledges the customer. */
  acknowledged: boolean;
  /** Some agent sentence restates the inquiry. */
  restated: boolean;
  /** Every company-side justification in the agent's text. */
  justifications: Justification[];
  /** The acts of one sentence (undefined for quoted text and the signature). */
  of(sentence: Sentence): SentenceActs | undefined;
}

export function analyseReply(doc: Doc, inquiry: InquiryView | undefined, phrases: PhraseLists): ReplyAnalysis {
  const content = { ja: inquiryContent(inquirySentences(inquiry, 'ja'), 'ja'), en: inquiryContent(inquirySentences(inquiry, 'en'), 'en') };
  const inquiryKeys = { ja: content.ja.keys, en: content.en.keys };
  // The synonym groups of the inquiry's Japanese content words (延長 → the group of 延ばす).
  const inquiryGroups = new Set<number>();
  for (const s of inquirySentences(inquiry, 'ja')) for (const t of contentTokens(s.tokens, 'ja')) for (const g of synonymGroups(t.base)) inquiryGroups.add(g);
  const sentences: SentenceActs[] = [];
  const byStart = new Map<number, SentenceActs>();
  let bodyIndex = 0;
  for (const sentence of doc.sentences) {
    if (sentence.segment === 'quoted' || sentence.segment === 'signature') continue;
    // A reply in another language than the inquiry cannot share its words, and is judged as if no inquiry were known.
    const keys = inquiryKeys[sentence.lang].size > 0 ? inquiryKeys[sentence.lang] : undefined;
    // The restating forms are found once: the hand detector checks their content, the model reads their kinds.
    const forms = restatingForms(sentence);
    const hand = {
      acknowledges: acknowledges(sentence, { phrases }),
      restates: restates(sentence, keys && content[sentence.lang], forms),
      justifications: companyJustifications(sentence, phrases.supplierCentred),
    };
    const sentenceKeys = contentKeys(sentence.tokens, sentence.lang);
    const features = sentenceFeatures(sentence, {
      inquiryKeys: keys ?? new Set(),
      sentenceKeys,
      synonymOverlap: keys && sentence.lang === 'ja' ? synonymOverlap(sentence, keys, inquiryGroups) : 0,
      quantityOverlap: keys !== undefined && sharesQuantity(sentence.text, content[sentence.lang].quantities),
      hand: { acknowledges: hand.acknowledges, restates: hand.restates, justifies: hand.justifications.some((j) => j.kind !== 'team') },
      restatingForms: forms.map((f) => f.kind),
      bodyIndex: sentence.segment === 'body' ? bodyIndex++ : -1,
    });
    // The model only adds to the hand detectors: an act they already found needs no score.
    const scores = {
      acknowledgement: hand.acknowledges ? undefined : scoreAct('acknowledgement', sentence.lang, features),
      restatement: hand.restates ? undefined : scoreAct('restatement', sentence.lang, features),
      justification: hand.justifications.length > 0 ? undefined : scoreAct('justification', sentence.lang, features),
    };
    const acts: SentenceActs = {
      sentence,
      // The model adds what the hand-written detectors miss; it never overrules what they found.
      acknowledges:
        hand.acknowledges ||
        Boolean(scores.acknowledgement?.performs && modelMayAdd('acknowledgement', features) && !dismissedAcknowledgement(sentence)),
      restates: hand.restates || Boolean(scores.restatement?.performs && modelMayAdd('restatement', features, scores.restatement.probability, sentence.lang)),
      justifications: justificationsOf(sentence, hand.justifications, scores.justification, features),
      scores: Object.fromEntries(Object.entries(scores).filter(([, v]) => v)) as SentenceActs['scores'],
      features,
      hand,
    };
    sentences.push(acts);
    byStart.set(sentence.start, acts);
  }
  return {
    sentences,
    acknowledged: sentences.some((a) => a.acknowledges),
    restated: sentences.some((a) => a.restates),
    justifications: sentences.flatMap((a) => a.justifications),
    of: (sentence) => byStart.get(sentence.start),
  };
}

function contentTokens(tokens: Token[], lang: 'ja' | 'en'): Token[] {
  return tokens.filter((t) => contentKey(t, lang) !== undefined);
}

/** Content words of a Japanese sentence that are not the inquiry's own words but share a synonym group with one of them. */
function synonymOverlap(sentence: Sentence, inquiryKeys: Set<string>, inquiryGroups: Set<number>): number {
  let n = 0;
  for (const t of contentTokens(sentence.tokens, 'ja')) {
    if (!inquiryKeys.has(contentKey(t, 'ja')!) && shareGroup(synonymGroups(t.base), inquiryGroups)) n++;
  }
  return n;
}

/**
 * The company-side justifications of a sentence: the hand detector's phrases
 * (a team's among them); and where the model is sure but no phrase was found,
 * the span from the company-side source word to the reason marker (or the
 * source word alone).
 */
function justificationsOf(sentence: Sentence, hand: Justification[], score: ActScore | undefined, features: string[]): Justification[] {
  if (hand.length > 0 || !score?.performs) return hand;
  if (!modelMayAdd('justification', features)) return hand;
  const tokens = sentence.tokens;
  const concepts = conceptsOf(tokens, sentence.lang);
  const source = concepts.get('source');
  if (source === undefined) return hand;
  // The customer's own words, restated (before 「とのこと」, after "you mentioned"), are not the agent's framing.
  const reported = reportedSpan(sentence);
  const at = tokens[source]!.start - sentence.start;
  if (reported && at >= reported[0] && at < reported[1]) return hand;
  const reason = concepts.get('reason');
  const first = tokens[source]!;
  // (A prefix 当/弊 is underlined with its noun: 「当ホテル」.)
  const named = first.pos === 'other' && tokens[source + 1] ? tokens[source + 1]! : first;
  const last = reason !== undefined && reason > source && reason - source <= 6 ? tokens[reason]! : named;
  return [{ start: first.start, end: last.end, phrase: sentence.text.slice(first.start - sentence.start, last.end - sentence.start), lang: sentence.lang, kind: 'model' }];
}
