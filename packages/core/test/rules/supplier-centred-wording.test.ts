/** supplier-centred-wording: its suggestions name the customer-side reason the reply gives, or remove the company-side phrase; never a slot. */
import { run } from './tester.js';

run('supplier-centred-wording', {
  valid: [
    { why: 'ja: the customer-side reason itself is not company-side wording', text: 'お客様の個人情報を守るため、ご本人確認をお願いしております。' },
    { why: 'en: "to keep your account safe" gives the customer\'s benefit', text: 'To keep your account safe, we need to verify your identity first.' },
  ],
  invalid: [
    {
      // Issue 12: the reply already says what the check protects; the rewrite names it instead of a slot.
      why: 'ja: 「規定により」 becomes the reason the reply gives in its next sentence',
      text: '規定により、ご本人確認をお願いしております。お客様の個人情報を守るための大切な手続きです。',
      count: 1,
      output: 'お客様の個人情報を守るため、ご本人確認をお願いしております。お客様の個人情報を守るための大切な手続きです。',
    },
    {
      why: 'en: "Per our policy" becomes "To keep your account safe from fraud"',
      text: 'Per our policy, we need to verify your identity. This is to keep your account safe from fraud.',
      count: 1,
      output: 'To keep your account safe from fraud, we need to verify your identity. This is to keep your account safe from fraud.',
    },
    {
      // Second suggestion review: a slot (〇〇のため) could reach the customer and no honest reason can be
      // invented, so with no customer-side reason in the reply the company-side phrase is removed.
      why: 'ja: 「システムの仕様上、」 with no customer-side reason anywhere is removed, never a 〇〇 slot',
      text: 'システムの仕様上、日時のご指定はできかねます。',
      count: 1,
      output: '日時のご指定はできかねます。',
    },
    {
      why: 'ja: 「規定により」 with no comma after it is removed too, the statement stays',
      text: '規定により返金はできかねます。',
      count: 1,
      output: '返金はできかねます。',
    },
  ],
});
