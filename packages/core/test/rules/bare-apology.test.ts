/** bare-apology: an apology that does not say what it is for. */
import { run } from './tester.js';

run('bare-apology', {
  valid: [
    // The apology names what it is for.
    { why: 'ja: apology with its object 「ご不便をおかけし」', text: 'お届けが遅れ、ご不便をおかけし申し訳ございません。本日発送いたしました。' },
    // 「申し訳ございませんが、」 is a cushion before a refusal, a different matter.
    { why: 'ja: cushion before a refusal', text: '申し訳ございませんが、返品はお受けできかねます。' },
    // The next sentence gives the object (an admission of the mistake).
    { why: 'ja: bare apology followed by the admission 「手違いで」', text: '申し訳ございません。こちらの手違いで、別の商品をお送りしておりました。' },
    // 「重ねてお詫び申し上げます」 refers back to an earlier apology with an object.
    { why: 'ja: 重ねて refers back to an earlier apology', text: 'ご心配をおかけし申し訳ございません。重ねてお詫び申し上げます。' },
    { why: 'en: apology with an object', text: "I'm sorry for the delay with your order. It shipped today." },
    // The next sentence names the impact: the apology is not bare.
    { why: 'en: "I\'m sorry." followed by what it is about', text: "I'm sorry. Losing months of playlists is genuinely upsetting. They can be restored." },
    // Same sentence after a semicolon.
    { why: 'en: "I\'m sorry;" with the object in the same sentence', text: "I'm sorry; I know every dollar counts when money is tight. You can cancel now." },
    { why: 'en: "Sorry, but" cushion before a refusal', text: "Sorry, but we can't refund this order." },
    // What went wrong right after the apology is its object.
    { why: 'en: "I\'m so sorry! Your parcel was sent to the wrong address."', text: "I'm so sorry! Your parcel was sent to the wrong address." },
    { why: 'ja: 「申し訳ございません。配送に遅れが生じております。」', text: '申し訳ございません。現在、配送に遅れが生じております。' },
    // The apology only appears in the customer's quoted mail.
    { why: 'en: quoted customer text is not the agent', text: 'Your order shipped today.\n\n> Sorry.\n> Where is my order?' },
  ],
  invalid: [
    { why: 'ja: 「申し訳ございません。」 alone', text: 'ご連絡ありがとうございます。申し訳ございません。商品は本日発送いたしました。', count: 1, flagged: ['申し訳ございません'], message: '何に対するお詫び' },
    // The fix inserts the object before the intensifier.
    {
      why: 'ja: 「大変申し訳ございませんでした。」 gets an object inserted',
      text: '大変申し訳ございませんでした。確認いたします。',
      output: 'ご不便をおかけし、大変申し訳ございませんでした。確認いたします。',
    },
    { why: 'ja: 「このたびは申し訳ございません。」 is still bare', text: 'このたびは申し訳ございません。本日発送いたしました。', count: 1 },
    { why: 'en: "We apologize." alone', text: 'We apologize. Your order shipped today.', count: 1, flagged: ['We apologize.'], message: 'does not say what it is for' },
    { why: 'en: "Sorry." alone, with the fix', text: 'Sorry.\n\nPer our terms, claims need photos.', output: 'Sorry for the trouble this has caused.\n\nPer our terms, claims need photos.' },
    { why: 'en: "My apologies." after a colon', text: 'About your issue: my apologies. The refund is on its way.', count: 1 },
    // A rule that mentions damage is not an account of what went wrong.
    { why: 'en: "Sorry." followed by a policy, not by what happened', text: 'Sorry. Per our terms, damaged items must be returned first.', count: 1 },
    { why: 'ja: followed by a rule 「〜必要がございます」', text: '申し訳ございません。破損した商品は返品いただく必要がございます。', count: 1 },
  ],
});
