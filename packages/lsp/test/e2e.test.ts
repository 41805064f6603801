/**
 * End to end: spawn `replylint-lsp --stdio` and drive it with a real JSON-RPC
 * client (vscode-languageserver-protocol), as an editor would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { eventually, offsetsOf, pullCapabilities, pushCapabilities, spawnServer, type TestClient } from '../testkit/client.js';
import { enInquiry, enReply, jaInquiry, jaReply } from '../testkit/fixtures.js';

function rangeOf(text: string, needle: string) {
  const doc = TextDocument.create('x:', 'plaintext', 0, text);
  const [start, end] = offsetsOf(text, needle);
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

function byRule(diagnostics: Diagnostic[], rule: string): Diagnostic | undefined {
  return diagnostics.find((d) => d.code === rule);
}

/** Text outside [start, end) of `before` is byte-for-byte the text around the inserted part of `after`. */
function assertOnlyChanged(before: string, after: string, start: number, end: number, inserted: string): void {
  assert.equal(after, before.slice(0, start) + inserted + before.slice(end));
}

describe('replylint-lsp over stdio (push diagnostics)', () => {
  let client: TestClient;

  before(async () => {
    client = spawnServer();
    const result = await client.initialize(pushCapabilities);
    // Why: a push client must not be offered pull diagnostics, and gets incremental sync.
    assert.equal(result.capabilities.diagnosticProvider, undefined);
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
  });

  after(async () => {
    await client.shutdown();
  });

  it('registers the config and inquiry file watchers dynamically', async () => {
    // Why: re-linting on .replylintrc / NAME.inquiry.* changes needs the client to watch those files.
    const watchers = await eventually(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 'watcher registration');
    const globs = (watchers.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/.replylintrc.{json,yaml,yml}'));
    assert.ok(globs.includes('**/*.inquiry.{txt,md}'));
  });

  it('Japanese reply: both findings with correct ranges, quick fix applied, finding gone', async () => {
    const uri = 'untitled:ja-reply';
    // The customer's message: the acknowledgement suggested depends on it (with none, none is guessed).
    await client.connection.sendRequest('replylint/setInquiry', { uri, text: jaInquiry });
    client.open(uri, jaReply);
    const diagnostics = await client.waitForCurrent(uri, (d) => d.length > 0);

    // Why: 「規定により」 justifies the refusal by the company's rules; the range is exactly the phrase.
    const supplier = byRule(diagnostics, 'supplier-centred-wording');
    assert.ok(supplier, 'supplier-centred-wording reported');
    assert.deepEqual(supplier.range, rangeOf(jaReply, '規定により'));
    assert.equal(supplier.source, 'replylint');
    assert.match(supplier.codeDescription!.href, /supplier-centred-wording/);
    // Why: the reply never acknowledges the customer's trouble; core anchors it on the first body sentence.
    const empathy = byRule(diagnostics, 'empathy-acknowledgement');
    assert.ok(empathy, 'empathy-acknowledgement reported');
    assert.deepEqual(empathy.range, rangeOf(jaReply, '規定により返金はできかねます。'));
    assert.ok(Array.isArray(empathy.data) && empathy.data.length > 0, 'suggestions travel in data');

    // Why: the quick fix is the suggestion itself, as a versioned edit of exactly the flagged words.
    const actions = await client.codeActions(uri, supplier);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit && a.diagnostics?.some((d) => d.code === 'supplier-centred-wording'));
    assert.ok(fix, `quick fix offered; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    const docAction = actions.find((a) => a.command?.command === 'replylint.openRuleDoc');
    assert.ok(docAction, 'open-documentation action offered');
    const editVersion = (fix.edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version;
    assert.equal(editVersion, client.documents.get(uri)!.version);

    const before = client.documents.get(uri)!.getText();
    const [start, end] = offsetsOf(before, '規定により');
    const replacement = (fix.edit!.documentChanges![0] as { edits: Array<{ newText: string }> }).edits[0]!.newText;
    const [after] = client.applyEdit(fix.edit!);
    assertOnlyChanged(before, after!.getText(), start, end, replacement);
    const fixed = await client.waitForCurrent(uri);
    assert.equal(byRule(fixed, 'supplier-centred-wording'), undefined, 'supplier-centred wording fixed');

    // Why: the acknowledgement quick fix inserts a sentence after the greeting; then empathy is satisfied.
    const empathyNow = byRule(fixed, 'empathy-acknowledgement')!;
    const insert = (await client.codeActions(uri, empathyNow)).find((a) => a.edit && a.diagnostics?.some((d) => d.code === 'empathy-acknowledgement'));
    assert.ok(insert);
    client.applyEdit(insert.edit!);
    const acknowledged = await client.waitForCurrent(uri);
    assert.equal(byRule(acknowledged, 'empathy-acknowledgement'), undefined, 'acknowledgement inserted');
    client.close(uri);
  });

  it('English reply: "Per our policy" and the missing acknowledgement, fixed by quick fixes', async () => {
    const uri = 'untitled:en-reply';
    client.open(uri, enReply);
    const diagnostics = await client.waitForCurrent(uri, (d) => d.length > 0);
    const supplier = byRule(diagnostics, 'supplier-centred-wording');
    assert.ok(supplier);
    // Why: the range covers "Per our policy" and nothing else (offsets → UTF-16 positions).
    assert.deepEqual(supplier.range, rangeOf(enReply, 'Per our policy'));
    assert.ok(byRule(diagnostics, 'empathy-acknowledgement'));

    // Why: the range also touches the empathy finding's sentence; pick the action linked to this diagnostic.
    const fix = (await client.codeActions(uri, supplier)).find((a) => a.edit && a.diagnostics?.[0]?.code === 'supplier-centred-wording');
    assert.ok(fix);
    client.applyEdit(fix.edit!);
    const fixed = await client.waitForCurrent(uri);
    assert.equal(byRule(fixed, 'supplier-centred-wording'), undefined);
    assert.ok(byRule(fixed, 'empathy-acknowledgement'), 'the other finding stays');
    client.close(uri);
  });

  it('replylint/setInquiry changes the inquiry-summary finding; clearInquiry re-lints without it', async () => {
    const uri = 'untitled:en-inquiry';
    client.open(uri, enReply);
    const summaryText = (ds: Diagnostic[]) => ((byRule(ds, 'inquiry-summary')?.data as Array<{ text: string }> | undefined)?.[0]?.text ?? '');
    const generic = summaryText(await client.waitForCurrent(uri, (d) => d.length > 0));
    // Why: without the customer's message the proposed summary can only be a template.
    assert.doesNotMatch(generic, /headphones/);

    await client.connection.sendRequest('replylint/setInquiry', { uri, text: enInquiry });
    const withInquiry = await client.waitForDiagnostics(uri, (p) => /headphones/.test(summaryText(p.diagnostics)));
    // Why: with the inquiry, the proposed summary restates the customer's actual problem.
    assert.match(summaryText(withInquiry.diagnostics), /headphones stopped working/);
    assert.ok(client.statuses.some((s) => s.uri === uri && s.hasInquiry), 'status reports the inquiry');

    // Applying that summary satisfies the rule.
    const summary = byRule(withInquiry.diagnostics, 'inquiry-summary')!;
    const fix = (await client.codeActions(uri, summary)).find((a) => a.edit && a.diagnostics?.some((d) => d.code === 'inquiry-summary'));
    client.applyEdit(fix!.edit!);
    const summarised = await client.waitForCurrent(uri);
    assert.equal(byRule(summarised, 'inquiry-summary'), undefined);

    // Why: clearing the inquiry re-lints without it.
    const statusesBefore = client.statuses.length;
    await client.connection.sendRequest('replylint/clearInquiry', { uri });
    await eventually(() => client.statuses.slice(statusesBefore).find((s) => s.uri === uri && !s.hasInquiry), 'status without inquiry');
    client.close(uri);
  });

  it('closing a document clears its diagnostics', async () => {
    // Why: stale findings must not stay in the editor's problem list after close.
    const uri = 'untitled:to-close';
    client.open(uri, jaReply);
    await client.waitForCurrent(uri, (d) => d.length > 0);
    client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.equal(cleared.version, undefined);
  });

  it('keeps serving after malformed params, unknown documents and out-of-order versions', async () => {
    const c = client.connection;
    // Why: editors and plugins send odd things; none of it may take the server down.
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri: 42 } });
    await c.sendNotification('textDocument/didOpen', null);
    await c.sendNotification('textDocument/didChange', { textDocument: { uri: 'untitled:nope', version: 2 }, contentChanges: [{ text: 'x' }] });
    await c.sendNotification('textDocument/didChange', { contentChanges: 'garbage' });
    await c.sendNotification('textDocument/didClose', { textDocument: {} });
    await assert.rejects(c.sendRequest('textDocument/codeAction', { textDocument: { uri: 'untitled:x' } }), /range/);
    await assert.rejects(c.sendRequest('textDocument/hover', {}), /textDocument\.uri/);
    await assert.rejects(c.sendRequest('replylint/setInquiry', { uri: 1 }), /expected/);
    assert.equal(await c.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:unknown' }, position: { line: 0, character: 0 } }), null);

    // Why: a change older than the text the server holds cannot be applied; it is ignored, the newer text stays.
    const uri = 'untitled:versions';
    client.open(uri, enReply, 'plaintext', 5);
    await client.waitForCurrent(uri, (d) => d.length > 0);
    await c.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: 'Hi\n\nThanks.\n' }] });
    client.change(uri, [{ range: rangeOf(enReply, 'Per our policy'), text: 'To protect your account' }]);
    const diagnostics = await client.waitForCurrent(uri);
    assert.equal(byRule(diagnostics, 'supplier-centred-wording'), undefined);
    assert.ok(byRule(diagnostics, 'empathy-acknowledgement'), 'the out-of-order full text was not applied');
    client.close(uri);
    assert.equal(client.child!.exitCode, null, 'server still running');
  });

  it('a 5 MB document gets one information diagnostic saying it was skipped', async () => {
    // Why: huge pastes must not freeze the editor; the agent is told why nothing is checked.
    const uri = 'untitled:huge';
    const huge = enReply + 'x'.repeat(5 * 1024 * 1024);
    client.open(uri, huge);
    const diagnostics = await client.waitForCurrent(uri, () => true, 30_000);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.severity, 3);
    assert.match(String(diagnostics[0]!.message), /not analysed/);
    client.close(uri);
    // And the server still answers.
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  });
});

describe('replylint-lsp over stdio (pull diagnostics)', () => {
  let client: TestClient;

  before(async () => {
    client = spawnServer();
    const result = await client.initialize(pullCapabilities);
    // Why: a client that can pull gets a diagnostic provider instead of pushed diagnostics.
    assert.deepEqual(result.capabilities.diagnosticProvider, { identifier: 'replylint', interFileDependencies: false, workspaceDiagnostics: false });
  });

  after(async () => {
    await client.shutdown();
  });

  it('answers textDocument/diagnostic, then "unchanged" for the same result', async () => {
    const uri = 'untitled:pull';
    client.open(uri, jaReply);
    const first = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
      kind: string;
      resultId: string;
      items: Diagnostic[];
    };
    assert.equal(first.kind, 'full');
    assert.ok(byRule(first.items, 'supplier-centred-wording'));
    // Why: unchanged text and options are not re-analysed, and the client is told so.
    const second = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId })) as {
      kind: string;
    };
    assert.equal(second.kind, 'unchanged');
    assert.equal(client.published.length, 0, 'nothing pushed to a pull client');
  });

  it('setInquiry asks the client to pull again (workspace/diagnostic/refresh)', async () => {
    // Why: a pull client only re-asks when told that something besides the text changed.
    const uri = 'untitled:pull';
    const refreshes = client.refreshes.length;
    await client.connection.sendRequest('replylint/setInquiry', { uri, text: jaInquiry });
    await eventually(() => client.refreshes.length > refreshes, 'workspace/diagnostic/refresh');
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    const summary = byRule(report.items, 'inquiry-summary');
    assert.match((summary?.data as Array<{ text: string }>)[0]!.text, /ヘッドホン/);
  });

  it('honours cancellation of a diagnostic pull', async () => {
    // Why: VS Code cancels a pull on every keystroke; the server must answer "cancelled", not stale results.
    const uri = 'untitled:cancel';
    client.open(uri, enReply);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    source.cancel();
    await assert.rejects(pending, (error: { code?: number }) => error.code === -32800);
  });

  it('code actions are offered for pulled diagnostics', async () => {
    const uri = 'untitled:pull';
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    const supplier = byRule(report.items, 'supplier-centred-wording')!;
    const actions: CodeAction[] = await client.codeActions(uri, supplier);
    assert.ok(actions.some((a) => a.edit));
  });
});
