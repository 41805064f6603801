/** missing-closing: an email that never offers further help. */
import { run } from './tester.js';

run('missing-closing', {
  valid: [
    // A next step offered on a condition, read on tokens (measured: good replies flagged on the labelled sets 252 → 205).
    { why: "en: 'If …, reply and I will walk you through it' offers help", text: 'Hi Ann,\n\nYour refund is on its way. If it is still not there by Friday, reply and I will walk you through it.\n\nBest,\nTom' },
    { why: 'ja: 「場合は、お電話いただければお持ちすることも可能です」 offers help', text: '田中様\n\n返金手続きが完了しました。午前中に動けない場合は、お電話いただければお持ちすることも可能です。\n\n山田' },
    { why: 'ja: 「ご不明な点がございましたら」', text: '山田様\n\n本日発送いたしました。ご不明な点がございましたら、お気軽にお問い合わせください。\n\n今後ともよろしくお願い申し上げます。' },
    // A conditional invitation to write back counts.
    { why: 'ja: 「ご希望の場合は本メールへご返信ください」', text: '本日発送いたしました。交換をご希望の場合は、本メールへご返信ください。' },
    // A follow-up commitment counts.
    { why: 'ja: 「決まりましたらご案内いたします」', text: '再配信が決まりましたら、アプリのお知らせにてご案内いたします。' },
    { why: 'en: "just reply to this email"', text: 'Your order shipped today. If you need anything else, just reply to this email.\n\nBest,\nAnn' },
    { why: 'en: "If it helps, I can…" is an offer', text: 'Your plan moves to Basic in June. If it helps, I can add a $30 credit.' },
    { why: 'en: "If anything changes, I\'ll email you"', text: "It shipped today. If anything changes, I'll email you straight away." },
    // Chat replies are not held to an email closing.
    { why: 'en: chat is out of scope', text: 'Your order shipped today.', channel: 'chat' },
    { why: 'ja: chat is out of scope', text: '本日発送いたしました。', channel: 'chat' },
  ],
  invalid: [
    { why: "en: a condition with a consequence ('we will charge the fee') offers nothing", text: 'Hi Ann,\n\nYour refund is done. If you cancel within 14 days, we will charge the fee.\n\nBest,\nTom', count: 1 },
    { why: 'ja: 「場合は、キャンセル料を頂戴いたします」 is a consequence, not an offer', text: '田中様\n\n返金手続きが完了しました。期限を過ぎた場合は、キャンセル料を頂戴いたします。\n\n山田', count: 1 },
    {
      why: 'ja: no offer before the sign-off',
      text: '山田様\n\n本日発送いたしました。\n\n今後ともよろしくお願い申し上げます。\n\nサポート 田中',
      count: 1,
      flagged: ['今後ともよろしくお願い申し上げます。'],
      output: '山田様\n\n本日発送いたしました。\n\nご不明な点がございましたら、お気軽にお問い合わせください。\n\n今後ともよろしくお願い申し上げます。\n\nサポート 田中',
    },
    // Sending the customer elsewhere is not an offer of help.
    { why: 'ja: a redirect to the carrier is not an offer', text: '配送会社へお問い合わせください。', count: 1, message: 'ご不明な点' },
    {
      why: 'en: no offer before "Best,"',
      text: 'Hi Sam,\n\nYour order shipped today.\n\nBest,\nAnn',
      count: 1,
      output: "Hi Sam,\n\nYour order shipped today.\n\nIf there's anything else I can help with, just reply to this email.\n\nBest,\nAnn",
    },
    { why: 'en: no sign-off: the offer goes after the body', text: 'Your order shipped today.', output: "Your order shipped today.\n\nIf there's anything else I can help with, just reply to this email." },
  ],
});
