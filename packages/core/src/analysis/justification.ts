/**
 * Justification by the company's side: phrases that give the company's rules,
 * convenience, systems, desk, channel or precedent as the reason for something
 * (「規定により」「システムの仕様上」, "per our policy"), unless the same
 * sentence gives the customer's benefit. Also team phrases (plain text, never
 * patterns). Shared through the reply analysis (`acts.ts`).
 */
import type { Sentence } from '../parse/document.js';
import type { Lang, SupplierPhrase } from '../types.js';
import { fold } from '../text/normalize.js';
import { reportedSpan } from './restatement.js';
import data from './justification.json' with { type: 'json' };

interface Pattern {
  kind: string;
  re: RegExp;
  rewrite: string;
}

const compile = (list: Array<{ kind: string; pattern: string; rewrite: string }>, flags: string): Pattern[] =>
  list.map((p) => ({ kind: p.kind, re: new RegExp(p.pattern, flags), rewrite: p.rewrite }));

const patterns = { ja: compile(data.ja.patterns, 'gu'), en: compile(data.en.patterns, 'giu') };
const benefit = { ja: new RegExp(data.ja.benefit, 'u'), en: new RegExp(data.en.benefit, 'iu') };
const notSupplier = { ja: new RegExp(data.ja.notSupplier, 'u'), en: new RegExp(data.en.notSupplier, 'iu') };

/** A company-side justification inside a sentence (offsets relative to the reply). */
export interface Justification {
  start: number;
  end: number;
  /** The phrase as written. */
  phrase: string;
  /** A customer-centred rewrite, when one is known. */
  rewrite?: string;
  /** Language of the phrase (a mixed sentence is judged by each of its parts). */
  lang: Lang;
  /** What the company-side source is: rule, system, convenience, department, team… */
  kind: string;
}

/** Every company-side justification in an agent sentence, in order, never overlapping. */
export function companyJustifications(sentence: Sentence, team: SupplierPhrase[] = []): Justification[] {
  const out: Justification[] = [];
  const lang = sentence.lang;
  const text = sentence.text;
  if (benefit[lang].test(text)) return out;
  // 「規約により返金できないと書いてあるとのこと」: the customer's words, restated, not the agent's framing.
  const customersWords = reportedSpan(sentence);
  const add = (s: number, e: number, rewriteText: string | undefined, phrase: string, kind: string, phraseLang: Lang = lang) => {
    // "Per our policy, …" → "To [protect your …], …": never double the comma that follows.
    const rewrite = rewriteText && /[,、]$/u.test(rewriteText) && /^\s*[,、]/u.test(text.slice(e)) ? rewriteText.slice(0, -1) : rewriteText;
    if (out.some((j) => sentence.start + s < j.end && sentence.start + e > j.start)) return;
    if (sentence.quotes.some(([a, b]) => s >= a && e <= b)) return;
    if (customersWords && s >= customersWords[0] && e <= customersWords[1]) return;
    out.push({ start: sentence.start + s, end: sentence.start + e, phrase, rewrite, lang: phraseLang, kind });
  };
  const phrases = team.filter((p) => p.phrase.trim() !== '');
  // Team phrases first, so a team's wording and rewrite win over a built-in match: plain text, matched width- and case-insensitively (never as patterns).
  if (phrases.length) {
    // Fold width and case when that keeps offsets; otherwise match case-insensitively only.
    const widthFolded = fold(text).length === text.length;
    const haystack = widthFolded ? fold(text) : text.toLowerCase();
    if (haystack.length === text.length) {
      for (const p of phrases) {
        const needle = widthFolded ? fold(p.phrase) : p.phrase.toLowerCase();
        let from = 0;
        let at: number;
        while ((at = haystack.indexOf(needle, from)) !== -1) {
          add(at, at + needle.length, p.rewrite, text.slice(at, at + needle.length), 'team');
          from = at + Math.max(1, needle.length);
        }
      }
    }
  }
  // Both languages' patterns run on every sentence: a mixed sentence
  // (「システムの仕様上、per our policy …」) is judged by each of its parts.
  for (const patternLang of [lang, lang === 'ja' ? 'en' : 'ja'] as const) {
    // A script the sentence does not contain cannot match that language's patterns.
    if (patternLang === 'en' ? !/[A-Za-z]/u.test(text) : !/[\u3040-\u30ff\u4e00-\u9fff]/u.test(text)) continue;
    if (benefit[patternLang].test(text)) continue;
    for (const p of patterns[patternLang]) {
      for (const m of text.matchAll(p.re)) {
        const s = m.index!;
        const e = s + m[0].length;
        if (notSupplier[patternLang].test(text.slice(Math.max(0, s - 6), e))) continue;
        add(s, e, p.rewrite, m[0], p.kind, patternLang);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
