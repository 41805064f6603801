/**
 * empathy-acknowledgement: the agent never recognises the customer's feelings
 * or the impact of the problem on them. Reported once, at the start of the body.
 * What counts as an acknowledgement is the reply analysis's (`analysis/acts.ts`).
 */
import { defineRule } from '../../rule.js';
import { insertionBeforeBody, inquiryTopic } from '../../analysis/suggest.js';

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
      ja: 'ご連絡ありがとうございます。ご注文の商品は本日発送いたしました。',
      en: 'Thank you for reaching out. Your order shipped today.',
    },
    good: {
      ja: 'お届けが遅れ、ご心配をおかけしており申し訳ございません。ご注文の商品は本日発送いたしました。',
      en: "I'm sorry for the worry the delay has caused. Your order shipped today.",
    },
  },
  (context) => {
        if (context.body.length === 0) return;
    if (context.analysis.acknowledged) return;
    const first = context.body[0]!;
    const lang = first.lang;
    const topic = inquiryTopic(context.inquiry, lang);
    const sentence =
      lang === 'ja'
        ? `${topic ? `${topic}の件で、` : 'このたびは'}ご不便とご心配をおかけしており、申し訳ございません。`
        : `I'm sorry for the trouble${topic ? ` with ${topic}` : ''}, and I understand how frustrating this must be.`;
    context.report({
      start: first.start,
      end: first.end,
      lang,
      reason: {
        ja: '返信のどこにもお客様の気持ちや影響（ご不便・ご心配など）への言及がありません。本文の最初で受け止めましょう',
        en: "Nowhere does the reply acknowledge the customer's feelings or the impact on them (inconvenience, worry, lost time). Acknowledge it at the start of the body",
      },
      suggestions: [
        {
          title: { ja: '受け止めの一文を本文の最初に挿入', en: 'Insert an acknowledgement at the start of the body' },
          ...insertionBeforeBody(context, sentence),
        },
      ],
    });
  },
);

