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
import type { Doc, Sentence } from '../parse/document.js';
import type { InquiryView } from '../rule.js';
import type { Lang, PhraseLists } from '../types.js';
import { acknowledges } from './acknowledgement.js';
import { restates } from './restatement.js';
import { companyJustifications, type Justification } from './justification.js';
import { contentKeys } from './content.js';
import { inquirySentences } from './suggest.js';

export interface SentenceActs {
  sentence: Sentence;
  /** The sentence recognises the customer's feelings or the impact on them. */
  acknowledges: boolean;
  /** The sentence restates the customer's specific inquiry. */
  restates: boolean;
  /** Phrases that justify something by the company's rules, systems, desk… */
  justifications: Justification[];
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
  /** Content keys of the inquiry, per language (empty when no inquiry is known). */
  inquiryKeys: Record<Lang, Set<string>>;
  /** The acts of one sentence (undefined for quoted text and the signature). */
  of(sentence: Sentence): SentenceActs | undefined;
}

export function analyseReply(doc: Doc, inquiry: InquiryView | undefined, phrases: PhraseLists): ReplyAnalysis {
  const inquiryKeys = { ja: new Set<string>(), en: new Set<string>() };
  for (const lang of ['ja', 'en'] as const) {
    for (const s of inquirySentences(inquiry, lang)) for (const k of contentKeys(s.tokens, lang)) inquiryKeys[lang].add(k);
  }
  const sentences: SentenceActs[] = [];
  const byStart = new Map<number, SentenceActs>();
  for (const sentence of doc.sentences) {
    if (sentence.segment === 'quoted' || sentence.segment === 'signature') continue;
    // A reply in another language than the inquiry cannot share its words, and is judged as if no inquiry were known.
    const keys = inquiryKeys[sentence.lang].size > 0 ? inquiryKeys[sentence.lang] : undefined;
    const acts: SentenceActs = {
      sentence,
      acknowledges: acknowledges(sentence, { phrases }),
      restates: restates(sentence, keys),
      justifications: companyJustifications(sentence, phrases.supplierCentred),
    };
    sentences.push(acts);
    byStart.set(sentence.start, acts);
  }
  return {
    sentences,
    acknowledged: sentences.some((a) => a.acknowledges),
    restated: sentences.some((a) => a.restates),
    justifications: sentences.flatMap((a) => a.justifications),
    inquiryKeys,
    of: (sentence) => byStart.get(sentence.start),
  };
}
