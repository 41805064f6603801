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
 * Findings are `lint()`'s messages on that text: same places (offsets into it),
 * ids, order and suggestions; their `file` is the VFile's path.
 */
import type { Plugin } from 'unified';
import type { Root } from 'nlcst';
import { toString } from 'nlcst-to-string';
import type { VFile } from 'vfile';
import { defaultMaxLength, lint, lintDoc } from './lint.js';
import { normaliseSupplierPhrases, validateOptions } from './options.js';
import { builtLang } from './plugins.js';
import { sanitize } from './text/normalize.js';
import type { LintOptions, LintResult } from './types.js';

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
    for (const message of result.messages) {
      message.file = file.path ?? '';
      file.messages.push(message);
    }
  };
};

export default retextReplylint;
export { retextReplylint };
