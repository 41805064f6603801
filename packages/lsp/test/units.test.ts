/**
 * The pure pieces: settings normalisation, the document selector, the
 * message → Diagnostic mapping, non-overlapping edits, option merging, hover.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReplylintMessage } from '@replylint/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildCodeActions, nonOverlapping } from '../src/actions.js';
import { toDiagnostic } from '../src/diagnostics.js';
import { DocumentStore } from '../src/documents.js';
import { buildHover } from '../src/hover.js';
import { mergeOptions, optionsKey, usableOptions } from '../src/options.js';
import { globToRegExp, isSelected } from '../src/selector.js';
import { DEFAULT_SETTINGS, normaliseSettings } from '../src/settings.js';

/** A message shaped as core produces it (only the fields the server reads). */
function message(fields: Partial<ReplylintMessage> & { start: number; end: number }): ReplylintMessage {
  const { start, end, ...rest } = fields;
  return {
    ruleId: 'supplier-centred-wording',
    source: 'replylint',
    reason: 'reason',
    url: 'https://example.com/docs/rules/supplier-centred-wording.md',
    severity: 'warn',
    lang: 'en',
    suggestions: [],
    place: { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } },
    ...rest,
  } as unknown as ReplylintMessage;
}

describe('settings', () => {
  it('missing settings are the defaults', () => {
    assert.deepEqual(normaliseSettings(undefined), { settings: { ...DEFAULT_SETTINGS }, problems: [] });
  });

  it('ill-typed fields fall back one by one and are reported', () => {
    // Why: a typo in one setting must not throw away the others.
    const { settings, problems } = normaliseSettings({
      enable: 'yes',
      lang: 'ja',
      channel: 'fax',
      rules: { a: 'warn', b: ['error', { x: 1 }], c: 'loud' },
      documentSelector: ['markdown', { language: 'mail' }, 3],
    });
    assert.equal(settings.enable, true);
    assert.equal(settings.lang, 'ja');
    assert.equal(settings.channel, 'email');
    assert.deepEqual(settings.rules, { a: 'warn', b: ['error', { x: 1 }] });
    assert.deepEqual(settings.documentSelector, ['markdown', { language: 'mail' }]);
    assert.equal(problems.length, 2);
  });
});

describe('document selector', () => {
  const defaults = DEFAULT_SETTINGS.documentSelector;
  it('plain text, Markdown and untitled by default; "text" is plain text', () => {
    assert.ok(isSelected(defaults, { uri: 'file:///r/reply.txt', languageId: 'plaintext' }));
    assert.ok(isSelected(defaults, { uri: 'untitled:Untitled-1', languageId: 'markdown' }));
    assert.ok(isSelected(defaults, { uri: 'file:///r/reply.txt', languageId: 'text' }));
    assert.ok(!isSelected(defaults, { uri: 'file:///r/a.ts', languageId: 'typescript' }));
  });

  it('inquiry files are never replies', () => {
    assert.ok(!isSelected(defaults, { uri: 'file:///r/case.inquiry.txt', languageId: 'plaintext' }));
  });

  it('filters match on language, scheme and glob pattern', () => {
    const selector = [{ language: 'plaintext', scheme: 'file', pattern: '**/replies/*.txt' }];
    assert.ok(isSelected(selector, { uri: 'file:///w/replies/a.txt', languageId: 'plaintext' }));
    assert.ok(!isSelected(selector, { uri: 'file:///w/notes/a.txt', languageId: 'plaintext' }));
    assert.ok(!isSelected(selector, { uri: 'untitled:replies/a.txt', languageId: 'plaintext' }));
    assert.ok(globToRegExp('**/*.{txt,md}').test('a/b/c.md'));
    assert.ok(!globToRegExp('*.txt').test('a/b.txt'));
  });
});

describe('toDiagnostic', () => {
  it('maps severity, code, docs link, source, UTF-16 range and suggestions', () => {
    // Why: one emoji is two UTF-16 code units; CRLF counts two. Offsets must land on the right characters.
    const text = 'Hi 👋\r\nPer our policy, no.';
    const document = TextDocument.create('untitled:x', 'plaintext', 3, text);
    const start = text.indexOf('Per');
    const suggestion = { title: 'Rephrase', start, end: start + 14, text: 'To keep you safe' };
    const diagnostic = toDiagnostic(message({ start, end: start + 14, severity: 'error', suggestions: [suggestion] }), document);
    assert.deepEqual(diagnostic, {
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 14 } },
      severity: 1,
      source: 'replylint',
      message: 'reason',
      code: 'supplier-centred-wording',
      codeDescription: { href: 'https://example.com/docs/rules/supplier-centred-wording.md' },
      data: [suggestion],
    });
  });

  it('info messages are Information; a message without a place sits at the start', () => {
    const document = TextDocument.create('untitled:x', 'plaintext', 1, 'abc');
    const info = toDiagnostic({ ...message({ start: 0, end: 0, severity: 'info' }), place: undefined } as unknown as ReplylintMessage, document);
    assert.equal(info.severity, 3);
    assert.deepEqual(info.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });
});

describe('edits', () => {
  it('nonOverlapping keeps the first of overlapping edits and one insertion per point', () => {
    // Why: LSP clients reject (or garble) overlapping edits in one TextDocumentEdit.
    const kept = nonOverlapping([
      { start: 10, end: 20 },
      { start: 15, end: 25 },
      { start: 0, end: 0 },
      { start: 0, end: 0 },
      { start: 20, end: 20 },
      { start: 30, end: 35 },
    ]);
    assert.deepEqual(kept, [
      { start: 0, end: 0 },
      { start: 10, end: 20 },
      { start: 20, end: 20 },
      { start: 30, end: 35 },
    ]);
  });

  it('"fix all" is offered only when it does more than one fix, and respects context.only', () => {
    const text = 'Per our policy, a. Per our policy, b.';
    const document = TextDocument.create('untitled:x', 'plaintext', 7, text);
    const fix = (start: number) => ({ title: 'Rephrase', start, end: start + 14, text: 'To help you' });
    const findings = [0, 19].map((start) => {
      const m = message({ start, end: start + 14, suggestions: [fix(start)] });
      return { message: m, diagnostic: toDiagnostic(m, document) };
    });
    const base = { document, findings, start: 0, end: 1, contextDiagnostics: [], documentChanges: true, messageLanguage: 'en' as const };
    const titles = buildCodeActions(base).map((a) => a.title);
    assert.deepEqual(titles, ['Rephrase', 'Fix all 2 "supplier-centred-wording" findings in this document', 'Open the documentation for "supplier-centred-wording"']);
    assert.deepEqual(buildCodeActions({ ...base, only: ['source.organizeImports'] }), []);
    assert.equal(buildCodeActions({ ...base, findings: findings.slice(0, 1) }).length, 2);
  });
});

describe('documents', () => {
  it('refuses changes for unknown documents, malformed changes and versions that go backwards', () => {
    const store = new DocumentStore();
    assert.equal(store.open({ textDocument: { uri: 'untitled:a', languageId: 'plaintext', version: 4, text: 'abc' } }).ok, true);
    assert.equal(store.change({ textDocument: { uri: 'untitled:b', version: 5 }, contentChanges: [{ text: 'x' }] }).ok, false);
    assert.equal(store.change({ textDocument: { uri: 'untitled:a', version: 5 }, contentChanges: [{ range: {}, text: 'x' }] } as never).ok, false);
    assert.equal(store.change({ textDocument: { uri: 'untitled:a', version: 3 }, contentChanges: [{ text: 'old' }] }).ok, false);
    assert.equal(store.get('untitled:a')!.getText(), 'abc');
    assert.equal(store.change({ textDocument: { uri: 'untitled:a', version: 5 }, contentChanges: [{ text: 'new' }] }).ok, true);
    assert.equal(store.get('untitled:a')!.getText(), 'new');
  });
});

describe('options', () => {
  it('the config file wins for scalars; editor rules override file rules', () => {
    const settings = { ...DEFAULT_SETTINGS, channel: 'chat' as const, rules: { 'inquiry-summary': 'off' as const } };
    const merged = mergeOptions(settings, { lang: 'ja', rules: { 'inquiry-summary': 'error', 'empathy-acknowledgement': 'warn' } });
    assert.equal(merged.lang, 'ja');
    assert.equal(merged.channel, 'chat', 'unset in the file: the editor value');
    assert.deepEqual(merged.rules, { 'inquiry-summary': 'off', 'empathy-acknowledgement': 'warn' });
  });

  it('usableOptions drops only what core rejects', () => {
    const { options, problems } = usableOptions({ lang: 'en', rules: { 'no-such-rule': 'warn', 'inquiry-summary': 'off' } });
    assert.deepEqual(options, { lang: 'en', rules: { 'inquiry-summary': 'off' } });
    assert.equal(problems.length, 1);
  });

  it("a bad rule option in the settings drops that rule's setting, not the others", () => {
    // Why: core names the key `rules.sentence-length[1].jp`; the rule is the part before `[`.
    const { options, problems } = usableOptions({ rules: { 'sentence-length': ['warn', { jp: { email: 20 } }], 'inquiry-summary': 'off' } });
    assert.deepEqual(options, { rules: { 'inquiry-summary': 'off' } });
    assert.deepEqual(problems, ['rules.sentence-length[1].jp: unknown option (known: ja, en)']);
  });

  it('optionsKey does not depend on key order', () => {
    assert.equal(optionsKey({ lang: 'en', rules: { a: 'off', b: 'warn' } }), optionsKey({ rules: { b: 'warn', a: 'off' }, lang: 'en' }));
  });
});

describe('hover', () => {
  it('falls back to the message note when the rule has no metadata', () => {
    // Why: a rule added to core without hover texts must still hover with something useful.
    const document = TextDocument.create('untitled:x', 'plaintext', 1, 'abc');
    const m = message({ start: 0, end: 3, ruleId: 'future-rule', note: 'Because customers notice.' } as never);
    const hover = buildHover([{ message: m, diagnostic: toDiagnostic(m, document) }], 'auto', false);
    assert.ok(hover);
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /future-rule: reason/);
    assert.match(value, /Because customers notice\./);
  });
});

describe('CONFIG_FILES_GLOB', () => {
  it('matches every replylint config file name @replylint/node looks for (package.json aside), and no other .replylintrc file', async () => {
    // Why: the server watches these files and the VS Code client starts the server early where one exists;
    // the names live in @replylint/node's configFileNames, so the shared glob must not drift from them.
    const { configFileNames } = await import('@replylint/node');
    const { CONFIG_FILES_GLOB } = await import('../src/settings.js');
    const glob = globToRegExp(CONFIG_FILES_GLOB);
    for (const name of configFileNames.filter((n) => n !== 'package.json')) assert.ok(glob.test(`team/replies/${name}`), name);
    assert.ok(!glob.test('team/.replylintrc.bak') && !glob.test('team/package.json'));
  });
});
