/** Where a reply's inquiry lives on disk (pure: no `vscode` import). */

/**
 * Sibling inquiry files for a reply path, preferred first:
 * `dir/NAME.inquiry.txt`, then `dir/NAME.inquiry.md`, where NAME is the
 * reply's file name without its last extension (`reply.md` → `reply.inquiry.txt`).
 * Paths use `/` (URI paths).
 */
export function inquiryFileCandidates(replyPath: string): string[] {
  const slash = replyPath.lastIndexOf('/');
  const dir = replyPath.slice(0, slash + 1);
  const file = replyPath.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  const name = dot > 0 ? file.slice(0, dot) : file;
  return [`${dir}${name}.inquiry.txt`, `${dir}${name}.inquiry.md`];
}

/** True for `NAME.inquiry.txt|md` (an inquiry, not a reply). */
export function isInquiryFile(path: string): boolean {
  return /\.inquiry\.(txt|md)$/i.test(path);
}
