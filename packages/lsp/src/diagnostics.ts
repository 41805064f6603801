/**
 * The one place where a core finding becomes an LSP Diagnostic.
 */
import type { ReplylintMessage } from '@replylint/core';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DiagnosticSuggestion } from './protocol.js';

const SEVERITY: Record<ReplylintMessage['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warn: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** UTF-16 offsets of a message in the linted text (`[start, end]`, end ≥ start). */
export function messageOffsets(message: ReplylintMessage): [number, number] {
  const place = message.place;
  if (!place) return [0, 0];
  if ('start' in place) {
    const start = place.start.offset ?? 0;
    return [start, Math.max(start, place.end.offset ?? start)];
  }
  const at = place.offset ?? 0;
  return [at, at];
}

/** Offsets → LSP range, in the document version that was linted (UTF-16, as LSP wants by default). */
export function offsetsToRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/**
 * A replylint message → a Diagnostic: severity from the message, `code` = the
 * rule id, `codeDescription.href` = the rule's documentation, `source` =
 * `replylint`, the range from the message's UTF-16 offsets, and the
 * suggestions (ready-to-apply edits) in `data`.
 */
export function toDiagnostic(message: ReplylintMessage, document: TextDocument): Diagnostic {
  const [start, end] = messageOffsets(message);
  const data: DiagnosticSuggestion[] = (message.suggestions ?? []).map(({ title, start, end, text }) => ({ title, start, end, text }));
  const diagnostic: Diagnostic = {
    range: offsetsToRange(document, start, end),
    severity: SEVERITY[message.severity] ?? DiagnosticSeverity.Warning,
    source: 'replylint',
    message: message.reason,
    data,
  };
  if (message.ruleId) {
    diagnostic.code = message.ruleId;
    if (message.url) diagnostic.codeDescription = { href: message.url };
  }
  return diagnostic;
}
