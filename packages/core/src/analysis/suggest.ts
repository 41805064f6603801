/**
 * Building suggested sentences (acknowledgement, summary) from the inquiry's
 * specifics, and where to insert them: at the start of the body, after the greeting.
 */
import type { RuleContext, InquiryView } from '../rule.js';
import type { Sentence, Token } from '../parse/document.js';
import type { Lang } from '../types.js';
import { contentKey, contentKeys } from './content.js';
import { tokenConcepts } from './features.js';

/** An insertion right before the first body sentence, as its own paragraph when the body starts one. */
export function insertionBeforeBody(context: Pick<RuleContext, 'doc' | 'body'>, sentence: string): { start: number; end: number; text: string } {
  const first = context.body[0]!;
  const text = context.doc.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = Math.max(text.lastIndexOf('\n', first.start - 1), text.lastIndexOf('\r', first.start - 1)) + 1;
  // Always a paragraph of its own, so the inserted sentence never changes how the
  // paragraph it precedes is read (its language, its sentences).
  const atLineStart = text.slice(lineStart, first.start).trim() === '';
  return { start: first.start, end: first.start, text: (atLineStart ? '' : eol + eol) + sentence + eol + eol };
}

/** Body sentences of the inquiry (its greeting and signature lines carry no content). */
export function inquirySentences(inquiry: InquiryView | undefined, lang?: Lang): Sentence[] {
  if (!inquiry) return [];
  const usable = inquiry.doc.sentences.filter(
    (s) => (lang === undefined || s.lang === lang) && s.tokens.length > 0 && !isAddressLine(s),
  );
  // Body and quoted lines carry the content; greeting, closing and signature only when nothing else does.
  const content = usable.filter((s) => s.segment === 'body' || s.segment === 'quoted');
  return content.length > 0 ? content : usable;
}

function isAddressLine(s: Sentence): boolean {
  const t = s.text.trim();
  return (
    /(様|さま|御中|殿|各位|ご担当者?様?)\s*[、,:：]?$/u.test(t) ||
    /^(hi|hello|hey|dear)\b[^.!?]{0,40}[,!]?$/iu.test(t) ||
    // A name or company line: short, no sentence ending, and no kana particles (a wrapped line of prose keeps them).
    (t.length <= 24 && !/[。.!?！？]$/u.test(t) && !/[\u3041-\u3096]/u.test(t) && t.split(/\s+/).length <= 3)
  );
}

/** The most specific thing the inquiry is about, as a short noun phrase in the reply's language. */
export function inquiryTopic(inquiry: InquiryView | undefined, lang: Lang): string | undefined {
  const sentences = inquirySentences(inquiry, lang);
  if (sentences.length === 0) return undefined;
  if (lang === 'ja') {
    for (const s of sentences) {
      let best = '';
      let run = '';
      let runHasContent = false;
      for (const t of s.tokens) {
        // A counter or suffix (2「回」請求) never starts the topic.
        if (t.pos === 'noun' && !/^[\p{P}\p{S}\p{N}A-Za-z]+$/u.test(t.surface) && !/番号|番|号/u.test(t.surface) && !(run === '' && (t.detail === '接尾' || t.detail === '数'))) {
          run += t.surface;
          if (contentKey(t, 'ja') && t.surface.length >= 2) runHasContent = true;
        } else {
          if (runHasContent && run.length > best.length && run.length <= 16) best = run;
          run = '';
          runHasContent = false;
        }
      }
      if (runHasContent && run.length > best.length && run.length <= 16) best = run;
      if (best) return best;
    }
    return undefined;
  }
  for (const s of sentences) {
    const m = /\b(?:my|our|the)\s+((?:[A-Za-z][\w'-]*\s+){0,3}[A-Za-z][\w'-]*)/iu.exec(s.text);
    if (m) {
      const words = m[1]!.split(/\s+/).filter((w) => !/^(is|was|are|has|have|had|keeps|doesn't|isn't|won't|and|but|from|on|in|at|for|to)$/i.test(w));
      const cut: string[] = [];
      for (const w of words) {
        if (/^(is|was|are|has|have|had|keeps|kept|and|but|from|on|in|at|for|to|that|which|with|won't|doesn't|didn't|isn't|can't|still|never|just|never)$/i.test(w) || /\w(ed|ing)$/i.test(w)) break;
        cut.push(w);
      }
      if (cut.length) return 'your ' + cut.join(' ');
    }
  }
  return undefined;
}

/**
 * The inquiry sentence that carries most content (what is wrong or wanted); when
 * it carries fewer than two content words, the next ones in order join it.
 */
function mostSpecific(inquiry: InquiryView | undefined, lang: Lang): { text: string } | undefined {
  const raw = inquiry?.doc.raw ?? '';
  const sentences = inquirySentences(inquiry, lang).map((s) => ({ s, keys: contentKeys(s.tokens, lang) }));
  const ranked = sentences.filter((x) => x.keys.size > 0).sort((a, b) => b.keys.size - a.keys.size);
  if (ranked.length === 0) return undefined;
  const chosen = [ranked[0]!];
  const covered = new Set(ranked[0]!.keys);
  for (const x of ranked.slice(1)) {
    if (covered.size >= 2) break;
    if ([...x.keys].every((k) => covered.has(k))) continue;
    chosen.push(x);
    for (const k of x.keys) covered.add(k);
  }
  chosen.sort((a, b) => a.s.start - b.s.start);
  const text = chosen
    .map((x, i) => {
      // The writer's own words (template placeholders unmasked); Japanese turned to the plain
      // form a restatement needs before 「とのこと」, with the customer's family in keigo.
      const t = lang === 'ja' && x.s.tokens.length > 0 ? plainJapanese(x.s, raw).trim() : raw.slice(x.s.start, x.s.end).trim();
      // Join sentences into one: drop the end punctuation of all but the last.
      return i < chosen.length - 1 ? t.replace(/[。．.!！?？…]+$/u, lang === 'ja' ? '、' : ',') : t;
    })
    .join(lang === 'ja' ? '' : ' ')
    // One line: a quoted mail's hard-wrapped lines are joined.
    .split(/\r\n|\r|\n/u)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(lang === 'ja' ? '' : ' ');
  return { text };
}

/** The customer's family, as the agent refers to them (娘 → お嬢様). */
const family: Record<string, string> = {
  母: 'お母様', 父: 'お父様', 娘: 'お嬢様', 息子: '息子さん', 夫: 'ご主人', 主人: 'ご主人', 妻: '奥様', 家内: '奥様', 嫁: '奥様',
  子ども: 'お子様', 子供: 'お子様', 子: 'お子様', 家族: 'ご家族', 祖母: 'おばあ様', 祖父: 'おじい様', 姉: 'お姉様', 兄: 'お兄様', 妹: '妹さん', 弟: '弟さん',
  両親: 'ご両親', 母親: 'お母様', 父親: 'お父様',
};

const aRow: Record<string, string> = { き: 'か', ぎ: 'が', し: 'さ', ち: 'た', に: 'な', び: 'ば', み: 'ま', り: 'ら', い: 'わ' };
const pastOf: Record<string, string> = { き: 'いた', ぎ: 'いだ', し: 'した', ち: 'った', り: 'った', い: 'った', に: 'んだ', び: 'んだ', み: 'んだ' };

/** A verb's 連用形 token → its stem before ない (届き → 届か, でき → でき, し → し). */
function beforeNai(v: Token): string {
  if (v.base === 'する' || v.base === 'いる' || v.surface === v.base.slice(0, -1)) return v.surface;
  if (v.base === '来る') return '来';
  const last = v.surface.slice(-1);
  return aRow[last] ? v.surface.slice(0, -1) + aRow[last] : v.surface;
}

/** A verb's 連用形 token → its plain past (届き → 届いた, でき → できた, 行き → 行った). */
function pastTense(v: Token): string {
  if (v.base === 'する' || v.base === '来る' || v.surface === v.base.slice(0, -1)) return v.surface + 'た';
  if (v.base === '行く') return v.surface.slice(0, -1) + 'った';
  const last = v.surface.slice(-1);
  return pastOf[last] ? v.surface.slice(0, -1) + pastOf[last] : v.surface + 'た';
}

/**
 * A Japanese sentence of the customer's, in the plain form a restatement needs
 * (「届きません」→「届かない」, 「届きました」→「届いた」, 「心配です」→「心配」), the
 * customer's own first person dropped and their family named in keigo.
 */
export function plainJapanese(sentence: Sentence, raw: string): string {
  const t = sentence.tokens;
  let out = '';
  let cursor = sentence.start;
  const emit = (upto: number, text: string) => {
    out += text;
    cursor = upto;
  };
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    const gap = raw.slice(cursor, tok.start);
    out += gap;
    cursor = tok.start;
    const next = (k: number) => t[i + k];
    const isAux = (k: number, base: string) => next(k)?.pos === 'aux' && next(k)!.base === base;
    if (tok.pos === 'particle' && tok.surface === 'て' && isAux(1, 'ます')) {
      // 止まってます → 止まっている; 止まってました → 止まっていた
      const past = isAux(2, 'た');
      emit(t[i + (past ? 2 : 1)]!.end, past ? 'ていた' : 'ている');
      i += past ? 2 : 1;
    } else if (tok.pos === 'noun' && (tok.surface === 'ん' || tok.surface === 'の') && isAux(1, 'です')) {
      // 泊まるんですが → 泊まるのだが
      emit(t[i + 1]!.end, 'のだ');
      i += 1;
    } else if (tok.pos === 'verb' && isAux(1, 'ます') && isAux(2, 'ん')) {
      // 届きません(でした) → 届かない / 届かなかった
      const past = isAux(3, 'です') && isAux(4, 'た');
      emit(t[i + (past ? 4 : 2)]!.end, beforeNai(tok) + (past ? 'なかった' : 'ない'));
      i += past ? 4 : 2;
    } else if (tok.pos === 'verb' && isAux(1, 'ます') && isAux(2, 'た')) {
      emit(t[i + 2]!.end, pastTense(tok));
      i += 2;
    } else if (tok.pos === 'verb' && isAux(1, 'ます')) {
      emit(t[i + 1]!.end, tok.base);
      i += 1;
    } else if (tok.pos === 'aux' && tok.base === 'です') {
      // 心配です → 心配; 心配でした → 心配だった
      if (next(1)?.pos === 'aux' && next(1)!.base === 'た') {
        emit(t[i + 1]!.end, 'だった');
        i += 1;
      } else emit(tok.end, '');
    } else if (tok.pos === 'noun' && /^(?:私|わたし|僕|ぼく|自分)$/u.test(tok.surface) && next(1)?.pos === 'particle' && /^(?:は|が|の|も)$/u.test(next(1)!.surface)) {
      emit(t[i + 1]!.end, '');
      i += 1;
    } else if (tok.pos === 'noun' && family[tok.surface] && !(t[i - 1]?.surface === 'お' || t[i - 1]?.surface === 'ご')) {
      emit(tok.end, family[tok.surface]!);
    } else emit(tok.end, raw.slice(tok.start, tok.end));
  }
  return out + raw.slice(cursor, sentence.end);
}

/**
 * Wording that must not be read back to the customer: chat shorthand, shouting, fillers,
 * missing apostrophes, a question to the agent, or casual Japanese endings.
 */
function readsCasual(text: string, lang: Lang): boolean {
  // (A plain question ending in の/か is casual; 「〜でしょうか」「〜ますか」 are not.)
  if (lang === 'ja') return /(?:よね|んだけど|だけど|じゃん|だよ|でしょ(?!う)|かよ|てない|けど|わ[。！!]?$|(?<!しょう|ます|です|ません)[のか][。？?]?$|まだか|笑|…|[！!]{2}|[？?]{2}|ｗ)/u.test(text.trim());
  return (
    /\b(?:ugh|lol|omg|pls|plz|wtf|idk|u|ur|gonna|wanna)\b/iu.test(text) ||
    /\b(?:arent|dont|cant|wont|isnt|didnt|doesnt|im|ive)\b/iu.test(text) ||
    /\b[A-Z]{4,}\b/u.test(text.replace(/\b(?:ASAP|HTTPS?|HTML|JSON|UTC|GMT|API|URL|PDF|SIM|PIN|ETA|FAQ)\b/gu, '')) ||
    /[!?]{2,}/u.test(text) ||
    /(?:^|[.!?]\s+)(?:hi|hey|hello)\b/iu.test(text) ||
    /(?:^|\s)i(?:\s|$)/u.test(text) ||
    /^\s*(?:do|does|did|can|could|will|would|is|are|was|why|how|what|when|where)\b[^?]*$/iu.test(text) ||
    // A fragment with no subject ("got charged for…", "been waiting 40 mins…").
    /^\s*(?:got|been|had|has|have|want|wanted|need|needed|paid|ordered|bought|tried|still|just)\b/iu.test(text)
  );
}

const swaps: Record<string, string> = {
  i: 'you', "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll", me: 'you', my: 'your', mine: 'yours',
  myself: 'yourself', we: 'you', "we're": "you're", "we've": "you've", "we'd": "you'd", our: 'your', ours: 'yours', us: 'you',
  ourselves: 'yourselves', am: 'are',
};

/** A restatement of the inquiry to insert after the greeting. */
export function summarySentence(inquiry: InquiryView | undefined, lang: Lang): string {
  const found = mostSpecific(inquiry, lang);
  // The customer's own casual or angry wording read back to them is wrong to send (suggestion
  // review): then the suggestion is the marked prompt the agent fills in.
  // A social-media reply's @handle is an address, not part of what the customer said.
  const stripped = found && { text: found.text.replace(/^\s*(?:[@＠][\w.]+[\s,:、]*)+/u, '') };
  const s = stripped && stripped.text.trim() && !readsCasual(stripped.text, lang) ? stripped : undefined;
  if (lang === 'ja') {
    if (!s) return '【どの商品・サービスで何が起きていて、何をご希望か】とのこと、承知いたしました。';
    // One sentence: inner sentence ends become commas.
    let core = s.text.trim().replace(/[。．.!！?？…]+$/u, '').replace(/[。！？!?]+/gu, '、').replace(/^[^\p{L}\p{N}{]+/u, '');
    core = core
      .replace(/(?:私|わたし|僕|ぼく)(?:は|が|の)/gu, '')
      .replace(/でしょうか$|ますか$|ませんか$|ですか$/u, (m) => (m === 'ませんか' ? 'ないか' : 'か'))
      .replace(/ました$/u, 'た')
      .replace(/でした$/u, 'だった')
      .replace(/です$/u, '');
    return `${core}とのこと、承知いたしました。`;
  }
  if (!s) return 'You mentioned that [describe what happened to which product or service, and what you would like us to do].';
  let core = s.text.trim().replace(/[.!?…]+$/u, '').replace(/\s+/g, ' ').replace(/[.!?]+(?=\s|$)/gu, ',').replace(/^[^\p{L}\p{N}{]+/u, '');
  core = core.replace(/[A-Za-z']+/g, (w) => {
    const swapped = swaps[w.toLowerCase()];
    return swapped ?? w;
  });
  // Agreement after the swap: "I was" → "you were", "I wasn't" → "you weren't", "I has" never happens but "I doesn't" might.
  core = core
    .replace(/\byou was\b/giu, 'you were')
    .replace(/\byou wasn't\b/giu, "you weren't")
    .replace(/\byou is\b/giu, 'you are')
    .replace(/\byou isn't\b/giu, "you aren't")
    .replace(/\byou has\b/giu, 'you have')
    .replace(/\byou hasn't\b/giu, "you haven't")
    .replace(/\byou doesn't\b/giu, "you don't");
  // "You mentioned that Someone got into …": a capital only for names (a word capitalised elsewhere in the inquiry too).
  const first = /^[A-Z][a-z']+/u.exec(core)?.[0];
  if (first && first !== 'I' && !new RegExp(`(?<=\\S\\s+)${first}\\b`, 'u').test(s.text)) core = first.toLowerCase() + core.slice(first.length);
  const question = /\?\s*$/u.test(s.text);
  if (question) return `You're asking: ${core.charAt(0).toUpperCase()}${core.slice(1)}?`;
  return `You mentioned that ${/^(you|your|you're|you've|you'd)\b/i.test(core) ? core.charAt(0).toLowerCase() + core.slice(1) : core}.`;
}

/**
 * A reason the reply already gives from the customer's side — a purpose clause
 * around a benefit word (「お客様の個人情報を守るため」, "to keep your account
 * safe") — so a rewrite of a company-side phrase can name it instead of a
 * placeholder. Japanese: the clause up to its ため; English: "to …" up to the
 * next comma or stop. Undefined when the reply gives none.
 */
export function customerSideReason(sentences: Sentence[], lang: Lang): string | undefined {
  for (const sentence of sentences) {
    if (sentence.lang !== lang) continue;
    const tokens = sentence.tokens;
    const kinds = tokenConcepts(tokens, lang);
    const benefit = kinds.findIndex((k) => k?.has('benefit'));
    if (benefit < 0) continue;
    const text = sentence.text;
    const at = (t: Token) => t.start - sentence.start;
    if (lang === 'ja') {
      const tame = tokens.findIndex((t, i) => i > benefit && t.base === 'ため');
      if (tame < 0 || tokens.slice(benefit, tame).some((t) => /^[、。]$/u.test(t.surface))) continue;
      const before = text.slice(0, at(tokens[benefit]!));
      const clauseStart = Math.max(before.lastIndexOf('、'), before.lastIndexOf('。')) + 1;
      const reason = text.slice(clauseStart, at(tokens[tame]!) + tokens[tame]!.surface.length).trim();
      if (reason.length >= 4 && reason.length <= 40) return reason;
    } else {
      const to = tokens.findIndex((t, i) => t.base === 'to' && i <= benefit + 1 && i >= benefit - 4 && tokens[i + 1]?.pos !== 'symbol');
      if (to < 0) continue;
      const rest = text.slice(at(tokens[to]!));
      const end = rest.search(/[,.;:!?]/u);
      const reason = (end < 0 ? rest : rest.slice(0, end)).trim();
      if (reason.split(/\s+/u).length >= 3 && reason.split(/\s+/u).length <= 10) return reason.charAt(0).toUpperCase() + reason.slice(1);
    }
  }
  return undefined;
}
