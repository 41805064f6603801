/**
 * hedged-apology: a conditional or hedged apology that shifts the problem onto
 * the customer's perception (「ご不快に感じられたのであれば申し訳ございません」,
 * "sorry if you felt …", "any inconvenience this may have caused"). It admits
 * nothing, so it reads as "the problem is your feelings".
 */
import { defineRule } from '../../rule.js';
import type { Sentence } from '../../parse/document.js';
import { maskQuotes } from '../../analysis/sentences.js';
import { escapeTerm } from '../../analysis/terms.js';
import data from './data.json' with { type: 'json' };
import { matchAll } from '../../text/match-all.js';

const jaHedge = new RegExp(
  `(${data.ja.hedges.map(escapeTerm).join('|')})[、,\\s]*(?=[^。]{0,${data.ja.maxGap}}?${data.ja.apology})`,
  'gu',
);
const jaApology = new RegExp(data.ja.apology, 'u');
const jaOpener = new RegExp(`${data.ja.openers}$`, 'u');
const jaAdmissions = data.ja.admissions.map((a) => ({ re: new RegExp(a.word, 'u'), rewrite: a.rewrite }));
const conditionalOnly = new Set(data.ja.conditionalOnly);
const jaApologyEnd = new RegExp(data.ja.apologyEnd, 'u');
const enPatterns = data.en.patterns.map((p) => ({
  kind: p.kind,
  re: new RegExp(p.pattern, 'giu'),
  one: new RegExp(p.pattern, 'iu'),
  rewrite: 'rewrite' in p ? (p as { rewrite: string }).rewrite : undefined,
}));
const enApology = /\b(?:sorry|apologi[sz]e|apologies)\b/iu;

interface Hit {
  start: number;
  end: number;
  suggestion?: { start: number; end: number; text: string };
}

export default defineRule(
  {
    id: 'hedged-apology',
    langs: ['ja', 'en'],
    description: {
      ja: '条件付き・あいまいなお詫び（「ご不快に感じられたのであれば」）で、問題をお客様の受け取り方にしている',
      en: 'A conditional or hedged apology ("sorry if you felt…", "any inconvenience this may have caused") that puts the problem on the customer\'s perception',
    },
    why: {
      ja: '「〜と感じられたのであれば」「〜したようでしたら」は、実際に迷惑をかけたことを認めていない言い方です。お客様には「感じ方の問題」と言われたように響き、お詫びがかえって反感を招きます。起きたことを認めて、そのことをお詫びしましょう。',
      en: "'Sorry if you felt…' and 'any inconvenience this may have caused' admit nothing: they suggest the problem is the customer's feelings. Own what happened and apologise for that.",
    },
    bad: {
      ja: "ご注文の日傘がまだ届かないとのこと、ご不快に感じられたのであれば申し訳ございません。商品は本日発送いたしました。",
      en: "You mentioned the parasol you ordered on May 8 hasn't arrived. We apologize for any inconvenience this may have caused.",
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
    for (const sentence of context.agent) {
      if (sentence.segment === 'signature') continue;
      const hits = sentence.lang === 'ja' ? japanese(sentence) : english(sentence);
      for (const hit of hits) {
        context.report({
          start: hit.start,
          end: hit.end,
          lang: sentence.lang,
          reason: {
            ja: '条件付きのお詫び（「〜のであれば」「〜ようでしたら」）は、迷惑をかけたことを認めていません。起きたことを認めてお詫びしましょう',
            en: 'This apology is conditional or hedged ("if", "any", "may have"): it admits nothing. Say what happened and apologise for it',
          },
          suggestions: hit.suggestion
            ? [
                {
                  title: {
                    ja: `起きたことを認める言い方にする（「${hit.suggestion.text}」）`,
                    en: `Own it: "${hit.suggestion.text.trim()}"`,
                  },
                  ...hit.suggestion,
                },
              ]
            : [],
        });
      }
    }
  },
);

function japanese(sentence: Sentence): Hit[] {
  const text = maskQuotes(sentence);
  const hits: Hit[] = [];
  for (const m of matchAll(text, jaHedge)) {
    const hedge = m[1]!;
    const after = text.slice(m.index! + m[0].length);
    const apology = jaApology.exec(after);
    if (!apology) continue;
    let apologyEnd = m.index! + m[0].length + apology.index + apology[0].length;
    const predicate = jaApologyEnd.exec(text.slice(apologyEnd));
    if (predicate) apologyEnd += predicate[0].length;
    // 「申し訳ございませんが、」 is a cushion before a request, not an apology for the matter.
    if (/^[^。]{0,12}?(?:が|けれど|けど)[、,]/u.test(text.slice(apologyEnd))) continue;
    // The hedged clause: back to the previous 、 or 。 (or the sentence start).
    const clauseStart = Math.max(text.lastIndexOf('、', m.index! - 1), text.lastIndexOf('。', m.index! - 1), -1) + 1;
    const clause = text.slice(clauseStart, m.index!);
    const admission = jaAdmissions
      .map((a) => ({ ...a, m: a.re.exec(clause) }))
      .filter((a) => a.m)
      .sort((a, b) => a.m!.index - b.m!.index)[0];
    if (conditionalOnly.has(hedge) && !admission) continue;
    if (!admission && clause.trim().length < 2) continue;
    let start = clauseStart;
    while (/[\s　]/u.test(text[start] ?? '')) start++;
    const hit: Hit = { start: sentence.start + start, end: sentence.start + apologyEnd };
    if (admission) {
      let from = clauseStart + admission.m!.index;
      if (/[ごお御]/u.test(text[from - 1] ?? '')) from--;
      const opener = jaOpener.exec(text.slice(clauseStart, from));
      if (opener) from -= opener[0].length;
      hit.suggestion = {
        start: sentence.start + from,
        end: sentence.start + m.index! + m[0].length,
        text: admission.rewrite,
      };
    }
    hits.push(hit);
  }
  return hits;
}

function english(sentence: Sentence): Hit[] {
  const text = maskQuotes(sentence);
  if (!enApology.test(text)) return [];
  const found: Array<{ start: number; end: number; rewrite: string | undefined }> = [];
  for (const p of enPatterns) {
    p.re.lastIndex = 0;
    for (const m of matchAll(text, p.re)) {
      const rewrite = p.rewrite === undefined ? undefined : m[0].replace(p.one, p.rewrite);
      found.push({ start: m.index!, end: m.index! + m[0].length, rewrite });
    }
  }
  if (found.length === 0) return [];
  found.sort((a, b) => a.start - b.start);
  // One finding per sentence: from the first hedge to the last.
  const start = found[0]!.start;
  const end = Math.max(...found.map((f) => f.end));
  const hit: Hit = { start: sentence.start + start, end: sentence.start + end };
  if (found.every((f) => f.rewrite !== undefined)) {
    let rewritten = '';
    let cursor = start;
    for (const f of found) {
      if (f.start < cursor) continue;
      rewritten += text.slice(cursor, f.start) + f.rewrite!;
      cursor = f.end;
    }
    rewritten += text.slice(cursor, end);
    hit.suggestion = { start: hit.start, end: hit.end, text: rewritten };
  }
  return [hit];
}
