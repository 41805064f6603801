/**
 * dismissive-wording: minimising words used at the customer — "obviously",
 * "as I said", 「前述の通り」「すでにご案内の通り」, 「当然ですが〜が必要です」
 * always; "simply click", "just restart", "it's easy", 「簡単に〜できます」,
 * "just a glitch" only when the conversation is about a problem (the inquiry
 * shows one, or the reply apologises), because that is when they make the
 * customer's trouble sound trivial.
 *
 * Precision first: "just" as a time adverb ("I've just refunded"), a channel
 * invitation ("just reply to this email"), 「当然のことと存じます」 (agreeing
 * with the customer) and 「簡単にご説明します」 are never reported.
 */
import { defineRule } from '../../rule.js';
import type { Sentence } from '../../parse/document.js';
import type { Lang } from '../../types.js';
import { maskQuotes } from '../../analysis/sentences.js';
import { isProblemConversation } from '../../analysis/problem.js';
import data from './data.json' with { type: 'json' };
import { matchAll } from '../../text/match-all.js';

type Kind = keyof typeof data.reasons;
interface Pattern {
  kind: Kind;
  re: RegExp;
  requires?: RegExp;
  problemOnly: boolean;
  remove: boolean;
  rewrite?: string;
}
interface Source {
  kind: string;
  pattern: string;
  requires?: string;
  problemOnly?: boolean;
  remove?: boolean;
  rewrite?: string;
}
const compile = (list: Source[], flags: string): Pattern[] =>
  list.map((p) => ({
    kind: p.kind as Kind,
    re: new RegExp(p.pattern, 'g' + flags),
    requires: p.requires ? new RegExp(p.requires, flags) : undefined,
    problemOnly: p.problemOnly ?? false,
    remove: p.remove ?? false,
    rewrite: p.rewrite,
  }));
const patterns: Record<Lang, Pattern[]> = {
  ja: compile(data.ja.patterns as Source[], 'u'),
  en: compile(data.en.patterns as Source[], 'iu'),
};
/** Feelings near 当然/もちろん mean the agent agrees with the customer (「ご不安に思われるのは当然」). */
const jaEmpathic = /(?:お気持ち|ご不安|ご不満|ご心配|お怒り|ご不快|ご立腹|ごもっとも|存じます|思います)/u;

export default defineRule(
  {
    id: 'dismissive-wording',
    langs: ['ja', 'en'],
    description: {
      ja: 'お客様の問題や手間を小さく扱う言葉（「簡単に」「当然」「前述の通り」「すでにご案内の通り」）',
      en: 'Minimising words used at the customer ("simply", "just", "obviously", "as I said")',
    },
    why: {
      ja: '「簡単に」「当然ですが」「前述の通り」は、できなかったお客様を「当たり前のことができていない人」扱いしているように響きます。困っている方ほど傷つき、次の手順も頭に入りにくくなります。',
      en: "'Simply', 'obviously' and 'as I said' tell a struggling customer that their problem is trivial or their fault for not knowing. They leave feeling talked down to, and take in the steps less well.",
    },
    bad: {
      ja: "メールアドレスの変更方法がわからないとのこと、お手数をおかけしております。前述の通り、設定画面から簡単に変更できます。",
      en: "I understand you can't find where to change your email address, and I'm sorry for the hassle. As I said, simply click Reset. Obviously you need to be signed in.",
    },
    good: {
      ja: "メールアドレスの変更方法がわからないとのこと、お手数をおかけしております。設定画面の「アカウント」→「変更」から変更いただけます。",
      en: "I understand you can't find where to change your email address, and I'm sorry for the hassle. Click Change on the Account page while signed in.",
    },
    inquiry: {
      ja: "メールアドレスの変更方法がわかりません。",
      en: "I can't find where to change my email address.",
    },
  },
  (context) => {
    let problem: boolean | undefined;
    const inProblem = () => (problem ??= isProblemConversation(context.inquiry, context.agent));
    for (const sentence of context.agent) {
      if (sentence.segment === 'signature') continue;
      for (const hit of findings(sentence, inProblem)) {
        const reason = data.reasons[hit.kind];
        const word = hit.word.trim().replace(/[、,]$/u, '');
        context.report({
          start: sentence.start + hit.start,
          end: sentence.start + hit.end,
          lang: sentence.lang,
          reason: { ja: reason.ja.replace('{word}', word), en: reason.en.replace('{word}', word) },
          suggestions: hit.edit
            ? [
                {
                  title: hit.edit.removal
                    ? { ja: `「${word}」を削除`, en: `Remove “${word}”` }
                    : { ja: `「${hit.edit.text}」に言い換える`, en: `Rephrase as “${hit.edit.text.trim()}”` },
                  start: sentence.start + hit.edit.start,
                  end: sentence.start + hit.edit.end,
                  text: hit.edit.text,
                },
              ]
            : [],
        });
      }
    }
  },
);

interface Hit {
  kind: Kind;
  start: number;
  end: number;
  word: string;
  edit?: Edit;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  /** The edit only removes the minimiser (the text may re-capitalise the next word). */
  removal: boolean;
}

function findings(sentence: Sentence, inProblem: () => boolean): Hit[] {
  const text = maskQuotes(sentence);
  const lang = sentence.lang;
  // Leading whitespace or list markers do not count as content: ^ means the first word.
  const lead = /^[\s\d.)\-*•・]*/u.exec(text)![0].length;
  const body = text.slice(lead);
  const hits: Hit[] = [];
  for (const p of patterns[lang]) {
    p.re.lastIndex = 0;
    for (const m of matchAll(body, p.re)) {
      if (m[0].trim() === '') continue;
      const start = lead + m.index!;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      if (p.requires) {
        const clause = clauseAfter(text, end, lang);
        if (!p.requires.test(clause)) continue;
        if (lang === 'ja' && jaEmpathic.test(text)) continue;
      }
      if (p.problemOnly && !inProblem()) continue;
      const word = m[0];
      const trimmedEnd = start + word.trimEnd().length;
      const hit: Hit = { kind: p.kind, start, end: trimmedEnd, word };
      if (p.rewrite !== undefined) hit.edit = { start, end, text: p.rewrite, removal: false };
      else if (p.remove) hit.edit = removal(text, start, end, lang);
      hits.push(hit);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The rest of the clause after a match (to the next sentence-internal stop). */
function clauseAfter(text: string, from: number, lang: Lang): string {
  const rest = text.slice(from);
  const stop = lang === 'ja' ? /[。！？!?]/u : /[.;!?]/u;
  const m = stop.exec(rest);
  return m ? rest.slice(0, m.index) : rest;
}

/** Delete a minimiser; at the start of an English sentence, capitalise the next word. */
function removal(text: string, start: number, end: number, lang: Lang): Edit {
  let e = end;
  while (e < text.length && /[\s,、]/u.test(text[e]!)) e++;
  let s = start;
  if (lang === 'en' && text.slice(0, start).trim() !== '') {
    // Mid-sentence: keep one space between the words around the removed minimiser.
    while (s > 0 && text[s - 1] === ' ' && e > s) s--;
    if (/[,;:]\s*$/u.test(text.slice(0, start))) return { start, end: e, text: '', removal: true };
    return { start: s, end: e, text: e < text.length ? ' ' : '', removal: true };
  }
  if (lang === 'en' && e < text.length && text.slice(0, start).trim() === '') {
    return { start, end: e + 1, text: text[e]!.toUpperCase(), removal: true };
  }
  return { start, end: e, text: '', removal: true };
}
