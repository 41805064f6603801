/**
 * replylint as a retext plugin: `unified().use(retextEnglish).use(retextReplylint,
 * {inquiry}).use(retextEquality)` puts replylint's findings into the same VFile as
 * the other retext plugins'. It reads the file's text, not the tree the parser
 * before it built (replylint needs its own reply structure — greeting, quoted
 * original, signature — and Japanese tokens that retext-english does not make),
 * so it works after any parser, with Japanese, English or mixed replies. Findings
 * are `lint()`'s messages: same places (offsets into the file), ids and
 * suggestions; their `file` is the VFile's path.
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { lint } from './lint.js';
import { validateOptions } from './options.js';
import type { LintOptions } from './types.js';

/** Options are `lint()`'s, validated once when the plugin is attached (a bad key throws there, naming it). */
const retextReplylint: Plugin<[LintOptions?]> = function (options?: LintOptions) {
  const settings = validateOptions(options ?? {});
  return async (_tree, file: VFile) => {
    const result = await lint(String(file.value ?? ''), settings);
    for (const message of result.messages) {
      message.file = file.path ?? '';
      file.messages.push(message);
    }
  };
};

export default retextReplylint;
export { retextReplylint };
