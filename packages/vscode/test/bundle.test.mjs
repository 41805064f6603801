// Checks the bundled language server (dist/server.mjs) outside VS Code: it
// starts from the extension's own files (no workspace node_modules), loads
// the shipped prepared dictionary (dist/dict) and publishes findings for a Japanese and
// an English reply. Run after `npm run build -w packages/vscode`:
//   node --test packages/vscode/test/bundle.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(pkgDir, 'dist');

/** Minimal LSP client over stdio. */
function startServer(cwd, env) {
  const child = spawn(process.execPath, [path.join(cwd, 'server.mjs'), '--stdio'], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  const log = [];
  child.stderr.on('data', (d) => log.push(String(d)));
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && message.method === undefined) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      } else if (message.id !== undefined) {
        // A request from the server (configuration, registration…): answer with defaults.
        const result = message.method === 'workspace/configuration' ? message.params.items.map(() => ({})) : null;
        send({ jsonrpc: '2.0', id: message.id, result });
      } else {
        if (message.method === 'window/logMessage') log.push(message.params.message);
        for (const l of listeners) l(message);
      }
    }
  });
  function send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  }
  return {
    child,
    log,
    request(method, params) {
      const id = nextId++;
      send({ jsonrpc: '2.0', id, method, params });
      return new Promise((resolve) => pending.set(id, resolve));
    },
    notify(method, params) {
      send({ jsonrpc: '2.0', method, params });
    },
    waitFor(predicate, timeoutMs, what) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nserver log:\n${log.join('\n')}`)),
          timeoutMs,
        );
        const listener = (message) => {
          if (!predicate(message)) return;
          clearTimeout(timer);
          listeners.splice(listeners.indexOf(listener), 1);
          resolve(message);
        };
        listeners.push(listener);
      });
    },
  };
}

test('the extension ships the prepared dictionary, not kuromoji\'s gzipped one', () => {
  // Why: the server would otherwise gunzip 17 MB into 100 MB before the first Japanese reply.
  const files = fs.readdirSync(dist, { recursive: true }).map(String);
  assert.deepEqual(files.filter((f) => f.endsWith('.gz')), []);
  for (const f of ['base.dat', 'check.dat', 'tid.dat', 'tid_pos.dat', 'tid_map.csr', 'cc.dat', 'manifest.json']) {
    assert.ok(fs.existsSync(path.join(dist, 'dict', f)), `dist/dict/${f}`);
  }
});

test('bundled server lints Japanese and English replies from the extension files alone', { timeout: 90_000 }, async (t) => {
  assert.ok(fs.existsSync(path.join(dist, 'server.mjs')), 'dist/server.mjs missing: run npm run build -w packages/vscode');
  // Copy dist/ away from the repository so nothing resolves from the workspace's node_modules.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replylint-bundle-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const copy = path.join(tmp, 'dist');
  fs.cpSync(dist, copy, { recursive: true });
  const server = startServer(copy, {
    REPLYLINT_KUROMOJI_DICT: path.join(copy, 'dict'),
  });
  t.after(() => server.child.kill());

  const workspace = path.join(tmp, 'ws');
  fs.mkdirSync(workspace);
  const init = await server.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
    capabilities: {},
  });
  assert.equal(init.error, undefined, JSON.stringify(init.error));
  server.notify('initialized', {});

  const ja = pathToFileURL(path.join(workspace, 'reply-ja.txt')).href;
  const jaText = 'お問い合わせありがとうございます。\n規定により返金はできかねます。\n';
  fs.writeFileSync(fileURLToPath(ja), jaText);
  const jaDiagnostics = server.waitFor(
    (m) =>
      m.method === 'textDocument/publishDiagnostics' &&
      m.params.uri === ja &&
      m.params.diagnostics.some((d) => d.code === 'supplier-centred-wording'),
    60_000,
    'supplier-centred-wording on the Japanese reply',
  );
  server.notify('textDocument/didOpen', { textDocument: { uri: ja, languageId: 'plaintext', version: 1, text: jaText } });
  const published = await jaDiagnostics;
  const finding = published.params.diagnostics.find((d) => d.code === 'supplier-centred-wording');
  assert.equal(finding.source, 'replylint');

  const en = pathToFileURL(path.join(workspace, 'reply-en.txt')).href;
  const enText = 'Hi Sam,\n\nThanks for reaching out.\n';
  const enDiagnostics = server.waitFor(
    (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === en,
    30_000,
    'diagnostics for the English reply',
  );
  server.notify('textDocument/didOpen', { textDocument: { uri: en, languageId: 'plaintext', version: 1, text: enText } });
  await enDiagnostics;

  const shutdown = await server.request('shutdown', null);
  assert.equal(shutdown.error, undefined);
  server.notify('exit', null);
});
