/** acknowledge-first: the acknowledgement or summary comes only after the solution. */
import { run } from './tester.js';

run('acknowledge-first', {
  valid: [
    { why: 'ja: acknowledgement before the refund', text: 'お届けが大幅に遅れ、せっかくのお食事を台無しにしてしまい申し訳ございません。本日、全額を返金いたしました。' },
    // No acknowledgement at all is the headline rule's job, not this one's.
    { why: 'ja: no acknowledgement at all', text: '本日発送いたしました。ご確認ください。' },
    // 「確認いたしました」 is not a solution.
    { why: 'ja: 「確認いたしました」 is not a solution', text: '確認いたしました。ご不便をおかけし、申し訳ございません。' },
    { why: 'ja: 「以下の手順をご確認ください」 points ahead, it is not the solution', text: '以下の手順をご確認ください。ご不便をおかけし、申し訳ございません。' },
    { why: 'en: acknowledgement first', text: "I'm sorry the delivery was so late and ruined your dinner. I've refunded the full order." },
    { why: 'en: "I\'ve looked into this" is not a solution', text: "I've looked into this for you. I'm sorry for the stress this has caused." },
    { why: 'en: thanks in the greeting are not a solution', text: "Hi Ann,\n\nThanks for reaching out.\n\nI'm sorry for the trouble with your order. I've refunded it.\n\nBest,\nSam" },
  ],
  invalid: [
    {
      why: 'ja: refund first, apology after',
      text: '本日、全額を返金いたしました。お届けが大幅に遅れ、せっかくのお食事を台無しにしてしまい申し訳ございません。',
      count: 1,
      message: '解決策の後',
      output: 'お届けが大幅に遅れ、せっかくのお食事を台無しにしてしまい申し訳ございません。本日、全額を返金いたしました。',
    },
    {
      why: 'ja: instructions first, acknowledgement in the next paragraph',
      text: '設定画面から「リセット」を押してください。\n\nログインできずお困りとのこと、ご不便をおかけしております。',
      output: 'ログインできずお困りとのこと、ご不便をおかけしております。\n\n設定画面から「リセット」を押してください。',
    },
    {
      why: 'en: refund first, apology after',
      text: "I've refunded the full order. I'm sorry the delivery was so late and ruined your dinner.",
      count: 1,
      message: 'after the solution',
      output: "I'm sorry the delivery was so late and ruined your dinner. I've refunded the full order.",
    },
    {
      why: 'en: an imperative step before the summary',
      text: "Hi Ann,\n\nPlease go to Settings and click Reset.\n\nYou'd like a refund for order #123 because the mug arrived broken.\n\nBest,\nSam",
      inquiry: 'My mug from order #123 arrived broken. I want a refund.',
      count: 1,
    },
  ],
});
