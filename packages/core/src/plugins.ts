/**
 * unified plugins, so the parser and the rules work inside any unified pipeline:
 *
 *   unified().use(replylintParse).use(replylintJapanese).use(replylintRules, options)
 *
 * The tree is nlcst (RootNode > ParagraphNode > SentenceNode > WordNode) with
 * positions in UTF-16 offsets; `tree.data.replylint` holds the analysed reply.
 */
import type { Plugin, Processor } from 'unified';
import type { Root, Paragraph as NlcstParagraph, Sentence as NlcstSentence, SentenceContent } from 'nlcst';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { buildDoc, tokenizeDoc, type Doc } from './parse/document.js';
import type { Finding, InquiryView, RuleContext } from './rule.js';
import { rules } from './rules/index.js';
import { analyseReply, type ReplyAnalysis } from './analysis/acts.js';
import { loadSynonyms } from './analysis/synonyms.js';
import { presets } from './presets.js';
import type { Lang, LintOptions, ReplylintMessage, RuleSetting, SeverityName } from './types.js';

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
  this.parser = (doc: string) => toNlcst(buildDoc(String(doc), { lang: options?.lang ?? 'auto' }));
};

/** Transformer: tokenises Japanese sentences with the shared kuromoji tokenizer (loaded on first use). */
export const replylintJapanese: Plugin<[], Root> = function () {
  return async (tree: Root) => {
    const doc = tree.data?.replylint;
    if (!doc) return;
    await tokenizeDoc(doc);
    tree.children = toNlcst(doc).children;
  };
};

export interface RulesOptions extends LintOptions {}

/** Transformer: runs the rules and attaches their messages to the file. */
export const replylintRules: Plugin<[RulesOptions?], Root> = function (options: RulesOptions = {}) {
  return async (tree: Root, file: VFile) => {
    const doc = tree.data?.replylint;
    if (!doc) return;
    const inquiry = await inquiryView(doc, options);
    // Japanese words are matched through their synonym groups too (返却 / 返す): load the table once.
    if (doc.sentences.some((s) => s.lang === 'ja') || inquiry?.doc.sentences.some((s) => s.lang === 'ja')) await loadSynonyms();
    runRules(doc, inquiry, options, file);
  };
};

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

/** Build the nlcst view of the analysed reply. */
export function toNlcst(doc: Doc): Root {
  const place = (start: number, end: number) => ({
    start: pointAt(doc, start),
    end: pointAt(doc, end),
  });
  const byParagraph: Array<typeof doc.sentences> = doc.paragraphs.map(() => []);
  for (const s of doc.sentences) byParagraph[s.paragraph]!.push(s);
  const paragraphs: NlcstParagraph[] = doc.paragraphs.map((p, index) => {
    const sentences: NlcstSentence[] = byParagraph[index]!
      .map((s) => {
        const children: SentenceContent[] = [];
        let cursor = s.start;
        for (const t of s.tokens) {
          if (t.start > cursor) {
            const gap = doc.text.slice(cursor, t.start);
            children.push(
              /^\s+$/u.test(gap)
                ? { type: 'WhiteSpaceNode', value: gap, position: place(cursor, t.start) }
                : { type: 'PunctuationNode', value: gap, position: place(cursor, t.start) },
            );
          }
          children.push({
            type: 'WordNode',
            children: [{ type: 'TextNode', value: t.surface, position: place(t.start, t.end) }],
            position: place(t.start, t.end),
            data: { base: t.base, key: t.key, pos: t.pos } as never,
          });
          cursor = t.end;
        }
        if (cursor < s.end) children.push({ type: 'PunctuationNode', value: doc.text.slice(cursor, s.end), position: place(cursor, s.end) });
        return { type: 'SentenceNode', children, position: place(s.start, s.end), data: { lang: s.lang, segment: s.segment } as never };
      });
    return { type: 'ParagraphNode', children: sentences, position: place(p.start, p.end), data: { lang: p.lang, segment: p.segment } as never };
  });
  return {
    type: 'RootNode',
    children: paragraphs,
    position: place(0, doc.text.length),
    data: { replylint: doc },
  };
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
