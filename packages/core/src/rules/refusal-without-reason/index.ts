/**
 * refusal-without-reason: a refusal (「できかねます」「お受けできません」, "we
 * can't", "we're unable to") with no reason given nearby (the same or an
 * adjacent sentence: ため/ので/により, "because", "since", "so that", "to
 * keep…") and no alternative offered (代わりに/〜いただけます, "instead",
 * "you can", "what I can do"). A reason or an alternative turns a closed door
 * into a next step. Conditional statements ("if we can't reach you",
 * 「〜できない場合は」, "claims without photos cannot be processed") are rules
 * of the service, not refusals, and are not reported.
 */
import { defineRule } from '../../rule.js';
import type { Sentence } from '../../parse/document.js';
import type { Lang } from '../../types.js';
import { maskQuotes } from '../../analysis/sentences.js';
import data from './data.json' with { type: 'json' };

const flags: Record<Lang, string> = { ja: 'u', en: 'iu' };
const compile = (key: 'refusals' | 'conditional' | 'reasons' | 'alternatives') => ({
  ja: new RegExp(data.ja[key], flags.ja),
  en: new RegExp(data.en[key], flags.en),
});
const refusals = { ja: new RegExp(data.ja.refusals, 'gu'), en: new RegExp(data.en.refusals, 'giu') };
const conditional = compile('conditional');
const reasons = compile('reasons');
const alternatives = compile('alternatives');

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
      const text = maskQuotes(sentence);
      if (/[?？]\s*$/u.test(text)) continue;
      const refusal = firstRefusal(text, lang);
      if (!refusal) continue;
      const nearby = [agent[i - 1], agent[i + 1]].filter((s): s is Sentence => s !== undefined && s.lang === lang);
      const rest = text.slice(0, refusal.start) + ' ' + text.slice(refusal.end);
      if (reasons[lang].test(rest) || nearby.some((s) => reasons[lang].test(maskQuotes(s)))) continue;
      if (alternatives[lang].test(rest) || nearby.some((s) => alternatives[lang].test(maskQuotes(s)))) continue;
      const reasonAt = reasonInsertion(text, refusal.start, lang);
      context.report({
        start: sentence.start + refusal.start,
        end: sentence.start + refusal.end,
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

/** The first refusal in the sentence that is not a condition ("if we can't…", 「〜できない場合は」). */
function firstRefusal(text: string, lang: Lang): { start: number; end: number; text: string } | undefined {
  const re = refusals[lang];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (lang === 'ja') {
      // 「〜できかねる場合は」「受け付けない場合」: a condition, not a refusal.
      if (conditional.ja.test(text.slice(end, end + 6))) continue;
    } else {
      const clauseStart = Math.max(text.lastIndexOf(',', start), text.lastIndexOf(';', start), -1) + 1;
      if (conditional.en.test(text.slice(clauseStart, start))) continue;
    }
    return { start, end, text: m[0] };
  }
  return undefined;
}

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
