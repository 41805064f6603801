/**
 * refusal-without-reason: a refusal (「できかねます」「お受けしておりません」, "we
 * can't", "your request has been denied"; found on tokens by
 * analysis/refusal.ts) with no reason given nearby (the same or an adjacent
 * sentence: ので/から as conjunctions, ため, により, "because", "since" or "as"
 * opening a clause, "to keep…"; 「につきましては」 is "regarding") and no alternative offered (代わりに/〜いただけます, "instead",
 * "you can", "what I can do"). A reason or an alternative turns a closed door
 * into a next step. Conditional statements ("if we can't reach you",
 * 「〜できない場合は」, "claims without photos cannot be processed") are rules
 * of the service, not refusals, and are not reported.
 */
import { defineRule } from '../../rule.js';
import type { Sentence } from '../../parse/document.js';
import type { Lang } from '../../types.js';
import { maskQuotes } from '../../analysis/sentences.js';
import { givesReason, refusalIn } from '../../analysis/refusal.js';
import data from './data.json' with { type: 'json' };

/** Offers of another way (data: one entry per phrase with a note). */
const alternatives: Record<Lang, RegExp> = {
  ja: new RegExp(data.ja.alternatives.map((e) => e.pattern).join('|'), 'u'),
  en: new RegExp(data.en.alternatives.map((e) => e.pattern).join('|'), 'iu'),
};

export default defineRule(
  {
    id: 'refusal-without-reason',
    langs: ['ja', 'en'],
    description: {
      ja: 'お断り（「できかねます」「お受けできません」）に、理由も代わりの案も添えられていない',
      en: "A refusal (\"we can't\", \"we're unable to\") with no reason and no alternative nearby",
    },
    why: {
      ja: '理由も代わりの案もない「できかねます」は、お客様にとって行き止まりです。なぜできないのか（お客様にとっての理由）と、代わりに何ができるのかを添えると、断られても次の一歩が見えます。',
      en: "A bare 'we can't' is a dead end. Saying why (in terms that matter to the customer) and what you can do instead gives them a next step even when the answer is no.",
    },
    bad: {
      ja: "ピザのご注文をキャンセルされたいとのこと、急なご予定の変更でお困りのことと存じます。恐れ入りますが、ご注文のキャンセルはできかねます。",
      en: "You'd like to cancel your pizza order, and I know a last-minute change of plans is frustrating. Unfortunately, we can't cancel this order.",
    },
    good: {
      ja: "ピザのご注文をキャンセルされたいとのこと、急なご予定の変更でお困りのことと存じます。すでに調理を始めているため、キャンセルはできかねます。代わりに、次回ご利用いただける300円クーポンをお送りいたします。",
      en: "You'd like to cancel your pizza order, and I know a last-minute change of plans is frustrating. The kitchen has already started on it, so we can't cancel it. Instead, I've added a $5 credit to your account.",
    },
    inquiry: {
      ja: "注文したピザをキャンセルしたいです。急に出かけることになりました。",
      en: "I'd like to cancel my pizza order. Something came up and I have to go out.",
    },
  },
  (context) => {
    const agent = context.agent.filter((s) => s.segment !== 'signature');
    for (let i = 0; i < agent.length; i++) {
      const sentence = agent[i]!;
      const lang = sentence.lang;
      const refusal = refusalIn(sentence);
      if (!refusal) continue;
      const nearby = [agent[i - 1], agent[i + 1]].filter((s): s is Sentence => s !== undefined && s.lang === lang);
      if (givesReason(sentence, refusal) || nearby.some((s) => givesReason(s))) continue;
      const text = maskQuotes(sentence);
      const rest = text.slice(0, refusal.start - sentence.start) + ' ' + text.slice(refusal.end - sentence.start);
      if (alternatives[lang].test(rest) || nearby.some((s) => alternatives[lang].test(maskQuotes(s)))) continue;
      const reasonAt = reasonInsertion(text, refusal.start - sentence.start, lang);
      context.report({
        start: refusal.start,
        end: refusal.end,
        lang,
        reason: {
          ja: `「${refusal.text}」に理由も代わりの案も添えられていません。お客様にとっての理由と、代わりにできることを伝えましょう`,
          en: `“${refusal.text}” gives no reason and no alternative. Say why (in terms that matter to the customer) and what you can do instead`,
        },
        suggestions: [
          {
            title: { ja: '理由を添える', en: 'Add the reason' },
            start: sentence.start + reasonAt,
            end: sentence.start + reasonAt,
            text: lang === 'ja' ? data.ja.insertReason : data.en.insertReason,
          },
          {
            title: { ja: '代わりの案を添える', en: 'Offer an alternative' },
            start: sentence.end,
            end: sentence.end,
            text: lang === 'ja' ? data.ja.insertAlternative : data.en.insertAlternative,
          },
        ],
      });
    }
  },
);

/**
 * Where a reason fits: JA after the last 、 before the refusal clause's
 * subject (「恐れ入りますが、|〇〇のため、|返品は…」), EN before the final stop.
 */
function reasonInsertion(text: string, refusalStart: number, lang: Lang): number {
  if (lang === 'ja') {
    const cushion = /^(?:[^。]*?(?:が|けれども|けど)[、,])/u.exec(text.slice(0, refusalStart));
    return cushion ? cushion[0].length : /^[\s　]*/u.exec(text)![0].length;
  }
  const stop = /[.!]+["')\]]?\s*$/u.exec(text);
  return stop ? stop.index : text.length;
}
