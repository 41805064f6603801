/**
 * unacknowledged-context: the inquiry mentions a personal context (an
 * anniversary, a birthday, a gift, a wedding, a trip, a deadline or exam, an
 * illness, a family member, a funeral, a move) and the reply never refers to
 * it. Compared by base forms (kuromoji basic_form, Porter stems) through a
 * small synonym table (data.json): 「母の誕生日」 is referred to by
 * 「お母様のお誕生日」, "my dad" by "your father". Mentioning the date of the
 * occasion ("his party is on Saturday" → "in time for Saturday") counts too.
 *
 * A family member counts as a personal context only when the customer's
 * sentence carries feeling or purpose (「子どもが楽しみにしていた」, "a gift
 * for my son"), not when they are just the object of a request
 * (「メンバーから妹を外したい」). Needs the inquiry (the quoted original counts).
 */
import { stemmer } from 'stemmer';
import { defineRule } from '../../rule.js';
import type { Sentence, Token } from '../../parse/document.js';
import type { Lang } from '../../types.js';
import { inquirySentences, insertionBeforeBody } from '../../analysis/suggest.js';
import { maskQuotes } from '../../analysis/sentences.js';
import { fold, matchKey } from '../../text/normalize.js';
import data from './data.json' with { type: 'json' };
import { matchAll } from '../../text/match-all.js';

type Category = keyof typeof data.categories;
const order = data.order as Category[];

interface Table {
  ja: Set<string>;
  en: Set<string>;
  enPhrases: RegExp[];
  gated: boolean;
}
const tables = new Map<Category, Table>(
  order.map((id) => {
    const c = data.categories[id] as (typeof data.categories)[Category] & { gated?: boolean };
    return [
      id,
      {
        ja: new Set(c.ja.map(matchKey)),
        en: new Set(c.en.map((w) => stemmer(w.toLowerCase()))),
        enPhrases: c.enPhrases.map((p) => new RegExp(p, 'iu')),
        gated: c.gated === true,
      },
    ];
  }),
);
const gate = { ja: new RegExp(data.gate.ja, 'u'), en: new RegExp(data.gate.en, 'iu') };
const jaNotContext = new Set(data.notContext.ja.map(matchKey));
const enNotContext = new RegExp(data.notContext.en, 'giu');
const anchors = { ja: new RegExp(data.anchors.ja, 'gu'), en: new RegExp(data.anchors.en, 'giu') };

interface Mention {
  categories: Set<Category>;
  /** The customer's words, for the message. */
  words: string[];
  anchors: Set<string>;
}

export default defineRule(
  {
    id: 'unacknowledged-context',
    langs: ['ja', 'en'],
    description: {
      ja: 'お問い合わせにある個人的な事情（記念日・誕生日・贈り物・旅行・期限・体調・ご家族など）に返信が一度も触れていない',
      en: 'The inquiry mentions a personal context (a birthday, a gift, a trip, a deadline, an illness, family…) and the reply never refers to it',
    },
    why: {
      ja: 'お客様が「母の誕生日に」「入院していて」と書くのは、それが一番の気がかりだからです。そこに一言も触れない返信は、正確でも機械的に感じられます。事情をひと言受け止めるだけで、ちゃんと読んでもらえたと伝わります。',
      en: "When a customer writes 'it's for my mum's birthday' or 'I was in hospital', that is what they care about most. A reply that never mentions it feels mechanical, however correct. One line that takes it in shows you actually read their message.",
    },
    bad: {
      ja: "ご注文の日傘がまだ届かないとのこと、ご不便をおかけし申し訳ございません。商品は本日発送いたしました。",
      en: "I'm sorry the parasol you ordered on May 8 still hasn't arrived. It shipped today.",
    },
    good: {
      ja: "ご注文の日傘がまだ届かず、お母様のお誕生日に間に合うかご心配とのこと、ご不安な思いをおかけして申し訳ございません。商品は本日発送し、5月10日にお届けの予定です。",
      en: "I'm sorry the parasol you ordered on May 8 still hasn't arrived, and I understand you're worried it won't make your mum's birthday on May 12. It shipped today and will arrive on May 10.",
    },
    inquiry: {
      ja: "5月8日に注文した日傘がまだ届きません。母の誕生日（5月12日）のプレゼントなので、間に合うか心配です。",
      en: "I ordered a parasol on May 8 and it still hasn't arrived. It's a gift for my mum's birthday on May 12 and I'm worried it won't make it.",
    },
  },
  (context) => {
    if (!context.inquiry || context.body.length === 0) return;
    const mentions: Mention[] = [];
    for (const s of inquirySentences(context.inquiry)) {
      const m = mentionIn(s, true);
      // 「結婚5周年の記念日」, "wedding anniversary": the occasion is the anniversary.
      if (m.categories.has('anniversary')) m.categories.delete('wedding');
      if (m.categories.size > 0) mentions.push(m);
    }
    if (mentions.length === 0) return;

    const replied = { categories: new Set<Category>(), anchors: new Set<string>() };
    for (const s of context.agent) {
      if (s.segment === 'signature') continue;
      const m = mentionIn(s, false);
      for (const c of m.categories) replied.categories.add(c);
      for (const a of m.anchors) replied.anchors.add(a);
    }
    const missed = mentions.filter(
      (m) => ![...m.categories].some((c) => replied.categories.has(c)) && ![...m.anchors].some((a) => replied.anchors.has(a)),
    );
    if (missed.length === 0) return;

    const categories = new Set<Category>();
    const words: string[] = [];
    for (const m of missed) {
      for (const c of m.categories) categories.add(c);
      for (const w of m.words) if (!words.includes(w)) words.push(w);
    }
    // The template for the context most missed mentions share (ties: the order in data.json).
    const shared = (c: Category) => missed.filter((m) => m.categories.has(c)).length;
    const main = order.filter((c) => categories.has(c)).reduce((best, c) => (shared(c) > shared(best) ? c : best));
    const first = context.body[0]!;
    const lang = first.lang;
    const labels = order.filter((c) => categories.has(c)).map((c) => data.categories[c].label);
    const quoted = words.filter((w) => !words.some((o) => o !== w && o.includes(w))).slice(0, 4);
    context.report({
      start: first.start,
      end: first.end,
      lang,
      reason: {
        ja: `お客様は「${quoted.join('」「')}」（${labels.map((l) => l.ja).join('・')}）に触れていますが、返信はそのことに一度も触れていません。ひと言受け止めましょう`,
        en: `The customer mentioned ${quoted.map((w) => `“${w}”`).join(', ')} (${labels.map((l) => l.en).join(', ')}), but the reply never refers to it. Acknowledge it in a sentence`,
      },
      suggestions: [
        {
          title: { ja: 'お客様の事情を受け止める一文を本文の最初に挿入', en: "Insert a sentence acknowledging the customer's situation" },
          ...insertionBeforeBody(context, data.categories[main].template[lang]),
        },
      ],
    });
  },
);

/** The personal contexts a sentence mentions (for the inquiry, family members only with feeling or purpose). */
function mentionIn(sentence: Sentence, isInquiry: boolean): Mention {
  const lang = sentence.lang;
  const mention: Mention = { categories: new Set(), words: [], anchors: new Set() };
  const text = maskQuotes(sentence);
  const excluded = lang === 'en' ? [...matchAll(text, enNotContext)].map((m) => [m.index!, m.index! + m[0].length] as const) : [];
  const tokens = sentence.tokens.filter(
    (t) => !sentence.quotes.some(([s, e]) => t.start - sentence.start >= s && t.end - sentence.start <= e),
  );
  const gated = gate[lang].test(text);
  const add = (category: Category, word: string) => {
    if (isInquiry && tables.get(category)!.gated && !gated) return;
    mention.categories.add(category);
    if (!mention.words.includes(word)) mention.words.push(word);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (lang === 'ja' ? !jaWord(tokens, i) : excluded.some(([s, e]) => t.start - sentence.start >= s && t.end - sentence.start <= e)) continue;
    for (const [id, table] of tables) {
      if (lang === 'ja' ? table.ja.has(t.key) || table.ja.has(matchKey(t.surface)) : table.en.has(t.key)) {
        add(id, lang === 'ja' ? phraseAround(tokens, i) : t.surface);
      }
    }
  }
  if (lang === 'en') {
    for (const [id, table] of tables) {
      for (const re of table.enPhrases) {
        const m = re.exec(text);
        if (m) add(id, m[0]);
      }
    }
  }
  for (const m of matchAll(fold(text), anchors[lang])) mention.anchors.add(m[0].toLowerCase());
  return mention;
}

/**
 * A Japanese token that can name a context: a content word whose compound is
 * not a product or a promotion (「家族プラン」「10周年記念キャンペーン」「誕生日クーポン」).
 */
function jaWord(tokens: Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.pos !== 'noun' && token.pos !== 'verb') return false;
  for (let j = i + 1; j < tokens.length && tokens[j]!.pos === 'noun' && tokens[j]!.start === tokens[j - 1]!.end; j++) {
    if (jaNotContext.has(tokens[j]!.key)) return false;
  }
  return true;
}

/** The noun phrase around a Japanese context word, for the message (「母の誕生日」 rather than 「誕生」). */
function phraseAround(tokens: Token[], i: number): string {
  let from = i;
  let to = i;
  while (from > 0 && (tokens[from - 1]!.pos === 'noun' || tokens[from - 1]!.pos === 'other') && !/^[\p{P}\p{S}]+$/u.test(tokens[from - 1]!.surface)) from--;
  if (from > 1 && tokens[from - 1]!.surface === 'の' && tokens[from - 2]!.pos === 'noun') from -= 2;
  while (to + 1 < tokens.length && tokens[to + 1]!.pos === 'noun' && !/^[\p{P}\p{S}]+$/u.test(tokens[to + 1]!.surface)) to++;
  const phrase = tokens.slice(from, to + 1).map((t) => t.surface).join('');
  return phrase.length > 16 ? tokens[i]!.surface : phrase;
}
