/**
 * Turns a reply (or an inquiry) into one language-neutral view: paragraphs
 * with a detected language, sentences with offsets, and words with base forms
 * (kuromoji's basic_form for Japanese, a Porter stem for English).
 */
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root as NlcstRoot, Sentence as NlcstSentence, Paragraph as NlcstParagraph } from 'nlcst';
import { stemmer } from 'stemmer';
import type { Lang, SegmentKind } from '../types.js';
import { analyseStructure, type Line, type Structure } from './structure.js';
import { ensureJapaneseTokenizer, tokenizeJapanese } from './japanese.js';
import { fold, hasKana, isJapaneseChar, maskPlaceholders, matchKey, sanitize } from '../text/normalize.js';
import { matchAll } from '../text/match-all.js';

export interface Token {
  surface: string;
  /** Dictionary/base form (JA) or lower-cased word (EN). */
  base: string;
  /** Matching key: width/case/kana-folded base (JA) or Porter stem (EN). */
  key: string;
  /** Coarse part of speech: noun, verb, adj, adv, particle, aux, symbol, other. */
  pos: 'noun' | 'verb' | 'adj' | 'adv' | 'particle' | 'aux' | 'symbol' | 'other' | 'word';
  /** Fine part of speech (kuromoji pos_detail_1), '' for English. */
  detail: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  lang: Lang;
  segment: SegmentKind;
  paragraph: number;
  tokens: Token[];
  /** Ranges (relative to `start`) inside 「」『』"" quotes: quoted UI text or words. */
  quotes: Array<[number, number]>;
}

export interface Paragraph {
  start: number;
  end: number;
  lang: Lang;
  segment: SegmentKind;
}

export interface Doc {
  /** The analysed text: control characters sanitised, template placeholders masked (same length as the input). */
  text: string;
  /** The input with only control characters sanitised: for quoting the writer's own words back. */
  raw: string;
  structure: Structure;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  language: Lang | 'mixed';
  quoted: string;
}

export interface BuildOptions {
  lang?: Lang | 'auto';
  /** Treat the whole text as body (used for inquiries). */
  flat?: boolean;
}

/** Count Japanese and Latin letters, ignoring URLs and e-mail addresses. */
export function letterCounts(value: string): { ja: number; latin: number; kana: boolean } {
  const cleaned = value.replace(/https?:\/\/\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+/g, ' ');
  let ja = 0;
  let latin = 0;
  for (const ch of cleaned) {
    if (isJapaneseChar(ch)) ja++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return { ja, latin, kana: hasKana(cleaned) };
}

export function detectLang(value: string, fallback: Lang): Lang {
  const { ja, latin, kana } = letterCounts(value);
  if (ja === 0 && latin === 0) return fallback;
  // Japanese prose quoting English product names stays Japanese.
  if (kana && ja * 3 >= latin) return 'ja';
  if (ja > 0 && latin === 0) return 'ja';
  if (latin > 0 && ja === 0) return 'en';
  return ja * 2 >= latin ? 'ja' : 'en';
}

function sentenceLanguage(value: string, paragraphLang: Lang): Lang {
  const { ja, latin, kana } = letterCounts(value);
  if (paragraphLang === 'ja' && ja === 0 && /(?<![A-Za-z])[A-Za-z]{2,}\W+[A-Za-z]{2}/u.test(value)) return 'en';
  if (paragraphLang === 'en' && kana && ja * 3 >= latin) return 'ja';
  return paragraphLang;
}

/** Build the structural view synchronously; Japanese words are filled by `tokenizeDoc`. */
export function buildDoc(rawText: string, options: BuildOptions = {}): Doc {
  const raw = sanitize(rawText);
  const text = maskPlaceholders(raw);
  const structure = options.flat ? flatStructure(text) : analyseStructure(text, raw);
  const overall = detectLang(
    structure.lines.filter((l) => l.kind !== 'quoted').map((l) => l.text).join('\n'),
    'en',
  );
  const forced = options.lang && options.lang !== 'auto' ? options.lang : undefined;

  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  for (const group of paragraphGroups(structure.lines)) {
    const start = group[0]!.start;
    const end = group[group.length - 1]!.end;
    const segment = group[0]!.kind;
    const value = text.slice(start, end);
    const lang = forced ?? detectLang(value, overall);
    const index = paragraphs.length;
    paragraphs.push({ start, end, lang, segment });
    const pieces = lang === 'ja' ? splitJapanese(text, group) : splitEnglish(text, group);
    for (const [s, e] of pieces) {
      // A sentence written wholly in the other language keeps its own language
      // (an English line inside a Japanese paragraph, and the reverse).
      const sentenceLang = forced ?? sentenceLanguage(text.slice(s, e), lang);
      const sentence: Sentence = {
        start: s,
        end: e,
        text: text.slice(s, e),
        lang: sentenceLang,
        segment,
        paragraph: index,
        tokens: sentenceLang === 'en' ? englishTokens(text, s, e) : [],
        quotes: [],
      };
      sentence.quotes = quoteRanges(sentence.text);
      sentences.push(sentence);
    }
  }

  const agentParagraphs = paragraphs.filter((p) => p.segment !== 'quoted');
  const langs = new Set(agentParagraphs.map((p) => p.lang));
  let language: Lang | 'mixed' = forced ?? overall;
  if (!forced && langs.size > 1) {
    const share = (l: Lang) =>
      agentParagraphs.filter((p) => p.lang === l).reduce((n, p) => n + (p.end - p.start), 0);
    const ja = share('ja');
    const en = share('en');
    const total = ja + en;
    if (total > 0 && Math.min(ja, en) / total >= 0.25) language = 'mixed';
    else language = ja >= en ? 'ja' : 'en';
  }
  return { text, raw, structure, paragraphs, sentences, language, quoted: structure.quoted };
}

/** Fill Japanese sentences with kuromoji tokens (loads the tokenizer on first use). */
export async function tokenizeDoc(doc: Doc): Promise<void> {
  if (!needsJapaneseTokens(doc)) return;
  await ensureJapaneseTokenizer();
  tokenizeDocSync(doc);
}

/** Whether some Japanese sentence has no tokens yet. */
export function needsJapaneseTokens(doc: Doc): boolean {
  return doc.sentences.some((s) => s.lang === 'ja' && s.tokens.length === 0);
}

/** Fill Japanese sentences with kuromoji tokens now; the tokenizer must be loaded (`ensureJapaneseTokenizer`). */
export function tokenizeDocSync(doc: Doc): void {
  for (const sentence of doc.sentences) {
    if (sentence.lang === 'ja' && sentence.tokens.length === 0) sentence.tokens = japaneseTokens(sentence);
  }
}

function flatStructure(text: string): Structure {
  const structure = analyseStructure(text);
  for (const line of structure.lines) {
    if (line.kind !== 'quoted') line.kind = 'body';
    else line.kind = 'body';
  }
  return { lines: structure.lines, segments: [{ kind: 'body', start: 0, end: text.length }], quoted: '' };
}

/** Consecutive non-blank lines of the same kind form a paragraph. */
function paragraphGroups(lines: Line[]): Line[][] {
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.blank || (current.length > 0 && current[0]!.kind !== line.kind)) {
      if (current.length) groups.push(current);
      current = [];
    }
    if (!line.blank) current.push(line);
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Content of a line without a leading `>` marker (for quoted lines). */
function contentStart(line: Line): number {
  const m = /^\s*((>|＞)\s?)*/u.exec(line.text);
  return line.start + (m ? m[0].length : 0);
}

/** Japanese: sentences end at 。！？!? (outside 「」) and at line ends. */
function splitJapanese(text: string, group: Line[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const quotedGroup = group[0]!.kind === 'quoted';
  for (const line of group) {
    let s = contentStart(line);
    let depth = 0;
    for (let i = s; i < line.end; i++) {
      const ch = text[i]!;
      if (ch === '「' || ch === '『' || ch === '（' || ch === '(') depth++;
      else if ((ch === '」' || ch === '』' || ch === '）' || ch === ')') && depth > 0) depth--;
      else if (depth === 0 && (/[。！？!?]/u.test(ch) || (ch === '.' && /^\s+["'(]?[A-Z\u3040-\u30ff\u4e00-\u9fff]/u.test(text.slice(i + 1, i + 4)) && !/\b(?:Mr|Mrs|Ms|Dr|St|No|vs|etc|[A-Z])$/u.test(text.slice(Math.max(s, i - 4), i))))) {
        let e = i + 1;
        while (e < line.end && /[」』）)!?！？]/u.test(text[e]!)) e++;
        push(out, text, s, e);
        s = e;
        i = e - 1;
      }
    }
    push(out, text, s, line.end);
  }
  // In quoted mail, hard-wrapped lines may split one sentence: merging is not needed
  // for matching content words, so lines stay separate.
  void quotedGroup;
  return out;
}

/** English: retext-english sentences, also split at line breaks that end a line of a list or a short line. */
function splitEnglish(text: string, group: Line[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // Build chunks: lines joined unless the line looks complete on its own.
  let chunkStart = contentStart(group[0]!);
  for (let k = 0; k < group.length; k++) {
    const line = group[k]!;
    const next = group[k + 1];
    const trimmed = line.text.trim();
    const breakHere =
      !next ||
      /[.!?:;,)]$/u.test(trimmed) ||
      trimmed.length < 60 ||
      /^\s*((>|＞)\s?)*(\d+[.)]|[-*•・])\s/u.test(next.text);
    if (breakHere) {
      sentencesOf(text, chunkStart, line.end, out);
      if (next) chunkStart = contentStart(next);
    }
  }
  return out;
}

/**
 * English is parsed by retext-english, the unified parser plugin (parse-english
 * inside), frozen once: the same parser a retext pipeline uses.
 */
const englishProcessor = unified().use(retextEnglish).freeze();

/** retext-english's nlcst tree of an English text. */
export function parseEnglish(value: string): NlcstRoot {
  return englishProcessor.parse(value) as NlcstRoot;
}

function sentencesOf(text: string, start: number, end: number, out: Array<[number, number]>): void {
  const value = text.slice(start, end);
  if (!value.trim()) return;
  const tree = parseEnglish(value);
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of (paragraph as NlcstParagraph).children) {
      if (sentence.type !== 'SentenceNode') continue;
      const s = sentence as NlcstSentence;
      const pos = s.position;
      if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) continue;
      splitMissedBoundaries(text, start + pos.start.offset, start + pos.end.offset, out);
    }
  }
}

const abbreviation = /\b(?:mr|mrs|ms|dr|st|no|vs|etc|e\.g|i\.e|approx|dept|inc|ltd|co|jr|sr|prof|fig|p\.m|a\.m)\.$/iu;

/** retext-english (parse-english) keeps some sentences together ("… back in. You're …"): split at a full stop before a capital. */
function splitMissedBoundaries(text: string, start: number, end: number, out: Array<[number, number]>): void {
  const value = text.slice(start, end);
  const re = /[.!?]["')\]]?\s+(?=["'(]?[A-Z])|[。！？][」』）]?\s*(?=\S)/gu;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value))) {
    const head = value.slice(from, m.index + 1);
    if (/[.!?]$/u.test(head) && (abbreviation.test(head) || /\b[A-Z]\.$/u.test(head))) continue;
    const cut = m.index + m[0].trimEnd().length;
    push(out, text, start + from, start + cut);
    from = m.index + m[0].length;
  }
  push(out, text, start + from, end);
}

function push(out: Array<[number, number]>, text: string, s: number, e: number): void {
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  if (e > s) out.push([s, e]);
}

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’\-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

function englishTokens(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const value = text.slice(start, end);
  for (const m of matchAll(value, wordPattern)) {
    const surface = m[0];
    const base = fold(surface).replace(/’/g, "'");
    tokens.push({
      surface,
      base,
      key: /^[a-z]+$/.test(base) ? stemmer(base) : base,
      pos: 'word',
      // "@beaglebruno": a social handle names an account, not what the message is about.
      detail: value[m.index! - 1] === '@' || value[m.index! - 1] === '＠' ? 'handle' : '',
      start: start + m.index!,
      end: start + m.index! + surface.length,
    });
  }
  return tokens;
}

const posMap: Record<string, Token['pos']> = {
  名詞: 'noun',
  動詞: 'verb',
  形容詞: 'adj',
  副詞: 'adv',
  助詞: 'particle',
  助動詞: 'aux',
  記号: 'symbol',
};

/**
 * kuromoji's unknown-word handling is quadratic in the length of a run of one
 * character class, so long sentences are tokenised in bounded chunks, cut at
 * a comma, a space or a change of script.
 */
const maxChunk = 200;

export function chunks(value: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  while (value.length - start > maxChunk) {
    let cut = -1;
    for (let i = start + maxChunk; i > start + maxChunk / 2; i--) {
      if (/[、,，\s・]/u.test(value[i - 1]!)) {
        cut = i;
        break;
      }
    }
    if (cut < 0) cut = start + maxChunk;
    // Never split a surrogate pair.
    if (/[\ud800-\udbff]/u.test(value[cut - 1]!)) cut--;
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, value.length]);
  return out;
}

function japaneseTokens(sentence: Sentence): Token[] {
  const tokens: Token[] = [];
  for (const [from, to] of chunks(sentence.text)) {
    for (const t of tokenizeJapanese(sentence.text.slice(from, to))) {
      if (t.surface.trim() === '') continue;
      const start = sentence.start + from + t.offset;
      tokens.push({
        surface: t.surface,
        base: t.base,
        key: matchKey(t.base),
        pos: posMap[t.pos] ?? 'other',
        detail: t.pos1,
        start,
        end: start + t.surface.length,
      });
    }
  }
  return tokens;
}

function quoteRanges(value: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /「[^「」]*」|『[^『』]*』|“[^“”]*”|"[^"\n]*"|(?<![\p{L}\p{N}])['‘][^'‘’\n]{2,60}['’](?![\p{L}\p{N}])/gu;
  for (const m of matchAll(value, re)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}
