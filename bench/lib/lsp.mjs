/**
 * Editor latency of the language server, over stdio like an editor:
 *   node lsp.mjs SERVER_BIN REPLY.txt EDITS [WARMUP_EDITS]
 * Opens the reply, waits for its first diagnostics (the dictionary loads),
 * makes WARMUP_EDITS edits, samples the server's RSS, then times EDITS edits:
 * each is one keystroke (a character typed, or deleted, in the middle of the
 * reply) sent as an incremental didChange, and the time is until
 * publishDiagnostics for that version arrives. Push mode, debounceMs 0: the
 * figure is the server's own work, not a debounce delay.
 * Prints one JSON line.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { procMemory } from './measure.mjs';

const [serverBin, replyFile, editsArg, warmupArg] = process.argv.slice(2);
const edits = Number(editsArg ?? 500);
const warmupEdits = Number(warmupArg ?? 20);
const text0 = fs.readFileSync(replyFile, 'utf8');

/** A minimal JSON-RPC 2.0 client with LSP base-protocol framing. */
class Client {
  constructor(child) {
    this.child = child;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.buffer = Buffer.alloc(0);
    this.logs = [];
    child.stdout.on('data', (chunk) => this.onData(chunk));
  }
  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length:\s*(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body));
    }
  }
  onMessage(message) {
    if ('id' in message && !('method' in message)) {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
      return;
    }
    if ('id' in message) {
      // A request from the server (configuration, registration, progress): answer plainly.
      const result = message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    if (message.method === 'window/logMessage') this.logs.push(message.params?.message);
    for (const listener of this.listeners) listener(message);
  }
  send(message) {
    const body = JSON.stringify(message);
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }
  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }
  /** Resolves with the first notification that `match` accepts. */
  waitFor(match, timeoutMs = 60_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out waiting for a notification (${timeoutMs} ms)`));
      }, timeoutMs);
      const listener = (message) => {
        if (!match(message)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(message);
      };
      this.listeners.add(listener);
    });
  }
}

/** LSP position (UTF-16 line/character) of an offset. */
function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => (stderr += d));
const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
const client = new Client(child);

const uri = 'file:///replylint-bench/reply.txt';
const started = performance.now();
await client.request('initialize', {
  processId: process.pid,
  rootUri: null,
  workspaceFolders: null,
  capabilities: {},
  initializationOptions: { debounceMs: 0 },
});
client.notify('initialized', {});
const initializedMs = performance.now() - started;

let text = text0;
let version = 1;
const diagnosticsFor = (v) => client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === v);
let waiting = diagnosticsFor(version);
client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
const first = await waiting;
const firstDiagnosticsMs = performance.now() - started;

// Keystrokes in the middle of the reply: type a phrase, then delete it again, and again.
const phrase = 'ご不便をおかけして申し訳ございません。';
const paragraphs = text0.split('\n\n');
const cursor0 = paragraphs.slice(0, Math.ceil(paragraphs.length / 2)).join('\n\n').length; // end of a middle paragraph
let typed = 0;
let deleting = false;

function nextEdit() {
  let change;
  if (!deleting) {
    const at = cursor0 + typed;
    const ch = phrase[typed];
    change = { range: { start: positionAt(text, at), end: positionAt(text, at) }, text: ch };
    text = text.slice(0, at) + ch + text.slice(at);
    typed++;
    if (typed === phrase.length) deleting = true;
  } else {
    const at = cursor0 + typed - 1;
    change = { range: { start: positionAt(text, at), end: positionAt(text, at + 1) }, text: '' };
    text = text.slice(0, at) + text.slice(at + 1);
    typed--;
    if (typed === 0) deleting = false;
  }
  version++;
  return change;
}

async function edit() {
  const change = nextEdit();
  const v = version;
  waiting = diagnosticsFor(v);
  const t = performance.now();
  client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
  const message = await waiting;
  return { ms: performance.now() - t, count: message.params.diagnostics.length };
}

for (let i = 0; i < warmupEdits; i++) await edit();
const afterWarmup = procMemory(child.pid);

const latencies = [];
let diagnosticsSeen = 0;
for (let i = 0; i < edits; i++) {
  const { ms, count } = await edit();
  latencies.push(ms);
  diagnosticsSeen += count;
}
const afterEdits = procMemory(child.pid);

await client.request('shutdown', null);
client.notify('exit', null);
const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
if (code === 'timeout') child.kill();

console.log(
  JSON.stringify({
    replyChars: text0.length,
    edits,
    warmupEdits,
    initializedMs,
    firstDiagnosticsMs,
    firstDiagnostics: first.params.diagnostics.length,
    meanDiagnosticsPerEdit: diagnosticsSeen / edits,
    latencies,
    rssAfterWarmupMB: afterWarmup.rssMB,
    rssAfterEditsMB: afterEdits.rssMB,
    peakRssMB: afterEdits.peakRssMB,
    tokenizerLog: client.logs.find((l) => /tokenizer/i.test(l ?? '')) ?? null,
    exitCode: code,
    stderr: stderr.slice(-500),
  }),
);
