/**
 * Building suggested sentences from the inquiry (the acknowledgement it calls for,
 * a plain form of its sentences) and where to insert them: after the reply's
 * opening. Restatements are built in `suggest-restate.ts`.
 */
import type { RuleContext, InquiryView } from '../rule.js';
import type { Sentence, Token } from '../parse/document.js';
import type { Lang } from '../types.js';
import { tokenConcepts } from './features.js';
import words from './suggest-words.json' with { type: 'json' };

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

/** The customer's family, as the agent refers to them (娘 → お嬢様). */
export const family: Record<string, string> = {
  母: 'お母様', 父: 'お父様', 娘: 'お嬢様', 息子: '息子さん', 夫: 'ご主人', 主人: 'ご主人', 妻: '奥様', 家内: '奥様', 嫁: '奥様',
  子ども: 'お子様', 子供: 'お子様', 子: 'お子様', 家族: 'ご家族', 祖母: 'おばあ様', 祖父: 'おじい様', 姉: 'お姉様', 兄: 'お兄様', 妹: '妹さん', 弟: '弟さん',
  両親: 'ご両親', 母親: 'お母様', 父親: 'お父様',
};

const aRow: Record<string, string> = { き: 'か', ぎ: 'が', し: 'さ', ち: 'た', に: 'な', び: 'ば', み: 'ま', り: 'ら', い: 'わ' };
const pastOf: Record<string, string> = { き: 'いた', ぎ: 'いだ', し: 'した', ち: 'った', り: 'った', い: 'った', に: 'んだ', び: 'んだ', み: 'んだ' };

/** A verb's 連用形 token → its stem before ない (届き → 届か, でき → でき, し → し). */
function beforeNai(v: Token): string {
  // ありません → ない (not あらない)
  if (v.base === 'ある') return '';
  if (v.base === 'する' || v.base === 'いる' || v.surface === v.base.slice(0, -1)) return v.surface;
  if (v.base === '来る') return '来';
  const last = v.surface.slice(-1);
  return aRow[last] ? v.surface.slice(0, -1) + aRow[last] : v.surface;
}

/** A verb's 連用形 token → its plain past (届き → 届いた, でき → できた, 行き → 行った). */
function pastTense(v: Token): string {
  if (v.base === 'する' || v.base === '来る' || v.surface === v.base.slice(0, -1)) return v.surface + 'た';
  if (v.base === '行く' || v.base === 'いく') return v.surface.slice(0, -1) + 'った';
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
      // 心配です → 心配; 心配でした → 心配だった; 赴任中ですが、 → 赴任中だが、
      if (tok.surface === 'でしょ' && next(1)?.surface === 'う') {
        // いくらくらいでしょうか → いくらくらいか
        emit(t[i + 1]!.end, '');
        i += 1;
      } else if (next(1)?.pos === 'particle' && /^(?:が|けど|けれど)$/u.test(next(1)!.surface)) {
        // 「〜ですが、」 either introduces the subject (「ミルクですが、夜になると」) or contrasts
        // (「来週木曜の予定ですが、壊れて」); no plain form fits both, so it stays and the clause is not restated.
        emit(tok.end, raw.slice(tok.start, tok.end));
      } else if (next(1)?.pos === 'aux' && next(1)!.base === 'た') {
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

// ---------------------------------------------------------------- placement

/** An @mention (or several) at the start of a sentence: an address, not content. */
const mention = /^\s*(?:[@＠][\w.]+(?:\s*(?:様|さま|さん))?[\s,:、]*)+/u;

/** A greeting sentence or prefix ("Hi Ray,", "Hey,", 「水城様、」). */
const enGreetingPrefix = /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b(?:\s+(?:there|team|all|again|[A-Z][\w'-]*)){0,3}\s*[,!:.—–-]\s*/iu;
const jaNamePrefix = /^\s*[^\s、。]{1,12}(?:様|さま|さん)[、,]\s*/u;

/** Opening sentences an insertion goes after: thanks, a self-introduction, "I hope you're well", 「お世話になっております」. */
function isOpeningText(text: string, lang: Lang, tokens: Token[]): boolean {
  const t = text.trim();
  if (t === '') return true;
  if (lang === 'en') {
    return (
      /^(?:thanks|thank you|many thanks|thx)\b/iu.test(t) ||
      /^(?:I hope (?:you're|you are|this finds you)|hope you're)\b/iu.test(t) ||
      /^\(?(?:[Tt]his is|[Mm]y name is|I'm|I am)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s*(?:from|at|with|here|on|of|,|\.|!|$)/u.test(t) ||
      /^\(?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+(?:here|from\s+[A-Z][\w&'. -]*here)\b/u.test(t) ||
      /^(?:we(?:'ve| have) received your|we are happy to (?:help|assist)|happy to (?:help|assist))\b/iu.test(t) ||
      /^\[[^\]]{1,40}\]$/u.test(t) ||
      /^(?:oh no|oh dear|yikes|oops|ah|oh)\b[^.!?]{0,20}[.!?]?$/iu.test(t) ||
      /^(?:ticket|case|reference|ref|claim|order)(?:\s+(?:number|no\.?|id|#))?\s*[:#]\s*\S+$/iu.test(t) ||
      enGreetingPrefix.test(t) && t.replace(enGreetingPrefix, '').trim() === ''
    );
  }
  // A letter's opening: 拝啓 and the seasonal greeting after it (「時下ますますご清栄のこととお慶び申し上げます」).
  if (/^拝啓|^謹啓|^前略|お慶び申し上げます[。]?$|ご清栄|ご清祥|ご健勝/u.test(t)) return true;
  if (/^(?:えっ|ええっ|あっ|まあ|なんと)[、,！!]?.{0,10}[。！!]?$|^そうでしたか[。！!]?$/u.test(t)) return true;
  if (/^[【\[［][^】\]］]{1,40}[】\]］]$/u.test(t)) return true;
  if (/^[【\[［]?(?:お問い合わせ番号|お問合せ番号|受付番号|ご?注文番号|ご?予約番号|チケット番号|管理番号)[：:]/u.test(t)) return true;
  if (/(?:ありがとうございます|ありがとうございました|お世話になっております|お世話になります|お疲れ様です|と申します|御礼申し上げます|お礼申し上げます|感謝申し上げます)[。！!]?$/u.test(t)) return true;
  // 「Kumo DB の DevRel をしている中島です。」: a name (a proper noun) right before です.
  const desu = tokens.findIndex((k, i) => i > 0 && (k.surface === 'です' || k.surface === 'で') && i >= tokens.length - 5);
  if (desu > 0 && tokens[desu - 1]!.detail === '固有名詞' && t.length <= 50 && /(?:です|でございます)[。！!]?$/u.test(t)) return true;
  // A sentence that is only a noun phrase and です (「レンズレンタル・フォーカスです。」).
  if (t.length <= 30 && /(?:です|でございます)[。！!]?$/u.test(t)) {
    const head = tokens.filter((k) => !(k.pos === 'aux' || k.surface === 'ござい' || k.surface === 'ます' || k.surface === '。' || k.surface === 'で'));
    if (head.length > 0 && head.every((k) => k.pos === 'noun' || k.pos === 'symbol' || k.pos === 'other' || k.surface === 'の' || /^[\s&.・]+$/u.test(k.surface))) return true;
  }
  // A desk introducing itself (「こうなん中央病院 医事課でございます。」), whatever the tokenizer makes of a brand name in kana.
  if (t.length <= 40 && /(?:課|局|室|部|センター|窓口|サポート|デスク|係|支店|営業所|事務所|チーム)(?:です|でございます)[。！!]?$/u.test(t) && !/[はがを]/u.test(t.replace(/^.*[、\s]/u, '').replace(/(?:です|でございます)[。！!]?$/u, '').slice(-6))) return true;
  // A self-introduction: the last clause is a noun phrase naming a desk or a person, then です/でございます.
  const m = /(?:^|[、,]\s*)([^、,。]{1,40}?)(?:です|でございます)[。！!]?$/u.exec(t);
  if (!m) return false;
  const clauseStart = t.length - m[0].length + m[0].indexOf(m[1]!);
  const base = tokens.length > 0 ? tokens[0]!.start : 0;
  const inClause = tokens.filter((k) => k.start - base >= clauseStart && k.start - base < clauseStart + m[1]!.length);
  const nounPhrase = inClause.length > 0 && inClause.every((k) => k.pos === 'noun' || k.pos === 'symbol' || k.surface === 'の' || k.pos === 'other' || /^[\s&.・]+$/u.test(k.surface));
  const namesDesk = /サポート|窓口|係|課|室|部|センター|デスク|担当|店|事務局|受付|カスタマー|サービス|薬剤師|相談|チーム|公式/u.test(m[1]!) || inClause.some((k) => k.detail === '固有名詞') || /[A-Za-z]/u.test(m[1]!);
  return nounPhrase && namesDesk;
}

/**
 * Where a sentence for the customer goes: after the opening (greeting, @mention, thanks,
 * the agent's self-introduction), never before it, and never splitting a sentence.
 * `after` lets the acknowledgement follow a restatement the reply opens with.
 * As its own paragraph where it starts a line; inline, after a sentence on the same line, otherwise.
 */
export function insertionAfterOpening(
  context: Pick<RuleContext, 'doc' | 'body'>,
  sentence: string,
  after?: (s: Sentence) => boolean,
): { start: number; end: number; text: string } {
  const text = context.doc.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = context.body;
  let at = body[0]!.start;
  let i = 0;
  for (; i < body.length; i++) {
    const s = body[i]!;
    let rest = s.text;
    let offset = 0;
    const mm = mention.exec(rest);
    if (mm) {
      offset += mm[0].length;
      rest = rest.slice(mm[0].length);
    }
    const gp = s.lang === 'en' ? enGreetingPrefix.exec(rest) : jaNamePrefix.exec(rest);
    const greeted = gp !== null;
    if (gp) {
      offset += gp[0].length;
      rest = rest.slice(gp[0].length);
    }
    const restTokens = s.tokens.filter((k) => k.start >= s.start + offset);
    if (isOpeningText(rest, s.lang, restTokens)) {
      at = s.end;
      continue;
    }
    // "Hi Ray, you'd like …": a greeting that opens a content sentence: after that sentence.
    if (greeted && s.lang === 'en') {
      at = s.end;
      i++;
      break;
    }
    // An @mention before content: right after the mention.
    if (mm) at = s.start + mm[0].length;
    else at = s.start;
    break;
  }
  if (after) {
    // The acknowledgement after a restatement the reply opens with.
    const next = body[i];
    if (next && after(next)) at = next.end;
  }
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  const before = text.slice(lineStart, at);
  const lineEnd = text.slice(at).search(/\r|\n|$/u);
  const restOfLine = text.slice(at, at + lineEnd);
  if (before.trim() === '') return { start: at, end: at, text: sentence + eol + eol };
  // After the last sentence of its line: a paragraph of its own below it.
  if (restOfLine.trim() === '') return { start: at + lineEnd, end: at + lineEnd, text: eol + eol + sentence };
  // Mid-line: inline, as a sentence between the two, where the whole paragraph is in the sentence's
  // language (in a mixed paragraph an inserted sentence could change how the paragraph is read);
  // otherwise a paragraph of its own above the line.
  const lang = /[\u3040-\u30ff\u4e00-\u9fff]/u.test(sentence) ? 'ja' : 'en';
  const here = context.doc.paragraphs.findIndex((p) => p.start <= at && at <= p.end);
  const paragraphSentences = context.doc.sentences.filter((x) => x.paragraph === here);
  if (here < 0 || context.doc.paragraphs[here]!.lang !== lang || paragraphSentences.some((x) => x.lang !== lang)) {
    return { start: lineStart, end: lineStart, text: sentence + eol + eol };
  }
  if (lang === 'ja') return { start: at, end: at, text: sentence };
  return /^\s/u.test(restOfLine) ? { start: at, end: at, text: ' ' + sentence } : { start: at, end: at, text: sentence + ' ' };
}

// ---------------------------------------------------------------- acknowledgement

const bereavement = {
  ja: /亡くな|他界|逝去|葬儀|告別式|通夜|四十九日|相続|遺族|急逝|永眠|喪中/u,
  en: /\b(?:passed away|funeral|bereave\w*|widow\w*|condolences?|the estate of|late (?:husband|wife|father|mother|mum|mom|dad|son|daughter|partner))\b|\b(?:my|our|his|her)\s+(?:husband|wife|father|mother|mum|mom|dad|son|daughter|partner|brother|sister|grand(?:mother|father|ma|pa)|aunt|uncle|child|baby|friend)\s+(?:has\s+|had\s+|just\s+|recently\s+)*(?:died|passed)\b/iu,
};
const illness = {
  // (Not the name of an insurance benefit or a fee: 「手術給付金」「入院費」 are products, not the customer's illness.)
  ja: /(?:入院|手術|病気|怪我|救急|脳梗塞|(?:乳|肺|胃|大腸)?がん(?:と|の|で|が見つ)|癌|骨折|闘病|療養|通院|むち打ち|発熱|熱を出)(?!給付|保険|費|特約|一時金|保障|補償)/u,
  en: /\b(?:hospital(?:ised|ized)?|surgery|ER|emergency room|A&E|sick|illness|injur(?:y|ed|ies)|broken (?:arm|leg|ankle|wrist|hip)|cancer|chemo\w*|stroke|appendicitis|in hospital)\b/u,
};
const worry = {
  ja: /心配|不安|怖い|焦って|焦り/u,
  en: /\b(?:worried|worry|worrying|anxious|nervous|scared|afraid|panick\w*)\b/iu,
};
/**
 * Something went wrong for the customer (suggestion-side cues, read only in statements, never in
 * a question or an "if" clause: "if I pause, do I lose my progress?" is not trouble they have had).
 */
const trouble = {
  ja: /破れ|傷が|傷を|汚れ|欠け|不愉快|届か|届いてい?な|来な|来ていな|入ってな|入っていな|壊れ|破損|故障|不良|エラー|不具合|止ま|消え|間違|遅れ|遅延|漏れ|こぼれ|ピンぼけ|できな|できませ|つながら|繋がら|つながりませ|繋がりませ|出ませ|出ない|出なく|鳴らな|映らな|点かな|入れな|入れませ|受けられ|受け取れ|ログインでき|届きませ|動きませ|使えませ|開きませ|使えな|落ちていな|落ちてな|請求され|引き落とされ|二重|停止され|凍結|保留|運休|中止|欠航|トラブル|詰ま|あふれ|紛失|盗ま|なくし|失くし|表示されな|開けな|見れな|見られな|未公開|されていな|ないまま|のまま|返事がな|返信がな|連絡がな|連絡もな|来ませ|届きませ|ませんでした/u,
  en: /\b(?:(?:didn't|did not|hasn't|has not|haven't|never|still (?:hasn't|haven't|isn't|not))\s+(?:\w+\s+)?(?:arrive|arrived|come|came|show|showed|shown|turn(?:ed)? up|receive|received|get|got|work|worked|load|loaded|credited|moved)|(?:isn't|aren't|arent|isnt|not|stopped) (?:showing|working|loading|arriving|syncing|updating|opening)|(?<!nothing's |nothing is |nothing was )missing|broken|broke|damaged|cracked|crushed|late|delayed|cancel(?:l)?ed|charged|overcharged|double[- ]charged|error|crash(?:es|ed|ing)?|not working|doesn't work|won't (?:load|open|start|turn on|work|connect)|stopped working|can't (?:log|sign|access|open|connect|withdraw|send|get|use|find|see|play|download)|cannot (?:log|sign|access|open|connect|withdraw|send|get|use)|locked (?:out|me out)|suspended|restricted|limited|outage|down since|is down|went down|no signal|lost|wrong|stuck|leak(?:s|ing|ed)?|rude|stone cold|arrived cold|melted|scratch(?:ed)?|dent(?:ed)?|stain(?:ed)?|torn|ripped|chipped|wasn't picked up|no-show|didn't show|failed|declined|disconnect\w*|keeps? (?:crashing|failing|dropping|expiring|saying|getting)|expired|nothing has come|still nothing|still waiting|been waiting|no refund|no reply|no response|nobody (?:called|came|has|showed))\b/iu,
};
/** A life event behind the request (a move, a new job, closing a business, a trip, a birth). */
const lifeEvent = {
  ja: /転勤|引っ越|引越|転居|廃業|閉じる|閉じること|閉店|退職|転職|出産|結婚|留学|海外に行|海外へ行|出張|入学|卒業|就職|介護/u,
  en: /\b(?:moving (?:house|home|abroad|to)|relocat\w*|closing (?:down|my|our|the)|retir\w*|new job|deployment|deployed|studying abroad|having a baby|new(?:born| baby)|wedding|getting married|emigrat\w*)\b/iu,
};

/** Does this statement of the customer's say something went wrong? */
export function statesTrouble(text: string, lang: Lang): boolean {
  return trouble[lang].test(text);
}

/** The customer's statements (no questions, no "if" clauses) where trouble is looked for. */
function statements(inquiry: InquiryView, lang: Lang): string[] {
  return inquirySentences(inquiry, lang)
    .map((s) => s.text.trim())
    .filter((t) => !isQuestion(t))
    .map((t) =>
      t
        .replace(/^(?:if|when)\b[^,]*,/iu, '')
        .split('、')
        // (「すぐ使えないと困るんですが」: a condition the customer fears, not trouble they have had.)
        .filter((clause) => !/(?:たら|れば|なら)$/u.test(clause) && !/(?:ないと|なくなると|なかったら|ないなら)(?:困|大変|まず|心配)/u.test(clause))
        .join('、'),
    );
}

function isQuestion(text: string): boolean {
  return /[?？]\s*$|(?:ますか|ですか|でしょうか|ませんか|か)[。]?$/u.test(text);
}

// ---------------------------------------------------------------- word lists (suggest-words.json)

interface WordList {
  note: string;
  entries: Array<{ term: string; to?: string; note: string }>;
}
const lists = words as unknown as Record<Lang, Record<string, WordList>>;

/** A Japanese list's base forms; an English list as one regular expression on word boundaries. */
export function jaTerms(list: string): Map<string, string | undefined> {
  return new Map(lists.ja[list]!.entries.map((e) => [e.term, e.to]));
}
const enPatterns = new Map<string, RegExp>();
export function enPattern(list: string): RegExp {
  let re = enPatterns.get(list);
  if (!re) {
    re = new RegExp(`\\b(?:${lists.en[list]!.entries.map((e) => e.term).join('|')})\\b`, 'iu');
    enPatterns.set(list, re);
  }
  return re;
}

/** Does the inquiry's text carry a term of the list (Japanese surface forms, English by pattern)? */
function inquiryHasText(inquiry: InquiryView, lang: Lang, list: string): boolean {
  const text = inquirySentences(inquiry, lang).map((s) => s.text).join('\n');
  return lang === 'en' ? enPattern(list).test(text) : [...jaTerms(list).keys()].some((t) => text.includes(t));
}

/** Verbs of an occasion list that say something was spoiled only under a negation (食べられない, 間に合わなかった). */
const needsNegation = new Set(['食べる', '飲む', '飲める', '間に合う']);

/** Does one of the inquiry's sentences carry a term of the list (Japanese by base form, English by pattern)? */
function inquiryHas(inquiry: InquiryView, lang: Lang, list: string): boolean {
  const sentences = inquirySentences(inquiry, lang);
  if (lang === 'en') return sentences.some((s) => enPattern(list).test(s.text));
  const terms = jaTerms(list);
  return sentences.some((s) =>
    s.tokens.some((t) => (terms.has(t.base) || terms.has(t.surface)) && (!needsNegation.has(t.base) || s.tokens.some((k) => k.pos === 'aux' && /^(?:ない|ぬ|ん)$/u.test(k.base)))),
  );
}

/** A hedged apology ("for any inconvenience this may have caused", 「おかけしたのであれば」): the span that hedges, and what makes it plain. */
export function hedgedApology(sentences: Sentence[]): { start: number; end: number; text: string } | undefined {
  for (const s of sentences) {
    if (s.lang === 'en') {
      const m = /\bany (inconvenience|trouble|frustration|confusion|disappointment)(?: (?:this|that|it) may have caused(?: you)?| (?:this|that) may have caused(?: you)?| caused| this may cause)?(?= *[.!,;]| *$)/iu.exec(s.text);
      if (m) return { start: s.start + m.index, end: s.start + m.index + m[0].length, text: `the ${m[1]!.toLowerCase()} this has caused you` };
      // "We apologize if you were unhappy with the service" / "Sorry if you were upset by this".
      const conditional = /\bif you (?:were|are|felt|feel|have been) (?:unhappy|upset|disappointed|inconvenienced|dissatisfied|frustrated)(?: (?:with|by) [^.!?;]*)?(?=[.!?;]|$)/iu.exec(s.text);
      if (conditional && /(?:apologi[sz]e|sorry)\s*$/iu.test(s.text.slice(0, conditional.index))) {
        return { start: s.start + conditional.index, end: s.start + conditional.index + conditional[0].length, text: 'for the trouble this has caused you' };
      }
    } else {
      const m = /(おかけ|お掛け|かけ)(?:いた)?し(?:た|てしまった|ていた|ている|ておる)?(?:のであれば|のでしたら|とすれば|ようでしたら|ようであれば|場合は)、?(?=申し訳|お詫び|大変申し訳|誠に申し訳)/u.exec(s.text);
      if (m) {
        const next = s.text.slice(m.index + m[0].length);
        const plain = /^お詫び/u.test(next) ? `${m[1]}したことを` : `${m[1]}し、`;
        return { start: s.start + m.index, end: s.start + m.index + m[0].length, text: plain };
      }
    }
  }
  return undefined;
}

export type AcknowledgementKind = 'condolence' | 'illness' | 'worry' | 'worry-apology' | 'disappointment' | 'apology' | 'hurt' | 'problem' | 'situation';

/**
 * What the inquiry calls for, from what happened and how it affects the customer (third suggestion
 * review: a bystander's 「お困りのことと存じます」 / "sorry about the trouble" where an apology,
 * worry or disappointment was owed): condolence after a death; sympathy for an illness; when
 * something went wrong with what the company provided (trouble, not of the customer's own doing nor
 * of a third party's), the company's apology — for the worry too where someone was harmed or the
 * customer says they are worried, for the disappointment where an occasion or something they looked
 * forward to was spoiled; their worry; the trouble they have had (their own doing, a third party's);
 * their situation (a life event behind the request); or nothing, for a how-to question or a request
 * where nothing went wrong.
 */
export function acknowledgementKind(inquiry: InquiryView | undefined, lang: Lang): AcknowledgementKind | undefined {
  if (!inquiry) return undefined;
  const text = inquiry.text;
  if (bereavement.ja.test(text) || bereavement.en.test(text)) return 'condolence';
  if (illness[lang].test(text)) return 'illness';
  const troubled = statements(inquiry, lang).some((t) => trouble[lang].test(t));
  // (Not of the customer's own doing, not a third party's, and not met while asking how to do something.)
  const companySide =
    troubled && !inquiryHas(inquiry, lang, 'ownDoing') && !inquiryHas(inquiry, lang, 'thirdParty') && !inquiryHasText(inquiry, lang, 'howTo');
  // Hurt or offended by how they were treated: the apology is for that feeling.
  if (inquiryHas(inquiry, lang, 'hurt')) return 'hurt';
  const worried = worry[lang].test(text) || inquiryHas(inquiry, lang, 'harm');
  if (worried) return companySide ? 'worry-apology' : 'worry';
  if (companySide) return inquiryHas(inquiry, lang, 'occasion') ? 'disappointment' : 'apology';
  if (troubled) return 'problem';
  if (lifeEvent[lang].test(text)) return 'situation';
  return undefined;
}

const acknowledgementSentence: Record<AcknowledgementKind, Record<Lang, string>> = {
  condolence: { ja: '心よりお悔やみ申し上げます。お辛い中、ご連絡いただきありがとうございます。', en: "I'm so sorry for your loss." },
  illness: { ja: '大変な中ご連絡いただき、ありがとうございます。一日も早いご回復を心よりお祈りしております。', en: "I'm sorry to hear about everything you're dealing with right now." },
  problem: { ja: 'お困りのことと存じます。', en: "I'm sorry to hear about the trouble you've had." },
  apology: { ja: 'ご不便をおかけし、大変申し訳ございません。', en: "I'm so sorry for all the trouble you've had with this." },
  'worry-apology': { ja: 'ご心配とご迷惑をおかけし、大変申し訳ございません。', en: "I'm so sorry for the worry this has caused you." },
  disappointment: { ja: '残念な思いをさせてしまい、大変申し訳ございません。', en: "I'm so sorry this turned out to be such a disappointment." },
  hurt: { ja: 'ご不快な思いをおかけし、大変申し訳ございません。', en: "I'm so sorry for how upsetting this has been for you." },
  worry: { ja: 'ご心配のことと存じます。', en: 'I can understand why this is worrying for you.' },
  situation: { ja: 'ご事情、お察しいたします。', en: "I understand there's a lot to arrange at a time like this." },
};

/** The acknowledgement sentence for a kind. */
export function acknowledgementFor(kind: AcknowledgementKind, lang: Lang): string {
  return acknowledgementSentence[kind][lang];
}

// ---------------------------------------------------------------- what is at stake

/** The first entry of a list found in the text (Japanese: a substring; English: the entry's fragment on word boundaries). */
function firstEntry(list: string, lang: Lang, text: string): { term: string; to?: string } | undefined {
  for (const e of lists[lang][list]!.entries) {
    if (lang === 'ja' ? text.includes(e.term) : new RegExp(`\\b(?:${e.term})\\b`, 'iu').test(text)) return e;
  }
  return undefined;
}

/**
 * An acknowledgement built from what the inquiry says is at stake (fourth suggestion review: the
 * stock 「ご不便をおかけし」 / "all the trouble you've had" where the customer showed a specific
 * stake): harm from outside the company (sympathy, never an apology), something of value lost, a
 * fee disputed, a time-critical delay (medicine, a frozen parcel, a payment deadline), children or a
 * vulnerable person affected. The stake is named in the agent's words (the word lists' `to`);
 * undefined when the inquiry shows none of them. `companySide`: what the company provided failed.
 */
export function stakeAcknowledgement(inquiry: InquiryView | undefined, lang: Lang, companySide: boolean, troubled: boolean): string | undefined {
  if (!inquiry) return undefined;
  const sentences = inquirySentences(inquiry, lang).map((s) => s.text);
  const all = sentences.join('\n');
  const said = statements(inquiry, lang);
  const worried = worry[lang].test(inquiry.text);
  const ja = lang === 'ja';
  // Harm from outside the company, in a statement of the customer's.
  for (const s of said) {
    const e = firstEntry('stakeDamage', lang, s);
    if (e) return ja ? `${e.to}とのこと、心よりお見舞い申し上げます。` : `I'm so sorry to hear about the ${e.to}.`;
  }
  // Something of value lost: a term and a loss cue in one sentence.
  for (const s of sentences) {
    const e = firstEntry('stakeLoss', lang, s);
    if (e && firstEntry('lossCue', lang, s)) {
      if (!ja) return `I'm so sorry you lost your ${e.to} — that's really disappointing.`;
      return companySide ? `${e.to}とのこと、残念な思いをさせてしまい、大変申し訳ございません。` : `${e.to}とのこと、さぞ残念なお気持ちのことと存じます。`;
    }
  }
  // A fee disputed: a fee term and a complaint cue anywhere in the message.
  const fee = firstEntry('stakeFee', lang, all);
  if (fee && firstEntry('feeComplaint', lang, all)) {
    // ("this fee" before the reply names any fee read as clunky and pointed nowhere: fifth suggestion review.)
    return ja ? `${fee.to}について、ご納得のいかないお気持ち、お察しいたします。` : `I can see why the ${fee.to} has been so frustrating for you.`;
  }
  // Someone else in their account: the worry of it (sixth suggestion review: 「ご不便」 for a stranger using it).
  if (said.some((s) => firstEntry('stakeIntrusion', lang, s))) {
    return ja ? 'アカウントを他の方に使われているかもしれないとなると、さぞご不安なことと存じます。' : 'I can imagine how unsettling it is to find someone else using your account.';
  }
  // Access taken away (an account suspended, restricted, locked), in a statement of the customer's:
  // the shock of it, never an apology that would admit a fault (fifth suggestion review: 「ご不便」
  // for a sudden ban or restriction understated it).
  if (said.some((s) => firstEntry('stakeAccess', lang, s))) {
    return ja ? '突然ご利用いただけなくなり、さぞ驚かれたことと存じます。' : 'I can imagine how unsettling it is to suddenly lose access to your account.';
  }
  // A charge the customer did not expect (a year's fee they were told was free, after cancelling).
  if (firstEntry('stakeCharge', lang, all) && firstEntry('chargeSurprise', lang, all)) {
    return ja ? '思いがけないご請求に、さぞ驚かれたことと存じます。' : "I can understand how unsettling it is to find a charge you weren't expecting.";
  }
  // A decision the customer disputes: their sense that it is unfair, not 「ご不便」 (eighth suggestion review).
  if (ja && said.some((s) => firstEntry('dispute', lang, s))) return 'ご納得いただけないお気持ち、お察しいたします。';
  // Left without word (no reply, a line that never connects): the worry of it, not 「ご不便」 (eighth suggestion review).
  if (ja && companySide && said.some((s) => firstEntry('noWord', lang, s))) return 'ご連絡が行き届かず、ご心配をおかけし、大変申し訳ございません。';
  if (!troubled && !worried) return undefined;
  // Time-critical only where it is late or has not come (a statement with a delay word): frozen goods
  // that were missing are not a worry about their thawing (sixth suggestion review).
  const delayed = sentences.filter((s) => firstEntry('delayCue', lang, s));
  const critical = delayed.map((s) => firstEntry('stakeWorry', lang, s)).find((e) => e !== undefined);
  if (critical) {
    if (ja) return companySide ? `${critical.to}、ご心配をおかけし、大変申し訳ございません。` : `${critical.to}、さぞご心配のことと存じます。`;
    return companySide ? `I'm so sorry — I know how worrying this is with ${critical.to}.` : `I understand how worrying this is with ${critical.to}.`;
  }
  if (!troubled) return undefined;
  // (In a statement of the trouble: children mentioned in passing are not what makes it hard.)
  const troubles = said.filter((t) => trouble[lang].test(t));
  const vulnerable = troubles.map((t) => firstEntry('stakeChildren', lang, t)).find((e) => e !== undefined);
  if (vulnerable) {
    if (ja) return companySide ? `${vulnerable.to}もいらっしゃる中、ご不便をおかけし、大変申し訳ございません。` : `${vulnerable.to}もいらっしゃる中、さぞお困りのことと存じます。`;
    return companySide ? `I'm so sorry — I know this is especially hard with ${vulnerable.to}.` : `I know this is especially hard with ${vulnerable.to}.`;
  }
  return undefined;
}

/** Does any statement of the customer's say something went wrong? */
export function inquiryStatesTrouble(inquiry: InquiryView | undefined, lang: Lang): boolean {
  return inquiry !== undefined && statements(inquiry, lang).some((t) => trouble[lang].test(t));
}

/**
 * A get-well wish naming who is ill (fourth review: 「一日も早いご回復」 with no name read as wishing
 * the customer well when the patient was his wife; the thanks beside it repeated the opening's).
 * Japanese only; none once the patient is out of hospital.
 */
export function getWellWish(inquiry: InquiryView | undefined): string | undefined {
  if (!inquiry || /退院/u.test(inquiry.text)) return undefined;
  for (const s of inquirySentences(inquiry, 'ja')) {
    if (!illness.ja.test(s.text)) continue;
    const who = s.tokens.find((t) => t.pos === 'noun' && family[t.surface] && !/^(?:家族)$/u.test(t.surface));
    return who ? `${family[who.surface]}の一日も早いご回復を心よりお祈りしております。` : '一日も早いご回復を心よりお祈りしております。';
  }
  return undefined;
}
