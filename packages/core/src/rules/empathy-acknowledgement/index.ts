/**
 * empathy-acknowledgement: the agent never recognises the customer's feelings
 * or the impact of the problem on them. Reported once, at the start of the body.
 * What counts as an acknowledgement is the reply analysis's (`analysis/acts.ts`).
 */
import { defineRule } from '../../rule.js';
import { insertionBeforeBody } from '../../analysis/suggest.js';

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
    // A plain acknowledgement: a topic pasted from the inquiry read wrongly too often in the
    // suggestion review ("the trouble with your dad", 「お世話の件で」), so none is inserted.
    const sentence =
      lang === 'ja' ? 'このたびはご不便とご心配をおかけしており、申し訳ございません。' : "I'm sorry for the trouble this has caused you.";
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

