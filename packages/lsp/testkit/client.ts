/**
 * A small LSP client for tests and the benchmark: real JSON-RPC through
 * `vscode-languageserver-protocol`, either to a spawned `replylint-lsp --stdio`
 * or to a server started in this process over a pair of in-memory streams.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The compiled server binary (this file is compiled to dist/testkit/). */
export const serverBin = fileURLToPath(new URL('../bin/replylint-lsp.js', import.meta.url));

/** What a push-mode client such as Neovim announces (plus versioned edits). */
export const pushCapabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: false },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  window: { showDocument: { support: true } },
};

/** A pull-diagnostics client (as VS Code with vscode-languageclient 9). */
export const pullCapabilities: ClientCapabilities = {
  ...pushCapabilities,
  workspace: { ...pushCapabilities.workspace, diagnostics: { refreshSupport: true } },
  textDocument: { ...pushCapabilities.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

export interface Waiter<T> {
  resolve(value: T): void;
  test(value: T): boolean;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses: Array<{ uri: string; language: string | null; findings: number; hasInquiry: boolean; warmingUp: boolean }> = [];
  readonly logs: string[] = [];
  readonly shownMessages: string[] = [];
  readonly shownDocuments: string[] = [];
  readonly registrations: Registration[] = [];
  readonly refreshes: number[] = [];
  /** The client's copies of open documents. */
  readonly documents = new Map<string, TextDocument>();
  /** Answer for `workspace/configuration` (section `replylint`), per scope URI or for all. */
  settings: (scopeUri: string | undefined) => unknown = () => null;
  private readonly diagnosticWaiters = new Set<Waiter<PublishDiagnosticsParams>>();

  constructor(
    readonly connection: ProtocolConnection,
    private readonly onDispose: () => void,
    readonly child?: ChildProcess,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.diagnosticWaiters]) {
        if (waiter.test(params)) {
          this.diagnosticWaiters.delete(waiter);
          waiter.resolve(params);
        }
      }
    });
    connection.onNotification('replylint/status', (params: TestClient['statuses'][number]) => {
      this.statuses.push(params);
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.shownMessages.push(params.message);
    });
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params.uri);
      return { success: true };
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'replylint' ? this.settings(item.scopeUri) : null)));
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes.push(Date.now());
      return null;
    });
    connection.listen();
  }

  async initialize(capabilities: ClientCapabilities = pushCapabilities, initializationOptions?: unknown, rootUri: string | null = null): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      // In-process servers get no process id: vscode-languageserver would poll it forever (and keep the test alive).
      processId: this.child ? process.pid : null,
      rootUri,
      capabilities,
      initializationOptions,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1): TextDocument {
    const document = TextDocument.create(uri, languageId, version, text);
    this.documents.set(uri, document);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return document;
  }

  /** Apply incremental changes to the client copy and send them (version + 1). */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`not open: ${uri}`);
    TextDocument.update(document, changes, document.version + 1);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: document.version },
      contentChanges: changes,
    });
    return document;
  }

  close(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * Apply a workspace edit as an editor would: check the version of a
   * versioned edit, then send the edits as one didChange (last edit first, so
   * earlier ranges stay valid).
   */
  applyEdit(edit: WorkspaceEdit): TextDocument[] {
    const changed: TextDocument[] = [];
    const perDocument: Array<[string, number | null | undefined, TextEdit[]]> = [];
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) throw new Error('unexpected resource operation');
      perDocument.push([change.textDocument.uri, change.textDocument.version, change.edits as TextEdit[]]);
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perDocument.push([uri, undefined, edits]);
    for (const [uri, version, edits] of perDocument) {
      const document = this.documents.get(uri);
      if (!document) throw new Error(`edit for a document that is not open: ${uri}`);
      if (typeof version === 'number' && version !== document.version) {
        throw new Error(`stale edit: for version ${version}, document is at ${document.version}`);
      }
      const ordered = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
      changed.push(this.change(uri, ordered.map((e) => ({ range: e.range, text: e.newText }))));
    }
    return changed;
  }

  /** The next published diagnostics for `uri` that satisfy `test` (already received ones count). */
  waitForDiagnostics(uri: string, test: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && test(p);
    const already = [...this.published].reverse().find(match);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter: Waiter<PublishDiagnosticsParams> = {
        test: match,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
      const timer = setTimeout(() => {
        this.diagnosticWaiters.delete(waiter);
        const last = [...this.published].reverse().find((p) => p.uri === uri);
        reject(new Error(`timed out waiting for diagnostics on ${uri}; last: ${JSON.stringify(last?.diagnostics.map((d) => [d.code, d.message]))}`));
      }, timeoutMs);
      this.diagnosticWaiters.add(waiter);
    });
  }

  /** Diagnostics published for the document's current version. */
  waitForCurrent(uri: string, test: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs?: number): Promise<Diagnostic[]> {
    const version = () => this.documents.get(uri)?.version;
    return this.waitForDiagnostics(uri, (p) => p.version === version() && test(p.diagnostics), timeoutMs).then((p) => p.diagnostics);
  }

  codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    }) as Promise<CodeAction[]>;
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      if (this.child) await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.dispose();
    }
  }

  dispose(): void {
    this.connection.dispose();
    this.onDispose();
  }
}

/** Spawn `replylint-lsp --stdio` and connect to it. */
export function spawnServer(env: NodeJS.ProcessEnv = process.env): TestClient {
  const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  return new TestClient(
    connection,
    () => {
      if (child.exitCode === null) child.kill();
    },
    child,
  );
}

/** Start the server in this process on in-memory streams (a real JSON-RPC connection, no spawn). */
export async function inProcessServer(): Promise<TestClient> {
  const { startServer } = await import('../src/server.js');
  const server = await import('vscode-languageserver/node.js');
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Reader/writer rather than raw streams: given streams, vscode-languageserver exits the process when they end.
  const serverConnection = server.createConnection(new server.StreamMessageReader(toServer), new server.StreamMessageWriter(toClient));
  startServer(serverConnection);
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return new TestClient(connection, () => {
    serverConnection.dispose();
    toServer.end();
    toClient.end();
  });
}

/** Poll until `check` returns a truthy value (or fail after `timeoutMs`). */
export async function eventually<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Offsets of `needle` in `text` (throws when absent, so a broken fixture fails loudly). */
export function offsetsOf(text: string, needle: string): [number, number] {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
  return [start, start + needle.length];
}
