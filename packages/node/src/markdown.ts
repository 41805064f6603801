/**
 * In a Markdown reply, code (fenced, indented, inline) and front matter are not
 * prose. They are masked with spaces of equal length — line breaks kept — so
 * offsets, lines and columns of findings stay true to the file.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { SKIP, visit } from 'unist-util-visit';

const notProse = new Set(['code', 'inlineCode', 'yaml', 'toml']);

export function maskMarkdown(text: string): string {
  const tree = fromMarkdown(text, {
    extensions: [frontmatter(['yaml', 'toml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml'])],
  });
  let masked = '';
  let last = 0;
  visit(tree, (node) => {
    if (!notProse.has(node.type)) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    masked += text.slice(last, start) + blank(text.slice(start, end));
    last = end;
    return SKIP;
  });
  return masked + text.slice(last);
}

/** Every UTF-16 code unit but line breaks becomes a space. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}
