/**
 * Acknowledgement: does an agent sentence recognise the customer's feelings or
 * the impact of the problem on them? Shared by every rule that needs it
 * (empathy-acknowledgement, bare-apology, acknowledge-first) through the
 * reply analysis (`acts.ts`).
 */
import type { Sentence } from '../parse/document.js';
import type { PhraseLists } from '../types.js';
import { fold } from '../text/normalize.js';
import { oneOf, termSource } from './terms.js';
import data from './acknowledgement.json' with { type: 'json' };
import { matchAll } from '../text/match-all.js';

const jaData = data.ja;
const words = (list: string[], flags = 'u') => new RegExp(`(?:${list.join('|')})`, flags);

// English lists (acknowledgement.json, en.lists): one entry per feeling word,
// phrase or word, each with an example sentence that is its test
// (test/acknowledgement-lexicon.test.ts). An entry is its short `pattern`, or
// its term regex-escaped; `{name}` inside a pattern stands for the list of that
// name ("i know {knowWhat}"). Lists keep the file's order: the first
// alternative that leads to a match wins.

export interface Entry {
  term: string;
  pattern?: string;
  /** A hedge that is a plain condition ("if you…"): it does not dismiss an apology elsewhere in the sentence. */
  condition?: boolean;
  example: string;
  note?: string;
}
/** The English lists of acknowledgement.json, typed (their examples are tests). */
export const enLists = (data.en as unknown as { lists: Record<string, { kind: string; note: string; entries: Entry[] }> }).lists;

/** One entry as a regular expression, with every `{name}` replaced by that list. */
const entrySource = (e: Entry): string => termSource(e).replace(/\{(\w+)\}/gu, (_, name: string) => list(name));

/** The entries of a list, as regular expressions, in the file's order. */
const alternatives = (name: string, keep: (e: Entry) => boolean = () => true): string[] => {
  const found = enLists[name];
  if (!found) throw new Error(`acknowledgement.json: no en list ${name}`);
  return found.entries.filter(keep).map(entrySource);
};

/** A list as one non-capturing alternation. */
function list(name: string): string {
  return oneOf(...alternatives(name));
}

/** A feeling or impact word, as a whole word ("frustrating", "a hassle", "the wait"). */
const enFeeling = new RegExp(`\\b${list('feelings')}\\b`, 'iu');
const enStrong = new RegExp(list('strongFrames'), 'iu');
const enHedge = new RegExp(alternatives('hedges').join('|'), 'iu');
/** A feeling word after a negation ("no need to worry", "won't be a hassle"). */
const enNegatedFeeling = new RegExp(`${list('negations')}${list('feelings')}\\b`, 'iu');
const enStock = new RegExp(list('stock'), 'iu');
const enSorryObject = /\b(?:sorry|apologi[sz]e|apologies)\s+(?:(?:so|very|truly|really)\s+)?(?:for|about)\s+(?!any\b|all\b)(?:the|this|that|your|what|how|all the|everything|such|these|those|a|an|being|having|not|our|my|keeping|making|letting|putting)\b/iu;
const enSorryThat = /\b(?:sorry|apologi[sz]e)\s+(?:that|you|your)\b(?!\s+feel that way)/iu;
/** The hedges that qualify an apology or a feeling itself; a plain condition ("if you're trying to…") is not one. */
const enApologyHedge = new RegExp(alternatives('hedges', (h) => !h.condition).join('|'), 'iu');
const enCushionSorry = /\b(?:sorry|apologi[sz]e)\b[^.;:!?]{0,5},?\s+but\b/iu;

const jaApology = words(jaData.apologies, 'gu');
const jaHedge = words(jaData.hedges);
const jaCushion = words(jaData.cushions);
const jaFrame = words(jaData.frames);
const jaUnmet = words(jaData.unmetRequest);
const jaFeeling = words(jaData.feelings, 'gu');
const jaFeelingAfter = words(jaData.feelings);
const jaHedgeGlobal = words(jaData.hedges, 'gu');
const jaEmpathicPredicate = words(jaData.empathicPredicates);

/** Does this agent sentence acknowledge the customer's feelings or the impact on them? */
export function acknowledges(sentence: Sentence, context: { phrases: PhraseLists }): boolean {
  const text = withoutQuotes(sentence);
  const folded = fold(text);
  for (const phrase of context.phrases.empathy ?? []) {
    if (phrase && folded.includes(fold(phrase))) return true;
  }
  return sentence.lang === 'ja' ? acknowledgesJa(text) : acknowledgesEn(text);
}

function withoutQuotes(sentence: Sentence): string {
  let text = sentence.text;
  for (const [s, e] of sentence.quotes) text = text.slice(0, s) + ' '.repeat(e - s) + text.slice(e);
  return text;
}

function acknowledgesJa(text: string): boolean {
  // 1. A feeling or impact word with an acknowledging predicate, not negated, hedged or a request cushion.
  for (const m of matchAll(text, jaFeeling)) {
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 24);
    const rest = text.slice(m.index!);
    if (/^(?:は|には|も)?(?:及び|ございません|ありません|ない|なく|不要|無用|いりません)/u.test(after)) continue;
    // 「ご迷惑をおかけした事案ではございません」: the clause ends in a negation.
    if (/(?:では|じゃ)(?:ございません|ありません|ない)/u.test(after.split(/[、。]/u)[0] ?? '')) continue;
    if (/^(?:[^、。]{0,4})(?:ください|下さい)/u.test(after)) continue; // ご安心ください-like reassurance
    if (jaHedge.test(after.slice(0, 16))) continue;
    const cushion = jaCushion.exec(after.slice(0, 14));
    if (cushion && !/(?:まし|でし)た/u.test(after.slice(0, cushion.index))) continue;
    if (jaEmpathicPredicate.test(rest)) return true;
  }
  // 2. An apology with an object: 「〜てしまい、申し訳ございません」.
  for (const m of matchAll(text, jaApology)) {
    const before = text.slice(0, m.index!);
    const after = text.slice(m.index!, m.index! + 20);
    if (jaHedge.test(before.slice(-16))) continue;
    const object = /(?:[てで]|し|せ|り|き|い|ず|のに|ので|ため|うえ|上|中|なか|ところ|とは)(?:しまい|しまって|おり|おりまして|しまいまして)?[、,]?\s*(?:誠に|まことに|大変|たいへん|本当に|ほんとうに|心より|深く|重ねて)?\s*$/u.test(before);
    const content = before.replace(/[\s、。,]/gu, '').replace(/(?:誠に|まことに|大変|本当に|心より|深く|重ねて)$/u, '');
    if (!object || content.length < 4) continue;
    if (/(?:ご連絡|お問い合わせ|お知らせ|ご報告)(?:いただき|くださり)[、,]?\s*(?:誠に|大変)?\s*$/u.test(before)) continue;
    if (jaUnmet.test(before.slice(-10)) && /^[^。]{0,14}が/u.test(after)) continue;
    return true;
  }
  // 3. Empathic conjecture about the customer: 「さぞ〜ことと存じます」「お気持ち、お察しいたします」「〜ますよね」.
  if (jaFrame.test(text)) {
    if (/(?:ますよね|ですよね|ましたよね)/u.test(text)) {
      if (/(?:てしまい|てしまう|でしまう|ません|ない|なる|なります|止ま|困|大変)/u.test(text)) return true;
    } else if (/お気持ち|お察し|ごもっとも|さぞ|心中|ご無理(?:を)?なさら|ご無理のない|お大事に|ご自愛|ご回復|お見舞い申し上げ/u.test(text)) return true;
    // Conjecture about the customer's state, in honorific form: 「〜してくださっていることと存じます」「お過ごしのことと存じます」.
    else if (/(?:され|られ|なさ|くださ|いただ|いらっしゃ|おられ|お[^\s、。]{1,8}(?:に|の))(?:た|て|る|っ|い)?[^。]{0,14}ことと(?:存じ|思い|拝察)/u.test(text)) return true;
  }
  return false;
}

function acknowledgesEn(sentence: string): boolean {
  for (const clause of sentence.split(/[;:—–]|\s-\s/u)) {
    const text = clause.trim();
    if (!text) continue;
    if (enHedge.test(text)) continue;
    if (enStock.test(text) && !enFeeling.test(text.replace(enStock, ''))) continue;
    if (enCushionSorry.test(text)) continue;
    if (/\?\s*$/u.test(text)) continue;
    const negated = enNegatedFeeling.test(text);
    if (enStrong.test(text)) return true;
    if (!negated && enFeeling.test(text)) return true;
    if (enSorryObject.test(text) || enSorryThat.test(text)) return true;
  }
  return false;
}

/**
 * The sentence has the form of something that is not an acknowledgement: a
 * hedged or conditional apology (「ご不便をおかけしたのであれば」, "any
 * inconvenience this may have caused", "sorry if"), or an apology used as a
 * cushion before a refusal or request (「申し訳ございませんが、」, "sorry, but").
 * The sentence model may not count such a sentence as an acknowledgement.
 */
export function dismissedAcknowledgement(sentence: Sentence): boolean {
  const text = withoutQuotes(sentence);
  if (sentence.lang === 'en') return enApologyHedge.test(text) || enCushionSorry.test(text);
  // A hedge scopes over what comes before it (Japanese is head-final): 「ご不快に感じられたかもしれません」
  // hedges the feeling, while in 「旅行が流れてしまうかもしれないのは残念ですね」 the feeling after it is asserted.
  if (matchAll(text, jaHedgeGlobal).some((m) => !jaFeelingAfter.test(text.slice(m.index! + m[0].length)))) return true;
  // 「申し訳ございませんが、」「恐れ入りますが」 before what follows, with nothing the apology is for.
  for (const m of matchAll(text, jaApology)) {
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
    const before = text.slice(0, m.index!).replace(/[\s、。,]|誠に|大変|まことに|たいへん/gu, '');
    if (/^[^。、]{0,8}が[、,]?/u.test(after) && before.length < 4) return true;
  }
  return false;
}
