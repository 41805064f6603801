/**
 * replylint as a retext plugin: `unified().use(retextEnglish).use(retextReplylint,
 * {inquiry}).use(retextEquality)` (or `.use(retextJapanese)` first, for Japanese
 * and mixed replies) puts replylint's findings into the same VFile as the other
 * retext plugins'.
 *
 * It reads the tree the parser built:
 *
 * - a tree from `retextJapanese` (or `replylintParse`) carries replylint's
 *   analysed reply (`tree.data.replylint`: structure, sentences, kuromoji and
 *   retext-english words, the same positions as the tree's nodes); the rules
 *   run on it and nothing is parsed again;
 * - any other nlcst tree (retext-english's, retext-latin's) has no reply
 *   structure (greeting, quoted original, signature) nor Japanese words, so
 *   replylint reads its text (nlcst-to-string of the tree, which is the file's
 *   text when the parser built the tree from the file) and analyses that.
 *
 * Findings are `lint()`'s messages on that text: same ids, order and reasons;
 * their places are where the tree's nodes say the words are in the file (the
 * same offsets, unless an earlier plugin rewrote words: then the rewritten
 * words' places); their `file` is the VFile's path.
 */
import type { Plugin } from 'unified';
import type { Literal, Node, Parent, Root } from 'nlcst';
import { toString } from 'nlcst-to-string';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { defaultMaxLength, lint, lintDoc } from './lint.js';
import { normaliseSupplierPhrases, validateOptions } from './options.js';
import { builtLang } from './plugins.js';
import { sanitize } from './text/normalize.js';
import type { LintOptions, LintResult, ReplylintMessage } from './types.js';

/** Options are `lint()`'s, validated once when the plugin is attached (a bad key throws there, naming it). */
const retextReplylint: Plugin<[LintOptions?]> = function (options?: LintOptions) {
  const settings = validateOptions(options ?? {});
  const normalised = normaliseSupplierPhrases(settings);
  return async (tree, file: VFile) => {
    const root = (tree as { type?: string }).type === 'RootNode' ? (tree as Root) : undefined;
    const text = root ? toString(root) : String(file.value ?? '');
    const doc = root?.data?.replylint;
    let result: LintResult;
    if (
      doc &&
      root &&
      builtLang(root) === (normalised.lang ?? 'auto') &&
      // The analysed reply is the tree's text: no plugin before this one changed the tree.
      doc.raw === sanitize(text) &&
      text.length <= (normalised.maxLength ?? defaultMaxLength)
    ) {
      result = await lintDoc(doc, text, normalised);
    } else {
      result = await lint(text, settings);
    }
    const toFile = root && file.value !== undefined ? fileOffsets(root) : undefined;
    const place = toFile ? location(file) : undefined;
    for (const message of result.messages) {
      if (toFile && place) moveToFile(message, toFile, place);
      message.file = file.path ?? '';
      file.messages.push(message);
    }
  };
};

interface OffsetMap {
  /** Where a range starting at this offset of the tree's text starts in the file. */
  start(offset: number): number;
  /** Where a range ending at this offset of the tree's text ends in the file. */
  end(offset: number): number;
}

/**
 * Offsets in the tree's text → offsets in the file, read from the positions of
 * the tree's leaves (a leaf an earlier plugin rewrote keeps the place of the
 * words it came from). `undefined` when they are the same offsets — a tree no
 * plugin changed — or a leaf has no position.
 */
function fileOffsets(tree: Root): OffsetMap | undefined {
  const leaves: Array<{ at: number; length: number; start: number; end: number }> = [];
  let at = 0;
  let same = true;
  let missing = false;
  const walk = (node: Node): void => {
    if ('children' in node) {
      for (const child of (node as Parent).children as Node[]) walk(child);
      return;
    }
    const length = 'value' in node ? String((node as Literal).value).length : 0;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) missing = true;
    else {
      if (start !== at || end - start !== length) same = false;
      leaves.push({ at, length, start, end });
    }
    at += length;
  };
  walk(tree);
  if (same || missing || leaves.length === 0) return undefined;
  /** The last leaf whose text starts at or before `offset` (before it, when `strict`). */
  const leafAt = (offset: number, strict: boolean) => {
    let lo = 0;
    let hi = leaves.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (strict ? leaves[mid]!.at < offset : leaves[mid]!.at <= offset) lo = mid;
      else hi = mid - 1;
    }
    return leaves[lo]!;
  };
  const map = (offset: number, strict: boolean) => {
    const leaf = leafAt(offset, strict);
    return Math.max(leaf.start, Math.min(leaf.start + (offset - leaf.at), leaf.end));
  };
  return { start: (offset) => map(offset, false), end: (offset) => (offset === 0 ? map(0, false) : map(offset, true)) };
}

/** Put a message found in the tree's text at the file's places the tree's nodes give. */
function moveToFile(message: ReplylintMessage, toFile: OffsetMap, place: ReturnType<typeof location>): void {
  const range = message.place && 'start' in message.place ? message.place : undefined;
  if (range?.start.offset !== undefined) {
    const startOffset = toFile.start(range.start.offset);
    const endOffset = range.end.offset === range.start.offset ? startOffset : Math.max(startOffset, toFile.end(range.end.offset ?? range.start.offset));
    const start = place.toPoint(startOffset);
    const end = place.toPoint(endOffset);
    if (start && end) {
      message.place = { start, end };
      message.line = start.line;
      message.column = start.column;
    }
  }
  message.suggestions = message.suggestions.map((s) => {
    const start = toFile.start(s.start);
    return { ...s, start, end: s.end === s.start ? start : Math.max(start, toFile.end(s.end)) };
  });
}

export default retextReplylint;
export { retextReplylint };
