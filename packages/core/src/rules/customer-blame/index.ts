/**
 * customer-blame: wording that blames the customer (「お客様の確認不足により」,
 * 「ご入力ミス」, "you should have read", "as clearly stated", "you failed to").
 * Not reported when negated (「お客様の過失ではございません」, "this isn't your
 * fault") or about preventing a slip (「ご入力ミスを防ぐため」), nor when the
 * mistake is the company's own (「弊社の入力ミス」).
 */
import { defineRule } from '../../rule.js';
import type { Sentence } from '../../parse/document.js';
import type { Lang } from '../../types.js';
import { maskQuotes } from '../../analysis/sentences.js';
import data from './data.json' with { type: 'json' };
import { matchAll } from '../../text/match-all.js';

interface Pattern {
  kind: string;
  re: RegExp;
  one: RegExp;
  rewrite?: string;
}
const compile = (list: Array<{ kind: string; pattern: string; rewrite?: string }>, flags: string): Pattern[] =>
  list.map((p) => ({ kind: p.kind, re: new RegExp(p.pattern, 'g' + flags), one: new RegExp(p.pattern, flags), rewrite: p.rewrite }));
const patterns: Record<Lang, Pattern[]> = { ja: compile(data.ja.patterns, 'u'), en: compile(data.en.patterns, 'iu') };
const jaNegation = new RegExp(data.ja.negation, 'u');
const jaOwnSide = new RegExp(data.ja.ownSide, 'u');
const enNegation = new RegExp(data.en.negation, 'iu');
const enNoFault = new RegExp(data.en.noFault, 'iu');
/** "If you forgot to add the code, …": a neutral condition, not blame. */
const enConditional = new RegExp(data.en.conditional, 'iu');

export default defineRule(
  {
    id: 'customer-blame',
    langs: ['ja', 'en'],
    description: {
      ja: 'お客様を責める言い方（「お客様の確認不足により」「ご入力ミス」「ご確認いただければわかる通り」）',
      en: 'Wording that blames the customer ("you should have", "as clearly stated", "you failed to")',
    },
    why: {
      ja: '原因がお客様側にあったとしても、「確認不足」「入力ミス」と名指しされると、お客様は責められたと感じ、解決よりも反論に気持ちが向きます。起きたこと（入力内容の相違など）を中立に述べ、次にどうすればよいかを伝えましょう。',
      en: "Even when the customer slipped, 'you should have read' or 'as clearly stated' makes them defensive instead of helping them move on. Describe what happened neutrally and what to do next.",
    },
    bad: {
      ja: "お荷物が旧住所に配達されてしまったとのこと、ご心配をおかけしております。お客様の確認不足により、お届け先が旧住所となっておりました。",
      en: "I'm sorry your parcel went to your old address. As clearly stated at checkout, you should have checked the address.",
    },
    good: {
      ja: "お荷物が旧住所に配達されてしまったとのこと、ご心配をおかけしております。ご登録の住所が旧住所のままだったため、お届け先が旧住所となっておりました。新しいご住所へ本日再発送いたします。",
      en: "I'm sorry your parcel went to your old address. The address on your account was still the old one, so I've updated it and reshipped the parcel today.",
    },
    inquiry: {
      ja: "荷物が届きません。追跡を見ると旧住所に配達されたようです。",
      en: "My parcel never came. Tracking says it went to my old address.",
    },
  },
  (context) => {
    for (const sentence of context.agent) {
      if (sentence.segment === 'signature') continue;
      for (const hit of blame(sentence)) {
        context.report({
          start: sentence.start + hit.start,
          end: sentence.start + hit.end,
          lang: sentence.lang,
          reason: {
            ja: `「${hit.text}」はお客様を責める言い方です。起きたことを中立に述べ、次にどうすればよいかを伝えましょう`,
            en: `“${hit.text}” blames the customer. Describe what happened neutrally and say what to do next`,
          },
          suggestions: hit.rewrite
            ? [
                {
                  title: { ja: `「${hit.rewrite}」に言い換える`, en: `Rephrase as “${hit.rewrite}”` },
                  start: sentence.start + hit.start,
                  end: sentence.start + hit.end,
                  text: hit.rewrite,
                },
              ]
            : [],
        });
      }
    }
  },
);

interface Hit {
  start: number;
  end: number;
  text: string;
  rewrite?: string;
}

function blame(sentence: Sentence): Hit[] {
  const text = maskQuotes(sentence);
  const lang = sentence.lang;
  if (lang === 'en' && enNoFault.test(text)) return [];
  const hits: Hit[] = [];
  for (const p of patterns[lang]) {
    p.re.lastIndex = 0;
    for (const m of matchAll(text, p.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      const before = text.slice(0, start);
      const after = text.slice(end);
      if (lang === 'ja') {
        if (jaNegation.test(after)) continue;
        if (jaOwnSide.test(before)) continue;
      } else if (enNegation.test(before) || (!/^if\b/iu.test(m[0]) && enConditional.test(before))) continue;
      hits.push({
        start,
        end,
        text: m[0],
        rewrite: p.rewrite === undefined ? undefined : sameCase(m[0], m[0].replace(p.one, p.rewrite)),
      });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Keep a capital at the start of an English rewrite ("As clearly stated" → "As described"). */
function sameCase(original: string, rewrite: string): string {
  return /^[A-Z]/u.test(original) ? rewrite.charAt(0).toUpperCase() + rewrite.slice(1) : rewrite;
}
