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
    // Found on tokens: the customer's own words restated are not the company's refusal.
    { why: 'ja: 「ログインできないとのこと」 restates the customer, it refuses nothing', text: 'ログインできないとのこと、ご不便をおかけしております。' },
    { why: 'ja: the case particle から ("from") is no reason, but ので is', text: '東京の倉庫から発送しておりますので、本日中のお届けはできかねます。' },
    { why: 'ja: 「〜しないでください」 asks the customer, it refuses nothing', text: '電源は切らないでください。' },
    { why: 'en: "since" opening a clause is a reason', text: "Since the order has already shipped, we can't cancel it." },
    { why: 'en: "to protect…" gives the purpose', text: "We can't share the address, to protect the seller's privacy." },
    { why: "en: the customer's own inability is not the company's refusal", text: "You mentioned you can't log in after the update." },
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
    // Plain refusals the regular expressions missed (issue 12): found by part of speech and negation scope.
    { why: 'ja: 「応じられません」 is an accepting verb under a negation', text: '返金には応じられません。', count: 1 },
    { why: 'ja: 「お受けしておりません」 — the polite noun of 受ける, negated', text: '当社では返金をお受けしておりません。', count: 1 },
    { why: 'ja: 「につきましては」 means "regarding", not a reason', text: 'ご希望の返金につきましては、対応いたしかねます。', count: 1 },
    { why: 'en: a passive decline', text: 'Your refund request has been denied.', count: 1 },
    { why: "en: \"that's not possible\"", text: "I'm afraid that's not possible.", count: 1 },
    { why: 'en: "No … can be issued"', text: 'No refund can be issued.', count: 1 },
    { why: 'en: "since Monday" is a time, not a reason', text: "Since Monday we can't accept returns.", count: 1 },
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
