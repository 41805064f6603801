/** refusal-without-reason: a refusal with no reason and no alternative nearby. */
import { run } from './tester.js';

run('refusal-without-reason', {
  valid: [
    { why: 'ja: the reason in the same sentence (ため)', text: 'すでに調理を始めているため、キャンセルはできかねます。' },
    { why: 'ja: an alternative in the next sentence (代わりに)', text: '恐れ入りますが、キャンセルはできかねます。代わりに、クーポンをお送りいたします。' },
    // A condition, not a refusal.
    { why: 'ja: 「できかねる場合は」 is a condition', text: 'キャンセルできかねる場合は、ご連絡いたします。' },
    { why: 'ja: the reason stated with 理由で', text: '安全上の理由で、お答えしておりません。' },
    { why: 'en: "because" in the same sentence', text: "We can't cancel this order because it has already shipped." },
    { why: 'en: "Instead, you can" in the next sentence', text: "We can't cancel this order. Instead, you can return it for free." },
    { why: 'en: "if we can\'t" is a condition', text: "If we can't reach you, the parcel goes back to the depot." },
    { why: 'en: a rule with "without" is not a refusal', text: 'Claims without photos cannot be processed.' },
    // "I can't see" is not a refusal.
    { why: 'en: "I can\'t see any record" is not a refusal', text: "I can't see any record of that order." },
  ],
  invalid: [
    {
      why: 'ja: bare 「できかねます」',
      text: '恐れ入りますが、ご注文のキャンセルはできかねます。',
      count: 1,
      message: '理由も代わりの案も',
      output: '恐れ入りますが、〇〇のため、ご注文のキャンセルはできかねます。',
    },
    { why: 'ja: bare 「お受けできません」', text: '返品はお受けできません。', count: 1, flagged: ['お受けできません'] },
    { why: 'ja: 「理由についてはお答えしておりません」 (理由 is the object, not a reason)', text: '個別の理由についてはお答えしておりません。', count: 1 },
    {
      why: "en: bare \"we can't\"",
      text: "Unfortunately, we can't cancel this order.",
      count: 1,
      message: 'no reason and no alternative',
      output: "Unfortunately, we can't cancel this order because [reason that matters to the customer].",
    },
    { why: 'en: "cannot be refunded"', text: 'The fee cannot be refunded.', count: 1 },
    { why: "en: \"we're unable to\"", text: "Sorry, we're unable to help with that.", count: 1 },
  ],
});
