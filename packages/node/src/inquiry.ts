/**
 * The customer's message (the inquiry) a reply is checked against, and the
 * one order every surface takes it in, first found wins:
 *
 * 1. **attached** — the text an editor user attached to this reply
 *    (`replylint/setInquiry`: from the clipboard, a selection, a ticket system);
 * 2. **option** — the file the caller named for the run (`replylint --inquiry FILE`);
 * 3. **sibling** — `NAME.inquiry.txt` / `NAME.inquiry.md` next to the reply
 *    (in the editor: its unsaved text when it is open);
 * 4. **quoted** — the customer's message quoted inside the reply (`>` lines,
 *    `On … wrote:`, `差出人:`), which core takes when no inquiry is given.
 *
 * Why this order: a choice someone made for this reply beats one found by
 * convention, and a file put next to the reply (a ticket system's export of
 * the customer's whole message) beats what a mail client happened to quote,
 * which is often trimmed, or an older message of the thread. The two are not
 * merged: the quoted block may hold several earlier messages (the agent's own
 * among them), and findings would then depend on how much the client quoted.
 * A blank text at any step counts as not given.
 */
import { stat } from 'node:fs/promises';
import { inquiryFileCandidates } from './paths.js';
import { readProse } from './read.js';

/** Where a chosen inquiry came from (none of them: core falls back to the quoted original). */
export type InquiryOrigin = 'attached' | 'option' | 'sibling';

export interface ChosenInquiry {
  /** The inquiry as lint input (Markdown masked). */
  text: string;
  origin: InquiryOrigin;
  /** The file it was read from (option and sibling). */
  file?: string;
}

export interface InquirySources {
  /** Text attached to this reply in an editor. */
  attached?: string;
  /** The inquiry given for the run, already read (`--inquiry FILE`). */
  option?: { text: string; file?: string };
  /** The reply's path, to look for a sibling inquiry; undefined for stdin without a name or an untitled document. */
  replyPath?: string;
  /** How to find the sibling (default `findSiblingInquiry`; the server caches it). */
  findSibling?: (replyPath: string) => Promise<string | undefined>;
  /** How to read the sibling as lint input (default `readProse`; the server prefers the open document's text). */
  readSibling?: (file: string) => Promise<string | undefined>;
}

/**
 * The inquiry to lint a reply with, in the order above; undefined when the
 * reply should be linted without one (core then uses the quoted original).
 * Errors reading a sibling file propagate (the CLI stops with exit code 2;
 * the server catches them and warns).
 */
export async function chooseInquiry(sources: InquirySources): Promise<ChosenInquiry | undefined> {
  if (given(sources.attached)) return { text: sources.attached, origin: 'attached' };
  if (given(sources.option?.text)) return { text: sources.option.text, origin: 'option', ...(sources.option.file && { file: sources.option.file }) };
  if (sources.replyPath === undefined) return undefined;
  const file = await (sources.findSibling ?? findSiblingInquiry)(sources.replyPath);
  if (file === undefined) return undefined;
  const text = await (sources.readSibling ?? ((f: string) => readProse(f)))(file);
  return given(text) ? { text, origin: 'sibling', file } : undefined;
}

/**
 * The reply's sibling inquiry file (`NAME.inquiry.txt`, else `NAME.inquiry.md`,
 * beside `NAME.EXT`), or undefined when there is none or the path is itself an
 * inquiry file.
 */
export async function findSiblingInquiry(replyPath: string): Promise<string | undefined> {
  for (const candidate of inquiryFileCandidates(replyPath)) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

function given(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '';
}
