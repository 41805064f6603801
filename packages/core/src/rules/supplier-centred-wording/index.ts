/**
 * supplier-centred-wording: a phrase that justifies something by the company's
 * rules, convenience or systems (「規定により」「システムの仕様上」, "per our policy")
 * instead of the customer's situation or benefit. Reported on each phrase.
 * Not reported when the same sentence gives the customer's benefit
 * (「お客様の個人情報を守るため」, "to keep your account safe"), or for a neutral
 * statement of fact or a pointer to a document.
 */
import { defineRule } from '../../rule.js';
import type { Lang } from '../../types.js';
import { fold } from '../../text/normalize.js';
import { reportedSpan } from '../inquiry-summary/index.js';
import data from './data.json' with { type: 'json' };

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

export default defineRule(
  {
    id: 'supplier-centred-wording',
    langs: ['ja', 'en'],
    description: {
      ja: '会社の規則・都合・システムを理由にしている（お客様にとっての理由ではない）',
      en: "Justifies something by the company's rules, convenience or systems instead of the customer's benefit",
    },
    why: {
      ja: '「規定により」「システムの仕様上」は会社側の事情で、お客様には突き放された印象を与えます。同じ制約でも、お客様にとっての理由（安全、公平、確実さ）で説明すると受け入れてもらえます。',
      en: "'Per our policy' or 'our system doesn't allow it' speaks from the company's side and shuts the customer out. The same constraint explained by what it protects for them is accepted far more readily.",
    },
    bad: {
      ja: '規定により、ご本人確認をお願いしております。',
      en: 'Per our policy, we need to verify your identity.',
    },
    good: {
      ja: 'お客様の個人情報を守るため、ご本人確認をお願いしております。',
      en: 'To keep your account safe, we need to verify your identity.',
    },
  },
  (context) => {
    const team = (context.phrases.supplierCentred ?? []).filter((p) => p.phrase.trim() !== '');
    for (const sentence of context.agent) {
      if (sentence.segment === 'signature') continue;
      const lang = sentence.lang;
      const text = sentence.text;
      if (benefit[lang].test(text)) continue;
      const reported: Array<[number, number]> = [];
      // 「規約により返金できないと書いてあるとのこと」: the customer's words, restated, not the agent's framing.
      const customersWords = reportedSpan(sentence);
      const report = (s: number, e: number, rewriteText: string | undefined, phrase: string, findingLang: Lang = lang) => {
        // "Per our policy, …" → "To [protect your …], …": never double the comma that follows.
        const rewrite = rewriteText && /[,、]$/u.test(rewriteText) && /^\s*[,、]/u.test(text.slice(e)) ? rewriteText.slice(0, -1) : rewriteText;
        if (reported.some(([a, b]) => s < b && e > a)) return;
        if (sentence.quotes.some(([a, b]) => s >= a && e <= b)) return;
        if (customersWords && s >= customersWords[0] && e <= customersWords[1]) return;
        reported.push([s, e]);
        context.report({
          start: sentence.start + s,
          end: sentence.start + e,
          lang: findingLang,
          reason: {
            ja: `「${phrase}」は会社側の都合や規則を理由にしています。お客様にとっての理由（何を守るためか）で説明しましょう`,
            en: `“${phrase}” justifies this by the company's rules or systems. Explain it by what it does for the customer instead`,
          },
          suggestions: rewrite
            ? [
                {
                  title: { ja: `「${rewrite}」に言い換える`, en: `Rephrase as “${rewrite}”` },
                  start: sentence.start + s,
                  end: sentence.start + e,
                  text: rewrite,
                },
              ]
            : [],
        });
      };
      // Team phrases first, so a team's wording and rewrite win over a built-in match: plain text, matched width- and case-insensitively (never as patterns).
      if (team.length) {
        // Fold width and case when that keeps offsets; otherwise match case-insensitively only.
        const widthFolded = fold(text).length === text.length;
        const haystack = widthFolded ? fold(text) : text.toLowerCase();
        if (haystack.length === text.length) {
          for (const p of team) {
            const needle = widthFolded ? fold(p.phrase) : p.phrase.toLowerCase();
            let from = 0;
            let at: number;
            while ((at = haystack.indexOf(needle, from)) !== -1) {
              report(at, at + needle.length, p.rewrite, text.slice(at, at + needle.length));
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
        for (const p of patterns[patternLang]) {
          for (const m of text.matchAll(p.re)) {
            const s = m.index!;
            const e = s + m[0].length;
            if (notSupplier[patternLang].test(text.slice(Math.max(0, s - 6), e))) continue;
            if (benefit[patternLang].test(text)) continue;
            report(s, e, p.rewrite, m[0], patternLang);
          }
        }
      }
    }
  },
);
