/**
 * `retextJapanese`: a unified parser plugin for Japanese (and mixed Japanese and
 * English) replies, the retext-english of this project:
 *
 *   unified().use(retextJapanese).use(retextReplylint, { inquiry }).use(retextEquality)
 *
 * It builds an nlcst tree (RootNode › ParagraphNode › SentenceNode › WordNode ›
 * TextNode, with WhiteSpaceNode, PunctuationNode and SymbolNode) from kuromoji's
 * tokens for Japanese sentences and retext-english's sentences for English ones,
 * positions in UTF-16 offsets; nlcst-to-string of the tree is the input. The
 * tree carries replylint's analysed reply (`tree.data.replylint`), which
 * `retextReplylint` reads instead of parsing the text again.
 *
 * kuromoji loads its dictionary asynchronously, and a unified parser must be
 * synchronous (`processor.parse()` returns the tree). So the plugin is a parser
 * and a transformer:
 *
 * - the parser builds the whole tree at once; Japanese sentences get their
 *   words there when the tokenizer is already loaded (`await loadJapanese()`
 *   first, or any earlier Japanese lint), else they hold SourceNodes marked
 *   `data.untokenised`;
 * - the transformer, which runs first in `run()`/`process()` because the plugin
 *   is used first, loads the tokenizer when a Japanese sentence is waiting for
 *   it and puts the words in, so every later plugin sees the full tree.
 *
 * English-only text never loads the dictionary.
 */
import type { Plugin, Processor } from 'unified';
import type { Root } from 'nlcst';
import { buildDoc, tokenizeDocSync } from './parse/document.js';
import { ensureJapaneseTokenizer, isJapaneseTokenizerReady } from './parse/japanese.js';
import { fillJapaneseWords, markBuilt, toNlcst } from './plugins.js';
import type { Lang } from './types.js';

export interface RetextJapaneseOptions {
  /** Language of every paragraph, or `'auto'` (default): detected per paragraph and sentence. */
  lang?: Lang | 'auto';
}

/**
 * Load the Japanese tokenizer (once per process; later calls share it). After
 * it resolves, `processor.parse()` alone gives Japanese sentences their words.
 */
export function loadJapanese(): Promise<void> {
  return ensureJapaneseTokenizer();
}

export const retextJapanese: Plugin<[RetextJapaneseOptions?], string, Root> = function (this: Processor, options?: RetextJapaneseOptions) {
  const lang = options?.lang ?? 'auto';
  if (lang !== 'auto' && lang !== 'ja' && lang !== 'en') throw new TypeError(`retextJapanese: lang must be 'ja', 'en' or 'auto', not ${JSON.stringify(lang)}`);
  this.parser = (value: string) => {
    const text = String(value);
    const doc = markBuilt(buildDoc(text, { lang }), lang);
    if (isJapaneseTokenizerReady()) tokenizeDocSync(doc);
    return toNlcst(doc, text);
  };
  // The transformer: replylintJapanese's, filling in the words a parse without the tokenizer left out.
  return fillJapaneseWords as never;
};

export default retextJapanese;
