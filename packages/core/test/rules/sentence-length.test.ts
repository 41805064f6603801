/** sentence-length: sentences too long for the channel. */
import { run } from './tester.js';

const jaLong =
  'ご注文いただいた日傘は倉庫での検品に通常より時間がかかっておりましたが本日午後に出荷が完了いたしましたのでお届けは明後日の午前中を予定しており、追跡情報は明朝までに更新される見込みでございますので、あわせてご確認くださいますようお願い申し上げます。';
/** 77 characters: fine for email, too long for chat. */
const jaMid =
  '置き配の商品がお隣の部屋の前に置かれていたとのこと、ご近所の方とのやり取りで気まずい思いをさせてしまい、せっかくのお買い物に水を差してしまいました。';
const jaChat = '置き配の商品がお隣の部屋の前に置かれていたとのこと、ご近所の方とのやり取りで気まずい思いをさせてしまいました。';
/** 41 words. */
const enLong =
  "Your order was delayed at the warehouse because the quality inspection took much longer than usual this week, and it finally shipped this afternoon, so it should arrive tomorrow morning and the tracking page will update tonight with the new delivery window.";

run('sentence-length', {
  valid: [
    { why: 'ja: a 55-character sentence is fine even for chat', text: jaChat, channel: 'chat' },
    { why: 'ja: a 77-character sentence is fine for email', text: jaMid },
    // Identifiers count as one character: the tracking and phone numbers do not make this long.
    { why: 'ja: identifiers count as one unit', text: '伝票番号 3390-2218-0476 を配送会社（ヤマネコ便 0120-46-2231）へお伝えいただければ、ご希望の日時へ変更いただけます。', channel: 'chat' },
    // Latin words in Japanese (product names, masked {{placeholders}}) count as one unit each.
    {
      why: 'ja: Latin words and placeholders count as one unit',
      text: '{{customer_name}}様の iPhone 13 から iPhone 16 Pro への eSIM クイック転送が途中でエラーになり、My SoraMobile アプリの SMS 認証も通らないとのこと、承知いたしました。',
      channel: 'chat',
      options: { ja: { chat: 70 } },
    },
    { why: 'en: a short sentence', text: 'Your order shipped today and should arrive tomorrow.' },
    // Quoted customer text and the signature are never measured.
    { why: 'en: quoted text is not measured', text: `It shipped today.\n\n> ${enLong}` },
    // Options raise the limit.
    { why: 'en: a raised limit', text: enLong, options: { en: { email: 60 } } },
  ],
  invalid: [
    { why: 'ja: over 100 characters in email', text: jaLong, count: 1, message: '文字あります' },
    // Chat is stricter than email: the same 77-character sentence is too long for chat.
    { why: 'ja: over 60 characters in chat', text: jaMid, channel: 'chat', count: 1, message: 'チャットの目安は60文字' },
    {
      why: 'ja: split suggestion at 「行えず、」',
      text: 'システムの仕様上、メンバーの削除はWeb版では行えず、管理者のスマートフォンアプリの「ファミリー」→「メンバー管理」からのみ操作いただけます。',
      channel: 'chat',
      output: 'システムの仕様上、メンバーの削除はWeb版では行えません。管理者のスマートフォンアプリの「ファミリー」→「メンバー管理」からのみ操作いただけます。',
    },
    { why: 'en: over 35 words in email', text: enLong, count: 1, message: 'words long (the email limit is 35)' },
    {
      why: 'en: split suggestion at ", and I\'ve"',
      text: "I've also reported the order to Green Fork Kitchen with a request to review how their vegan items are labelled and packed, and I've added a note to your account so our team prioritises anything you report.",
      output: "I've also reported the order to Green Fork Kitchen with a request to review how their vegan items are labelled and packed. I've added a note to your account so our team prioritises anything you report.",
    },
    // One channel value can be set on its own: the email default still applies to the other.
    { why: 'en: a lowered chat limit', text: 'Your order shipped today and should arrive tomorrow morning.', channel: 'chat', options: { en: { chat: 5 } }, count: 1 },
  ],
});
