/** supplier-centred-wording: its suggestions name the customer-side reason the reply gives, or leave a marked slot. */
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
      // 「現時点では」 promised a change and gave no reason (issue 12); with no reason in the reply the slot stays, marked.
      why: 'ja: 「システムの仕様上」 with no customer-side reason anywhere leaves a marked 〇〇 slot',
      text: 'システムの仕様上、日時のご指定はできかねます。',
      count: 1,
      output: '〇〇のため、日時のご指定はできかねます。',
    },
  ],
});
