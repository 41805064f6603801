/** customer-blame: wording that blames the customer. */
import { run } from './tester.js';

run('customer-blame', {
  valid: [
    // Negated: the agent says it is not the customer's fault.
    { why: 'ja: 「お客様の過失ではございません」 is negated', text: 'お客様の過失ではございません。こちらで対応いたします。' },
    // About preventing a slip, not blaming one.
    { why: 'ja: 「ご入力ミスを防ぐため」 is prevention', text: 'ご入力ミスを防ぐため、確認画面を追加しました。' },
    // The company's own mistake.
    { why: 'ja: 「弊社の入力ミス」 is our own', text: '弊社の入力ミスにより、誤った金額をご請求しておりました。' },
    { why: 'ja: neutral description of the data', text: 'ご登録の住所が旧住所のままだったため、旧住所へお届けしておりました。' },
    // "You should have received" is an expectation, not blame.
    { why: 'en: "you should have received" is an expectation', text: 'You should have received a confirmation email.' },
    { why: 'en: "not your fault"', text: "This is not your fault; the label was printed wrong." },
    { why: 'en: "through no fault of your own"', text: 'Through no fault of your own, the parcel was lost.' },
    { why: 'en: "you may have missed" is neutral', text: 'You may have missed our email, so here is the link again.' },
    // A neutral condition, not blame.
    { why: 'en: "If you forgot to add the code" is a condition', text: 'If you forgot to add the code, I can apply it now.' },
    { why: 'ja: 「ご入力ミスがあった場合は」 is a condition', text: '万が一ご入力ミスがあった場合は、こちらで修正いたします。' },
  ],
  invalid: [
    {
      why: 'ja: 「お客様の確認不足により」',
      text: 'お客様の確認不足により、お届け先が旧住所となっておりました。',
      count: 1,
      flagged: ['お客様の確認不足'],
      output: '行き違いにより、お届け先が旧住所となっておりました。',
    },
    { why: 'ja: 「ご入力ミス」', text: 'ご入力ミスがあったため、決済が完了しませんでした。', output: 'ご入力内容の相違があったため、決済が完了しませんでした。' },
    { why: 'ja: 「ご確認いただければわかる通り」', text: '商品ページをご確認いただければわかる通り、返品は不可です。', count: 1, message: 'お客様を責める' },
    { why: 'ja: 「明記しております通り」', text: '商品ページに明記しております通り、セール品は返品できません。', output: '商品ページに記載のとおり、セール品は返品できません。' },
    {
      why: 'en: "as clearly stated" and "you should have checked"',
      text: 'As clearly stated on the product page, you should have checked the size chart.',
      count: 2,
      flagged: ['As clearly stated', 'you should have checked'],
      output: 'As described on the product page, you should have checked the size chart.',
    },
    { why: 'en: "you failed to"', text: 'You failed to enter the code before it expired.', count: 1, message: 'blames the customer' },
    { why: 'en: "user error"', text: 'This was user error, so no refund is due.', count: 1 },
    { why: 'en: "if you had read"', text: 'If you had read the instructions, this would not have happened.', count: 1 },
  ],
});
