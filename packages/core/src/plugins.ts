/**
 * unified plugins, so the parser and the rules work inside any unified pipeline:
 *
 *   unified().use(replylintParse).use(replylintJapanese).use(replylintRules, options)
 *
 * The tree is nlcst (RootNode > ParagraphNode > SentenceNode > WordNode) with
 * positions in UTF-16 offsets; `tree.data.replylint` holds the analysed reply.
 */
import type { Plugin, Processor } from 'unified';
import type { Root, RootContent, ParagraphContent, Sentence as NlcstSentence, SentenceContent, Source, WhiteSpace } from 'nlcst';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { buildDoc, needsJapaneseTokens, tokenizeDoc, type Doc } from './parse/document.js';
import { toString } from 'nlcst-to-string';
import type { Finding, InquiryView, RuleContext } from './rule.js';
import { rules } from './rules/index.js';
import { analyseReply, type ReplyAnalysis } from './analysis/acts.js';
import { loadSynonyms } from './analysis/synonyms.js';
import { presets } from './presets.js';
import type { Lang, LintOptions, ReplylintMessage, RuleSetting, SeverityName } from './types.js';
import { matchAll } from './text/match-all.js';

declare module 'nlcst' {
  interface RootData {
    replylint?: Doc;
  }
}

export interface ParseOptions {
  lang?: Lang | 'auto';
}

/**
 * Parser: reply text → nlcst tree with the reply's structure and languages.
 * Typed as a parser of text into an nlcst `Root`, so `processor.parse()` gives
 * a `Root` the transformers below (and `processor.run()`) accept.
 */
export const replylintParse: Plugin<[ParseOptions?], string, Root> = function (this: Processor, options?: ParseOptions) {
  const lang = options?.lang ?? 'auto';
  this.parser = (doc: string) => toNlcst(markBuilt(buildDoc(String(doc), { lang }), lang), String(doc));
};

/** Transformer: tokenises Japanese sentences with the shared kuromoji tokenizer (loaded on first use). */
export const replylintJapanese: Plugin<[], Root> = function () {
  return fillJapaneseWords;
};

/**
 * Put kuromoji's words into a tree whose Japanese sentences have none yet
 * (loading the tokenizer on first use); a tree with none waiting is left as it is.
 */
export async function fillJapaneseWords(tree: Root): Promise<void> {
  const doc = tree.data?.replylint;
  if (!doc || !needsJapaneseTokens(doc)) return;
  await tokenizeDoc(doc);
  tree.children = toNlcst(doc, sourceOf(tree)).children;
}

export interface RulesOptions extends LintOptions {}

/** Transformer: runs the rules and attaches their messages to the file. */
export const replylintRules: Plugin<[RulesOptions?], Root> = function (options: RulesOptions = {}) {
  return async (tree: Root, file: VFile) => {
    const doc = tree.data?.replylint;
    if (!doc) return;
    await checkDoc(doc, options, file);
  };
};

/** The rules on an analysed reply (Japanese tokens filled): the inquiry's view, the synonym table, then every rule. */
export async function checkDoc(doc: Doc, options: LintOptions, file: VFile): Promise<void> {
  const inquiry = await inquiryView(doc, options);
  // Japanese words are matched through their synonym groups too (返却 / 返す): load the table once.
  if (doc.sentences.some((s) => s.lang === 'ja') || inquiry?.doc.sentences.some((s) => s.lang === 'ja')) await loadSynonyms();
  runRules(doc, inquiry, options, file);
}

const langOf = new WeakMap<Doc, Lang | 'auto'>();

/** Remember the `lang` an analysed reply was built with, so a later plugin knows whether it can use it. */
export function markBuilt(doc: Doc, lang: Lang | 'auto'): Doc {
  langOf.set(doc, lang);
  return doc;
}

/** The `lang` the tree's analysed reply was built with; `undefined` for a tree no replylint parser built. */
export function builtLang(tree: Root): Lang | 'auto' | undefined {
  const doc = tree.data?.replylint;
  return doc ? langOf.get(doc) : undefined;
}

/** Only the start of a very long inquiry is analysed: its content words are there, and time stays bounded. */
export const maxInquiryLength = 50_000;

export async function inquiryView(doc: Doc, options: LintOptions): Promise<InquiryView | undefined> {
  const full = options.inquiry?.trim() ? options.inquiry : doc.quoted;
  const text = full && full.length > maxInquiryLength ? full.slice(0, maxInquiryLength) : full;
  if (!text || !text.trim()) return undefined;
  // The inquiry's own greeting and sign-off carry no content: keep its structure.
  const inquiryDoc = buildDoc(text, { lang: 'auto' });
  await tokenizeDoc(inquiryDoc);
  return { text, doc: inquiryDoc, source: options.inquiry?.trim() ? 'option' : 'quoted' };
}

function severityOf(setting: RuleSetting | undefined): SeverityName {
  if (setting === undefined) return 'off';
  return Array.isArray(setting) ? setting[0] : setting;
}

export function runRules(doc: Doc, inquiry: InquiryView | undefined, options: LintOptions, file: VFile): void {
  const preset = presets[options.preset ?? 'recommended'];
  // The chat preset implies the chat channel unless one is given.
  const channel = options.channel ?? (options.preset === 'chat' ? 'chat' : 'email');
  const agent = doc.sentences.filter((s) => s.segment !== 'quoted');
  // Sentences with no word at all ("!", an emoji) are not prose a rule can judge.
  const body = agent.filter((s) => s.segment === 'body' && /\p{L}{2,}|[\u3040-\u30ff\u4e00-\u9fff]/u.test(s.text));
  const place = location(file);
  const messageLanguage = options.messageLanguage ?? 'auto';
  let analysis: ReplyAnalysis | undefined;
  const analysed = () => (analysis ??= analyseReply(doc, inquiry, options.phrases ?? {}));

  for (const rule of rules) {
    const setting = options.rules?.[rule.meta.id] ?? preset[rule.meta.id];
    const severity = severityOf(setting);
    if (severity === 'off') continue;
    if (rule.meta.channels && !rule.meta.channels.includes(channel)) continue;
    const ruleOptions = { ...(rule.meta.defaults ?? {}), ...(Array.isArray(setting) ? setting[1] ?? {} : {}) };
    const langs = new Set(rule.meta.langs);
    const context: RuleContext = {
      doc,
      inquiry,
      channel,
      options: ruleOptions,
      phrases: options.phrases ?? {},
      agent: agent.filter((s) => langs.has(s.lang)),
      body: body.filter((s) => langs.has(s.lang)),
      get analysis() {
        return analysed();
      },
      report(finding: Finding) {
        const lang: Lang = messageLanguage === 'auto' ? finding.lang : messageLanguage;
        const start = place.toPoint(finding.start);
        const end = place.toPoint(finding.end);
        const message = file.message(finding.reason[lang], {
          place: start && end ? { start, end } : start,
          ruleId: rule.meta.id,
          source: 'replylint',
        }) as ReplylintMessage;
        message.url = rule.meta.url;
        message.severity = severity === 'error' ? 'error' : 'warn';
        message.fatal = severity === 'error';
        message.lang = finding.lang;
        message.note = rule.meta.why[lang];
        message.suggestions = (finding.suggestions ?? []).map((s) => ({
          title: s.title[lang],
          start: s.start,
          end: s.end,
          text: s.text,
        }));
        message.expected = message.suggestions.map((s) => s.text);
        // The writer's own words (placeholders unmasked), so the message shows what is really there.
        message.actual = doc.raw.slice(finding.start, finding.end);
      },
    };
    rule.check(context);
  }
}

/**
 * The nlcst tree of an analysed reply: RootNode › ParagraphNode › SentenceNode ›
 * WordNode › TextNode, with WhiteSpaceNode, PunctuationNode and SymbolNode
 * between words, WhiteSpaceNode between sentences and paragraphs, and
 * SourceNode for what is no sentence's (the `>` markers of quoted lines).
 * Every character of `value` is in exactly one leaf, in order, so
 * nlcst-to-string of the tree is `value`; positions are UTF-16 offsets.
 *
 * `value` is the text the reply was built from (default `doc.raw`, which
 * differs from it only where control characters or lone surrogates were
 * sanitised: same length, same places). Japanese sentences whose tokens are
 * not known yet (the tokenizer not loaded) hold SourceNodes with
 * `data.untokenised` instead of words.
 */
export function toNlcst(doc: Doc, value: string = doc.raw): Root {
  const place = (start: number, end: number) => ({
    start: pointAt(doc, start),
    end: pointAt(doc, end),
  });
  /** Whitespace runs, and the other characters one by one (punctuation or symbol), between `from` and `to`. */
  const gap = (from: number, to: number): SentenceContent[] => {
    const out: SentenceContent[] = [];
    for (const m of matchAll(value.slice(from, to), /\s+|[^]/gu)) {
      const start = from + m.index!;
      const end = start + m[0].length;
      const position = place(start, end);
      if (/^\s/u.test(m[0])) out.push({ type: 'WhiteSpaceNode', value: m[0], position });
      else if (/^\p{P}$/u.test(m[0])) out.push({ type: 'PunctuationNode', value: m[0], position });
      else out.push({ type: 'SymbolNode', value: m[0], position });
    }
    return out;
  };
  /** Between sentences or paragraphs: whitespace runs, and SourceNodes for anything else (quote markers). */
  const between = (from: number, to: number): Array<WhiteSpace | Source> => {
    const out: Array<WhiteSpace | Source> = [];
    for (const m of matchAll(value.slice(from, to), /\s+|\S+/gu)) {
      const start = from + m.index!;
      const end = start + m[0].length;
      out.push({ type: /^\s/u.test(m[0]) ? 'WhiteSpaceNode' : 'SourceNode', value: m[0], position: place(start, end) });
    }
    return out;
  };
  const sentenceNode = (s: Doc['sentences'][number]): NlcstSentence => {
    const children: SentenceContent[] = [];
    let cursor = s.start;
    if (s.lang === 'ja' && s.tokens.length === 0) {
      // Not tokenised yet: the text in SourceNodes, whitespace apart.
      for (const node of between(s.start, s.end)) {
        children.push(node.type === 'SourceNode' ? { ...node, data: { untokenised: true } as never } : node);
      }
      cursor = s.end;
    }
    for (const t of s.tokens) {
      if (t.start < cursor || t.end > s.end) continue;
      children.push(...gap(cursor, t.start));
      // A masked template placeholder (`{{name}}` → `Nnnnnnn `) is one word, its closing brace included.
      const end = t.end < s.end && doc.text[t.end] === ' ' && /^Nn*$/u.test(t.surface) && !/\s/u.test(value[t.end]!) ? t.end + 1 : t.end;
      const surface = value.slice(t.start, end);
      const position = place(t.start, end);
      if (t.pos === 'symbol' && !/[\p{L}\p{N}]/u.test(surface)) {
        // kuromoji's 記号 (。、「」…): punctuation, not words.
        children.push(/^\p{P}+$/u.test(surface) ? { type: 'PunctuationNode', value: surface, position } : { type: 'SymbolNode', value: surface, position });
      } else {
        children.push({
          type: 'WordNode',
          children: [{ type: 'TextNode', value: surface, position }],
          position,
          data: { base: t.base, key: t.key, pos: t.pos } as never,
        });
      }
      cursor = end;
    }
    children.push(...gap(cursor, s.end));
    return { type: 'SentenceNode', children, position: place(s.start, s.end), data: { lang: s.lang, segment: s.segment } as never };
  };
  const byParagraph: Array<typeof doc.sentences> = doc.paragraphs.map(() => []);
  for (const s of doc.sentences) byParagraph[s.paragraph]!.push(s);
  const children: RootContent[] = [];
  let cursor = 0;
  doc.paragraphs.forEach((p, index) => {
    children.push(...between(cursor, p.start));
    const content: ParagraphContent[] = [];
    let at = p.start;
    for (const s of byParagraph[index]!) {
      content.push(...between(at, s.start), sentenceNode(s));
      at = s.end;
    }
    content.push(...between(at, p.end));
    children.push({ type: 'ParagraphNode', children: content, position: place(p.start, p.end), data: { lang: p.lang, segment: p.segment } as never });
    cursor = p.end;
  });
  children.push(...between(cursor, value.length));
  return {
    type: 'RootNode',
    children,
    position: place(0, value.length),
    data: { replylint: doc },
  };
}

/** The text a tree was built from: its leaves in order (the tree holds every character). */
export function sourceOf(tree: Root): string {
  return toString(tree);
}

const lineStarts = new WeakMap<Doc, number[]>();

function pointAt(doc: Doc, offset: number): { line: number; column: number; offset: number } {
  let starts = lineStarts.get(doc);
  if (!starts) {
    starts = [0];
    const re = /\r\n|\r|\n/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(doc.text))) starts.push(m.index + m[0].length);
    lineStarts.set(doc, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1, offset };
}
