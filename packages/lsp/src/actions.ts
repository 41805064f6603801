/**
 * Code actions built from the findings' suggestions: one quick fix per
 * suggestion, "fix all of this rule in the document", and "open the rule's
 * documentation". Edits are versioned and never overlap.
 */
import type { ReplylintMessage } from '@replylint/core';
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { messageOffsets, offsetsToRange } from './diagnostics.js';
import { OpenRuleDocCommand, type DiagnosticSuggestion } from './protocol.js';

/** A finding of the current lint: the core message and its diagnostic. */
export interface Finding {
  message: ReplylintMessage;
  diagnostic: Diagnostic;
}

export type UiLang = 'ja' | 'en';

/** The language to talk to the agent in for this finding. */
export function uiLang(message: ReplylintMessage, messageLanguage: 'ja' | 'en' | 'auto' | undefined): UiLang {
  if (messageLanguage === 'ja' || messageLanguage === 'en') return messageLanguage;
  return message.lang === 'ja' ? 'ja' : 'en';
}

/**
 * Keeps edits that do not overlap any edit kept before them, in document
 * order. Two insertions at the same offset count as overlapping (their order
 * would be ambiguous); an insertion right where a replacement ends does not.
 */
export function nonOverlapping<T extends { start: number; end: number }>(edits: readonly T[]): T[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: T[] = [];
  let last: T | undefined;
  for (const edit of sorted) {
    if (last) {
      const overlaps = edit.start < last.end;
      const sameInsertionPoint = edit.start === edit.end && last.start === last.end && edit.start === last.start;
      if (overlaps || sameInsertionPoint) continue;
    }
    kept.push(edit);
    last = edit;
  }
  return kept;
}

export interface ActionContext {
  document: TextDocument;
  /** All findings of the document's current version. */
  findings: readonly Finding[];
  /** Requested range, as offsets. */
  start: number;
  end: number;
  /** Diagnostics the client sent in the context (reused so the client can link actions to them). */
  contextDiagnostics: readonly Diagnostic[];
  /** `context.only`, when the client asked for some kinds only. */
  only?: readonly string[];
  /** Client accepts `documentChanges` (versioned edits). */
  documentChanges: boolean;
  messageLanguage: 'ja' | 'en' | 'auto' | undefined;
}

function workspaceEdit(document: TextDocument, suggestions: readonly DiagnosticSuggestion[], documentChanges: boolean): WorkspaceEdit {
  const edits: TextEdit[] = nonOverlapping(suggestions).map((s) => ({ range: offsetsToRange(document, s.start, s.end), newText: s.text }));
  if (documentChanges) {
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  }
  return { changes: { [document.uri]: edits } };
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

const TEXT = {
  fixAll: { en: (rule: string, n: number) => `Fix all ${n} "${rule}" findings in this document`, ja: (rule: string, n: number) => `この文書の「${rule}」${n}件をすべて修正` },
  docs: { en: (rule: string) => `Open the documentation for "${rule}"`, ja: (rule: string) => `「${rule}」の説明を開く` },
} as const;

export function buildCodeActions(context: ActionContext): CodeAction[] {
  if (!wants(context.only, CodeActionKind.QuickFix)) return [];
  const { document } = context;
  const actions: CodeAction[] = [];
  const rulesDone = new Set<string>();
  for (const finding of context.findings) {
    const [start, end] = messageOffsets(finding.message);
    if (start > context.end || end < context.start) continue;
    const diagnostic = context.contextDiagnostics.find((d) => sameDiagnostic(d, finding.diagnostic)) ?? finding.diagnostic;
    const suggestions = finding.message.suggestions ?? [];
    suggestions.forEach((suggestion, index) => {
      actions.push({
        title: suggestion.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0,
        edit: workspaceEdit(document, [suggestion], context.documentChanges),
      });
    });
    const rule = finding.message.ruleId;
    if (!rule || rulesDone.has(rule)) continue;
    rulesDone.add(rule);
    const lang = uiLang(finding.message, context.messageLanguage);
    // First suggestion of every finding of this rule; only offered when it does more than the single fix.
    const sameRule = context.findings.filter((f) => f.message.ruleId === rule && (f.message.suggestions ?? []).length > 0);
    const firstFixes = nonOverlapping(sameRule.map((f) => f.message.suggestions[0]!));
    if (firstFixes.length > 1) {
      actions.push({
        title: TEXT.fixAll[lang](rule, firstFixes.length),
        kind: CodeActionKind.QuickFix,
        diagnostics: sameRule.map((f) => context.contextDiagnostics.find((d) => sameDiagnostic(d, f.diagnostic)) ?? f.diagnostic),
        edit: workspaceEdit(document, firstFixes, context.documentChanges),
      });
    }
    if (finding.message.url) {
      const title = TEXT.docs[lang](rule);
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title, command: OpenRuleDocCommand, arguments: [finding.message.url] },
      });
    }
  }
  return actions;
}
