/**
 * upsell-in-support: a reply to a problem or complaint that promotes an
 * upgrade, a paid plan, a campaign or another product the customer did not
 * ask for. Reported when the conversation is about a problem (the inquiry
 * shows one, or the reply apologises), a sentence — or a sentence and the
 * next one in its paragraph — pairs a promoting cue
 * (「ぜひ」「ご検討」「この機会に」, "consider", "upgrade to", "you might also
 * like") with a paid offer, and the inquiry did not ask about plans, limits or
 * prices (then the plan is the fix requested: "3 streams? The Premium plan
 * allows 4"). Compensation (coupons, refunds, free upgrades) and cheaper
 * options are never reported.
 */
import { defineRule } from '../../rule.js';
import type { Sentence } from '../../parse/document.js';
import type { Lang } from '../../types.js';
import { maskQuotes } from '../../analysis/sentences.js';
import { isProblemConversation } from '../../analysis/problem.js';
import { fold } from '../../text/normalize.js';
import data from './data.json' with { type: 'json' };
import { matchAll } from '../../text/match-all.js';

/** Offers: case matters in English only for product names written with a plus ("DashEats+"). */
const enPlusName = '\\b[A-Z][A-Za-z]+\\+(?=\\W|$)';
const offers: Record<Lang, RegExp[]> = {
  ja: [new RegExp(data.ja.offers, 'gu')],
  en: [new RegExp(data.en.offers.replace(enPlusName + '|', ''), 'giu'), new RegExp(enPlusName, 'gu')],
};
const cues: Record<Lang, RegExp> = { ja: new RegExp(data.ja.cues, 'u'), en: new RegExp(data.en.cues, 'iu') };
const exclusions: Record<Lang, RegExp> = { ja: new RegExp(data.ja.exclusions, 'u'), en: new RegExp(data.en.exclusions, 'iu') };
const asked = { ja: new RegExp(data.ja.asked, 'u'), en: new RegExp(data.en.asked, 'iu') };

export default defineRule(
  {
    id: 'upsell-in-support',
    langs: ['ja', 'en'],
    description: {
      ja: '問題やご不満への返信の中で、求められていない有料プラン・キャンペーン・他の商品を勧めている',
      en: 'Promotes an upgrade, paid plan, campaign or other product in a reply to a problem or complaint',
    },
    why: {
      ja: '困っている最中のお客様にとって、頼んでいない有料プランやキャンペーンの案内は「問題より売上が大事」というメッセージに映ります。まず問題を解決し、販促は別の機会にしましょう。',
      en: "To a customer with a problem, an unrequested upgrade pitch says 'we care more about the sale'. Solve the problem first; leave promotions for another time.",
    },
    bad: {
      ja: "ご注文の日傘がまだ届かず、お母様のお誕生日に間に合うかご心配とのこと、ご不安な思いをおかけして申し訳ございません。商品は本日発送し、5月10日にお届けの予定です。この機会にぜひプレミアム会員（月額500円）もご検討ください。",
      en: "I'm sorry the parasol you ordered on May 8 still hasn't arrived, and I understand you're worried it won't make your mum's birthday on May 12. It shipped today and will arrive on May 10. In the meantime, consider upgrading to Premium for faster shipping!",
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
    if (!isProblemConversation(context.inquiry, context.agent)) return;
    const inquiryText = context.inquiry ? fold(context.inquiry.text) : '';
    const agent = context.agent.filter((s) => s.segment !== 'signature');
    let covered = -1;
    for (let i = 0; i < agent.length; i++) {
      if (i <= covered) continue;
      const sentence = agent[i]!;
      const lang = sentence.lang;
      const text = maskQuotes(sentence);
      const offer = longestOffer(lang, text);
      if (!offer || exclusions[lang].test(text)) continue;
      // The push may come in the next sentence of the same paragraph: 「月額500円で容量が倍に。ぜひこの機会に」.
      const next = agent[i + 1];
      const nextText = next && next.paragraph === sentence.paragraph && next.lang === lang ? maskQuotes(next) : undefined;
      const pushedHere = cues[lang].test(text);
      const pushedNext = !pushedHere && nextText !== undefined && cues[lang].test(nextText) && !exclusions[lang].test(nextText);
      if (!pushedHere && !pushedNext) continue;
      // The customer asked about plans, limits or prices: the plan is the fix requested.
      if (asked.ja.test(inquiryText) || asked.en.test(inquiryText)) continue;
      const name = offer.trim();
      const last = pushedNext ? next! : sentence;
      if (pushedNext) covered = i + 1;
      context.report({
        start: sentence.start,
        end: last.end,
        lang,
        reason: {
          ja: `お問い合わせは問題・ご不満についてのものですが、この文は求められていない「${name}」を勧めています。まず問題の解決に集中しましょう`,
          en: `The customer wrote about a problem, and this sentence promotes “${name}”, which they did not ask for. Focus on solving the problem`,
        },
        suggestions: [
          {
            title: { ja: '販促の文を削除', en: 'Remove the promotion' },
            ...(pushedNext ? removalOf(context.doc.text, sentence.start, last.end) : removal(context.doc.text, sentence, text)),
          },
        ],
      });
    }
  },
);

/** Remove whole sentences from `start` to `end`, and the spaces after them. */
function removalOf(full: string, start: number, end: number): { start: number; end: number; text: string } {
  while (end < full.length && (full[end] === ' ' || full[end] === '\u3000')) end++;
  return { start, end, text: '' };
}

/** The longest offer named in the text ("the Business plan" rather than "the Business"). */
function longestOffer(lang: Lang, text: string): string | undefined {
  let best: string | undefined;
  for (const re of offers[lang]) {
    re.lastIndex = 0;
    for (const m of matchAll(text, re)) if (!best || m[0].length > best.length) best = m[0];
  }
  return best;
}

/**
 * Remove the promotion: only the ", or consider X" tail when the sentence
 * starts with something useful, else the whole sentence and the space after it.
 */
function removal(full: string, sentence: Sentence, text: string): { start: number; end: number; text: string } {
  if (sentence.lang === 'en') {
    // The last ", or / and / but" after which the promotion starts, with something useful before it.
    for (const m of [...matchAll(text, /,?(?<!\s)\s+(?:or|and|but)\s+/giu)].reverse()) {
      const before = text.slice(0, m.index);
      const after = text.slice(m.index);
      if (!cues.en.test(after) || !longestOffer('en', after)) continue;
      if (cues.en.test(before) && longestOffer('en', before)) break;
      const stop = /[.!?]+\s*$/u.exec(text);
      const end = stop ? stop.index : text.length;
      return { start: sentence.start + m.index!, end: sentence.start + end, text: '' };
    }
  }
  let end = sentence.end;
  while (end < full.length && (full[end] === ' ' || full[end] === '\u3000')) end++;
  return { start: sentence.start, end, text: '' };
}
