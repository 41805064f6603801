/** hedged-apology: conditional apologies that put the problem on the customer's perception. */
import { run } from './tester.js';

run('hedged-apology', {
  valid: [
    // An apology that owns what happened.
    { why: 'ja: apology admitting the impact', text: 'ご不便をおかけし、申し訳ございません。' },
    // 「場合は」 with no impact word and a cushion: a request, not a hedge.
    { why: 'ja: 「ご希望の場合は、申し訳ございませんが」 is a cushion', text: 'ご希望の場合は、申し訳ございませんが、再度ご注文ください。' },
    // 「ご不明な点がございましたら」 is a closing offer, no apology.
    { why: 'ja: a conditional offer of help is not an apology', text: 'ご不明な点がございましたら、お気軽にお問い合わせください。' },
    { why: 'en: apology for what happened', text: "I'm sorry the delivery was late and you had to chase it." },
    { why: 'en: "sorry you had to deal with it" owns the impact', text: "I'm sorry you've had to deal with it on top of everything else." },
    { why: 'en: "if" in another sentence', text: "I'm sorry for the trouble. If you have any questions, just reply." },
  ],
  invalid: [
    {
      why: 'ja: 「ご不快に感じられたのであれば」',
      text: 'ご不快に感じられたのであれば申し訳ございません。',
      count: 1,
      message: '条件付きのお詫び',
      output: 'ご不快な思いをおかけし、申し訳ございません。',
    },
    { why: 'ja: 「ご迷惑をおかけしたようでしたら」', text: 'ご迷惑をおかけしたようでしたら、大変申し訳ございません。', output: 'ご迷惑をおかけし、大変申し訳ございません。' },
    { why: 'ja: 「ご期待に沿えなかったのであれば」', text: 'ご期待に沿えなかったのであれば申し訳ございません。', output: 'ご期待に沿えず、申し訳ございません。' },
    { why: 'ja: 「もし…ましたら、お詫び申し上げます」', text: 'もしご不便をおかけしておりましたら、お詫び申し上げます。', count: 1 },
    {
      why: 'en: "any inconvenience this may have caused"',
      text: 'We apologize for any inconvenience this may have caused.',
      count: 1,
      message: 'conditional or hedged',
      output: 'We apologize for the inconvenience this has caused.',
    },
    { why: 'en: "sorry if you felt…"', text: "I'm sorry if you felt ignored by our team.", count: 1, flagged: ['sorry if'] },
    { why: 'en: "If you were upset, we apologize"', text: 'If you felt we were rude, I apologize.', count: 1 },
    { why: 'en: "sorry you feel that way"', text: "I'm sorry you feel that way.", count: 1 },
  ],
});
