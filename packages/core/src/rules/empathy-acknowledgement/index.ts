/**
 * empathy-acknowledgement: the agent never recognises the customer's feelings
 * or the impact of the problem on them. Reported once, at the start of the body.
 * What counts as an acknowledgement is the reply analysis's (`analysis/acts.ts`).
 */
import { defineRule } from '../../rule.js';
import { acknowledgementFor, acknowledgementKind, getWellWish, hedgedApology, inquiryStatesTrouble, insertionAfterOpening, stakeAcknowledgement } from '../../analysis/suggest.js';
import { replyApologises } from '../../analysis/problem.js';
import { problemClause } from '../../analysis/suggest-restate.js';
import type { Sentence } from '../../parse/document.js';

/** An apology with no object, a sentence on its own. */
const bareApology = /^(?:(?:大変|誠に|本当に)?申し訳(?:ございません|ありません)(?:でした)?|(?:we|i) (?:sincerely )?apologi[sz]e|(?:i'm |we're |i am |we are )?(?:so |very |really )?sorry)[。．.！!]?$/iu;

export default defineRule(
  {
    id: 'empathy-acknowledgement',
    langs: ['ja', 'en'],
    description: {
      ja: '返信がお客様の気持ちや、問題によるお客様への影響に一度も触れていない',
      en: "The reply never acknowledges the customer's feelings or the impact of the problem on them",
    },
    why: {
      ja: 'お客様はまず「わかってもらえた」と感じて初めて回答を受け止められます。定型の「申し訳ございません」やお問い合わせへのお礼だけでは、困りごとや気持ちに向き合ったことになりません。',
      en: "Customers take in an answer only after they feel understood. A bare 'Sorry' or 'Thank you for reaching out' does not show that you saw the trouble or how it affected them.",
    },
    bad: {
      ja: "5月8日にご注文の日傘がまだ届いていないとのこと、承知いたしました。ご連絡ありがとうございます。商品は本日発送いたしました。",
      en: "You mentioned that the parasol you ordered on May 8 hasn't arrived yet. Thank you for reaching out. It shipped today.",
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
    if (context.body.length === 0) return;
    if (context.analysis.acknowledged) return;
    const first = context.body[0]!;
    const lang = first.lang;
    // What the customer's message calls for (suggestion reviews): condolence after a death, sympathy
    // for an illness, the trouble they have had, their worry, their situation; a how-to question calls
    // for none, and "sorry for the trouble" there (or where the company caused nothing) means the
    // wrong thing, so no sentence is offered. With no inquiry, an apology elsewhere in the reply
    // shows there was trouble.
    const kind = context.inquiry ? acknowledgementKind(context.inquiry, lang) : replyApologises(context.agent) ? 'problem' : undefined;
    // A hedged apology already in the reply ("for any inconvenience this may have caused",
    // 「おかけしたのであれば」) is made plain where it stands, within its own words, instead of a second apology.
    // (Not where the reply itself says only some were affected — a notice's "may have been affected":
    // there the hedge is true, and "the inconvenience this has caused you" would be false; sixth review.)
    const uncertain = context.agent.some((s) => someAffected.test(s.text));
    // What is at stake for the customer, named (fourth suggestion review: the stock line where the
    // customer showed a specific worry, a dispute, a loss, children affected, or harm from outside
    // the company, where sympathy and not an apology is owed). Whether there is one does not depend
    // on `companySide`, which only chooses the wording.
    const companySide = kind === 'apology' || kind === 'worry-apology' || kind === 'disappointment' || kind === 'hurt';
    const named = stakeAcknowledgement(context.inquiry, lang, companySide, inquiryStatesTrouble(context.inquiry, lang));
    // Not for an illness: "the inconvenience this has caused you" to someone cancelling for a husband's surgery
    // claims a fault that is not there, where sympathy is owed (eighth review).
    const hedge = !uncertain && kind !== undefined && kind !== 'condolence' && kind !== 'situation' && kind !== 'illness' && named === undefined ? hedgedApology(context.agent.filter((s) => s.lang === lang)) : undefined;
    const stake = kind === 'condolence' ? undefined : named;
    // In English a generic "sorry for the trouble" read as a bystander's (third suggestion review):
    // where the reply does not restate the problem itself, the apology names it ("I'm so sorry that
    // your cards arrived with the wrong photo"), when the main problem reads back cleanly. The stock
    // lines reviewers called generic or overblown are not offered at all (fourth review: 「お困りのこと
    // と存じます」 0 of 4 sendable, 「ご事情、お察しいたします」 0 of 3, "all the trouble you've had" 3 of
    // 10, "everything you're dealing with" 0 of 2): a missing quick fix is better than a generic one.
    const sentenceFor = (k: NonNullable<typeof kind>): string | undefined => {
      if (stake) return stake;
      if (k === 'situation') return undefined;
      if (k === 'illness') return lang === 'ja' ? getWellWish(context.inquiry) : undefined;
      if (lang === 'ja') return k === 'problem' ? undefined : acknowledgementFor(k, lang);
      if (k === 'apology' || k === 'problem') {
        const clause = !context.analysis.restated ? problemClause(context.inquiry, lang) : undefined;
        if (!clause) return undefined;
        return k === 'problem' ? `I'm sorry to hear that ${clause}.` : `I'm so sorry that ${clause}.`;
      }
      if (k === 'disappointment' && !context.analysis.restated) {
        const clause = problemClause(context.inquiry, lang);
        if (clause) return `I'm so sorry that ${clause}.`;
      }
      return acknowledgementFor(k, lang);
    };
    let chosen = kind ? sentenceFor(kind) : stake;
    // "I'm so sorry for how upsetting this has been": where the reply restates nothing, the line
    // goes first and "this" points at nothing (fifth suggestion review n=86, 92, 93).
    if (chosen && !context.analysis.restated && /\bthis\b/iu.test(chosen)) chosen = undefined;
    // A Japanese reply written without humble keigo (a maintainer on an issue tracker, a small shop's
    // chat) gets the apology in its own register (fifth suggestion review: 「大変申し訳ございません」
    // between two plain lines clashed).
    if (chosen && lang === 'ja' && !humbleKeigo.test(context.agent.filter((s) => s.lang === 'ja').map((s) => s.text).join('\n'))) {
      // (「すみません」 read too light for the company's own fault: 「申し訳ありません」, polite without humble keigo; sixth review.)
      chosen = chosen.replace(/おかけし、大変申し訳ございません。$/u, 'おかけして申し訳ありません。').replace(/、大変申し訳ございません。$/u, '、申し訳ありません。');
    }
    // A bare apology already in the reply (「申し訳ございません。」 "We apologize.") is made specific where it
    // stands, instead of a second apology beside it (third-round reading: 「ご不便をおかけし、大変申し訳
    // ございません。申し訳ございません。」).
    const owes = chosen !== undefined && /申し訳|お詫び|sorry|apologi/iu.test(chosen);
    // (Not where the body starts: the summary's insertion goes there, and the two edits would overlap.)
    const bare = owes && !hedge ? context.agent.find((s) => s.lang === lang && s.start > first.start && bareApology.test(s.text.trim())) : undefined;
    // Condolences go right after the opening, before any business (fourth review: after a billing
    // restatement they read oddly); anything else after a restatement the reply opens with.
    let inserted = chosen && !bare && !hedge
      ? insertionAfterOpening(context, chosen, kind === 'condolence' ? undefined : (s) => context.analysis.of(s)?.restates === true)
      : undefined;
    // Condolences beside the opening's thanks keep only the condolence (not a second thanks).
    if (inserted && kind === 'condolence' && !stake && besideClash(context.agent, inserted.start, chosen!)) {
      chosen = chosen!.replace(/(?<=。).+$/u, '');
      inserted = insertionAfterOpening(context, chosen, undefined);
    }
    // Never an apology or thanks right beside one already there (fourth review: 「申し訳ございません」 and
    // 「ありがとうございます」 twice in a row), nor an apology right after a refusal, where it reads as an
    // apology for the policy.
    const clash = inserted !== undefined && besideClash(context.agent, inserted.start, chosen!);
    const suggestion = bare
      ? {
          title: { ja: 'そっけない謝罪を、何についての謝罪かが伝わる一文に言い換える', en: 'Make the bare apology say what it is for' },
          start: bare.start + (bare.text.length - bare.text.trimStart().length),
          end: bare.start + bare.text.trimEnd().length,
          text: chosen!,
        }
      : hedge
      ? { title: { ja: 'ぼかした謝罪を、はっきりした謝罪に言い換える', en: 'Make the hedged apology a plain one' }, ...hedge }
      : inserted && !clash
        ? { title: { ja: '受け止めの一文を本文の最初に挿入', en: 'Insert an acknowledgement at the start of the body' }, ...inserted }
        : undefined;
    context.report({
      start: first.start,
      end: first.end,
      lang,
      reason: {
        ja: '返信のどこにもお客様の気持ちや影響（ご不便・ご心配など）への言及がありません。本文の最初で受け止めましょう',
        en: "Nowhere does the reply acknowledge the customer's feelings or the impact on them (inconvenience, worry, lost time). Acknowledge it at the start of the body",
      },
      suggestions: suggestion ? [suggestion] : [],
    });
  },
);


/** A reply saying only some were affected: "may have been affected", "some customers", "if you were affected". */
const someAffected = /\b(?:may|might) have been (?:affected|impacted)|\bsome (?:of our )?(?:users|customers|members|accounts|players|guests)\b|\bif you were (?:affected|impacted)/iu;

/** The humble keigo of a formal Japanese reply (ございます, いたします, 申し上げ, 存じ, おります, 承り). */
const humbleKeigo = /ござい|いた[しす]|致[しす]|申し上げ|存じ|おり(?:ます|まし)|承り|させていただ/u;

const apologises = /申し訳|お詫び|すみません|失礼いたしました|\bsorry\b|\bapologi[sz]e/iu;
const thanks = /ありがとう|感謝|御礼|お礼|\bthank/iu;
const refuses = /かねます|できません|いたしません|しておりません|行っておりません|受けておりません|できない仕組み|規約|規定|\b(?:can't|cannot|can not|unable|not able|won't be able|policy|policies)\b/iu;

/** Does an insertion at `at` sit right beside an apology or thanks like its own, or right after a refusal? */
function besideClash(agent: Sentence[], at: number, sentence: string): boolean {
  const before = [...agent].reverse().find((s) => s.end <= at);
  const after = agent.find((s) => s.start >= at);
  const neighbours = [before, after].filter((s): s is Sentence => s !== undefined).map((s) => s.text);
  if (apologises.test(sentence) && neighbours.some((t) => apologises.test(t))) return true;
  if (thanks.test(sentence) && neighbours.some((t) => thanks.test(t))) return true;
  if (apologises.test(sentence) && before !== undefined && refuses.test(before.text)) return true;
  return false;
}
