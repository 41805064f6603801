/** unacknowledged-context: a personal context in the inquiry the reply never refers to. */
import { run } from './tester.js';

run('unacknowledged-context', {
  valid: [
    // Referred to with honorific variants (お母様, お誕生日).
    { why: 'ja: 「母の誕生日」 referred to as 「お母様へのプレゼント」', text: 'お母様へのプレゼントとのこと、本日発送いたしました。', inquiry: '母の誕生日プレゼントなので心配です。' },
    // Synonyms across the table: 息子 ↔ お子様.
    { why: 'ja: 息子 referred to as お子様', text: 'お子様が楽しみにされていたのに、申し訳ございません。', inquiry: '息子がとても楽しみにしていたのに、がっかりしています。' },
    // A family member who is only the object of a request is not a personal context.
    { why: 'ja: 「妹を外したい」 is a request, not a context', text: 'メンバーの削除はアプリから行えます。', inquiry: 'ファミリープランのメンバーから妹を外したいです。' },
    // The occasion's date counts as a reference.
    { why: "en: the party's date is referred to", text: 'Your order shipped today and will arrive before Friday.', inquiry: "I need the lamp for my son's birthday on Friday." },
    { why: 'en: "dad" referred to as "father"', text: 'I understand the coat for your father was too small.', inquiry: 'I bought a coat as a gift for my dad, but it is too small.' },
    // "feel sick about it" is a feeling, not an illness.
    { why: 'en: "feel sick about it" is not an illness', text: 'The refund is done.', inquiry: 'I honestly feel sick about it.' },
    { why: 'en: "family plan" is a product', text: 'Your profile was restored.', inquiry: 'My family plan profile is gone.' },
    // No inquiry, nothing to compare.
    { why: 'en: no inquiry', text: 'Your order shipped today.' },
    // Ambiguous words: a shipping destination, a public holiday, a dead phone, a lost password.
    { why: 'en: "ship overseas" is not a trip', text: 'Yes, we ship to 40 countries.', inquiry: 'Do you ship overseas? My order is stuck.' },
    { why: 'en: "my phone died", "lost my password" are not bereavements', text: "I've reset it.", inquiry: 'I lost my password and my phone died.' },
    { why: 'en: "birthday discount" is a promotion', text: 'I have applied it.', inquiry: 'My birthday discount code does not work.' },
    { why: 'ja: 「10周年記念キャンペーン」 is a promotion', text: 'クーポンを再発行いたしました。', inquiry: '10周年記念キャンペーンのクーポンが使えません。' },
  ],
  invalid: [
    // Issue 12: a deadline given by its weekday ("due Monday").
    { why: 'en: "a school project due Monday" is a deadline the reply never mentions', text: 'We have shipped a replacement today.', inquiry: "I needed this for my son's school project due Monday.", count: 1 },
    {
      why: 'ja: a child\'s birthday present never mentioned',
      text: 'ご注文の商品は本日発送いたしました。',
      inquiry: '子どもの誕生日プレゼントなので心配です。',
      count: 1,
      message: '子どもの誕生日プレゼント',
      output: 'お誕生日に関わる大切なことと承知しております。\n\nご注文の商品は本日発送いたしました。',
    },
    { why: 'ja: the family\'s disappointment never mentioned', text: 'クーポンをお付けいたしました。', inquiry: '家族で楽しみにしていたのでがっかりしました。', count: 1, message: 'ご家族' },
    { why: 'ja: 入院 never mentioned', text: '返品を承ります。', inquiry: '入院していたため、返品期限を過ぎてしまいました。', count: 1 },
    // 「結婚5周年の記念日」 is an anniversary (not a wedding): the suggestion names the anniversary and resolves both mentions.
    {
      why: 'ja: 結婚5周年の記念日 is an anniversary',
      text: '貸切風呂のご利用料金を返金いたしました。',
      inquiry: '結婚5周年の記念日で、貸切風呂を予約していました。楽しみにしていた記念日の夜が台無しになりました。',
      count: 1,
      output: '大切な記念日に関わることと承知しております。\n\n貸切風呂のご利用料金を返金いたしました。',
    },
    {
      why: 'en: an anniversary never mentioned',
      text: 'Your order shipped today.',
      inquiry: 'The watch box is for our anniversary next month.',
      count: 1,
      message: 'anniversary',
      output: 'I understand this is tied to your anniversary, which makes it all the more important.\n\nYour order shipped today.',
    },
    { why: 'en: an illness never mentioned', text: 'The refund is done.', inquiry: 'I was ill in bed for two weeks so I missed the return window.', count: 1 },
    { why: 'en: a bereavement never mentioned', text: 'The account is closed.', inquiry: 'My father passed away last week and I need to close his account.', count: 1, message: 'bereavement' },
    // The quoted original counts as the inquiry.
    { why: 'en: the quoted original counts as the inquiry', text: 'Hi Sam,\n\nYour order shipped today.\n\nBest,\nAnn\n\n> I need it for my flight on the 3rd, please hurry.', count: 1, message: 'trip' },
  ],
});
