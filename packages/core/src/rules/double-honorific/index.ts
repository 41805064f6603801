/**
 * double-honorific (Japanese only): 二重敬語 and mis-directed keigo, each with
 * the corrected form as a suggestion.
 *
 * - honorific + れる/られる: 「おっしゃられる」「ご覧になられる」「お召し上がりになられる」
 * - humble + させていただく: 「拝見させていただきます」「お伺いさせていただきます」
 * - humble verbs for the customer's action: 「受付でお伺いください」「申されました」,
 *   and (found with kuromoji tokens: prefix + サ変 noun or verb + する) 「ご確認してください」,
 *   「ご利用される」, 「ご利用できます」
 * - company names: 「弊社様」, and 御社/貴社 used for one's own company
 *   (「御社の規定により、返品はお受けできかねます」).
 */
import { defineRule } from '../../rule.js';
import type { Sentence, Token } from '../../parse/document.js';
import data from './data.json' with { type: 'json' };
import { matchAll } from '../../text/match-all.js';

type Kind = keyof typeof data.reasons;
interface Hit {
  kind: Kind;
  start: number;
  end: number;
  found: string;
  fix: string;
}

const raEndings = data.raEndings as unknown as Record<string, [string, string]>;
const raEnding = '(ました|ます|ません|ない|た|て|る)';
const honorificVerbs = data.honorificVerbs.map((v) => ({
  re: new RegExp(`(${v.match})られ${raEnding}`, 'gu'),
  stem: v.stem,
  i: 'i' in v && v.i === true,
}));
const humbleSasete = new RegExp(`(${data.humbleNouns.join('|')})させていただ(${Object.keys(data.saseteEndings).join('|')})`, 'gu');
const saseteEndings = data.saseteEndings as Record<string, string>;
const ukagau = new RegExp(data.ukagau.pattern, 'gu');
const ukagauEndings = data.ukagau.endings as Record<string, string>;
const misdirected = data.misdirected.map((m) => ({
  re: new RegExp(m.pattern, 'gu'),
  fix: 'fix' in m ? m.fix : undefined,
  fixVerb: 'fixVerb' in m ? m.fixVerb : undefined,
  i: 'i' in m && m.i === true,
}));
const sareruEndings = data.sareruEndings as Record<string, string>;
const sareru = /^さ(れました|れます|れません|れない|れている|れる|れた|れて)/u;
const passiveNouns = new Set(data.passiveNouns);
const customerActionNouns = new Set(data.customerActionNouns);
const dekiru = /^でき(ます|ません|る|ない|た)/u;
const companyNames = data.companyNames.map((c) => ({ re: new RegExp(c.pattern, 'gu'), fix: c.fix }));
const ownSubject = new RegExp(data.ownCompany.subject, 'gu');
const ownAction = new RegExp(data.ownCompany.ownAction, 'u');
const notOwn = new RegExp(data.ownCompany.notOwn, 'u');
const companyAgent = /(?:こちら|弊社|当社|当店|私ども|わたくしども|担当者|スタッフ)(?:で|が|にて)/u;

export default defineRule(
  {
    id: 'double-honorific',
    langs: ['ja'],
    description: {
      ja: '二重敬語や、お客様の動作への謙譲語など、誤った敬語（「おっしゃられる」「拝見させていただきます」「弊社様」）',
      en: 'Japanese only: doubled or mis-directed honorifics (二重敬語, humble forms for the customer\'s actions, 弊社様)',
    },
    why: {
      ja: '敬語を重ねるとかえって回りくどく、お客様の動作に謙譲語を使うと失礼になります。正しい敬語はそれだけで信頼につながります。',
      en: "Stacked honorifics read as clumsy, and humble forms used for the customer's actions are rude. Correct keigo quietly builds trust.",
    },
    bad: {
      ja: "ご注文の日傘がまだ届かないとのこと、ご心配をおかけし申し訳ございません。おっしゃられた注文番号を拝見させていただきました。",
      en: "ご注文の日傘がまだ届かないとのこと、ご心配をおかけし申し訳ございません。おっしゃられた注文番号を拝見させていただきました。",
    },
    good: {
      ja: "ご注文の日傘がまだ届かず、お母様のお誕生日に間に合うかご心配とのこと、ご不安な思いをおかけして申し訳ございません。商品は本日発送し、5月10日にお届けの予定です。お知らせいただいた注文番号を拝見いたしました。",
      en: "ご注文の日傘がまだ届かず、お母様のお誕生日に間に合うかご心配とのこと、ご不安な思いをおかけして申し訳ございません。商品は本日発送し、5月10日にお届けの予定です。お知らせいただいた注文番号を拝見いたしました。",
    },
    inquiry: {
      ja: "5月8日に注文した日傘がまだ届きません。母の誕生日（5月12日）のプレゼントなので、間に合うか心配です。",
      en: "5月8日に注文した日傘がまだ届きません。母の誕生日（5月12日）のプレゼントなので、間に合うか心配です。",
    },
  },
  (context) => {
    for (const sentence of context.agent) {
      if (sentence.segment === 'signature' || sentence.lang !== 'ja') continue;
      for (const hit of findings(sentence)) {
        const vars = (template: string) => template.replace('{found}', hit.found).replace('{fix}', hit.fix);
        context.report({
          start: sentence.start + hit.start,
          end: sentence.start + hit.end,
          lang: 'ja',
          reason: { ja: vars(data.reasons[hit.kind]), en: vars(data.reasonsEn[hit.kind]) },
          suggestions: [
            {
              title: { ja: `「${hit.fix}」に直す`, en: `Change to “${hit.fix}”` },
              start: sentence.start + hit.start,
              end: sentence.start + hit.end,
              text: hit.fix,
            },
          ],
        });
      }
    }
  },
);

function findings(sentence: Sentence): Hit[] {
  const text = sentence.text;
  const hits: Hit[] = [];
  const add = (kind: Kind, start: number, found: string, fix: string) => {
    const end = start + found.length;
    if (found === fix) return;
    if (sentence.quotes.some(([a, b]) => start >= a && end <= b)) return;
    if (hits.some((h) => start < h.end && end > h.start)) return;
    hits.push({ kind, start, end, found, fix });
  };

  // 1. Honorific verb + れる/られる: 「おっしゃられた」→「おっしゃった」.
  for (const v of honorificVerbs) {
    for (const m of matchAll(text, v.re)) {
      const stem = v.stem ?? m[1]!;
      add('double', m.index!, m[0], stem + raEndings[m[2]!]![v.i ? 1 : 0]);
    }
  }
  // 2. Humble noun + させていただく: 「拝見させていただきます」→「拝見いたします」.
  for (const m of matchAll(text, humbleSasete)) add('humbleDouble', m.index!, m[0], m[1]! + saseteEndings[m[2]!]!);
  for (const m of matchAll(text, ukagau)) add('humbleDouble', m.index!, m[0], ukagauEndings[m[1]!]!);
  // 3. Humble verbs for the customer's action: 「お伺いください」→「お尋ねください」.
  for (const p of misdirected) {
    for (const m of matchAll(text, p.re)) {
      const fix = p.fix ?? p.fixVerb! + raEndings[m[1]!]![p.i ? 1 : 0];
      add('humbleForCustomer', m.index!, m[0], fix);
    }
  }
  // 4. Prefix + サ変 noun / verb + する, found with kuromoji tokens.
  tokenPatterns(sentence, add);
  // 5. Company names.
  for (const c of companyNames) for (const m of matchAll(text, c.re)) add('companyName', m.index!, m[0], c.fix);
  for (const m of matchAll(text, ownSubject)) {
    const rest = text.slice(m.index! + m[0].length);
    if (!ownAction.test(rest) || notOwn.test(text)) continue;
    add('ownCompany', m.index!, m[0], '弊社');
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * 「ご確認してください」→「ご確認ください」, 「ご利用される」→「ご利用なさる」,
 * 「お待ちされる」→「お待ちになる」, 「ご利用できます」→「ご利用いただけます」.
 * The prefix must be kuromoji's 接頭詞 and the next token a サ変 noun (ご) or a
 * verb stem (お), so 「ごみ」「おして」 never match.
 */
function tokenPatterns(sentence: Sentence, add: (kind: Kind, start: number, found: string, fix: string) => void): void {
  const tokens = sentence.tokens;
  const text = sentence.text;
  for (let i = 0; i < tokens.length; i++) {
    const head = headAt(tokens, i);
    if (!head) continue;
    const at = head.start - sentence.start;
    const found = text.slice(at, head.end - sentence.start);
    const after = text.slice(head.end - sentence.start);
    const next = head.next;
    // ご確認してください / お待ちしてください
    const shite = /^して(ください|くださいませ|下さい)/u.exec(after);
    if (shite) {
      add('humbleForCustomer', at, found + shite[0], found + shite[1]);
      continue;
    }
    // ご利用される → ご利用なさる, お待ちされる → お待ちになる (not a passive: 「ご案内される」「ご招待された」)
    const s = sareru.exec(after);
    if (s && !passiveNouns.has(head.base) && tokens[next]?.base === 'する' && tokens[next + 1]?.base === 'れる') {
      const ending = s[1]!;
      const honorific = ending === 'れている' ? 'なさっている' : sareruEndings[ending]!;
      const fix = head.prefix === 'お' ? honorific.replace(/^なさ(る|っ|い|ら)/u, (_, c: string) => naruForms[c]!) : honorific;
      add('humbleForCustomer', at, found + s[0], found + fix);
      continue;
    }
    // ご利用できます → ご利用いただけます (the customer's action, not 「こちらでご予約できます」)
    const d = dekiru.exec(after);
    if (d && head.prefix === 'ご' && customerActionNouns.has(head.base) && !companyAgent.test(text)) {
      add('humbleForCustomer', at, found + d[0], found + 'いただけ' + d[1]!);
    }
  }
}

const naruForms: Record<string, string> = { る: 'になる', っ: 'になっ', い: 'になり', ら: 'になら' };

interface Head {
  prefix: 'ご' | 'お';
  /** The word after the prefix (base form), e.g. 利用, 待つ. */
  base: string;
  start: number;
  end: number;
  /** Index of the token after the head. */
  next: number;
}

/**
 * A beautified action word at token i: kuromoji's 接頭詞 ご/お followed by a
 * サ変 noun or a verb stem (「ご+利用」「お+持ち」), or one サ変 noun token that
 * already carries the prefix (「お待ち」「お送り」). 「ごみ」「おして」 never qualify.
 */
function headAt(tokens: Token[], i: number): Head | undefined {
  const t = tokens[i]!;
  if (/^[ごお御]$/u.test(t.surface) && t.detail === '名詞接続') {
    const word = tokens[i + 1];
    if (!word || word.start !== t.end) return undefined;
    if (!((word.pos === 'noun' && word.detail === 'サ変接続') || word.pos === 'verb')) return undefined;
    return { prefix: t.surface === 'お' ? 'お' : 'ご', base: word.base, start: t.start, end: word.end, next: i + 2 };
  }
  if (t.pos === 'noun' && t.detail === 'サ変接続' && /^[ごお御]./u.test(t.surface)) {
    const previous = tokens[i - 1];
    if (previous && /^[ごお御]$/u.test(previous.surface) && previous.end === t.start) return undefined;
    return { prefix: t.surface.startsWith('お') ? 'お' : 'ご', base: t.base.slice(1), start: t.start, end: t.end, next: i + 1 };
  }
  return undefined;
}
