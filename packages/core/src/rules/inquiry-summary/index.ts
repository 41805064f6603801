/**
 * inquiry-summary: the agent never restates the customer's specific inquiry in
 * their own words. What counts as a restatement is the reply analysis's
 * (`analysis/acts.ts`, `analysis/restatement.ts`).
 */
import { defineRule } from '../../rule.js';
import { insertionBeforeBody, summarySentence } from '../../analysis/suggest.js';

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
      ja: 'お問い合わせの件につきまして、ご回答いたします。ご注文番号 A-1 は本日発送いたしました。',
      en: 'Regarding your inquiry, order #A-1 shipped today.',
    },
    good: {
      ja: 'ご注文の日傘がまだ「発送準備中」のままで、お誕生日に間に合うかご心配とのこと、承知いたしました。',
      en: "You mentioned that your parasol has been stuck at 'Preparing to ship' and you're worried it won't arrive by the birthday.",
    },
  },
  (context) => {
    if (context.body.length === 0) return;
    if (context.analysis.restated) return;
    const first = context.body[0]!;
    context.report({
      start: first.start,
      end: first.end,
      lang: first.lang,
      reason: {
        ja: 'お客様のお問い合わせ内容（何について、何が起きているか・何をご希望か）を言い直している箇所がありません。回答の前に要約しましょう',
        en: "The reply never restates the customer's specific inquiry (what it concerns and what is wrong or wanted). Summarise it before answering",
      },
      suggestions: [
        {
          title: { ja: 'お問い合わせ内容の要約を本文の最初に挿入', en: 'Insert a summary of the inquiry at the start of the body' },
          ...insertionBeforeBody(context, summarySentence(context.inquiry, first.lang)),
        },
      ],
    });
  },
);

