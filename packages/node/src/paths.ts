/**
 * Which files hold a customer's message (an inquiry) rather than a reply, and
 * where a reply's inquiry file would be. Pure string functions with no import
 * at all, so the VS Code client can bundle them without the rest of this
 * package; paths may use `/` (URI paths) or `\` (Windows paths).
 */

/** The inquiry file name endings, preferred first. */
export const inquiryExtensions = ['.inquiry.txt', '.inquiry.md'] as const;

/** `NAME.inquiry.txt` and `NAME.inquiry.md` (any case) hold inquiries, never replies. */
export function isInquiryFile(filePath: string): boolean {
  return /\.inquiry\.(?:txt|md)$/i.test(baseName(filePath));
}

/**
 * Where a reply's inquiry would be, preferred first: `DIR/NAME.inquiry.txt`,
 * then `DIR/NAME.inquiry.md`, where NAME is the reply's file name without its
 * last extension (`reply.md` → `reply.inquiry.txt`). None for an inquiry file.
 */
export function inquiryFileCandidates(replyPath: string): string[] {
  if (isInquiryFile(replyPath)) return [];
  const cut = Math.max(replyPath.lastIndexOf('/'), replyPath.lastIndexOf('\\')) + 1;
  const dir = replyPath.slice(0, cut);
  const file = replyPath.slice(cut);
  const dot = file.lastIndexOf('.');
  const name = dot > 0 ? file.slice(0, dot) : file;
  return inquiryExtensions.map((ending) => `${dir}${name}${ending}`);
}

/** The reply path an inquiry file belongs to, without extension (`DIR/NAME`), or undefined. */
export function replyStemOf(inquiryPath: string): string | undefined {
  return isInquiryFile(inquiryPath) ? inquiryPath.replace(/\.inquiry\.(?:txt|md)$/i, '') : undefined;
}

/** Markdown replies and inquiries: their code and front matter are masked before linting. */
export function isMarkdownPath(filePath: string | undefined): boolean {
  return !!filePath && /\.(?:md|markdown)$/i.test(filePath);
}

function baseName(filePath: string): string {
  return filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
}
