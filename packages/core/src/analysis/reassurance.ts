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

const lexicon = data as unknown as Record<Lang, { gains: Entry[]; limits: Entry[] }>;

const compile = (entries: Entry[], lang: Lang, global: boolean): RegExp =>
  new RegExp(oneOf(...entries.map(termSource)), (global ? 'g' : '') + (lang === 'en' ? 'iu' : 'u'));

const gains = { ja: compile(lexicon.ja.gains, 'ja', true), en: compile(lexicon.en.gains, 'en', true) };
const limits = { ja: compile(lexicon.ja.limits, 'ja', false), en: compile(lexicon.en.limits, 'en', false) };

/** Does the sentence only grant the customer something (a gain, and no refusal, negation or cap beside it)? */
export function reassuresOnly(text: string, lang: Lang): boolean {
  // The gains are blanked out first: the negation inside 「ご負担なく」 or "won't lose" is part of the gain.
  let found = false;
  const rest = text.replace(gains[lang], (m) => {
    found = true;
    return ' '.repeat(m.length);
  });
  return found && !limits[lang].test(rest);
}
