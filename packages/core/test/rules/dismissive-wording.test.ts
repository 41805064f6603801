/** dismissive-wording: minimising words used at the customer. */
import { run } from './tester.js';

const struggling = 'The app keeps crashing and I cannot log in. So frustrating.';
const jaStruggling = 'ログインできません。何度も試しました。';

run('dismissive-wording', {
  valid: [
    { why: 'en: "Clearly, that is not what you expected" concedes; it disclaims nothing', text: 'Clearly, that is not what you expected, and I am sorry.', inquiry: 'My parcel is a week late.' },
    // "just" as a time adverb.
    { why: 'en: "I\'ve just refunded" is a time adverb', text: "I've just refunded your order.", inquiry: struggling },
    // A channel invitation, not minimising the problem.
    { why: 'en: "just reply to this email"', text: 'If you need anything else, just reply to this email.', inquiry: struggling },
    // "Of course" as a warm yes.
    { why: 'en: "Of course!" as a warm yes', text: "Of course! I've refunded it." },
    { why: 'en: "of course you can" grants permission', text: 'Of course you can change it any time.' },
    { why: 'en: "Obviously, this isn\'t the experience we want" is about us', text: "Obviously, this isn't the experience we want for you." },
    // "simply" about ourselves.
    { why: 'en: "we simply can\'t" is about us', text: "We simply can't ship to that region.", inquiry: struggling },
    // Effort words only matter when the customer is struggling.
    { why: 'en: "simply click" answering a plain question', text: 'Simply click Reset on the Account page.', inquiry: 'How do I reset my password?' },
    // 当然 agreeing with the customer's feelings is empathy.
    { why: 'ja: 「当然のことと存じます」 agrees with the customer', text: 'ご不安に思われるのは当然のことと存じます。' },
    // 当然 about our own commitment.
    { why: 'ja: 「当然、全額返金いたします」 is our commitment', text: '当然、全額返金いたします。' },
    { why: 'ja: 「簡単にご説明いたします」 means briefly', text: '簡単にご説明いたします。', inquiry: jaStruggling },
    { why: 'ja: 「簡単に」 answering a plain question', text: '設定画面から簡単に変更いただけます。', inquiry: 'プランは変更できますか？' },
    { why: 'ja: 「すでに期限を過ぎております」 is a time adverb', text: 'すでに期限を過ぎております。' },
  ],
  invalid: [
    // Issue 12: an opening "obviously" that disclaims on the company's side, not only one before a requirement.
    { why: 'en: "Obviously, we have no control over…" brushes the customer off', text: 'Obviously, we have no control over carrier delays.', inquiry: 'My parcel is a week late.', count: 1 },
    { why: 'en: "Simply click" to a struggling customer', text: 'Simply click Reset on the Account page.', inquiry: struggling, count: 1, output: 'Click Reset on the Account page.' },
    { why: 'en: "Just restart the app"', text: 'Just restart the app and it will work.', inquiry: struggling, count: 1, message: 'trivial' },
    { why: 'en: "As I said,"', text: 'As I said, the refund takes 5 days.', count: 1, output: 'The refund takes 5 days.' },
    { why: 'en: "Obviously you need to…"', text: 'Obviously you need to be signed in.', count: 1, flagged: ['Obviously'] },
    { why: 'en: "just a minor glitch"', text: "It's just a minor glitch, nothing more.", inquiry: struggling, count: 1 },
    { why: 'ja: 「前述の通り」', text: '前述の通り、設定画面から変更できます。', count: 1, output: '設定画面から変更できます。' },
    { why: 'ja: 「すでにご案内の通り」', text: 'すでにご案内の通り、返品は30日以内です。', count: 1, output: '改めてのご案内となりますが、返品は30日以内です。' },
    { why: 'ja: 「当然ですが、…が必要です」', text: '当然ですが、ログインが必要です。', count: 1, message: '当たり前' },
    { why: 'ja: 「簡単に」 to a struggling customer', text: '設定画面から簡単に変更いただけます。', inquiry: jaStruggling, count: 1, output: '設定画面から変更いただけます。' },
    { why: 'ja: 「再起動するだけで直ります」', text: 'アプリを再起動するだけで直ります。', inquiry: jaStruggling, count: 1 },
  ],
});
