/**
 * Refusals and the reasons given for them, read on tokens rather than strings:
 * a refusal is a declining verb (〜かねます, お断り, "denied"), a closed state
 * (不可, 対象外, "non-refundable") or an accepting verb under a negation in its
 * clause (返金には応じられません, お受けしておりません, "we can't cancel it",
 * "that's not possible") — said by the company, not a condition (〜できない場合は,
 * "if we can't reach you") and not the customer's own words restated
 * (「ログインできないとのこと」). A reason is a causal clause marker by its part
 * of speech: 接続助詞 ので/から (the case particle から, "from", is none),
 * ため, により, 〜上; "because", "since"/"as" opening a clause, "due to",
 * "to protect…". 「につきましては」 means "regarding" and is not a reason.
 *
 * The terms are data (`refusal.json`, one entry per term with a note); this
 * module is the logic. Shared through the reply analysis (`acts.ts`).
 */
import type { Sentence, Token } from '../parse/document.js';
import { reportedSpan } from './restatement.js';
import { inQuote } from './sentences.js';
import data from './refusal.json' with { type: 'json' };

const set = (entries: Array<{ lemma?: string; word?: string }>) => new Set(entries.map((e) => (e.lemma ?? e.word)!));
const ja = {
  declines: set(data.ja.declines),
  closed: set(data.ja.closed),
  accepts: set(data.ja.accepts),
  conditions: set(data.ja.conditions),
  requests: set(data.ja.requests),
  reasons: data.ja.reasons as Array<{ lemma?: string; surface?: string; detail?: string; sequence?: string; notBefore?: string[] }>,
};
const en = {
  cannot: set(data.en.cannot),
  notPossible: set(data.en.notPossible),
  declines: set(data.en.declines),
  companyDoes: set(data.en.companyDoes),
  notRefusing: set(data.en.notRefusing),
  subjects: set(data.en.subjects),
  conditions: set(data.en.conditions),
  reasons: set(data.en.reasons),
  purposes: set(data.en.purposes),
  clauseSubjects: set(data.en.clauseSubjects),
};

/** A refusal inside a sentence; offsets relative to the reply. */
export interface Refusal {
  start: number;
  end: number;
  text: string;
}

const clauseEnd = (t: Token) => /^[、,;:。.!?！？]$/u.test(t.surface);
const isNegation = (t: Token) => (t.pos === 'aux' && (t.base === 'ない' || t.base === 'ん' || t.base === 'ぬ' || t.base === 'ず')) || (t.pos === 'adj' && t.base === 'ない');
const enNegation = (t: Token) => t.base === 'not' || t.base === 'never' || /n['’]t$/u.test(t.base);

/** The agent's own tokens: outside 「」/"" quotes and outside the customer's restated words. */
function ownTokens(sentence: Sentence): Token[] {
  const reported = reportedSpan(sentence);
  return sentence.tokens.filter((t) => {
    const at = t.start - sentence.start;
    if (inQuote(sentence, at)) return false;
    return !(reported && at >= reported[0] && at < reported[1]);
  });
}

/** The first refusal the company makes in the sentence (not a question, not a condition). */
export function refusalIn(sentence: Sentence): Refusal | undefined {
  if (/[?？]\s*$/u.test(sentence.text)) return undefined;
  const tokens = ownTokens(sentence);
  return sentence.lang === 'ja' ? jaRefusal(sentence, tokens) : enRefusal(sentence, tokens);
}

function span(sentence: Sentence, first: Token, last: Token): Refusal {
  return { start: first.start, end: last.end, text: sentence.text.slice(first.start - sentence.start, last.end - sentence.start) };
}

function jaRefusal(sentence: Sentence, tokens: Token[]): Refusal | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let last: Token | undefined;
    if (ja.declines.has(t.base)) last = predicateEnd(tokens, i);
    else if (ja.closed.has(t.base)) last = predicateEnd(tokens, i);
    else if (accepting(t)) {
      // Under a negation before the clause ends: 応じ・られ・ませ・ん, 受け・し・て・おり・ませ・ん.
      for (let j = i + 1; j < tokens.length && !clauseEnd(tokens[j]!) && j <= i + 7; j++) {
        if (tokens[j]!.detail === '接続助詞' && tokens[j]!.base !== 'て') break;
        if (isNegation(tokens[j]!)) {
          last = tokens[j];
          break;
        }
      }
    }
    if (!last) continue;
    const after = tokens.slice(tokens.indexOf(last) + 1, tokens.indexOf(last) + 4);
    // 〜できない場合は / 〜しないでください: a condition or a request, not a refusal.
    if (after.some((a) => ja.conditions.has(a.base) || ja.requests.has(a.base) || a.base === 'で' && after.some((b) => b.base === 'くださる'))) continue;
    const start = politePrefix(tokens, i);
    return span(sentence, start, last);
  }
  return undefined;
}

/** An accepting verb, also as the polite noun of its 連用形 (お答え・お受け → 答える・受ける). */
function accepting(t: Token): boolean {
  if (ja.accepts.has(t.base)) return true;
  const bare = t.base.replace(/^[おご御]/u, '');
  return t.pos === 'noun' && (ja.accepts.has(bare) || ja.accepts.has(bare + 'る'));
}

/** The end of a declining predicate: いたし・かね・ます, 対象外・と・なり・ます. */
function predicateEnd(tokens: Token[], i: number): Token {
  let j = i;
  while (j + 1 < tokens.length && j < i + 4 && (tokens[j + 1]!.pos === 'aux' || tokens[j + 1]!.detail === '非自立' || tokens[j + 1]!.detail === '接尾' || tokens[j + 1]!.base === 'と' || tokens[j + 1]!.base === 'なる')) j++;
  return tokens[j]!;
}

/** Back to the polite prefix and a verb the declining auxiliary hangs on: お受け・いたし・かね… */
function politePrefix(tokens: Token[], i: number): Token {
  let j = i;
  while (j > 0 && j > i - 3 && (tokens[j - 1]!.pos === 'verb' || tokens[j - 1]!.detail === 'サ変接続' || tokens[j - 1]!.surface === 'お' || tokens[j - 1]!.surface === 'ご')) {
    if (tokens[j]!.detail !== '非自立' && tokens[j]!.base !== 'かねる' && tokens[j - 1]!.surface !== 'お' && tokens[j - 1]!.surface !== 'ご') break;
    j--;
  }
  return tokens[j]!;
}

function enRefusal(sentence: Sentence, tokens: Token[]): Refusal | undefined {
  const words = tokens.filter((t) => t.pos !== 'symbol');
  // English punctuation is not a token: a clause break is a comma, semicolon or colon in the text between two words.
  const breakBetween = (a: Token, b: Token) => /[,;:—]/u.test(sentence.text.slice(a.end - sentence.start, b.start - sentence.start));
  const conditionBefore = (i: number) => {
    for (let j = i - 1; j >= 0; j--) {
      if (breakBetween(words[j]!, words[j + 1]!)) return false;
      if (en.conditions.has(words[j]!.base)) return true;
    }
    return false;
  };
  const subjectNear = (i: number) => {
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) if (en.subjects.has(words[j]!.base)) return true;
    return false;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let last: Token | undefined;
    let first = w;
    if (en.cannot.has(w.base) || (w.base === 'not' && words[i + 1]?.base === 'able')) {
      // "we can't cancel it", "it can't be refunded", "No refund can be issued" is below.
      let k = i + 1;
      while (k < words.length && ['be', 'able', 'to', 'really', 'simply', 'just'].includes(words[k]!.base)) k++;
      const verb = words[k];
      const passive = words[i + 1]?.base === 'be';
      if (!verb || en.notRefusing.has(verb.base)) continue;
      if (!subjectNear(i) && !passive) continue;
      last = verb;
      first = subjectStart(words, i);
    } else if (en.notPossible.has(w.base) && i > 0 && words.slice(Math.max(0, i - 3), i).some(enNegation)) {
      if (!subjectNear(i - 1) && !words.slice(Math.max(0, i - 4), i).some((x) => x.base === 'is' || x.base === "isn't" || x.base === 'are')) continue;
      last = w;
      first = subjectStart(words, i - 1);
    } else if (en.declines.has(w.base)) {
      // "Your request has been denied"; not "you declined the update".
      if (words.slice(Math.max(0, i - 2), i).some((x) => x.base === 'you')) continue;
      last = w;
      first = w;
    } else if (w.base === 'can' && words[0]!.base === 'no' && words[i + 1]?.base === 'be') {
      // "No refund can be issued."
      last = words[i + 2] ?? w;
      first = words[0]!;
    } else if (en.companyDoes.has(w.base) && i >= 2 && enNegation(words[i - 1]!) && (words[i - 2]!.base === 'we' || words[i - 2]!.base === 'i')) {
      last = w;
      first = words[i - 2]!;
    } else if ((w.base === "don't" || w.base === "won't") && (words[i - 1]?.base === 'we' || words[i - 1]?.base === 'i') && en.companyDoes.has(words[i + 1]?.base ?? '')) {
      last = words[i + 1]!;
      first = words[i - 1]!;
    }
    if (!last || conditionBefore(i)) continue;
    return span(sentence, first, last);
  }
  return undefined;
}

function subjectStart(words: Token[], i: number): Token {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) if (en.subjects.has(words[j]!.base)) return words[j]!;
  return words[i]!;
}

/**
 * Whether the sentence gives a reason outside `except` (the refusal itself):
 * a causal clause marker by its part of speech (Japanese) or a causal or
 * purpose word opening a clause (English).
 */
export function givesReason(sentence: Sentence, except?: Refusal): boolean {
  const tokens = ownTokens(sentence).filter((t) => !except || t.end <= except.start || t.start >= except.end);
  if (sentence.lang === 'ja') {
    const text = tokens.map((t) => t.surface).join('');
    return ja.reasons.some((r) =>
      r.sequence
        ? text.includes(r.sequence)
        : tokens.some(
            (t, i) =>
              (r.lemma ? t.base === r.lemma : t.surface === r.surface) &&
              (!r.detail || t.detail === r.detail) &&
              !r.notBefore?.includes(tokens[i + 1]?.surface ?? ''),
          ),
    );
  }
  const words = tokens.filter((t) => t.pos !== 'symbol');
  return words.some((w, i) => {
    const next = words[i + 1]?.base ?? '';
    if (w.base === 'since' || w.base === 'as') return en.clauseSubjects.has(next);
    if (w.base === 'so') return next === 'that' || next === 'we' || next === 'i' || (i > 0 && /[,;—]/u.test(sentence.text.slice(words[i - 1]!.end - sentence.start, w.start - sentence.start)));
    if (w.base === 'to') return en.purposes.has(next);
    if (w.base === 'order' && words[i - 1]?.base === 'in') return true;
    return en.reasons.has(w.base);
  });
}
