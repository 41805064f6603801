/**
 * Which open documents are replies to lint (the `documentSelector` setting).
 */
import { isInquiryFile } from '@replylint/node/paths';
import { URI } from 'vscode-uri';
import type { DocumentSelectorEntry } from './settings.js';

/**
 * Editors disagree on the id of plain text: VS Code says `plaintext`, Vim,
 * Neovim and Helix say `text`. Both count as `plaintext`.
 */
const LANGUAGE_ALIASES: Record<string, string> = { text: 'plaintext' };

function canonicalLanguage(id: string): string {
  return LANGUAGE_ALIASES[id] ?? id;
}


/** Glob (`**`, `*`, `?`, `{a,b}`) → anchored RegExp over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more whole directories; a trailing `**` matches anything.
        i++;
        if (glob[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      inBraces++;
      out += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces--;
      out += ')';
    } else if (c === ',' && inBraces > 0) out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function filterMatches(entry: DocumentSelectorEntry, languageId: string, uri: URI): boolean {
  if (typeof entry === 'string') return canonicalLanguage(entry) === languageId;
  if (entry.language !== undefined && canonicalLanguage(entry.language) !== languageId) return false;
  if (entry.scheme !== undefined && entry.scheme !== uri.scheme) return false;
  if (entry.pattern !== undefined) {
    const filePath = uri.scheme === 'file' ? uri.fsPath.replace(/\\/g, '/') : uri.path;
    // Relative patterns (`*.txt`) match anywhere, as in VS Code.
    const pattern = entry.pattern.startsWith('/') || entry.pattern.startsWith('**') ? entry.pattern : `**/${entry.pattern}`;
    if (!globToRegExp(pattern).test(filePath)) return false;
  }
  return true;
}

/** Whether a document is linted: it matches the selector and is not a `NAME.inquiry.*` file. */
export function isSelected(selector: readonly DocumentSelectorEntry[], document: { uri: string; languageId: string }): boolean {
  let uri: URI;
  try {
    uri = URI.parse(document.uri);
  } catch {
    return false;
  }
  // A sibling inquiry file is the customer's message, not a reply.
  if (isInquiryFile(uri.path)) return false;
  const languageId = canonicalLanguage(document.languageId);
  return selector.some((entry) => filterMatches(entry, languageId, uri));
}
