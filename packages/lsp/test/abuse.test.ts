/**
 * The language server under abuse: a spawned `replylint-lsp --stdio` gets
 * 10,000 random edits (seeded: inserts, deletes, replacements with Japanese,
 * emoji, CRLF, lone surrogates; stale and out-of-order versions; malformed
 * changes; closes and reopens), malformed and unknown requests and
 * notifications (some not even JSON), and a 5 MB document. After each phase a
 * request must get an answer; after the last edit the diagnostics must be
 * those of lint() on the final text (same rule ids, same ranges); and the
 * server's resident memory must stay bounded.
 *
 * REPLYLINT_ABUSE_EDITS (default 10,000) and REPLYLINT_ABUSE_SEED change the
 * run; `npm run fuzz` runs many more edits.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type Diagnostic,
  type Position,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ensureJapaneseTokenizer, lint, type ReplylintMessage } from '@replylint/core';
import { maskMarkdown } from '@replylint/node';
import { mergeOptions } from '../src/options.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';
import { pullCapabilities, pushCapabilities, spawnServer, type TestClient } from '../testkit/client.js';
import { enInquiry, enReply, enTwoPolicies, jaInquiry, jaQuotedReply, jaReply } from '../testkit/fixtures.js';

const EDITS = Number(process.env['REPLYLINT_ABUSE_EDITS'] ?? 10_000);
const SEED = Number(process.env['REPLYLINT_ABUSE_SEED'] ?? 20_240_808);
/**
 * The JavaScript heap (documents, caches, analyses) may grow by at most this much over the whole
 * session: what a leak in the server would grow. Resident memory after a full GC also counts what
 * the C allocator keeps of freed memory (the 5 MB document's buffers): the same session measured
 * 68, 71 and 179 MB of RSS growth with the heap at 28 MB each time, so RSS gets a looser bound that
 * still catches native memory running away.
 */
const HEAP_BOUND_MB = 50;
const RSS_BOUND_MB = 300;
/** Edits sent between two round trips (the client does not wait for diagnostics). */
const BATCH = 250;
/** Time limits grow with the number of edits (the nightly fuzz run sends 20 times as many). */
const limit = (ms: number) => Math.round(ms * Math.max(1, EDITS / 10_000));

/** mulberry32: small, fast, seedable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '規定により、', '返金はいたしかねます。', 'ご不便をおかけし、申し訳ございません。', 'システムの仕様上、', '山田 様\n\n', 'とのこと、承知いたしました。',
  'Per our policy, ', 'refunds are not available. ', "I'm sorry to hear that. ", 'You simply need to restart it. ', 'Best regards,\nSam\n',
  '\n> 先週購入したヘッドホンの右側から音が出ません。\n', '\n-----Original Message-----\nFrom: A\n\n', '```\nPer our policy\n```\n', '`code`',
  '😀', '👩‍👩‍👧‍👦', '🇯🇵', '\ud800', '\udc00', '\u200f', '\u0000', 'ｱｲｳ', 'ＡＢＣ', '。', '、', '「', '」', '\t', ' ', '\r\n', '\r', '\n', '\n\n', '\r\n\r\n',
  'a', 'x', '1', '{{customer_name}}', 'Thank you for contacting us.', '今後ともよろしくお願い申し上げます。',
];
const BODIES = [jaReply, enReply, enTwoPolicies, jaQuotedReply, jaReply.replaceAll('\n', '\r\n'), enReply + jaReply];

/** VmRSS of a process in MB (Linux), or undefined. */
function rssMb(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/**
 * The server is spawned with testkit/memory-probe.js preloaded (and --expose-gc):
 * on SIGUSR2 it collects garbage and writes its heap figures to a file. So
 * "memory" here is VmRSS after a full collection — what the server keeps —
 * rather than whenever V8 last felt like collecting.
 */
const probeDir = mkdtempSync(path.join(tmpdir(), 'replylint-abuse-'));
let probeCount = 0;
function probedServer(): { client: TestClient; probeFile: string } {
  const probeFile = path.join(probeDir, `memory-${++probeCount}.json`);
  const preload = pathToFileURL(fileURLToPath(new URL('../testkit/memory-probe.js', import.meta.url))).href;
  const nodeOptions = `${process.env['NODE_OPTIONS'] ?? ''} --expose-gc --import=${preload}`.trim();
  return { client: spawnServer({ ...process.env, NODE_OPTIONS: nodeOptions, REPLYLINT_MEMORY_PROBE: probeFile }), probeFile };
}

interface Memory {
  /** VmRSS before the collection (as it was), MB. */
  rss: number;
  /** VmRSS after a full collection, MB. */
  rssAfterGc: number;
  heapUsed: number;
}

async function memory(client: TestClient, probeFile: string): Promise<Memory | undefined> {
  const pid = client.child!.pid!;
  const rss = rssMb(pid);
  if (rss === undefined || process.platform !== 'linux') return undefined;
  const sent = Date.now();
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 200; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    let report: { at: number; heapUsed: number; gc: boolean } | undefined;
    try {
      report = JSON.parse(readFileSync(probeFile, 'utf8')) as { at: number; heapUsed: number; gc: boolean };
    } catch {
      continue;
    }
    if (report.at < sent) continue;
    assert.ok(report.gc, 'the server runs with --expose-gc');
    return { rss, rssAfterGc: rssMb(pid)!, heapUsed: report.heapUsed / 1048576 };
  }
  throw new Error('the memory probe did not answer');
}
const mb = (m: Memory | undefined, field: keyof Memory) => (m ? m[field].toFixed(0) : '?');

/** Logged by the server when something went wrong inside it (not the client's fault). */
const internalError = /uncaught|unhandled rejection|could not lint|linting .* failed|failed:/;

const lintOptions = mergeOptions({ ...DEFAULT_SETTINGS, rules: {}, documentSelector: [...DEFAULT_SETTINGS.documentSelector] }, undefined);

/** What lint() says about `text`, as [ruleId, range] pairs comparable with the server's diagnostics. */
async function expected(text: string, languageId: string): Promise<string[]> {
  const result = await lint(languageId === 'markdown' ? maskMarkdown(text) : text, lintOptions);
  const doc = TextDocument.create('x:', languageId, 0, text);
  return result.messages.map((m: ReplylintMessage) => {
    const place = m.place as { start?: { offset?: number }; end?: { offset?: number }; offset?: number } | undefined;
    const start = place?.start?.offset ?? place?.offset ?? 0;
    const end = Math.max(start, place?.end?.offset ?? start);
    return key(String(m.ruleId), { start: doc.positionAt(start), end: doc.positionAt(end) });
  }).sort();
}
const key = (rule: string, range: { start: Position; end: Position }) =>
  `${rule} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
const got = (diagnostics: Diagnostic[]) => diagnostics.map((d) => key(String(d.code), d.range)).sort();

/**
 * A random editor: keeps its own copy of each document (the testkit's), sends
 * every kind of change, and remembers the last version used per URI so a
 * reopened document never reuses a version an older publish carried.
 */
class Abuser {
  readonly random: () => number;
  private readonly lastVersion = new Map<string, number>();
  readonly closed = new Map<string, { text: string; languageId: string }>();
  readonly pending: Array<Promise<unknown>> = [];
  counts: Record<string, number> = {};

  constructor(
    readonly client: TestClient,
    readonly uris: Array<[string, string]>,
    seed: number,
  ) {
    this.random = prng(seed);
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }

  private count(kind: string): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }

  nextVersion(uri: string): number {
    const v = (this.lastVersion.get(uri) ?? 0) + 1 + (this.random() < 0.05 ? this.int(10) : 0);
    this.lastVersion.set(uri, v);
    return v;
  }

  open(uri: string, languageId: string, text: string): void {
    const version = this.nextVersion(uri);
    this.client.documents.set(uri, TextDocument.create(uri, languageId, version, text));
    void this.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** A position in the document, now and then past its end (the server must clamp as the client does). */
  private position(doc: TextDocument): Position {
    if (this.random() < 0.03) return { line: doc.lineCount + this.int(3), character: this.int(1000) };
    return doc.positionAt(this.int(doc.getText().length + 1));
  }

  private range(doc: TextDocument, maxLength: number): { start: Position; end: Position } {
    const length = doc.getText().length;
    const start = this.int(length + 1);
    const end = Math.min(length, start + this.int(maxLength + 1));
    // Now and then start after end: LSP clients should not, the library swaps them.
    return this.random() < 0.02 ? { start: doc.positionAt(end), end: doc.positionAt(start) } : { start: doc.positionAt(start), end: doc.positionAt(end) };
  }

  private snippet(): string {
    const n = 1 + this.int(3);
    let s = '';
    for (let i = 0; i < n; i++) s += this.pick(SNIPPETS);
    return s;
  }

  /** One valid change against `doc` (applied to a scratch copy by the caller). */
  private change(doc: TextDocument): TextDocumentContentChangeEvent {
    const size = doc.getText().length;
    const r = this.random();
    // Deletes win above 12,000 characters, inserts below 1,500: replies stay a few KB, as in real editing.
    if (size > 12_000 || (r < (size < 1500 ? 0.1 : 0.3) && size > 0)) return { range: this.range(doc, size > 12_000 ? 4000 : 40), text: '' };
    if (r < 0.6) {
      const at = this.position(doc);
      return { range: { start: at, end: at }, text: this.snippet() };
    }
    if (r < 0.97) return { range: this.range(doc, 20), text: this.snippet() };
    return { text: this.pick(BODIES) };
  }

  /** Send a valid didChange with `changes` at `version` and apply it to the client copy. */
  private sendChange(uri: string, doc: TextDocument, changes: TextDocumentContentChangeEvent[]): void {
    const version = this.nextVersion(uri);
    TextDocument.update(doc, changes, version);
    void this.client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  private raw(method: string, params: unknown): void {
    void this.client.connection.sendNotification(method, params);
  }

  step(): void {
    const [uri, languageId] = this.pick(this.uris);
    const doc = this.client.documents.get(uri);
    if (!doc) {
      // Closed: reopen with the text it had, or another.
      const closed = this.closed.get(uri);
      this.closed.delete(uri);
      this.open(uri, languageId, this.random() < 0.5 && closed ? closed.text : this.pick(BODIES));
      return this.count('reopen');
    }
    const r = this.random();
    if (r < 0.8) {
      const changes: TextDocumentContentChangeEvent[] = [];
      const scratch = TextDocument.create(uri, languageId, doc.version, doc.getText());
      const n = this.random() < 0.1 ? 2 + this.int(3) : 1;
      for (let i = 0; i < n; i++) {
        // Each change is relative to the text after the previous ones (LSP semantics).
        const c = this.change(scratch);
        TextDocument.update(scratch, [c], scratch.version + 1);
        changes.push(c);
      }
      this.sendChange(uri, doc, changes);
      return this.count(n > 1 ? 'multi-change' : 'change');
    }
    if (r < 0.85) {
      // Stale or repeated version: must be ignored, so the client copy stays as it is.
      const version = this.pick([doc.version, doc.version - 1, 0, -5, 1]);
      this.raw('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: 'STALE TEXT MUST NOT WIN' }] });
      return this.count('stale');
    }
    if (r < 0.89) {
      const bad = this.pick<unknown>([
        { textDocument: { uri, version: doc.version + 1 }, contentChanges: [{ range: { start: { line: 'a', character: 0 }, end: null }, text: 'x' }] },
        { textDocument: { uri, version: doc.version + 1 }, contentChanges: 'garbage' },
        { textDocument: { uri, version: doc.version + 1 }, contentChanges: [{ text: 42 }] },
        { textDocument: { uri }, contentChanges: [{ text: 'no version' }] },
        { textDocument: { uri, version: 1.5 }, contentChanges: [{ text: 'fractional version' }] },
        { textDocument: { uri: 'untitled:never-opened', version: 9 }, contentChanges: [{ text: 'x' }] },
        null,
        [],
      ]);
      this.raw('textDocument/didChange', bad);
      return this.count('malformed-change');
    }
    if (r < 0.91) {
      this.closed.set(uri, { text: doc.getText(), languageId });
      this.client.close(uri);
      return this.count('close');
    }
    if (r < 0.93) {
      // Reopen without closing (some clients do on reload).
      this.open(uri, languageId, doc.getText());
      return this.count('reopen-without-close');
    }
    if (r < 0.97) {
      const position = this.position(doc);
      const request = this.random() < 0.5
        ? this.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })
        : this.client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
      // Answered or refused with an error: either is fine, silence is not.
      this.pending.push(request.catch((error: { code?: number }) => assert.equal(typeof error.code, 'number')));
      return this.count('request');
    }
    if (r < 0.985) {
      this.pending.push(this.client.connection.sendRequest('replylint/setInquiry', { uri, text: this.random() < 0.5 ? jaInquiry : enInquiry }));
      return this.count('setInquiry');
    }
    this.pending.push(this.client.connection.sendRequest('replylint/clearInquiry', { uri }));
    this.count('clearInquiry');
  }

  async settle(): Promise<void> {
    await Promise.all(this.pending.splice(0));
  }
}

/** A request that needs no lint: the server must answer it promptly whatever it is busy with. */
async function ping(client: TestClient, what: string, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer ${timeoutMs} ms after ${what}`)), timeoutMs);
  });
  try {
    assert.equal(await Promise.race([client.connection.sendRequest('replylint/clearInquiry', { uri: 'untitled:ping' }), timeout]), null);
  } finally {
    clearTimeout(timer);
  }
  return Date.now() - started;
}

/** Send raw bytes as one LSP message (header + body), bypassing the JSON-RPC writer. */
function rawMessage(client: TestClient, body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  client.child!.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
}

async function runEdits(abuser: Abuser, client: TestClient, count: number, label: string): Promise<number> {
  let slowest = 0;
  for (let i = 0; i < count; i++) {
    abuser.step();
    if ((i + 1) % BATCH === 0) {
      slowest = Math.max(slowest, await ping(client, `${label}: edit ${i + 1}`));
      await abuser.settle();
    }
  }
  slowest = Math.max(slowest, await ping(client, `${label}: last edit`));
  await abuser.settle();
  return slowest;
}

/** Final check: for every open document, the diagnostics for its current version are lint()'s. */
async function assertMatchesLint(client: TestClient, uris: Array<[string, string]>, diagnosticsOf: (uri: string) => Promise<Diagnostic[]>): Promise<number> {
  let compared = 0;
  for (const [uri, languageId] of uris) {
    const doc = client.documents.get(uri);
    if (!doc) continue;
    const diagnostics = await diagnosticsOf(uri);
    assert.deepEqual(got(diagnostics), await expected(doc.getText(), languageId), `diagnostics of ${uri} (version ${doc.version}, ${doc.getText().length} chars)`);
    compared++;
  }
  return compared;
}

before(async () => {
  await ensureJapaneseTokenizer();
});

describe(`replylint-lsp under abuse (${EDITS} edits, seed ${SEED})`, () => {
  let client: TestClient;
  const uris: Array<[string, string]> = [
    ['untitled:abuse-ja', 'plaintext'],
    ['untitled:abuse-en', 'plaintext'],
    ['untitled:abuse-mixed', 'plaintext'],
    ['untitled:abuse.md', 'markdown'],
  ];
  let abuser: Abuser;
  let probeFile: string;
  let memoryBefore: Memory | undefined;

  before(async () => {
    ({ client, probeFile } = probedServer());
    await client.initialize(pushCapabilities);
    abuser = new Abuser(client, uris, SEED);
    abuser.open(uris[0]![0], 'plaintext', jaReply);
    abuser.open(uris[1]![0], 'plaintext', enReply);
    abuser.open(uris[2]![0], 'plaintext', enReply + jaReply);
    abuser.open(uris[3]![0], 'markdown', enTwoPolicies);
    // The Japanese dictionary is loaded once the first Japanese reply is linted: measure after that.
    for (const [uri] of uris) await client.waitForCurrent(uri, (d) => d.length > 0, 60_000);
    memoryBefore = await memory(client, probeFile);
  });

  after(async () => {
    await client.shutdown();
    rmSync(probeDir, { recursive: true, force: true });
  });

  it('keeps answering through the first half of the random edits', { timeout: limit(120_000) }, async () => {
    const slowest = await runEdits(abuser, client, Math.floor(EDITS / 2), 'random edits, first half');
    const sizes = uris.map(([uri]) => client.documents.get(uri)?.getText().length ?? 0);
    process.stdout.write(`# abuse: first ${Math.floor(EDITS / 2)} edits, slowest round trip ${slowest} ms, sizes ${sizes.join(', ')}, RSS ${rssMb(client.child!.pid!)?.toFixed(0)} MB; ${JSON.stringify(abuser.counts)}\n`);
  });

  it('answers malformed, unknown and non-JSON messages, and keeps answering', async () => {
    const c = client.connection;
    // Flush everything queued, so the raw writes below cannot land inside a message of the writer's.
    await ping(client, 'before raw messages');
    rawMessage(client, '{this is not json');
    rawMessage(client, '');
    rawMessage(client, '[]');
    rawMessage(client, '{"jsonrpc":"2.0"}');
    rawMessage(client, '{"jsonrpc":"2.0","method":42,"params":{}}');
    rawMessage(client, '{"jsonrpc":"2.0","id":{"nested":true},"method":"textDocument/hover","params":null}');
    rawMessage(client, '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:raw","languageId":"plaintext","version":1,"text":"\\ud800 lone"}}}');
    rawMessage(client, '{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"untitled:raw"}}}');
    await ping(client, 'raw messages');

    // Unknown methods: an error for a request, silence for a notification.
    await assert.rejects(c.sendRequest('replylint/noSuchRequest', { x: 1 }), (e: { code?: number }) => e.code === -32601);
    await assert.rejects(c.sendRequest('textDocument/completion', { textDocument: { uri: uris[0]![0] }, position: { line: 0, character: 0 } }), (e: { code?: number }) => e.code === -32601);
    await c.sendNotification('replylint/noSuchNotification', { x: 1 });
    await c.sendNotification('$/cancelRequest', { id: 999_999 });
    await c.sendNotification('$/cancelRequest', null);
    await c.sendNotification('$/setTrace', { value: 'verbose' });
    await c.sendNotification('$/setTrace', { value: 'off' });

    // Known methods with every wrong shape of params: each request is answered (result or error), none hangs.
    const shapes: unknown[] = [null, 42, 'text', [], {}, { textDocument: null }, { textDocument: { uri: 42 } }, { textDocument: { uri: uris[0]![0] } },
      { textDocument: { uri: uris[0]![0] }, position: { line: -1, character: -1 } },
      { textDocument: { uri: uris[0]![0] }, position: { line: 1e9, character: 1e9 }, range: { start: { line: 1e9, character: 0 }, end: { line: -3, character: 2 } } },
      { textDocument: { uri: uris[0]![0] }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [{ range: 'x' }, null, 7], only: [1, 'quickfix'] } },
      { textDocument: { uri: uris[0]![0] }, previousResultId: { not: 'a string' } },
      { command: 'replylint.openRuleDoc', arguments: ['javascript:alert(1)'] }, { command: 'rm -rf /', arguments: [] },
      { uri: uris[0]![0], text: 42 }, { uri: null }];
    const methods = ['textDocument/hover', 'textDocument/codeAction', 'textDocument/diagnostic', 'workspace/executeCommand', 'replylint/setInquiry', 'replylint/clearInquiry'];
    let answered = 0;
    let refused = 0;
    for (const method of methods) {
      for (const params of shapes) {
        try {
          await c.sendRequest(method, params);
          answered++;
        } catch (error) {
          assert.equal(typeof (error as { code?: unknown }).code, 'number', `${method} ${JSON.stringify(params)}: ${String(error)}`);
          refused++;
        }
      }
    }
    assert.equal(answered + refused, methods.length * shapes.length);
    // setInquiry above may have succeeded for uris[0]: take it back, so the final comparison is without an inquiry.
    await c.sendRequest('replylint/clearInquiry', { uri: uris[0]![0] });

    // Notifications with wrong shapes, and settings that are nonsense (then the defaults again).
    for (const method of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration']) {
      for (const params of [null, 42, 'text', [], {}, { textDocument: { uri: null } }, { settings: { replylint: { rules: 'x', preset: 42, documentSelector: 'all', lang: {} } } }, { changes: 'x' }]) {
        await c.sendNotification(method, params);
      }
    }
    await c.sendNotification('workspace/didChangeConfiguration', { settings: { replylint: {} } });
    // A pull on a push client, for a document that is not open: empty, not an error.
    assert.deepEqual(await c.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'untitled:not-open' } }), { kind: 'full', items: [] });
    await ping(client, 'malformed and unknown messages');
    assert.equal(client.child!.exitCode, null, 'server still running');
    process.stdout.write(`# abuse: malformed requests: ${answered} answered, ${refused} refused with an error\n`);
  });

  it('a 5 MB document is skipped with one information diagnostic, through edits, and the server keeps answering', { timeout: 120_000 }, async () => {
    const uri = 'untitled:abuse-huge';
    const huge = jaReply + ('Per our policy, no. 規定により不可です。😀\r\n').repeat(Math.ceil((5 * 1024 * 1024) / 32));
    abuser.open(uri, 'plaintext', huge);
    const doc = client.documents.get(uri)!;
    const started = Date.now();
    // Edits to the huge document, in the middle and at both ends.
    for (let i = 0; i < 20; i++) {
      const at = doc.positionAt(Math.floor((doc.getText().length * i) / 20));
      const version = abuser.nextVersion(uri);
      const changes = [{ range: { start: at, end: at }, text: i % 2 ? 'ご不便をおかけしております。' : '\r\n' }];
      TextDocument.update(doc, changes, version);
      void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    }
    await ping(client, '5 MB document edits');
    const skipped = await client.waitForCurrent(uri, () => true, 60_000);
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0]!.severity, 3);
    assert.match(String(skipped[0]!.message), /not analysed/);
    // Shrunk below the limit, it is linted again.
    const version = abuser.nextVersion(uri);
    const small = [{ text: jaReply }];
    TextDocument.update(doc, small, version);
    void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: small });
    assert.deepEqual(got(await client.waitForCurrent(uri, () => true, 60_000)), await expected(jaReply, 'plaintext'));
    client.close(uri);
    await ping(client, '5 MB document');
    process.stdout.write(`# abuse: 5 MB document opened, edited 20 times, shrunk and closed in ${Date.now() - started} ms; RSS ${rssMb(client.child!.pid!)?.toFixed(0)} MB\n`);
  });

  it('keeps answering through the second half; the last diagnostics are lint() of the final text; memory stays bounded', { timeout: limit(180_000) }, async () => {
    const rest = EDITS - Math.floor(EDITS / 2);
    const slowest = await runEdits(abuser, client, rest, 'random edits, second half');
    // Clear any inquiry set along the way, then one more edit per open document, so the last version is linted without one.
    for (const [uri] of uris) await client.connection.sendRequest('replylint/clearInquiry', { uri });
    for (const [uri, languageId] of uris) {
      if (!client.documents.get(uri)) abuser.open(uri, languageId, abuser.closed.get(uri)?.text ?? enReply);
      const doc = client.documents.get(uri)!;
      const version = abuser.nextVersion(uri);
      const changes = [{ range: { start: doc.positionAt(0), end: doc.positionAt(0) }, text: '' }];
      TextDocument.update(doc, changes, version);
      void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    }
    await ping(client, 'final edits');
    const compared = await assertMatchesLint(client, uris, (uri) => client.waitForCurrent(uri, () => true, 60_000));
    assert.equal(compared, uris.length);
    // The same through a pull request (the handler is there for push clients too).
    await assertMatchesLint(client, uris, async (uri) => {
      const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
      return report.items;
    });
    // Published versions never go backwards (a reopened document continues the count).
    for (const [uri] of uris) {
      const versions = client.published.filter((p) => p.uri === uri && p.version !== undefined && p.version !== null).map((p) => p.version!);
      assert.ok(versions.every((v, i) => i === 0 || v >= versions[i - 1]!), `published versions of ${uri} go backwards`);
    }
    // Client mistakes were logged as such; nothing went wrong inside the server.
    assert.deepEqual(client.logs.filter((l) => internalError.test(l)), []);
    const memoryAfter = await memory(client, probeFile);
    const sizes = uris.map(([uri]) => client.documents.get(uri)!.getText().length);
    process.stdout.write(
      `# abuse: ${EDITS} edits done, slowest round trip ${slowest} ms; final sizes ${sizes.join(', ')} chars; ` +
        `${client.published.length} diagnostics notifications, ${client.logs.length} log messages; ${JSON.stringify(abuser.counts)}\n` +
        `# abuse: server VmRSS after warm-up ${mb(memoryBefore, 'rssAfterGc')} MB (heap ${mb(memoryBefore, 'heapUsed')} MB) → at the end ${mb(memoryAfter, 'rss')} MB, ` +
        `${mb(memoryAfter, 'rssAfterGc')} MB after a full GC (heap ${mb(memoryAfter, 'heapUsed')} MB); ` +
        `growth ${memoryBefore && memoryAfter ? (memoryAfter.rssAfterGc - memoryBefore.rssAfterGc).toFixed(0) : '?'} MB (bound ${RSS_BOUND_MB} MB), ` +
        `heap growth ${memoryBefore && memoryAfter ? (memoryAfter.heapUsed - memoryBefore.heapUsed).toFixed(0) : '?'} MB (bound ${HEAP_BOUND_MB} MB)\n`,
    );
    if (memoryBefore && memoryAfter) {
      const heapGrowth = memoryAfter.heapUsed - memoryBefore.heapUsed;
      assert.ok(heapGrowth < HEAP_BOUND_MB, `the heap grew by ${heapGrowth.toFixed(0)} MB`);
      const growth = memoryAfter.rssAfterGc - memoryBefore.rssAfterGc;
      assert.ok(growth < RSS_BOUND_MB, `VmRSS grew by ${growth.toFixed(0)} MB`);
    }
    assert.equal(client.child!.exitCode, null, 'server still running');
  });
});

describe('replylint-lsp under abuse, pull diagnostics', () => {
  let client: TestClient;
  const uris: Array<[string, string]> = [
    ['untitled:pull-ja', 'plaintext'],
    ['untitled:pull-en', 'plaintext'],
  ];

  before(async () => {
    client = spawnServer();
    await client.initialize(pullCapabilities);
  });

  after(async () => {
    await client.shutdown();
  });

  it('pulls interleaved with edits and cancellations are answered, and the last pull is lint() of the final text', { timeout: limit(120_000) }, async () => {
    const abuser = new Abuser(client, uris, SEED + 1);
    abuser.open(uris[0]![0], 'plaintext', jaReply);
    abuser.open(uris[1]![0], 'plaintext', enReply);
    const edits = Math.max(200, Math.floor(EDITS / 5));
    let pulls = 0;
    let cancelled = 0;
    for (let i = 0; i < edits; i++) {
      abuser.step();
      if (i % 10 === 0) {
        const [uri] = uris[i % uris.length]!;
        const source = new CancellationTokenSource();
        const pull = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: String(i) }, source.token);
        if (abuser.random() < 0.3) source.cancel();
        abuser.pending.push(
          pull.then(
            () => pulls++,
            (error: { code?: number }) => {
              // Cancelled (-32800), or the document was closed meanwhile and the request refused: never a hang.
              assert.equal(typeof error.code, 'number');
              cancelled++;
            },
          ),
        );
      }
      if ((i + 1) % BATCH === 0) {
        await ping(client, `pull edits ${i + 1}`);
        await abuser.settle();
      }
    }
    await abuser.settle();
    for (const [uri] of uris) await client.connection.sendRequest('replylint/clearInquiry', { uri });
    for (const [uri, languageId] of uris) if (!client.documents.get(uri)) abuser.open(uri, languageId, enReply);
    await ping(client, 'pull edits done');
    const compared = await assertMatchesLint(client, uris, async (uri) => {
      const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
      return report.items;
    });
    assert.equal(compared, uris.length);
    assert.equal(client.published.length, 0, 'nothing pushed to a pull client');
    process.stdout.write(`# abuse (pull): ${edits} edits, ${pulls} pulls answered, ${cancelled} cancelled or refused\n`);
  });
});
