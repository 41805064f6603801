/**
 * sentence-length: agent sentences too long for the channel — Japanese by
 * characters, English by words; chat much shorter than email. Never on quoted
 * text or the signature. URLs, e-mail addresses and identifiers (order
 * numbers, tracking and phone numbers) count as one character / word, and so
 * does a Latin word inside Japanese (「iPhone」, a masked {{placeholder}}):
 * each is read as one unit. Where a safe split point exists (「〜しており、」,
 * "; ", ", and we …"), the suggestion splits the sentence there.
 *
 * Options: `{ ja: { email: 100, chat: 60 }, en: { email: 35, chat: 25 } }`;
 * each value may be set on its own.
 */
import { defineRule } from '../../rule.js';
import type { Sentence } from '../../parse/document.js';
import type { Channel, Lang } from '../../types.js';
import { capitalise } from '../../analysis/sentences.js';
import data from './data.json' with { type: 'json' };
import { matchAll } from '../../text/match-all.js';

const identifier = new RegExp(data.identifier, 'gu');
/** In Japanese prose, a Latin word (a product name, a masked {{placeholder}}) is read as one unit too. */
const jaLatinWord = new RegExp(data.jaLatinWord, 'gu');
const jaSplits = data.ja.splits;
const enSplits = data.en.splits.map((s) => ({ re: new RegExp(s.pattern, 'giu'), to: s.to }));

type Limits = Record<Lang, Record<Channel, number>>;

export default defineRule(
  {
    id: 'sentence-length',
    langs: ['ja', 'en'],
    defaults: data.defaults,
    description: {
      ja: '一文が長すぎる（チャットはメールより短く）',
      en: 'A sentence too long for the channel (chat much shorter than email)',
    },
    why: {
      ja: '長い一文は、読み手がどこで何を求められているのかを見失いやすくなります。特にスマートフォンで読むチャットでは、短い文のほうが一度で伝わります。',
      en: 'Long sentences make the reader work to find what happened and what to do. In chat, read on a phone, short sentences land on the first read.',
    },
    bad: {
      ja: "ご注文の日傘がまだ届かずお母様のお誕生日に間に合うかご心配とのことでご不安な思いをおかけして申し訳ございませんが倉庫での検品に時間がかかっておりましたため本日出荷が完了いたしましたのでお届けは5月10日の午前中を予定しており追跡情報は明朝までに更新される見込みでございます。",
      en: "I'm sorry the parasol you ordered on May 8 still hasn't arrived and I understand you're worried it won't make your mum's birthday on May 12, but the inspection at our warehouse took longer than usual and it shipped this afternoon, so it should arrive on the morning of May 10 and the tracking page will update by tonight so you can follow it.",
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
    const limits = limitsOf(context.options);
    for (const sentence of context.agent) {
      if (sentence.segment === 'signature') continue;
      const lang = sentence.lang;
      const max = limits[lang][context.channel];
      const length = measure(sentence);
      if (length <= max) continue;
      const unit = lang === 'ja' ? { ja: '文字', en: 'characters' } : { ja: '語', en: 'words' };
      const channel = context.channel === 'chat' ? { ja: 'チャット', en: 'chat' } : { ja: 'メール', en: 'email' };
      const split = lang === 'ja' ? splitJa(sentence) : splitEn(sentence);
      context.report({
        start: sentence.start,
        end: sentence.end,
        lang,
        reason: {
          ja: `一文が${length}${unit.ja}あります（${channel.ja}の目安は${max}${unit.ja}まで）。二文以上に分けましょう`,
          en: `This sentence is ${length} ${unit.en} long (the ${channel.en} limit is ${max}). Split it into shorter sentences`,
        },
        suggestions: split
          ? [{ title: { ja: 'ここで文を分ける', en: 'Split the sentence here' }, start: sentence.start + split.start, end: sentence.start + split.end, text: split.text }]
          : [],
      });
    }
  },
);

/** Options merged per language and channel: `{ ja: { chat: 50 } }` keeps the other defaults. */
function limitsOf(options: Record<string, unknown>): Limits {
  const out: Limits = { ja: { ...data.defaults.ja }, en: { ...data.defaults.en } };
  for (const lang of ['ja', 'en'] as const) {
    const given = options[lang];
    if (!given || typeof given !== 'object') continue;
    for (const channel of ['email', 'chat'] as const) {
      const value = (given as Record<string, unknown>)[channel];
      if (typeof value === 'number' && Number.isFinite(value) && value > 0) out[lang][channel] = value;
    }
  }
  return out;
}

/** Japanese: characters without spaces; English: words. Identifiers and URLs count as one. */
export function measure(sentence: Sentence): number {
  const text = sentence.text.replace(identifier, (m) => (sentence.lang === 'ja' ? '＃' : ' ID '));
  if (sentence.lang === 'ja') return [...text.replace(jaLatinWord, '＃').replace(/[\s　]/gu, '')].length;
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu) ?? []).length;
}

interface Split {
  start: number;
  end: number;
  text: string;
}

/** The connective nearest the middle whose two halves are both long enough. */
function best(candidates: Split[], total: number, minPart: number, size: (s: Split) => [number, number]): Split | undefined {
  let chosen: Split | undefined;
  let distance = Infinity;
  for (const c of candidates) {
    const [left, right] = size(c);
    if (left < minPart || right < minPart) continue;
    const d = Math.abs(left - total / 2);
    if (d < distance) {
      distance = d;
      chosen = c;
    }
  }
  return chosen;
}

function splitJa(sentence: Sentence): Split | undefined {
  const text = sentence.text;
  const candidates: Split[] = [];
  for (const s of jaSplits) {
    let from = 0;
    let at: number;
    while ((at = text.indexOf(s.from, from)) !== -1) {
      from = at + s.from.length;
      if (sentence.quotes.some(([a, b]) => at >= a && at < b)) continue;
      if (candidates.some((c) => at >= c.start && at < c.end)) continue;
      candidates.push({ start: at, end: at + s.from.length, text: s.to });
    }
  }
  const count = (value: string) => [...value.replace(/[\s　]/gu, '')].length;
  return best(candidates, count(text), data.ja.minPart, (c) => [count(text.slice(0, c.end)), count(text.slice(c.end))]);
}

function splitEn(sentence: Sentence): Split | undefined {
  const text = sentence.text;
  const candidates: Split[] = [];
  for (const s of enSplits) {
    s.re.lastIndex = 0;
    for (const m of matchAll(text, s.re)) {
      const start = m.index!;
      if (sentence.quotes.some(([a, b]) => start >= a && start < b)) continue;
      const end = start + m[0].length;
      // Capitalise the next word as part of the edit (never touching text outside the range).
      const next = /^[a-z]/u.test(text[end] ?? '') ? 1 : 0;
      const replacement = s.to.endsWith(' ') && next ? s.to + capitalise(text[end]!) : s.to;
      candidates.push({ start, end: end + (s.to.endsWith(' ') ? next : 0), text: replacement });
    }
  }
  const words = (value: string) => (value.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu) ?? []).length;
  return best(candidates, words(text), data.en.minPart, (c) => [words(text.slice(0, c.start)), words(text.slice(c.end))]);
}
