/**
 * bare-apology: an apology with no object (「申し訳ございません。」 alone,
 * "Sorry.", "We apologize."). An apology lands only when it names what it is
 * for. Not reported when the same sentence or a neighbouring one says what
 * the apology is for (an acknowledgement, or an admission right after it:
 * "I'm sorry. We sent the wrong size."), and never on a cushion before a
 * request or refusal (「申し訳ございませんが、」, "Sorry, but …").
 */
import { defineRule } from '../../rule.js';
import type { Sentence } from '../../parse/document.js';
import { acknowledges } from '../../analysis/acknowledgement.js';
import { clauses, maskQuotes } from '../../analysis/sentences.js';
import data from './data.json' with { type: 'json' };

const alt = (list: string[]) => list.join('|');
/** A Japanese sentence that is only an apology: optional opener, intensifier, the apology, end punctuation. */
const jaBare = new RegExp(
  `^[\\s　]*((?:(?:${alt(data.ja.openers)})[、,\\s　]*)?)((?:(?:${alt(data.ja.intensifiers)})[、\\s　]*)?(?:${alt(data.ja.apologies)}))[。．.！!]*[\\s　]*$`,
  'u',
);
const jaAdmission = new RegExp(alt(data.ja.admissions), 'u');
const enBare = new RegExp(data.en.bare, 'iu');
const enAdmission = new RegExp(data.en.admissions, 'iu');
/** What went wrong, told as an event ("was sent to the wrong address", 「遅れが生じております」), not as a rule. */
const events = { ja: new RegExp(data.ja.events, 'u'), en: new RegExp(data.en.events, 'iu') };
const rules = { ja: new RegExp(data.rules.ja, 'u'), en: new RegExp(data.rules.en, 'iu') };
/** English clause boundaries: ; : — – (a comma is not one: "Sorry, but …" stays whole). */
const enBoundary = /(?<!\s)\s*[;:—–]\s*|(?<!\s)\s+-\s+/u;

interface Bare {
  sentence: Sentence;
  /** Offsets in the reply of the bare apology. */
  start: number;
  end: number;
  /** Where the object goes (reply offset) and what to insert. */
  insertAt: number;
  insert: string;
  /** The rest of the sentence, if any (English clauses around the apology). */
  rest: string;
}

export default defineRule(
  {
    id: 'bare-apology',
    langs: ['ja', 'en'],
    description: {
      ja: '何に対するお詫びかが書かれていない（「申し訳ございません。」だけ）',
      en: 'An apology that does not say what it is for ("Sorry." on its own)',
    },
    why: {
      ja: '「申し訳ございません。」だけでは、何を申し訳なく思っているのかがお客様に伝わらず、定型文に聞こえます。「ご不便をおかけし、申し訳ございません」のように対象を添えると、問題を受け止めたことが伝わります。',
      en: "A bare 'Sorry.' sounds like a reflex: the customer cannot tell what you are sorry for. Naming it ('I'm sorry for the trouble the late delivery caused') shows you have taken the problem in.",
    },
    bad: {
      ja: "ご注文の日傘がまだ届かないとのこと、承知いたしました。申し訳ございません。商品は本日発送いたしました。",
      en: "You mentioned the parasol you ordered on May 8 hasn't arrived. We apologize. It shipped today.",
    },
    good: {
      ja: "ご注文の日傘がまだ届かず、お母様のお誕生日に間に合うかご心配とのこと、ご不安な思いをおかけして申し訳ございません。商品は本日発送し、5月10日にお届けの予定です。",
      en: "I'm sorry the parasol you ordered on May 8 still hasn't arrived, and I understand you're worried it won't make your mum's birthday on May 12. It shipped today and will arrive on May 10.",
    },
    inquiry: {
      ja: "5月8日に注文した日傘がまだ届きません。母の誕生日（5月12日）のプレゼントなので、間に合うか心配です。",
      en: "I ordered a parasol on May 8 and it still hasn't arrived. It's a gift for my mum's birthday on May 12 and I'm worried it won't make it.",
    },
  },
  (context) => {
    const agent = context.agent.filter((s) => s.segment !== 'signature');
    for (let i = 0; i < agent.length; i++) {
      const bare = bareApology(agent[i]!);
      if (!bare) continue;
      if (hasObjectNearby(bare, agent[i - 1], agent[i + 1], context)) continue;
      const lang = bare.sentence.lang;
      context.report({
        start: bare.start,
        end: bare.end,
        lang,
        reason: {
          ja: '何に対するお詫びかが書かれていません。「ご不便をおかけし、」「お届けが遅れ、」のように、お詫びの対象を添えましょう',
          en: 'This apology does not say what it is for. Name it: "I\'m sorry for the delay", "I\'m sorry the wrong size arrived"',
        },
        suggestions: [
          {
            title: {
              ja: `お詫びの対象を添える（「${data.ja.insert}」）`,
              en: `Say what the apology is for ("…${data.en.insert}")`,
            },
            start: bare.insertAt,
            end: bare.insertAt,
            text: lang === 'ja' ? data.ja.insert : data.en.insert,
          },
        ],
      });
    }
  },
);

/** The bare apology in this sentence, if there is one. */
function bareApology(sentence: Sentence): Bare | undefined {
  const text = maskQuotes(sentence);
  if (sentence.lang === 'ja') {
    const m = jaBare.exec(text);
    if (!m) return undefined;
    const lead = m[1]!.length + (m.index ?? 0);
    const core = m[2]!;
    // Insert the object after the opener (「このたびは、」) and before the intensifier or the apology.
    return {
      sentence,
      start: sentence.start + lead,
      end: sentence.start + lead + core.length,
      insertAt: sentence.start + lead,
      insert: data.ja.insert,
      rest: '',
    };
  }
  const parts = clauses(sentence, enBoundary);
  for (const part of parts) {
    const trimmed = part.text.trim();
    if (!enBare.test(trimmed)) continue;
    const offset = part.start + part.text.indexOf(trimmed);
    const words = trimmed.replace(/[.!]+$/u, '');
    const rest = parts.filter((p) => p !== part).map((p) => p.text).join(' ');
    return {
      sentence,
      start: sentence.start + offset,
      end: sentence.start + offset + trimmed.length,
      insertAt: sentence.start + offset + words.length,
      insert: data.en.insert,
      rest,
    };
  }
  return undefined;
}

/** The object of the apology is given by the rest of the sentence or a neighbouring sentence. */
function hasObjectNearby(
  bare: Bare,
  previous: Sentence | undefined,
  next: Sentence | undefined,
  context: Parameters<typeof acknowledges>[1],
): boolean {
  const { sentence } = bare;
  if (bare.rest.trim() && acknowledges({ ...sentence, text: bare.rest, quotes: [] }, context)) return true;
  for (const s of [previous, next]) if (s && s.lang === sentence.lang && acknowledges(s, context)) return true;
  // An admission right after the apology says what it is for: 「申し訳ございません。こちらの手違いで…」.
  if (next && next.lang === sentence.lang) {
    const text = maskQuotes(next);
    if (sentence.lang === 'ja' ? jaAdmission.test(text) : enAdmission.test(text)) return true;
    if (events[sentence.lang].test(text) && !rules[sentence.lang].test(text)) return true;
  }
  if (sentence.lang === 'en' && bare.rest.trim() && enAdmission.test(bare.rest)) return true;
  return false;
}
