/** double-honorific: 二重敬語 and mis-directed keigo (Japanese only). */
import { run } from './tester.js';

run('double-honorific', {
  valid: [
    { why: 'correct honorific 「おっしゃる通り」', text: 'おっしゃる通りです。' },
    { why: 'correct humble 「拝見いたしました」', text: '資料を拝見いたしました。' },
    { why: 'correct humble 「ご案内いたします」 (our action)', text: '手順をご案内いたします。' },
    // A passive 「ご招待された」 (was invited) is not ご〜される.
    { why: 'passive 「ご招待された方」', text: 'ご招待された方はこちらです。' },
    // 「こちらでご予約できます」: we can make the booking (humble, correct).
    { why: 'our own action 「こちらでご予約できます」', text: 'こちらでご予約できます。' },
    { why: 'ごみ is not a prefix', text: 'ごみの収集は月曜です。' },
    { why: 'お手続き with を is fine', text: 'お手続きをされた方はこちらです。' },
    // 御社 about the customer's company (restating).
    { why: '御社 for the customer\'s company', text: '御社の規定により経費精算に領収書が必要とのこと、承知いたしました。' },
    { why: '御社のご担当者様', text: '御社のご担当者様にご案内いたします。' },
    // English replies are out of scope.
    { why: 'English is out of scope', text: 'Thank you, we have reviewed your message.' },
  ],
  invalid: [
    { why: 'おっしゃられた', text: 'お客様がおっしゃられた内容を確認いたしました。', count: 1, message: '二重敬語', output: 'お客様がおっしゃった内容を確認いたしました。' },
    { why: '拝見させていただきました', text: '資料を拝見させていただきました。', output: '資料を拝見いたしました。' },
    { why: 'お伺いさせていただきます', text: '明日お伺いさせていただきます。', output: '明日伺います。' },
    { why: 'ご覧になられましたか', text: 'ご覧になられましたか。', output: 'ご覧になりましたか。' },
    { why: 'お召し上がりになられる', text: 'お召し上がりになられる際はご注意ください。', output: '召し上がる際はご注意ください。' },
    { why: 'humble 伺う for the customer: お伺いください', text: '受付でお伺いください。', message: '謙譲語', output: '受付でお尋ねください。' },
    { why: 'humble 申す for the customer: 申されました', text: 'お客様が申されました通りです。', output: 'お客様がおっしゃいました通りです。' },
    { why: 'ご確認してください (kuromoji: 接頭詞 + サ変)', text: 'ご確認してください。', output: 'ご確認ください。' },
    { why: 'お待ちしてください (one サ変 token お待ち)', text: 'お待ちしてください。', output: 'お待ちください。' },
    { why: 'ご利用される', text: 'ご利用される場合は、事前にご連絡ください。', output: 'ご利用なさる場合は、事前にご連絡ください。' },
    { why: 'ご利用できます (the customer\'s action)', text: 'アプリからご利用できます。', output: 'アプリからご利用いただけます。' },
    { why: '弊社様', text: '弊社様の担当者がご連絡いたします。', count: 1, output: '弊社の担当者がご連絡いたします。' },
    { why: '御社 used for one\'s own company', text: '御社の規定により、返品はお受けできかねます。', message: '自社', output: '弊社の規定により、返品はお受けできかねます。' },
  ],
});
