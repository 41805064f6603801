/**
 * Content words: what an inquiry is about, compared by base form across
 * inquiry and reply (width, case and kana folded; common variants merged).
 */
import type { Sentence, Token } from '../parse/document.js';
import { stemmer } from 'stemmer';
import data from './content-words.json' with { type: 'json' };
import inflections from './lexicon/inflections-en.json' with { type: 'json' };

const ja = {
  genericNouns: new Set(data.ja.genericNouns),
  genericVerbs: new Set(data.ja.genericVerbs),
  variants: data.ja.variants as Record<string, string>,
};
const en = {
  stopwords: new Set(data.en.stopwords),
  generic: new Set(data.en.generic),
  variants: data.en.variants as Record<string, string>,
};

/** Irregular English forms and their lemmas (WordNet's exception lists): paid → pay, lost → lose. Parsed on first use. */
let lemmas: Map<string, string> | undefined;
export function lemmaOf(word: string): string | undefined {
  lemmas ??= new Map(inflections.forms.split('\n').map((line) => line.split(' ') as [string, string]));
  return lemmas.get(word);
}

/** Identifiers (order numbers, codes, amounts) never make a restatement on their own. */
export function isIdentifier(value: string): boolean {
  return /\d/.test(value);
}

/** The comparison key of a content word, or undefined when the token carries no content. */
/** A masked template placeholder (`{{customer_name}}` → `Nnnn…`): a name, never content. */
const placeholder = /^(?:Nn+)+$/u;

export function contentKey(token: Token, lang: 'ja' | 'en'): string | undefined {
  if (placeholder.test(token.surface)) return undefined;
  if (lang === 'ja') {
    if (token.pos === 'noun') {
      if (['非自立', '代名詞', '数', '接尾', '副詞可能'].includes(token.detail)) return undefined;
      if (isIdentifier(token.surface) || /^[\p{P}\p{S}a-zA-Z]$/u.test(token.surface)) return undefined;
      if (ja.genericNouns.has(token.base) || ja.genericNouns.has(token.key)) return undefined;
      if (token.surface.length === 1 && /[\u3040-\u309f]/u.test(token.surface)) return undefined;
    } else if (token.pos === 'verb' || token.pos === 'adj') {
      if (token.detail === '非自立' || token.detail === '接尾') return undefined;
      if (ja.genericVerbs.has(token.base)) return undefined;
    } else return undefined;
    const variant = ja.variants[token.key] ?? ja.variants[token.base];
    if (variant) return variant;
    // Okurigana differ between writers (引越し/引越, 見積もり/見積, 申し込み/申込): nouns compare by their kanji.
    // Verbs too, so 振込み (noun) meets 振り込む (verb) and 申し込む meets 申込.
    if ((token.pos === 'noun' || token.pos === 'verb') && /^\p{sc=Han}/u.test(token.key) && /[\u3041-\u3096]/u.test(token.key)) {
      return token.key.replace(/[\u3041-\u3096]/gu, '');
    }
    return token.key;
  }
  const base = token.base;
  if (token.detail === 'handle') return undefined;
  if (en.stopwords.has(base) || isIdentifier(base) || base.length < 3) return undefined;
  // "paid" compares as "pay" (→ the stem of "paying"), "lost" as "lose".
  const lemma = lemmaOf(base);
  const key = lemma ? stemmer(lemma) : token.key;
  if (en.generic.has(base) || en.generic.has(key) || (lemma && en.stopwords.has(lemma))) return undefined;
  return en.variants[key] ?? en.variants[lemma ?? base] ?? key;
}

/**
 * The quantities of a text: an amount with its currency or unit, a duration, a time of day
 * (30分 → "30", "£10" → "10", "4:30" → "4:30", 1,200円 → "1200", "40 minutes" → "40"), width folded.
 * A bare number is not one: an order, account or ticket number (4471, #4471, SP4471209GB, 4471-02)
 * names the matter but says nothing of what happened. Kept apart from content words: they only
 * support a restating form.
 */
export function quantityKeys(text: string): Set<string> {
  const keys = new Set<string>();
  const folded = text.normalize('NFKC').replace(/(?<=\d),(?=\d{3})/gu, '');
  for (const m of folded.matchAll(/(?<![\p{L}\d#№.-])([$£€¥]\s?)?(\d{1,4}(?::\d{2})?)(?![\d-])(\s?(?:円|分|時間|時|日|週間|週|か月|ヶ月|ヵ月|カ月|年|歳|%|個|本|枚|回|人|名|台|km|kg|cm|mm|GB|MB|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|am|pm|percent|miles?|times)(?![\p{Ll}]))?/gu)) {
    const [, currency, value, unit] = m;
    if (currency || unit || value!.includes(':')) keys.add(value!);
  }
  return keys;
}

/** Does the text give back one of the inquiry's quantities? */
export function sharesQuantity(text: string, quantities: Set<string>): boolean {
  return quantities.size > 0 && overlap(quantityKeys(text), quantities).length > 0;
}

/** What a restatement is compared with: the inquiry's content words and its quantities (`quantityKeys`). */
export interface InquiryContent {
  keys: Set<string>;
  quantities: Set<string>;
}

/** The content of the inquiry's sentences in one language. */
export function inquiryContent(sentences: Sentence[], lang: 'ja' | 'en'): InquiryContent {
  const content: InquiryContent = { keys: new Set(), quantities: new Set() };
  for (const s of sentences) {
    for (const k of contentKeys(s.tokens, lang)) content.keys.add(k);
    for (const q of quantityKeys(s.text)) content.quantities.add(q);
  }
  return content;
}

export function contentKeys(tokens: Token[], lang: 'ja' | 'en', exclude?: Array<[number, number]>): Set<string> {
  const keys = new Set<string>();
  for (const token of tokens) {
    if (exclude?.some(([s, e]) => token.start >= s && token.end <= e)) continue;
    const key = contentKey(token, lang);
    if (key) keys.add(key);
    // "vet-prescribed" carries "vet" and "prescribed", as the agent's "your vet … a prescription diet" does.
    if (lang === 'en' && token.detail !== 'handle' && token.base.includes('-')) {
      for (const part of token.base.split('-')) {
        if (!/^[a-z]+$/u.test(part)) continue;
        const partKey = contentKey({ ...token, surface: part, base: part, key: stemmer(part) }, lang);
        if (partKey) keys.add(partKey);
      }
    }
  }
  return keys;
}

/** Content keys of a whole text (all its sentences), by language. */
export function sentenceKeys(sentences: Sentence[]): Set<string> {
  const keys = new Set<string>();
  for (const s of sentences) for (const k of contentKeys(s.tokens, s.lang)) keys.add(k);
  return keys;
}

export function overlap(a: Set<string>, b: Set<string>): string[] {
  const out: string[] = [];
  for (const k of a) if (b.has(k)) out.push(k);
  return out;
}
