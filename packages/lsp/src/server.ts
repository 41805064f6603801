/**
 * The replylint language server. `startServer()` wires the LSP handlers to a
 * connection (stdio / node IPC / socket from the command line, or one passed
 * in by a test or an embedding client) and returns it.
 */
import path from 'node:path';
import {
  defaultMaxLength,
  ensureJapaneseTokenizer,
  isJapaneseTokenizerReady,
  lint,
  ruleMeta,
  type LintOptions,
  type LintResult,
} from '@replylint/core';
import {
  chooseInquiry,
  clearConfigCache,
  findSiblingInquiry,
  isInquiryFile,
  isMarkdownPath,
  loadConfigFor,
  maskMarkdown,
  proseOf,
  readProse,
  replyStemOf,
  type ReplylintConfig,
} from '@replylint/node';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  createConnection,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { buildCodeActions, type Finding } from './actions.js';
import { messageOffsets, toDiagnostic } from './diagnostics.js';
import { DocumentStore } from './documents.js';
import { isPosition, isRange, isRecord } from './guards.js';
import { buildHover } from './hover.js';
import { mergeOptions, optionsKey, usableOptions } from './options.js';
import {
  ClearInquiryRequest,
  OpenRuleDocCommand,
  SetInquiryRequest,
  StatusNotification,
  type InitializationOptions,
  type StatusParams,
} from './protocol.js';
import { isSelected } from './selector.js';
import { CONFIG_FILES_GLOB, DEFAULT_SETTINGS, SETTINGS_SECTION, normaliseSettings, type ReplylintSettings } from './settings.js';

/** Without file watching, config and sibling-inquiry lookups are trusted this long. */
const FILE_CACHE_TTL_MS = 2000;

/** The result of linting one version of a document. */
interface LintOutcome {
  version: number;
  text: string;
  /** Cache key of the options it was linted with. */
  key: string;
  result: LintResult | undefined;
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** Changes whenever the diagnostics may have changed (pull `resultId`). */
  resultId: string;
  messageLanguage: LintOptions['messageLanguage'];
}

interface DocState {
  last?: LintOutcome;
  inflight?: { text: string; key: string; promise: Promise<LintOutcome> };
  /** Cancels the scheduled lint, if any. */
  cancelScheduled?: () => void;
  running: boolean;
  rerun: boolean;
  lastStatus?: string;
}

interface ClientFeatures {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  watchedFilesDynamic: boolean;
  configurationDynamic: boolean;
  documentChanges: boolean;
  showDocument: boolean;
  hoverMarkdown: boolean;
}

function readFeatures(capabilities: ClientCapabilities | undefined): ClientFeatures {
  const c = capabilities ?? {};
  return {
    pullDiagnostics: !!c.textDocument?.diagnostic,
    diagnosticRefresh: !!c.workspace?.diagnostics?.refreshSupport,
    configuration: !!c.workspace?.configuration,
    watchedFilesDynamic: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configurationDynamic: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    showDocument: !!c.window?.showDocument?.support,
    hoverMarkdown: (c.textDocument?.hover?.contentFormat ?? [MarkupKind.Markdown]).includes(MarkupKind.Markdown),
  };
}

function uriParam(params: unknown, method: string): string {
  const id = isRecord(params) ? params['textDocument'] : undefined;
  if (isRecord(id) && typeof id['uri'] === 'string') return id['uri'];
  throw new ResponseError(ErrorCodes.InvalidParams, `${method}: expected textDocument.uri`);
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class ReplylintServer {
  private readonly documents = new DocumentStore();
  private readonly states = new Map<string, DocState>();
  private readonly clientInquiries = new Map<string, string>();
  private readonly settingsCache = new Map<string, Promise<ReplylintSettings>>();
  /** Reply path → its sibling inquiry's path (or undefined). */
  private readonly siblingCache = new Map<string, Promise<string | undefined>>();
  private readonly inquiryTextCache = new Map<string, Promise<string | undefined>>();
  private readonly warned = new Set<string>();
  private features: ClientFeatures = readFeatures(undefined);
  private initialRawSettings: Record<string, unknown> = {};
  private globalSettings: ReplylintSettings = { ...DEFAULT_SETTINGS, rules: {}, documentSelector: [...DEFAULT_SETTINGS.documentSelector] };
  private workspaceRoots: string[] = [];
  private debounceMs = 0;
  private watching = false;
  private fileCachesClearedAt = Date.now();
  private outcomeCounter = 0;

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => void this.registerDynamic());
    c.onShutdown(() => this.shutdown());

    c.onDidOpenTextDocument((params) => this.guard('didOpen', () => this.didOpen(params)));
    c.onDidChangeTextDocument((params) => this.guard('didChange', () => this.didChange(params)));
    c.onDidCloseTextDocument((params) => this.guard('didClose', () => this.didClose(params)));
    c.onDidChangeConfiguration((params) => this.guard('didChangeConfiguration', () => this.didChangeConfiguration(params)));
    c.onDidChangeWatchedFiles(() => this.guard('didChangeWatchedFiles', () => this.filesChanged()));

    c.languages.diagnostics.on((params, token) => this.pullDiagnostics(params, token));
    c.onCodeAction((params, token) => this.codeActions(params, token));
    c.onHover((params, token) => this.hover(params, token));
    c.onExecuteCommand((params) => this.executeCommand(params));
    c.onRequest(SetInquiryRequest, (params: unknown) => this.setInquiry(params));
    c.onRequest(ClearInquiryRequest, (params: unknown) => this.clearInquiry(params));
    c.listen();
  }

  // ---------------------------------------------------------------- lifecycle

  private initialize(params: InitializeParams): InitializeResult {
    this.features = readFeatures(params?.capabilities);
    const init: InitializationOptions = isRecord(params?.initializationOptions) ? params.initializationOptions : {};
    if (isRecord(init.settings)) {
      this.initialRawSettings = init.settings;
      this.globalSettings = this.normalise(init.settings, 'initializationOptions.settings');
    }
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0 && init.debounceMs <= 10_000) this.debounceMs = init.debounceMs;
    const folders = Array.isArray(params?.workspaceFolders) ? params.workspaceFolders.map((f) => f.uri) : [];
    if (folders.length === 0 && typeof params?.rootUri === 'string') folders.push(params.rootUri);
    this.workspaceRoots = folders.map((u) => URI.parse(u)).filter((u) => u.scheme === 'file').map((u) => u.fsPath);

    // Load the Japanese dictionary now, in the background, so the first Japanese reply does not wait for it.
    setImmediate(() => this.warmUp());

    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        executeCommandProvider: { commands: [OpenRuleDocCommand] },
      },
      serverInfo: { name: 'replylint-lsp', version: '0.1.0' },
    };
    if (this.features.pullDiagnostics) {
      result.capabilities.diagnosticProvider = { identifier: 'replylint', interFileDependencies: false, workspaceDiagnostics: false };
    }
    return result;
  }

  private warmUp(): void {
    const started = Date.now();
    ensureJapaneseTokenizer().then(
      async () => {
        this.log('log', `replylint: Japanese tokenizer ready in ${Date.now() - started} ms`);
        // One lint of a rule's own examples in each language, its output discarded: the first lint
        // in a process compiles the rules' patterns and the analysis paths, and that is better paid
        // now than by the agent's first reply.
        // Only while no reply is open: an open reply's own lint is the warm-up, and must not wait
        // behind this one.
        const examples = ruleMeta['supplier-centred-wording'];
        if (!examples || this.documents.all().length > 0) return;
        const warm = Date.now();
        for (const lang of ['ja', 'en'] as const) {
          if (this.documents.all().length > 0) break;
          await lint(examples.bad[lang], { inquiry: examples.inquiry?.[lang] }).catch(() => undefined);
        }
        this.log('log', `replylint: warmed up in ${Date.now() - warm} ms`);
      },
      (error: unknown) => {
        const text = `replylint: ${errorText(error)}. Japanese replies cannot be checked.`;
        this.log('error', text);
        this.showMessage(MessageType.Error, text);
      },
    );
  }

  private async registerDynamic(): Promise<void> {
    try {
      if (this.features.configurationDynamic) {
        await this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      }
      if (this.features.watchedFilesDynamic) {
        await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: CONFIG_FILES_GLOB },
            { globPattern: '**/package.json' },
            { globPattern: '**/*.inquiry.{txt,md}' },
          ],
        });
        this.watching = true;
      }
    } catch (error) {
      this.log('warn', `replylint: dynamic registration failed: ${errorText(error)}`);
    }
  }

  private shutdown(): void {
    for (const state of this.states.values()) state.cancelScheduled?.();
  }

  /** Notification handlers: a bad notification is logged, never fatal. */
  private guard(method: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.log('error', `replylint: ${method} failed: ${errorText(error)}`);
    }
  }

  /** Log to the client (window/logMessage); a closed connection is not an error worth dying for. */
  private log(level: 'log' | 'warn' | 'error', text: string): void {
    try {
      this.connection.console[level](text);
    } catch {
      // The client is gone; there is nobody to tell.
    }
  }

  /** Messages to the client are fire-and-forget: a failure (client gone, method refused) is logged, not thrown. */
  private quietly(send: () => unknown): void {
    const log = (error: unknown) => this.log('warn', `replylint: ${errorText(error)}`);
    try {
      Promise.resolve(send()).catch(log);
    } catch (error) {
      log(error);
    }
  }

  private warnOnce(text: string): void {
    if (this.warned.has(text)) return;
    this.warned.add(text);
    this.log('warn', text);
    this.showMessage(MessageType.Warning, text);
  }

  /** window/showMessage as a notification: nothing to wait for, nothing to fail if the client ignores it. */
  private showMessage(type: MessageType, message: string): void {
    this.quietly(() => this.connection.sendNotification(ShowMessageNotification.type, { type, message }));
  }

  // ---------------------------------------------------------------- documents

  private state(uri: string): DocState {
    let state = this.states.get(uri);
    if (!state) {
      state = { running: false, rerun: false };
      this.states.set(uri, state);
    }
    return state;
  }

  /** Forget a document's lint state (a lint still running for it finds its state gone and publishes nothing). */
  private dropState(uri: string): void {
    this.states.get(uri)?.cancelScheduled?.();
    this.states.delete(uri);
  }

  private didOpen(params: Parameters<DocumentStore['open']>[0]): void {
    const opened = this.documents.open(params);
    if (!opened.ok) return this.log('warn', `replylint: ${opened.problem}`);
    this.dropState(opened.document.uri);
    this.documentChanged(opened.document);
  }

  private didChange(params: Parameters<DocumentStore['change']>[0]): void {
    const changed = this.documents.change(params);
    if (!changed.ok) return this.log('warn', `replylint: ${changed.problem}`);
    this.documentChanged(changed.document);
  }

  private documentChanged(document: TextDocument): void {
    const inquiryPath = this.inquiryPathOf(document.uri);
    if (inquiryPath) this.relintRepliesOf(inquiryPath);
    else this.schedule(document.uri);
  }

  private didClose(params: Parameters<DocumentStore['close']>[0]): void {
    const uri = this.documents.close(params);
    if (!uri) return;
    this.dropState(uri);
    this.settingsCache.delete(uri);
    // Pull clients drop a closed document's diagnostics themselves.
    if (!this.features.pullDiagnostics) this.quietly(() => this.connection.sendDiagnostics({ uri, diagnostics: [] }));
    const inquiryPath = this.inquiryPathOf(uri);
    if (inquiryPath) this.relintRepliesOf(inquiryPath);
  }

  /** File path of a `NAME.inquiry.*` document, else undefined. */
  private inquiryPathOf(uri: string): string | undefined {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' && isInquiryFile(parsed.fsPath) ? parsed.fsPath : undefined;
  }

  /** The customer's message is open in the editor: its replies follow its edits. */
  private relintRepliesOf(inquiryPath: string): void {
    const stem = replyStemOf(inquiryPath);
    for (const document of this.documents.all()) {
      const parsed = URI.parse(document.uri);
      if (parsed.scheme !== 'file' || isInquiryFile(parsed.fsPath)) continue;
      const { dir, name } = path.parse(parsed.fsPath);
      if (path.join(dir, name) === stem) this.relint(document.uri);
    }
  }

  // ---------------------------------------------------------------- settings and options

  private normalise(raw: unknown, where: string): ReplylintSettings {
    const { settings, problems } = normaliseSettings(raw);
    for (const problem of problems) this.warnOnce(`replylint: ${where}: ${problem}`);
    return settings;
  }

  private settingsFor(uri: string): Promise<ReplylintSettings> {
    if (!this.features.configuration) return Promise.resolve(this.globalSettings);
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (raw: unknown) => (isRecord(raw) ? this.normalise({ ...this.initialRawSettings, ...raw }, 'settings') : this.globalSettings),
        (error: unknown) => {
          this.log('warn', `replylint: workspace/configuration failed: ${errorText(error)}`);
          return this.globalSettings;
        },
      );
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  private didChangeConfiguration(params: unknown): void {
    const raw = isRecord(params) && isRecord(params['settings']) ? params['settings'][SETTINGS_SECTION] : undefined;
    if (isRecord(raw)) this.globalSettings = this.normalise({ ...this.initialRawSettings, ...raw }, 'settings');
    this.settingsCache.clear();
    this.relintAll();
  }

  private filesChanged(): void {
    this.clearFileCaches();
    this.relintAll();
  }

  private clearFileCaches(): void {
    clearConfigCache();
    this.siblingCache.clear();
    this.inquiryTextCache.clear();
    this.fileCachesClearedAt = Date.now();
  }

  /** A path to look the config up from: the file itself, or a workspace folder for untitled documents. */
  private configAnchor(uri: URI): string | undefined {
    if (uri.scheme === 'file') return uri.fsPath;
    const root = this.workspaceRoots[0];
    return root ? path.join(root, 'untitled') : undefined;
  }

  private async configFor(uri: URI): Promise<ReplylintConfig | undefined> {
    const anchor = this.configAnchor(uri);
    if (!anchor) return undefined;
    try {
      return (await loadConfigFor(anchor)).config;
    } catch (error) {
      this.warnOnce(`replylint: ${errorText(error)} (using the editor settings only)`);
      return undefined;
    }
  }

  /**
   * The inquiry in @replylint/node's one order, as the CLI takes it: the text
   * the client attached (`replylint/setInquiry`), else the sibling
   * `NAME.inquiry.txt|md` (its live text when open in the editor), else none,
   * so core uses the quoted original. A sibling that cannot be read is
   * reported once and skipped.
   */
  private async inquiryFor(uri: URI, raw: string): Promise<string | undefined> {
    const chosen = await chooseInquiry({
      attached: this.clientInquiries.get(raw),
      replyPath: uri.scheme === 'file' ? uri.fsPath : undefined,
      findSibling: (reply) => {
        let sibling = this.siblingCache.get(reply);
        if (!sibling) {
          sibling = findSiblingInquiry(reply).catch(() => undefined);
          this.siblingCache.set(reply, sibling);
        }
        return sibling;
      },
      readSibling: (file) => {
        const open = this.documents.all().find((d) => this.inquiryPathOf(d.uri) === file);
        if (open) return Promise.resolve(proseOf(open.getText(), file));
        let text = this.inquiryTextCache.get(file);
        if (!text) {
          text = readProse(file).catch((error: unknown) => {
            this.warnOnce(`replylint: ${errorText(error)} (inquiry not used)`);
            return undefined;
          });
          this.inquiryTextCache.set(file, text);
        }
        return text;
      },
    });
    return chosen?.text;
  }

  /** Lint options for a document, or undefined when it is not to be linted. */
  private async optionsFor(document: TextDocument): Promise<{ options: LintOptions; markdown: boolean; key: string } | undefined> {
    const settings = await this.settingsFor(document.uri);
    if (!settings.enable || !isSelected(settings.documentSelector, document)) return undefined;
    if (!this.watching && Date.now() - this.fileCachesClearedAt > FILE_CACHE_TTL_MS) this.clearFileCaches();
    const uri = URI.parse(document.uri);
    const [config, inquiry] = await Promise.all([this.configFor(uri), this.inquiryFor(uri, document.uri)]);
    const merged = mergeOptions(settings, config);
    if (inquiry !== undefined) merged.inquiry = inquiry;
    const { options, problems } = usableOptions(merged);
    for (const problem of problems) this.warnOnce(`replylint: settings: ${problem} (ignored)`);
    // Markdown code and front matter are not prose: masked as the CLI does (offsets unchanged).
    const markdown = document.languageId === 'markdown' || (uri.scheme === 'file' && isMarkdownPath(uri.fsPath));
    return { options, markdown, key: `${markdown ? 'md' : 'txt'}:${optionsKey(options)}` };
  }

  // ---------------------------------------------------------------- linting

  /**
   * Lint the document's current text. Unchanged text with unchanged options
   * reuses the previous result; a lint already running for the same text and
   * options is shared.
   */
  private async lintDocument(document: TextDocument): Promise<LintOutcome> {
    const { uri, languageId } = document;
    const version = document.version;
    const text = document.getText();
    const state = this.state(uri);
    const request = await this.optionsFor(document);
    const key = request?.key ?? '(not linted)';
    if (state.last && state.last.text === text && state.last.key === key) {
      if (state.last.version !== version) state.last = { ...state.last, version };
      this.sendStatus(uri, state.last);
      return state.last;
    }
    if (state.inflight && state.inflight.text === text && state.inflight.key === key) return state.inflight.promise;

    const promise = (async (): Promise<LintOutcome> => {
      let result: LintResult | undefined;
      if (request) {
        if (!isJapaneseTokenizerReady()) this.sendStatus(uri, state.last, true);
        try {
          // Over core's size limit the reply is skipped anyway: do not parse megabytes of Markdown first.
          const masking = request.markdown && text.length <= (request.options.maxLength ?? defaultMaxLength);
          const prose = masking ? maskMarkdown(text) : text;
          result = await lint(prose, request.options);
        } catch (error) {
          this.log('error', `replylint: could not lint ${uri}: ${errorText(error)}`);
          result = undefined;
        }
      }
      // Map offsets against the text that was linted, even if the document moved on meanwhile.
      const snapshot = document.version === version ? document : TextDocument.create(uri, languageId, version, text);
      const findings: Finding[] = (result?.messages ?? []).map((message) => ({ message, diagnostic: toDiagnostic(message, snapshot) }));
      const outcome: LintOutcome = {
        version,
        text,
        key,
        result,
        findings,
        diagnostics: findings.map((f) => f.diagnostic),
        resultId: String(++this.outcomeCounter),
        messageLanguage: request?.options.messageLanguage,
      };
      const current = this.states.get(uri);
      if (current && (!current.last || current.last.version <= version)) current.last = outcome;
      this.sendStatus(uri, outcome);
      return outcome;
    })();
    state.inflight = { text, key, promise };
    const clear = () => {
      if (state.inflight?.promise === promise) state.inflight = undefined;
    };
    promise.then(clear, clear);
    return promise;
  }

  private sendStatus(uri: string, outcome: LintOutcome | undefined, warmingUp = !isJapaneseTokenizerReady()): void {
    const result = outcome?.result;
    const status: StatusParams = {
      uri,
      language: result?.language ?? null,
      findings: outcome?.diagnostics.length ?? 0,
      hasInquiry: result !== undefined && result.inquirySource !== 'none',
      warmingUp,
    };
    const json = JSON.stringify(status);
    const state = this.states.get(uri);
    if (state && state.lastStatus === json) return;
    if (state) state.lastStatus = json;
    this.quietly(() => this.connection.sendNotification(StatusNotification, status));
  }

  /** Push mode: lint after `debounceMs`; changes that arrive while a lint runs are coalesced into one more run. */
  private schedule(uri: string, delay = this.debounceMs): void {
    if (this.features.pullDiagnostics) return;
    const state = this.state(uri);
    state.cancelScheduled?.();
    const run = () => {
      state.cancelScheduled = undefined;
      void this.push(uri);
    };
    // No delay: still after the messages already read (setImmediate), without a timer's extra millisecond.
    if (delay > 0) {
      const timer = setTimeout(run, delay);
      state.cancelScheduled = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(run);
      state.cancelScheduled = () => clearImmediate(immediate);
    }
  }

  private async push(uri: string): Promise<void> {
    const state = this.states.get(uri);
    if (!state) return;
    if (state.running) {
      state.rerun = true;
      return;
    }
    state.running = true;
    try {
      do {
        state.rerun = false;
        const document = this.documents.get(uri);
        if (!document) return;
        const outcome = await this.lintDocument(document);
        const current = this.documents.get(uri);
        // Closed, or edited meanwhile (a newer run is scheduled): this result is stale.
        if (current !== document || current.version !== outcome.version || this.states.get(uri) !== state) continue;
        this.quietly(() => this.connection.sendDiagnostics({ uri, version: outcome.version, diagnostics: outcome.diagnostics }));
      } while (state.rerun);
    } catch (error) {
      this.log('error', `replylint: linting ${uri} failed: ${errorText(error)}`);
    } finally {
      state.running = false;
    }
  }

  /** Something the lint of `uri` depends on changed. */
  private relint(uri: string): void {
    if (this.features.pullDiagnostics) this.refreshPulls();
    else if (this.documents.get(uri)) this.schedule(uri, 0);
  }

  private relintAll(): void {
    if (this.features.pullDiagnostics) this.refreshPulls();
    else for (const document of this.documents.all()) this.schedule(document.uri, 0);
  }

  /** Ask a pull client to pull again (when it can be asked). */
  private refreshPulls(): void {
    if (this.features.diagnosticRefresh) this.quietly(() => this.connection.languages.diagnostics.refresh());
  }

  /** The outcome for the document's current version, or undefined when cancelled or overtaken by an edit. */
  private async currentOutcome(uri: string, token: CancellationToken): Promise<{ document: TextDocument; outcome: LintOutcome } | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const outcome = await this.lintDocument(document);
    if (token.isCancellationRequested || this.documents.get(uri) !== document || document.version !== outcome.version) return undefined;
    return { document, outcome };
  }

  // ---------------------------------------------------------------- requests

  private async pullDiagnostics(params: unknown, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = uriParam(params, 'textDocument/diagnostic');
    if (token.isCancellationRequested) throw cancelled();
    const document = this.documents.get(uri);
    if (!document) return { kind: 'full', items: [] };
    const outcome = await this.lintDocument(document);
    if (token.isCancellationRequested) throw cancelled();
    const previous = isRecord(params) ? params['previousResultId'] : undefined;
    if (previous === outcome.resultId) return { kind: 'unchanged', resultId: outcome.resultId };
    return { kind: 'full', resultId: outcome.resultId, items: outcome.diagnostics };
  }

  private async codeActions(params: unknown, token: CancellationToken) {
    const uri = uriParam(params, 'textDocument/codeAction');
    const p = params as Record<string, unknown>;
    if (!isRange(p['range'])) throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/codeAction: expected range');
    const range = p['range'];
    const context = isRecord(p['context']) ? p['context'] : {};
    const current = await this.currentOutcome(uri, token);
    if (!current) return token.isCancellationRequested ? Promise.reject(cancelled()) : null;
    const { document, outcome } = current;
    return buildCodeActions({
      document,
      findings: outcome.findings,
      start: document.offsetAt(range.start),
      end: document.offsetAt(range.end),
      contextDiagnostics: Array.isArray(context['diagnostics']) ? (context['diagnostics'] as Diagnostic[]).filter((d) => isRecord(d) && isRange(d.range)) : [],
      only: Array.isArray(context['only']) ? (context['only'] as unknown[]).filter((k): k is string => typeof k === 'string') : undefined,
      documentChanges: this.features.documentChanges,
      messageLanguage: outcome.messageLanguage,
    });
  }

  private async hover(params: unknown, token: CancellationToken) {
    const uri = uriParam(params, 'textDocument/hover');
    const position = isRecord(params) ? params['position'] : undefined;
    if (!isPosition(position)) throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/hover: expected position');
    const current = await this.currentOutcome(uri, token);
    if (!current) return token.isCancellationRequested ? Promise.reject(cancelled()) : null;
    const offset = current.document.offsetAt(position);
    const under = current.outcome.findings.filter((f) => {
      const [start, end] = messageOffsets(f.message);
      return start <= offset && offset <= end;
    });
    return buildHover(under, current.outcome.messageLanguage, this.features.hoverMarkdown);
  }

  private async executeCommand(params: unknown): Promise<null> {
    const command = isRecord(params) ? params['command'] : undefined;
    if (command !== OpenRuleDocCommand) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${String(command)}`);
    const args = isRecord(params) ? params['arguments'] : undefined;
    const url = Array.isArray(args) ? args[0] : undefined;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${OpenRuleDocCommand}: expected [url]`);
    }
    if (this.features.showDocument) await this.connection.window.showDocument({ uri: url, external: true });
    else this.showMessage(MessageType.Info, `replylint: ${url}`);
    return null;
  }

  private setInquiry(params: unknown): null {
    if (!isRecord(params) || typeof params['uri'] !== 'string' || typeof params['text'] !== 'string') {
      throw new ResponseError(ErrorCodes.InvalidParams, `${SetInquiryRequest}: expected {uri: string, text: string}`);
    }
    this.clientInquiries.set(params['uri'], params['text']);
    this.relint(params['uri']);
    return null;
  }

  private clearInquiry(params: unknown): null {
    if (!isRecord(params) || typeof params['uri'] !== 'string') {
      throw new ResponseError(ErrorCodes.InvalidParams, `${ClearInquiryRequest}: expected {uri: string}`);
    }
    if (this.clientInquiries.delete(params['uri'])) this.relint(params['uri']);
    return null;
  }
}

let processGuardsInstalled = false;

/**
 * Start the server on `connection`, or on a connection made from the command
 * line (`--stdio`, `--node-ipc`, `--socket=PORT`). A server that owns its
 * process also logs uncaught errors instead of exiting on them.
 */
export function startServer(connection?: Connection): Connection {
  const owned = connection === undefined;
  const conn = connection ?? createConnection();
  if (owned && !processGuardsInstalled) {
    processGuardsInstalled = true;
    const report = (text: string) => {
      try {
        conn.console.error(text);
      } catch {
        process.stderr.write(`${text}\n`);
      }
    };
    process.on('uncaughtException', (error) => report(`replylint: uncaught: ${error?.stack ?? String(error)}`));
    process.on('unhandledRejection', (reason) => report(`replylint: unhandled rejection: ${errorText(reason)}`));
  }
  new ReplylintServer(conn).listen();
  return conn;
}
