/**
 * The VS Code extension's language server (packages/vscode/dist/server.mjs, as the
 * .vsix ships it) started as the client starts it, then one Japanese reply opened:
 * time from spawning the server to the first diagnostics of that reply, and from
 * didOpen to them. The dictionary is the one the extension ships (dist/dict) or
 * kuromoji's gzipped one (what it shipped before).
 *   node vscode-first.mjs SERVER.mjs DICTIONARY_DIR [NODE_FLAGS] → one JSON line
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [server, dictionary, flags = ''] = process.argv.slice(2);
const uri = pathToFileURL(path.join(os.tmpdir(), 'replylint-bench-ws', 'reply-ja.txt')).href;
const text = 'お問い合わせありがとうございます。\n規定により返金はできかねます。\n';
const started = performance.now();
let opened = 0;
const child = spawn(process.execPath, [...flags.split(' ').filter(Boolean), server, '--stdio'], {
  env: { ...process.env, REPLYLINT_KUROMOJI_DICT: dictionary },
  stdio: ['pipe', 'pipe', 'ignore'],
});
const send = (message) => {
  const body = Buffer.from(JSON.stringify(message));
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
};
const timeout = setTimeout(() => {
  child.kill();
  console.error('vscode-first: no diagnostics within 60 s');
  process.exit(1);
}, 60_000);
let buffer = Buffer.alloc(0);
child.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
    buffer = buffer.subarray(end + 4 + length);
    if (message.id !== undefined && message.method) {
      send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? message.params.items.map(() => ({})) : null });
    } else if (message.id === 1) {
      send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      opened = performance.now();
      send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text } } });
    } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri && message.params.diagnostics.length > 0) {
      const now = performance.now();
      console.log(JSON.stringify({ spawnToDiagnosticsMs: now - started, openToDiagnosticsMs: now - opened }));
      clearTimeout(timeout);
      child.kill();
    }
  }
});
send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
