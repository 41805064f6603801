/**
 * inquiry-summary: the agent never restates the customer's specific inquiry in
 * their own words. What counts as a restatement is the reply analysis's
 * (`analysis/acts.ts`, `analysis/restatement.ts`).
 */
import { defineRule } from '../../rule.js';
import { insertionAfterOpening } from '../../analysis/suggest.js';
import { restatement } from '../../analysis/suggest-restate.js';

export default defineRule(
  {
    id: 'inquiry-summary',
    langs: ['ja', 'en'],
    description: {
      ja: '返信がお客様のお問い合わせ内容を自分の言葉で言い直していない',
      en: "The reply never restates the customer's specific inquiry in the agent's own words",
    },
    why: {
      ja: '何について、何が起きているのか（何を望んでいるのか）を言い直すと、お客様は正しく理解されたと確信できます。「お問い合わせの件につきまして」や注文番号の繰り返しでは伝わりません。',
      en: "Restating what is wrong or wanted, and with what, shows the customer they were understood. 'Regarding your inquiry' or repeating the order number does not.",
    },
    bad: {
      ja: "お問い合わせの件につきまして、ご心配をおかけし申し訳ございません。ご注文番号 A-1 は本日発送いたしました。",
      en: "Regarding your inquiry, I'm sorry for the worry. Order #A-1 shipped today.",
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
    if (context.analysis.restated) return;
    const first = context.body[0]!;
    // Built from the inquiry's clauses by grammar; none when no clean clause can be built
    // (suggestion reviews: the customer's casual words read back were wrong to send).
    const sentence = restatement(context.inquiry, first.lang);
    context.report({
      start: first.start,
      end: first.end,
      lang: first.lang,
      reason: {
        ja: 'お客様のお問い合わせ内容（何について、何が起きているか・何をご希望か）を言い直している箇所がありません。回答の前に要約しましょう',
        en: "The reply never restates the customer's specific inquiry (what it concerns and what is wrong or wanted). Summarise it before answering",
      },
      suggestions: sentence
        ? [
            {
              title: { ja: 'お問い合わせ内容の要約を本文の最初に挿入', en: 'Insert a summary of the inquiry at the start of the body' },
              ...insertionAfterOpening(context, sentence),
            },
          ]
        : [],
    });
  },
);

