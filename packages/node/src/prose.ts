/** `proseOf`: synchronous, so it imports the Markdown parser statically (see `proseOfText` in read.ts). */
import { maskMarkdown } from './markdown.js';
import { isMarkdownPath } from './paths.js';

/** Text as lint input for a file of this path: masked when the path is Markdown. */
export function proseOf(text: string, filePath: string | undefined): string {
  return isMarkdownPath(filePath) ? maskMarkdown(text) : text;
}
