/**
 * Reply structure: greeting, body, closing, signature and quoted original.
 *
 * Works on lines. Quoted text (`>` lines, or everything under an
 * `-----Original Message-----`, `On … wrote:`, `From:/Sent:/Subject:` or
 * `差出人:/送信日時:/件名:` header) is never the agent's words.
 */
import type { Segment, SegmentKind } from '../types.js';

export interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character (before the line break). */
  end: number;
  text: string;
  kind: SegmentKind;
  blank: boolean;
}

export interface Structure {
  lines: Line[];
  segments: Segment[];
  /** The quoted original, lines joined with `\n`, `>` markers removed. */
  quoted: string;
}

const separatorLine = /^\s*-{2,}\s*(original message|forwarded message|元のメッセージ|転送されたメッセージ)\s*-{2,}\s*$/iu;
const wroteLine = /^\s*(on\b.{3,300}\bwrote|.{0,200}(のメッセージ|は書きました|さんより))\s*[:：]\s*$/iu;
const headerStart = /^\s*(from|差出人|送信者)\s*[:：]/iu;
const headerFollow = /^\s*(sent|date|to|cc|subject|送信日時|日時|宛先|件名|cc)\s*[:：]/iu;
const quoteMarker = /^\s*(>|＞)/u;
/** A header line like `2026年4月9日(木) 23:18 石田 健太 <x@example.jp>:` right above quoted lines. */
const attributionLine = /(<[^<>\s]+@[^<>\s]+>|\d{1,2}:\d{2}).{0,40}[:：]\s*$/u;

const enGreeting = /^\s*(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings)\b(?:[^.!?]|(?<=\b(?:Mr|Mrs|Ms|Dr|Prof|Mx))\.){0,60}[,!:]?\s*$/iu;
const jaAddressee = /(様|さま|さん|御中|殿|各位|ご担当者?様?)\s*[、,:：]?\s*$/u;
const jaOpener = /^\s*(いつも|平素|日頃|毎度|お世話になっ|この(たび|度)は|初めまして|はじめまして)/u;
const jaSelfIntro = /^[^。]{0,40}((担当|サポート|センター|デスク|窓口|チーム|係|スタッフ|カスタマー|受付).{0,20}(でございます|です|と申します)|の[^、。]{1,12}(でございます|と申します|です))[。.]?\s*$/u;
const thanksLine = /^\s*((ご連絡|お問い合わせ|お問合せ|ご相談|ご質問|ご報告|お知らせ)(を)?(いただき|くださり)?[、,]?\s*(誠に|まことに|大変)?ありがとう(ございます|ございました)[。.!！]?|thanks?( you)? (so much )?for (reaching out|contacting|getting in touch|writing in|your (message|email|question|inquiry|enquiry|patience))[^.!?]{0,40}[.!]?)\s*$/iu;

const enSignOff = /^\s*(best|best regards|best wishes|kind regards|warm regards|warmest regards|regards|many thanks|thanks|thank you|cheers|take care|all the best|sincerely|yours sincerely|yours truly|respectfully|with thanks|warmly)\s*[,.!]?\s*$/iu;
const jaSignOff = /^\s*(今後とも|引き続き|以上|何卒|なにとぞ|よろしくお願い|宜しくお願い).{0,40}(お願い|申し上げ|ます)[^。]*[。]?\s*$/u;
const signatureDelimiter = /^\s*(--|__+|={3,}|-{3,})\s*$/u;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    lines.push(makeLine(text, start, m.index));
    start = m.index + m[0].length;
  }
  lines.push(makeLine(text, start, text.length));
  return lines;
}

function makeLine(text: string, start: number, end: number): Line {
  const value = text.slice(start, end);
  return { start, end, text: value, kind: 'body', blank: value.trim() === '' };
}

/**
 * `source` is the same text before template placeholders were masked (same
 * length): the quoted original is taken from it, so an inquiry keeps its words.
 */
export function analyseStructure(text: string, source: string = text): Structure {
  const lines = splitLines(text);
  markQuoted(lines);

  const agent = lines.map((l, i) => i).filter((i) => lines[i]!.kind !== 'quoted' && !lines[i]!.blank);
  markGreeting(lines, agent);
  markClosing(lines, agent);

  return { lines, segments: toSegments(lines), quoted: quotedText(lines, source) };
}

function markQuoted(lines: Line[]): void {
  let restFrom = -1;
  for (let i = 0; i < lines.length && restFrom < 0; i++) {
    const t = lines[i]!.text;
    if (separatorLine.test(t) || wroteLine.test(t)) restFrom = i;
    else if (headerStart.test(t)) {
      for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
        if (headerFollow.test(lines[j]!.text)) {
          restFrom = i;
          break;
        }
      }
    } else if (attributionLine.test(t) && nextNonBlankIsQuote(lines, i)) restFrom = i;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if ((restFrom >= 0 && i >= restFrom) || quoteMarker.test(line.text)) line.kind = 'quoted';
  }
}

function nextNonBlankIsQuote(lines: Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    if (!lines[j]!.blank) return quoteMarker.test(lines[j]!.text);
  }
  return false;
}

/** A line holding only a (masked) template placeholder such as `{{customer_name}}`: a name. */
const placeholderLine = /^\s*Nn+\s*[,、:：]?\s*$/u;

function isGreetingPart(t: string): boolean {
  return enGreeting.test(t) || jaAddressee.test(t) || jaOpener.test(t) || jaSelfIntro.test(t) || thanksLine.test(t) || placeholderLine.test(t);
}

/** A greeting line, possibly several greeting sentences on one line (「いつも…ございます。受付の西村です。」). */
function isGreetingLine(t: string): boolean {
  const parts = t.split(/(?<=[。！？])/u).map((p) => p.trim()).filter(Boolean);
  if (parts.length <= 1) return isGreetingPart(t);
  // 「いつもお世話になっております。2店舗のうち…」: every sentence on the line must be a greeting.
  return parts.every(isGreetingPart);
}

function markGreeting(lines: Line[], agent: number[]): void {
  // Company or department lines above the addressee line belong to the greeting too.
  let last = -1;
  for (let k = 0; k < agent.length && k < 8; k++) {
    const line = lines[agent[k]!]!;
    const t = line.text;
    if (isGreetingLine(t) && !/[!?！？]\s*\S|(?<!\b(?:Mr|Mrs|Ms|Dr|Prof))\.\s+\S/u.test(t.trim().slice(0, -1))) {
      last = k;
      continue;
    }
    // A short line without sentence punctuation directly before an addressee line.
    const next = agent[k + 1] !== undefined ? lines[agent[k + 1]!]! : undefined;
    if (
      next &&
      k < 3 &&
      t.trim().length <= 40 &&
      !/[。！？.!?]$/u.test(t.trim()) &&
      jaAddressee.test(next.text)
    ) {
      last = k;
      continue;
    }
    break;
  }
  for (let k = 0; k <= last; k++) lines[agent[k]!]!.kind = 'greeting';
}

function markClosing(lines: Line[], agent: number[]): void {
  const body = agent.filter((i) => lines[i]!.kind === 'body');
  if (body.length === 0) return;
  let signOff = -1;
  // Look for a sign-off among the last few agent lines.
  for (let k = body.length - 1; k >= Math.max(0, body.length - 12); k--) {
    const t = lines[body[k]!]!.text;
    // Everything below a sign-off is a short signature line (name, team, phone, address).
    if (k < body.length - 1 && !isSignatureLine(lines[body[k + 1]!]!.text)) break;
    if (enSignOff.test(t) || jaSignOff.test(t) || signatureDelimiter.test(t)) {
      signOff = k;
      break;
    }
    // "Wishing you both a wonderful anniversary," style sign-off: short, ends with a comma, few lines after.
    if (k >= body.length - 4 && k > 0 && /^[^,、]{3,60},\s*$/u.test(t) && !enGreeting.test(t)) {
      signOff = k;
      break;
    }
  }
  if (signOff >= 0) {
    const delimiter = signatureDelimiter.test(lines[body[signOff]!]!.text);
    lines[body[signOff]!]!.kind = delimiter ? 'signature' : 'closing';
    for (let k = signOff + 1; k < body.length; k++) lines[body[k]!]!.kind = 'signature';
    return;
  }
  // No sign-off: trailing short lines without sentence punctuation that look like a signature.
  for (let k = body.length - 1; k >= Math.max(1, body.length - 5); k--) {
    const t = lines[body[k]!]!.text.trim();
    if (isSignatureLine(t) && (signatureWord.test(t) || contactLine.test(t))) {
      lines[body[k]!]!.kind = 'signature';
    } else break;
  }
}

const signatureWord = /(サポート|センター|デスク|株式会社|有限会社|担当|窓口|受付|クリニック|事務局|support|team|service|care|desk|office|department|inc\.?|ltd\.?|llc)/iu;
const contactLine = /^(tel|phone|fax|e-?mail|mail|電話|メール|ＴＥＬ|〒)|https?:\/\/|@[\w-]+\.|\d{2,5}[-\s]\d{2,4}[-\s]\d{3,4}/iu;

/** Short line with no sentence ending: a name, a team, a phone number or an address. */
function isSignatureLine(t: string): boolean {
  const v = t.trim();
  return v.length <= 60 && (!/[。.!?！？]$/u.test(v) || contactLine.test(v)) && !/[、,]\s*$/u.test(v.slice(0, -1) + 'x');
}

function toSegments(lines: Line[]): Segment[] {
  const segments: Segment[] = [];
  for (const line of lines) {
    if (line.blank) continue;
    const last = segments[segments.length - 1];
    if (last && last.kind === line.kind) last.end = line.end;
    else segments.push({ kind: line.kind, start: line.start, end: line.end });
  }
  return segments;
}

function quotedText(lines: Line[], source: string): string {
  return lines
    .filter((l) => l.kind === 'quoted')
    .map((l) => source.slice(l.start, l.end).replace(/^\s*((>|＞)\s?)+/u, ''))
    .filter((t) => !separatorLine.test(t) && !wroteLine.test(t) && !headerStart.test(t) && !headerFollow.test(t) && !attributionLine.test(t))
    .join('\n')
    .trim();
}
