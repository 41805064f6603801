/**
 * The server in this process, driven over an in-memory JSON-RPC connection:
 * settings, config files, inquiries, fix-all, hover, commands and Markdown.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { ensureJapaneseTokenizer } from '@replylint/core';
import { eventually, inProcessServer, pushCapabilities, type TestClient } from '../testkit/client.js';
import { enInquiry, enReply, enTwoPolicies, jaInquiry, jaQuotedReply, jaReply } from '../testkit/fixtures.js';

/** Rules reported (a set: core may add rules; each test looks only at the ones it is about). */
const rules = (ds: Diagnostic[]) => new Set(ds.map((d) => String(d.code)));
function assertRules(ds: Diagnostic[], present: string[], absent: string[]): void {
  const reported = rules(ds);
  for (const rule of present) assert.ok(reported.has(rule), `${rule} expected in ${[...reported].join(', ')}`);
  for (const rule of absent) assert.ok(!reported.has(rule), `${rule} not expected in ${[...reported].join(', ')}`);
}
const summaryOf = (ds: Diagnostic[]) => ((ds.find((d) => d.code === 'inquiry-summary')?.data as Array<{ text: string }> | undefined)?.[0]?.text ?? '');
const fileUri = (file: string) => pathToFileURL(file).href;

/** A fresh server per test keeps state from leaking; the tokenizer is shared by the process. */
async function server(capabilities = pushCapabilities, initializationOptions?: unknown, rootUri: string | null = null): Promise<TestClient> {
  const client = await inProcessServer();
  await client.initialize(capabilities, initializationOptions, rootUri);
  return client;
}

let dir: string;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'replylint-lsp-'));
  await ensureJapaneseTokenizer();
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('settings', () => {
  it('workspace/configuration turns a rule off; didChangeConfiguration re-lints with the new settings', async () => {
    // Why: settings come from the client per document, and a change must show without reopening.
    const client = await server();
    let supplier: string = 'off';
    client.settings = () => ({ rules: { 'supplier-centred-wording': supplier } });
    client.open('untitled:s1', enReply);
    assertRules(await client.waitForCurrent('untitled:s1', (d) => d.length > 0), ['empathy-acknowledgement'], ['supplier-centred-wording']);
    supplier = 'error';
    const published = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const relinted = await client.waitForDiagnostics('untitled:s1', (p) => client.published.indexOf(p) >= published);
    const error = relinted.diagnostics.find((d) => d.code === 'supplier-centred-wording');
    assert.equal(error?.severity, 1);
    client.dispose();
  });

  it('enable: false publishes no findings', async () => {
    const client = await server();
    client.settings = () => ({ enable: false });
    client.open('untitled:off', enReply);
    assert.deepEqual(await client.waitForCurrent('untitled:off'), []);
    client.dispose();
  });

  it('documentSelector: plain text and Markdown by default ("text" is plain text), more by setting', async () => {
    const client = await server();
    // Why: Neovim and Helix send "text" for plain text; JSON is not a reply unless the user says so.
    client.open('untitled:a.txt', enReply, 'text');
    client.open('untitled:b.json', enReply, 'json');
    assert.ok((await client.waitForCurrent('untitled:a.txt', (d) => d.length > 0)).length > 0);
    assert.deepEqual(await client.waitForCurrent('untitled:b.json'), []);
    client.settings = () => ({ documentSelector: ['plaintext', { language: 'json', scheme: 'untitled' }] });
    const published = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics('untitled:b.json', (p) => client.published.indexOf(p) >= published && p.diagnostics.length > 0);
    client.dispose();
  });

  it('a client without workspace/configuration passes settings in initializationOptions and didChangeConfiguration', async () => {
    // Why: simple clients (and Neovim users who prefer init_options) still get settings.
    const capabilities = { ...pushCapabilities, workspace: { ...pushCapabilities.workspace, configuration: false } };
    const client = await server(capabilities, { settings: { messageLanguage: 'en' } });
    client.open('untitled:msg', jaReply);
    const english = await client.waitForCurrent('untitled:msg', (d) => d.length > 0);
    assert.match(String(english.find((d) => d.code === 'supplier-centred-wording')!.message), /justifies/);
    const published = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { replylint: { messageLanguage: 'ja' } } });
    const japanese = await client.waitForDiagnostics('untitled:msg', (p) => client.published.indexOf(p) >= published);
    assert.match(String(japanese.diagnostics.find((d) => d.code === 'supplier-centred-wording')!.message), /会社側/);
    client.dispose();
  });

  it('bad settings are reported and ignored, one by one', async () => {
    // Why: an unknown rule id in the editor settings must not switch linting off altogether.
    const client = await server();
    client.settings = () => ({ lang: 'fr', rules: { 'no-such-rule': 'error', 'supplier-centred-wording': 'off' } });
    client.open('untitled:bad', enReply);
    assertRules(await client.waitForCurrent('untitled:bad', (d) => d.length > 0), ['empathy-acknowledgement'], ['supplier-centred-wording']);
    await eventually(() => client.shownMessages.some((m) => m.includes('no-such-rule')), 'warning about the unknown rule');
    assert.ok(client.shownMessages.some((m) => m.includes('lang')));
    client.dispose();
  });
});

describe('config files and inquiries', () => {
  it('.replylintrc.json applies; editing it re-lints after workspace/didChangeWatchedFiles', async () => {
    const project = mkdtempSync(path.join(dir, 'rc-'));
    const rc = path.join(project, '.replylintrc.json');
    writeFileSync(rc, JSON.stringify({ rules: { 'supplier-centred-wording': 'off' } }));
    const reply = path.join(project, 'reply.txt');
    writeFileSync(reply, enReply);
    const client = await server();
    client.open(fileUri(reply), enReply);
    // Why: the same .replylintrc the CLI reads decides the rules in the editor.
    assertRules(await client.waitForCurrent(fileUri(reply), (d) => d.length > 0), ['empathy-acknowledgement'], ['supplier-centred-wording']);

    writeFileSync(rc, JSON.stringify({ rules: { 'empathy-acknowledgement': 'off' } }));
    const published = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(rc), type: 2 }] });
    const relinted = await client.waitForDiagnostics(fileUri(reply), (p) => client.published.indexOf(p) >= published);
    assertRules(relinted.diagnostics, ['supplier-centred-wording'], ['empathy-acknowledgement']);

    // Why: an explicit rule in the editor settings overrides the file (a personal override).
    client.settings = () => ({ rules: { 'empathy-acknowledgement': 'warn' } });
    const again = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const overridden = await client.waitForDiagnostics(fileUri(reply), (p) => client.published.indexOf(p) >= again);
    assert.ok(overridden.diagnostics.some((d) => d.code === 'empathy-acknowledgement'));
    client.dispose();
  });

  it('an invalid .replylintrc is reported once and the editor settings still apply', async () => {
    const project = mkdtempSync(path.join(dir, 'badrc-'));
    writeFileSync(path.join(project, '.replylintrc.json'), '{ "rules": { "nope": "warn" } }');
    const reply = path.join(project, 'reply.txt');
    const client = await server();
    client.open(fileUri(reply), enReply);
    assert.ok((await client.waitForCurrent(fileUri(reply), (d) => d.length > 0)).length > 0);
    await eventually(() => client.shownMessages.find((m) => m.includes('rules.nope')), 'config error message');
    client.dispose();
  });

  it('an untitled reply uses the workspace folder config', async () => {
    const project = mkdtempSync(path.join(dir, 'root-'));
    writeFileSync(path.join(project, '.replylintrc.yaml'), 'rules:\n  inquiry-summary: off\n  empathy-acknowledgement: off\n');
    const client = await server(pushCapabilities, undefined, fileUri(project));
    client.open('untitled:Untitled-1', enReply);
    assertRules(await client.waitForCurrent('untitled:Untitled-1', (d) => d.length > 0), ['supplier-centred-wording'], ['inquiry-summary', 'empathy-acknowledgement']);
    client.dispose();
  });

  it('a sibling NAME.inquiry.txt is the inquiry; while open in the editor its live text is used', async () => {
    const project = mkdtempSync(path.join(dir, 'sib-'));
    const reply = path.join(project, 'case-12.txt');
    const inquiry = path.join(project, 'case-12.inquiry.txt');
    writeFileSync(reply, enReply);
    writeFileSync(inquiry, enInquiry);
    const client = await server();
    client.open(fileUri(reply), enReply);
    // Why: the proposed summary is built from the customer's message next to the reply.
    const first = await client.waitForCurrent(fileUri(reply), (d) => /headphones/.test(summaryOf(d)));
    assert.match(summaryOf(first), /headphones stopped working/);
    assert.ok(client.statuses.some((s) => s.uri === fileUri(reply) && s.hasInquiry));

    client.open(fileUri(inquiry), enInquiry);
    client.change(fileUri(inquiry), [{ text: 'The charger I bought last week is broken. Please send a new one.' }]);
    const live = await client.waitForDiagnostics(fileUri(reply), (p) => /charger/.test(summaryOf(p.diagnostics)));
    assert.match(summaryOf(live.diagnostics), /charger you bought last week is broken/);
    // Why: the inquiry file is the customer's text, not a reply: it is never linted.
    assert.ok(!client.published.some((p) => p.uri === fileUri(inquiry) && p.diagnostics.length > 0));
    assert.ok(!client.statuses.some((s) => s.uri === fileUri(inquiry)));
    client.dispose();
  });

  it('an inquiry set by the client comes before the quoted original in the reply', async () => {
    // Why: @replylint/node's one order (attached > --inquiry > sibling > quoted): the agent chose that text for this reply.
    const client = await server();
    client.open('untitled:quoted', jaQuotedReply);
    const quoted = await client.waitForCurrent('untitled:quoted', (d) => d.length > 0);
    assert.match(summaryOf(quoted), /ヘッドホン/, 'without an attached inquiry, the quoted original is the inquiry');
    await client.connection.sendRequest('replylint/setInquiry', { uri: 'untitled:quoted', text: '請求が二重になっています。' });
    const attached = await client.waitForCurrent('untitled:quoted', (d) => /請求/.test(summaryOf(d)));
    assert.doesNotMatch(summaryOf(attached), /ヘッドホン/);
    client.dispose();
  });

  it('a sibling NAME.inquiry.txt comes before the quoted original; an attached inquiry before both', async () => {
    // Why: the same order as the CLI, so the editor shows what the pre-send hook will block on.
    const project = mkdtempSync(path.join(dir, 'order-'));
    const reply = path.join(project, 'ticket.txt');
    writeFileSync(reply, jaQuotedReply);
    writeFileSync(path.join(project, 'ticket.inquiry.txt'), '請求が二重になっています。返金してください。');
    const client = await server();
    client.open(fileUri(reply), jaQuotedReply);
    const sibling = await client.waitForCurrent(fileUri(reply), (d) => d.length > 0);
    assert.match(summaryOf(sibling), /請求/);
    assert.doesNotMatch(summaryOf(sibling), /ヘッドホン/);
    await client.connection.sendRequest('replylint/setInquiry', { uri: fileUri(reply), text: jaInquiry });
    const attached = await client.waitForCurrent(fileUri(reply), (d) => /ヘッドホン/.test(summaryOf(d)));
    assert.doesNotMatch(summaryOf(attached), /請求/);
    client.dispose();
  });

  it('setInquiry before the document is opened is kept for it', async () => {
    const client = await server();
    await client.connection.sendRequest('replylint/setInquiry', { uri: 'untitled:later', text: jaInquiry });
    client.open('untitled:later', jaReply);
    assert.match(summaryOf(await client.waitForCurrent('untitled:later', (d) => d.length > 0)), /ヘッドホン/);
    client.dispose();
  });
});

describe('code actions, hover and commands', () => {
  it('"fix all" replaces every finding of the rule with one versioned, non-overlapping edit', async () => {
    const client = await server();
    const uri = 'untitled:two';
    client.open(uri, enTwoPolicies);
    const diagnostics = await client.waitForCurrent(uri, (d) => d.filter((x) => x.code === 'supplier-centred-wording').length === 2);
    const first = diagnostics.find((d) => d.code === 'supplier-centred-wording')!;
    const actions = await client.codeActions(uri, first);
    const fixAll = actions.find((a) => /Fix all 2/.test(a.title));
    assert.ok(fixAll, actions.map((a) => a.title).join(' | '));
    const change = fixAll.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, client.documents.get(uri)!.version);
    assert.equal(change.edits.length, 2);
    const before = client.documents.get(uri)!.getText();
    client.applyEdit(fixAll.edit!);
    const after = client.documents.get(uri)!.getText();
    // Why: only the two flagged ranges change (each phrase, with its comma and the capital after it);
    // everything else is byte-for-byte the same.
    let expected = before;
    const offsetAt = (p: { line: number; character: number }) => before.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    for (const e of [...(change.edits as Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>)].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start))) {
      assert.match(before.slice(offsetAt(e.range.start), offsetAt(e.range.end)), /^Per our policy, \w$/);
      expected = expected.slice(0, offsetAt(e.range.start)) + e.newText + expected.slice(offsetAt(e.range.end));
    }
    assert.equal(after, expected);
    const fixed = await client.waitForCurrent(uri);
    assert.equal(fixed.filter((d) => d.code === 'supplier-centred-wording').length, 0);
    client.dispose();
  });

  it('a client without documentChanges gets plain `changes`', async () => {
    const capabilities = { ...pushCapabilities, workspace: { ...pushCapabilities.workspace, workspaceEdit: {} } };
    const client = await server(capabilities);
    client.open('untitled:plain', enReply);
    const supplier = (await client.waitForCurrent('untitled:plain', (d) => d.length > 0)).find((d) => d.code === 'supplier-centred-wording')!;
    const fix = (await client.codeActions('untitled:plain', supplier)).find((a): a is CodeAction => !!a.edit)!;
    assert.equal(fix.edit!.documentChanges, undefined);
    assert.ok(fix.edit!.changes!['untitled:plain']);
    client.dispose();
  });

  it('hover: why it matters in the message language, bad/good examples in the reply language', async () => {
    const client = await server();
    client.settings = () => ({ messageLanguage: 'en' });
    client.open('untitled:hover', jaReply);
    const supplier = (await client.waitForCurrent('untitled:hover', (d) => d.length > 0)).find((d) => d.code === 'supplier-centred-wording')!;
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'untitled:hover' },
      position: supplier.range.start,
    })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    // Why: an English-speaking agent writing a Japanese reply reads the reason in English but copies Japanese.
    assert.match(value, /Why it matters/);
    assert.match(value, /protects|shuts the customer out/);
    assert.match(value, /お客様の個人情報を守るため/);
    assert.match(value, /規定により、ご本人確認/);
    assert.match(value, /docs\/rules\/supplier-centred-wording\.md/);
    // Outside any finding: nothing.
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:hover' }, position: { line: 0, character: 0 } }), null);
    client.dispose();
  });

  it('"open the rule\'s documentation" asks the client to show the URL (or tells it, without showDocument)', async () => {
    const client = await server();
    client.open('untitled:doc', enReply);
    const supplier = (await client.waitForCurrent('untitled:doc', (d) => d.length > 0)).find((d) => d.code === 'supplier-centred-wording')!;
    const action = (await client.codeActions('untitled:doc', supplier)).find(
      (a) => a.command?.command === 'replylint.openRuleDoc' && a.diagnostics?.[0]?.code === 'supplier-centred-wording',
    )!;
    await client.connection.sendRequest('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments });
    assert.deepEqual(client.shownDocuments, [supplier.codeDescription!.href]);
    await assert.rejects(client.connection.sendRequest('workspace/executeCommand', { command: 'replylint.openRuleDoc', arguments: ['file:///etc/passwd'] }));
    client.dispose();

    const noShow = await server({ ...pushCapabilities, window: {} });
    await noShow.connection.sendRequest('workspace/executeCommand', { command: 'replylint.openRuleDoc', arguments: [supplier.codeDescription!.href] });
    await eventually(() => noShow.shownMessages.some((m) => m.includes(supplier.codeDescription!.href)), 'URL shown as a message');
    noShow.dispose();
  });
});

describe('documents', () => {
  it('Markdown: code blocks are not prose (masked as in the CLI)', async () => {
    const client = await server();
    const text = 'Hi Alex,\n\nThank you for contacting us.\n\n```\nPer our policy, x\n```\n\nPer our policy, refunds are not available after 30 days.\n\nBest regards,\nSam\n';
    client.open('untitled:reply.md', text, 'markdown');
    const supplier = (await client.waitForCurrent('untitled:reply.md', (d) => d.length > 0)).filter((d) => d.code === 'supplier-centred-wording');
    assert.equal(supplier.length, 1);
    assert.equal(supplier[0]!.range.start.line, 8);
    client.dispose();
  });

  it('a burst of edits ends with diagnostics for the last version', async () => {
    // Why: typing fast must never leave diagnostics of an older text on screen.
    const client = await server();
    const uri = 'untitled:burst';
    client.open(uri, enReply);
    await client.waitForCurrent(uri, (d) => d.length > 0);
    const start = client.published.length;
    for (let i = 0; i < 20; i++) client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'a' }]);
    const last = await client.waitForCurrent(uri);
    assert.ok(last.length > 0);
    const pushedAfter = client.published.slice(start).filter((p) => p.uri === uri);
    assert.ok(pushedAfter.every((p, i) => i === 0 || (p.version ?? 0) >= (pushedAfter[i - 1]!.version ?? 0)), 'versions never go backwards');
    client.dispose();
  });
});
