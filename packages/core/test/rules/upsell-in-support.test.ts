/** upsell-in-support: promotions in a reply to a problem or complaint. */
import { run } from './tester.js';

run('upsell-in-support', {
  valid: [
    // The customer asked about capacity: the plan is the fix requested.
    {
      why: 'en: a plan that answers the request',
      text: 'You can upgrade to the Premium plan to get 4 streams.',
      inquiry: 'I want to watch on 3 devices at once, my plan only allows 2. It keeps stopping.',
    },
    // A plain question, not a problem.
    { why: 'en: a question, not a complaint', text: 'Consider the Premium plan for offline downloads!', inquiry: 'Can I download episodes?' },
    // Compensation given for free is not a promotion.
    { why: 'en: free upgrade as compensation', text: "I've upgraded your shipping to express at no charge.", inquiry: 'My order is late.' },
    // A neutral option, not persuasion.
    {
      why: 'en: an informational option ("or move to the Business plan")',
      text: 'You can export the invoices as PDFs, or move to the Business plan, which keeps records for ten years.',
      inquiry: 'Our invoices were deleted!',
    },
    { why: 'ja: プラン as the requested fix', text: '4台まで再生できるプレミアムプランへお切り替えいただけます。', inquiry: '家族3人で同時に見たいです。止まって困っています。' },
    { why: 'ja: a coupon given as an apology', text: 'お詫びとして500円分のクーポンをお付けいたしました。ぜひご利用ください。', inquiry: '届くのが遅れました。' },
  ],
  invalid: [
    {
      // Issue 12: the offer and the push are in two sentences of one paragraph; both go.
      why: 'ja: a price in one sentence, 「ぜひこの機会に」 in the next',
      text: '破損の件、交換品を本日発送いたしました。月額500円で容量が倍になるプランもございます。ぜひこの機会にお申し込みください。',
      inquiry: '注文した商品が壊れて届きました。交換してください。',
      count: 1,
      output: '破損の件、交換品を本日発送いたしました。',
    },
    {
      why: 'en: "consider upgrading to Premium" in reply to a late delivery',
      text: "We're looking into the late delivery. In the meantime, consider upgrading to Premium for faster shipping!",
      inquiry: "My order is late and I'm annoyed.",
      count: 1,
      message: 'promotes',
      output: "We're looking into the late delivery. ",
    },
    { why: 'en: a campaign after an apology', text: 'Sorry for the delay. Check out our new collection, 20% off this week!', count: 1 },
    {
      why: 'en: ", or consider X+" only the promotional tail is removed',
      text: 'To avoid the fee in future, add items to reach $15, or consider DashEats+, which waives it.',
      inquiry: 'I was charged a small order fee. Please remove it.',
      output: 'To avoid the fee in future, add items to reach $15.',
    },
    {
      why: 'ja: 「この機会にぜひプレミアム会員もご検討ください」',
      text: '配送の遅れについては確認中です。この機会にぜひプレミアム会員もご検討ください。',
      inquiry: '注文した商品が届きません。',
      count: 1,
      message: 'プレミアム会員',
    },
    { why: 'ja: campaign in a reply to a missing parcel', text: '現在、春のキャンペーンを実施中です。ぜひご利用ください。', inquiry: '注文した商品が届きません。', count: 1 },
  ],
});
