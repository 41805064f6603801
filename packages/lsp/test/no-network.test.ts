/**
 * Privacy: the language server never touches the network. A spawned
 * `replylint-lsp --stdio` runs with the CLI tests' no-network guard preloaded
 * (packages/cli/test/fixtures/no-network-guard.cjs, through NODE_OPTIONS),
 * which records and refuses every outbound network API. A full session —
 * config file and sibling inquiry on disk, Japanese (dictionary loading) and
 * English replies, Markdown, quick fixes, hover, the open-documentation
 * command, custom requests, watched-file and settings changes, push and pull
 * clients, shutdown — must record no attempt. The stdio transport itself uses
 * pipes, which the guard leaves alone.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { eventually, pullCapabilities, pushCapabilities, spawnServer, type TestClient } from '../testkit/client.js';
import { enInquiry, enReply, jaInquiry, jaReply } from '../testkit/fixtures.js';

/** packages/lsp/dist/test → packages/cli/test/fixtures (one guard for the CLI and the server). */
const guard = fileURLToPath(new URL('../../../cli/test/fixtures/no-network-guard.cjs', import.meta.url));

interface GuardRecord {
  pid: number;
  thread: number;
  installed?: boolean;
  attempt?: string;
  args?: string;
  stack?: string[];
}

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'replylint-lsp-offline-'));
  writeFileSync(path.join(dir, '.replylintrc.yaml'), 'preset: email\nphrases:\n  supplierCentred:\n    - phrase: as per our terms\n      rewrite: to keep your account safe\n');
  writeFileSync(path.join(dir, 'ja.txt'), jaReply);
  writeFileSync(path.join(dir, 'ja.inquiry.txt'), jaInquiry);
  writeFileSync(path.join(dir, 'en.md'), `${enReply}\n\`\`\`\nPer our policy\n\`\`\`\n`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

function guardedServer(log: string): TestClient {
  assert.ok(existsSync(guard), `guard at ${guard}`);
  return spawnServer({ ...process.env, NODE_OPTIONS: `--require ${JSON.stringify(guard)}`, REPLYLINT_NETWORK_LOG: log });
}

async function finish(client: TestClient, log: string): Promise<GuardRecord[]> {
  const child = client.child!;
  const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve();
  await client.shutdown();
  await exited;
  return readFileSync(log, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as GuardRecord);
}

function assertNoNetwork(records: GuardRecord[]): void {
  const attempts = records.filter((r) => r.attempt);
  assert.deepEqual(attempts, [], `network access attempted:\n${attempts.map((a) => `${a.attempt} ${a.args}\n  ${a.stack?.join('\n  ')}`).join('\n')}`);
  assert.ok(records.some((r) => r.installed && /replylint-lsp\.js --stdio/.test(String((r as { argv?: string }).argv))), 'the guard ran in the server');
}

const byRule = (ds: Diagnostic[], rule: string) => ds.find((d) => d.code === rule);

describe('replylint-lsp makes no network access', () => {
  it('through a full push session', { timeout: 60_000 }, async () => {
    const log = path.join(dir, 'push-network.log');
    const client = guardedServer(log);
    await client.initialize(pushCapabilities, undefined, pathToFileURL(dir).href);
    try {
      // Japanese: dictionary loading, sibling inquiry and config file read from disk.
      const ja = pathToFileURL(path.join(dir, 'ja.txt')).href;
      client.open(ja, jaReply);
      const jaDiagnostics = await client.waitForCurrent(ja, (d) => d.length > 0, 30_000);
      const supplier = byRule(jaDiagnostics, 'supplier-centred-wording')!;
      assert.ok(supplier);
      await eventually(() => client.logs.some((l) => /Japanese tokenizer ready/.test(l)), 'the Japanese dictionary loaded under the guard');
      const fix = (await client.codeActions(ja, supplier)).find((a) => a.edit);
      client.applyEdit(fix!.edit!);
      await client.waitForCurrent(ja);
      assert.ok(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: ja }, position: supplier.range.start }) !== undefined);
      // The open-documentation command asks the client to show the URL; the server never fetches it.
      await client.connection.sendRequest('workspace/executeCommand', { command: 'replylint.openRuleDoc', arguments: [supplier.codeDescription!.href] });
      assert.deepEqual(client.shownDocuments, [supplier.codeDescription!.href]);

      // English Markdown on disk, an untitled reply with an inquiry from the client.
      const md = pathToFileURL(path.join(dir, 'en.md')).href;
      client.open(md, readFileSync(path.join(dir, 'en.md'), 'utf8'), 'markdown');
      await client.waitForCurrent(md, (d) => d.length > 0);
      client.open('untitled:offline', enReply);
      await client.waitForCurrent('untitled:offline', (d) => d.length > 0);
      await client.connection.sendRequest('replylint/setInquiry', { uri: 'untitled:offline', text: enInquiry });
      await eventually(() => client.statuses.some((s) => s.uri === 'untitled:offline' && s.hasInquiry), 'inquiry status');

      // Files and settings change: caches dropped, everything re-linted.
      const published = client.published.length;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.replylintrc.yaml')).href, type: 2 }] });
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { replylint: { channel: 'chat' } } });
      await eventually(() => client.published.length > published, 're-lint after changes');
      client.close(md);
      client.close('untitled:offline');
    } finally {
      assertNoNetwork(await finish(client, log));
    }
  });

  it('through a pull session', { timeout: 60_000 }, async () => {
    const log = path.join(dir, 'pull-network.log');
    const client = guardedServer(log);
    await client.initialize(pullCapabilities, { settings: { lang: 'auto' } }, pathToFileURL(dir).href);
    try {
      const ja = pathToFileURL(path.join(dir, 'ja.txt')).href;
      client.open(ja, jaReply);
      const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: ja } })) as { items: Diagnostic[] };
      assert.ok(byRule(report.items, 'inquiry-summary'));
      await client.connection.sendRequest('replylint/clearInquiry', { uri: ja });
    } finally {
      assertNoNetwork(await finish(client, log));
    }
  });
});
