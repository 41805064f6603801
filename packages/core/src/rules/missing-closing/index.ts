/**
 * missing-closing (email only): the reply never offers further help —
 * 「ご不明な点がございましたら…」「お気軽にお問い合わせください」「何かございましたら」,
 * "Let me know if there's anything else…", "If you have any other questions",
 * "just reply to this email". Conditional invitations to write back
 * (「ご希望の場合は本メールへご返信ください」, "If you let me know…"), offers
 * ("If it helps, I can…") and follow-up commitments ("If anything changes,
 * I'll email you", 「決まりましたらご案内いたします」) count too. Pointing the
 * customer to someone else (「配送会社へお問い合わせください」) does not.
 */
import { defineRule } from '../../rule.js';
import type { Sentence } from '../../parse/document.js';
import { maskQuotes } from '../../analysis/sentences.js';
import data from './data.json' with { type: 'json' };

const jaOffers = new RegExp(data.ja.offers.join('|'), 'u');
const jaContactUs = new RegExp(data.ja.contactUs, 'u');
const jaContactUsContext = new RegExp(data.ja.contactUsContext, 'u');
const enOffers = new RegExp(data.en.offers.join('|'), 'iu');

export default defineRule(
  {
    id: 'missing-closing',
    langs: ['ja', 'en'],
    channels: ['email'],
    description: {
      ja: 'メールの最後に、追加のご質問やお困りごとを受け付けるひと言がない',
      en: 'The email never offers further help ("Let me know if there\'s anything else…")',
    },
    why: {
      ja: '「ご不明な点がございましたら、お気軽にお問い合わせください」のひと言があると、お客様は解決しなかったときにまた連絡してよいと安心できます。ないと、やり取りが一方的に打ち切られた印象になります。',
      en: "A closing offer of help tells the customer they can come back if this didn't solve it. Without one, the email reads as 'case closed'.",
    },
    bad: {
      ja: "ご注文の日傘がまだ届かず、お母様のお誕生日に間に合うかご心配とのこと、ご不安な思いをおかけして申し訳ございません。商品は本日発送し、5月10日にお届けの予定です。\n\n今後ともよろしくお願い申し上げます。",
      en: "I'm sorry the parasol you ordered on May 8 still hasn't arrived, and I understand you're worried it won't make your mum's birthday on May 12. It shipped today and will arrive on May 10.\n\nBest,\nSam",
    },
    good: {
      ja: "ご注文の日傘がまだ届かず、お母様のお誕生日に間に合うかご心配とのこと、ご不安な思いをおかけして申し訳ございません。商品は本日発送し、5月10日にお届けの予定です。ご不明な点がございましたら、お気軽にお問い合わせください。\n\n今後ともよろしくお願い申し上げます。",
      en: "I'm sorry the parasol you ordered on May 8 still hasn't arrived, and I understand you're worried it won't make your mum's birthday on May 12. It shipped today and will arrive on May 10. If there's anything else I can help with, just reply to this email.\n\nBest,\nSam",
    },
    inquiry: {
      ja: "5月8日に注文した日傘がまだ届きません。母の誕生日（5月12日）のプレゼントなので、間に合うか心配です。",
      en: "I ordered a parasol on May 8 and it still hasn't arrived. It's a gift for my mum's birthday on May 12 and I'm worried it won't make it.",
    },
  },
  (context) => {
    const agent = context.agent.filter((s) => s.segment !== 'signature');
    if (context.body.length === 0) return;
    if (agent.some(offersHelp)) return;
    const last = context.body[context.body.length - 1]!;
    const lang = last.lang;
    const text = context.doc.text;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    // Report at the sign-off when there is one (the offer goes right above it), else at the last body sentence.
    const signOff = agent.find((s) => s.segment === 'closing' && s.start > last.start);
    const at = signOff ?? last;
    const edit = signOff
      ? { start: signOff.start, end: signOff.start, text: data.insert[lang] + separatorBefore(text, signOff.start, eol) }
      : { start: last.end, end: last.end, text: eol + eol + data.insert[lang] };
    context.report({
      start: at.start,
      end: at.end,
      lang,
      reason: {
        ja: 'メールのどこにも、追加のご質問やお困りごとを受け付けるひと言（「ご不明な点がございましたら…」など）がありません',
        en: 'The email never offers further help ("If there\'s anything else I can help with, just reply to this email")',
      },
      suggestions: [
        {
          title: { ja: '締めのひと言を追加', en: 'Add a closing offer of help' },
          ...edit,
        },
      ],
    });
  },
);

/** The line break(s) that separate the sign-off from what precedes it, so the inserted offer keeps the layout. */
function separatorBefore(text: string, offset: number, eol: string): string {
  const before = text.slice(0, offset);
  if (/(?:\r?\n)[ \t]*(?:\r?\n)[ \t]*$/u.test(before)) return eol + eol;
  if (/\r?\n[ \t]*$/u.test(before)) return eol;
  return before.length === 0 ? eol + eol : ' ';
}

/** Does this sentence offer further help or invite the customer to write back? */
export function offersHelp(sentence: Sentence): boolean {
  const text = maskQuotes(sentence);
  if (conditionalOffer(sentence)) return true;
  if (sentence.lang === 'en') return enOffers.test(text);
  if (jaOffers.test(text)) return true;
  return jaContactUs.test(text) && jaContactUsContext.test(text) && !/(?:会社|店舗|メーカー|窓口|機関|センター)(?:へ|に|まで)[^。]*(?:お問い合わせ|ご連絡|ご相談)/u.test(text.replace(/本窓口|当窓口|サポートセンター|カスタマーセンター/gu, ''));
}

/**
 * A next step offered on a condition, read on tokens: "If the charge is still there on Friday,
 * reply and I'll walk you through it", 「午前中に動けない場合は、お電話いただければお持ちすることも可能です」.
 * A condition (if / 場合・たら・れば) with the agent's own future action or capability
 * (I'll, we can; いたします, 可能です, できます) or an invitation to get back to the agent
 * (reply, call, email; ご連絡・お電話・ご返信 + いただければ / ください).
 */
function conditionalOffer(sentence: Sentence): boolean {
  const words = sentence.tokens.map((t) => t.base);
  if (sentence.lang === 'en') {
    const cond = words.findIndex((w) => w === 'if' || w === 'should' || w === 'whenever');
    if (cond < 0) return false;
    const after = words.slice(cond + 1);
    // The agent's own help, not a consequence ("if you cancel, we'll charge the fee").
    const notHelp = ['be', 'charge', 'bill', 'cancel', 'close', 'suspend', 'deduct', 'remove', 'terminate', 'delete', 'have', 'need', 'not', "n't"];
    const agentActs = after.some(
      (w, i) =>
        ((w === "i'll" || w === "we'll") && !notHelp.includes(after[i + 1] ?? '')) ||
        ((w === 'i' || w === 'we') && ['can', 'will', 'could'].includes(after[i + 1] ?? '') && !notHelp.includes(after[i + 2] ?? '')),
    );
    const invites = after.some((w, i) => ['reply', 'call', 'email', 'message', 'text', 'ring', 'ping'].includes(w) && (after[i - 1] === 'just' || after[i - 1] === 'and' || after[i - 1] === ',' || after[i + 1] === 'us' || after[i + 1] === 'me' || i === 0 || after[i - 1] === 'please'));
    return agentActs || invites;
  }
  const surfaces = sentence.tokens.map((t) => t.surface).join('');
  const conditional = /場合(?:は|には|でも)|(?:たら|れば|なら)[、,]?/u.test(surfaces);
  if (!conditional) return false;
  // The agent's help (bringing, sending, guiding, arranging…), not a consequence (「キャンセル料を頂戴いたします」).
  const agentCan = /(?:お持ち|お送り|ご案内|お手伝い|ご対応|対応|手配|ご用意|お届け|お伺い|伺い|お迎え|交換|再送|再発行|ご説明|お調べ|確認)[^。]{0,12}(?:可能です|可能でございます|できます|いたします|させていただきます|差し上げます)/u.test(
    surfaces.slice(surfaces.search(/場合|たら|れば|なら/u)),
  );
  const invite = /(?:ご連絡|お電話|ご返信|お知らせ|お申し付け|ご相談)(?:いただければ|いただけましたら|ください)/u.test(surfaces);
  return agentCan || invite;
}
