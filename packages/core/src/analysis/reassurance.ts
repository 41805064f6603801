/**
 * A company rule named only to reassure: 「当社の会員規約では、不正利用は会員様のご負担なく
 * 補償されます」, "Under our hardship policy, the late fee is waived". The sentence names a
 * company-side source, but what the rule does is grant the customer something (a gain) and
 * nothing in the sentence, once the gains are set aside, refuses, denies or caps (a limit:
 * 「対象外」「限り」「いたしかねます」「まで」, "not", "only", "unless"). GUIDELINES counts
 * such a sentence as not company-centred. The vocabulary is data (`reassurance.json`, one
 * entry per term with an example and a note); the test is here.
 */
import type { Lang } from '../types.js';
import { oneOf, termSource, type TermEntry } from './terms.js';
import data from './reassurance.json' with { type: 'json' };

interface Entry extends TermEntry {
  example: string;
  note: string;
}

const lexicon = data as unknown as Record<Lang, { gains: Entry[]; limits: Entry[]; refusals: Entry[] }>;

const compile = (entries: Entry[], lang: Lang, global: boolean): RegExp =>
  new RegExp(oneOf(...entries.map(termSource)), (global ? 'g' : '') + (lang === 'en' ? 'iu' : 'u'));

const gains = { ja: compile(lexicon.ja.gains, 'ja', true), en: compile(lexicon.en.gains, 'en', true) };
const limits = { ja: compile(lexicon.ja.limits, 'ja', false), en: compile(lexicon.en.limits, 'en', false) };
const refusals = { ja: compile(lexicon.ja.refusals, 'ja', false), en: compile(lexicon.en.refusals, 'en', false) };

/** A negation in the rule itself. */
const negation = { ja: /ない|なく|ません|(?<=[\p{sc=Hiragana}])ず/u, en: /\bnot\b|n't\b|\bno\b|\bnever\b/iu };
/** Where a consequence starts: after the last 「ので、」「ため、」 or ", so" / "; so" / ", which means". */
const consequence = { ja: /(?:ので|ため)、/gu, en: /[,;]\s+(?:so|which means)\s+/giu };

/**
 * Does the sentence only grant the customer something (a gain, and no refusal, negation or cap
 * beside it)? Or does its consequence do so, after a rule that refuses nothing: 「〜は消去しない
 * ことになっておりますので、映像が失われる心配はございません」, "… can't be charged to you, so once
 * it's in the app, you're covered"? The rule's own negation or cap is then what protects the customer.
 */
export function reassuresOnly(text: string, lang: Lang): boolean {
  if (grantsOnly(text, lang)) return true;
  const marks = [...text.matchAll(consequence[lang])];
  const last = marks[marks.length - 1];
  if (!last) return false;
  // The rule must protect (a gain, or a negation: 「消去しない」「料金をいただかない」) and refuse nothing;
  // a rule that requires or takes ("must be made 7 days ahead", 「残高が基準を下回ったため」) is the reason, whatever follows.
  const rule = blankGains(text.slice(0, last.index), lang);
  const protects = rule.found || negation[lang].test(rule.rest);
  return protects && grantsOnly(text.slice(last.index + last[0].length), lang) && !refusals[lang].test(rule.rest);
}

function grantsOnly(text: string, lang: Lang): boolean {
  const { found, rest } = blankGains(text, lang);
  return found && !limits[lang].test(rest) && !refusals[lang].test(rest);
}

/** The text with its gains blanked out: the negation inside 「ご負担なく」 or "won't lose" is part of the gain. */
function blankGains(text: string, lang: Lang): { found: boolean; rest: string } {
  let found = false;
  const rest = text.replace(gains[lang], (m) => {
    found = true;
    return ' '.repeat(m.length);
  });
  return { found, rest };
}
