/**
 * replylint for VS Code: a thin client of the replylint language server
 * (`packages/lsp`), which runs in its own Node process over node IPC.
 *
 * The client adds what only the editor can do: where the customer's inquiry
 * comes from (clipboard, a selection, a sibling `NAME.inquiry.txt`), the
 * language status item, and restarting the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type DocumentFilter,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  ClearInquiryRequest,
  OpenRuleDocCommand,
  SetInquiryRequest,
  StatusNotification,
  type ClearInquiryParams,
  type InitializationOptions,
  type SetInquiryParams,
  type StatusParams,
} from '../../lsp/src/protocol.js';
import { CONFIG_FILES_GLOB, DEFAULT_SETTINGS, SETTINGS_SECTION, type DocumentSelectorEntry } from '../../lsp/src/settings.js';
import { inquiryFileCandidates, isInquiryFile } from './inquiry.js';
import { toDocumentFilters } from './selector.js';
import { formatStatus } from './status.js';

const CLIENT_ID = 'replylint';
const CLIENT_NAME = 'replylint';

let extension: ReplylintExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ReplylintApi> {
  extension = new ReplylintExtension(context);
  context.subscriptions.push(extension);
  // `onStartupFinished` activates us everywhere (so languages added to
  // replylint.documentSelector work too); the server only starts once a reply is open.
  extension.startWhenNeeded();
  return extension.api();
}

export async function deactivate(): Promise<void> {
  await extension?.stopClient();
  extension = undefined;
}

/** What `activate` returns (used by tests and other extensions). */
export interface ReplylintApi {
  /** Resolves once the language server is running. */
  ready(): Promise<void>;
  /** The last status the server sent for a document. */
  status(uri: vscode.Uri): StatusParams | undefined;
}

class ReplylintExtension implements vscode.Disposable {
  private readonly output: vscode.OutputChannel;
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private waitForReply: vscode.Disposable | undefined;
  private configWatcher: vscode.FileSystemWatcher | undefined;
  private clientDisposables: vscode.Disposable[] = [];
  private statusItem: vscode.LanguageStatusItem | undefined;
  private selector: ReturnType<typeof toDocumentFilters> = [];
  /** Last `replylint/status` per document URI. */
  private readonly statuses = new Map<string, StatusParams>();
  /** Inquiries set through the commands, re-sent when the server restarts. */
  private readonly inquiries = new Map<string, string>();
  /** The reply editor that was active last (commands run from other editors target it). */
  private lastReplyUri: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('replylint');
    this.disposables.push(this.output);
    const command = (id: string, run: (...args: unknown[]) => unknown) =>
      this.disposables.push(vscode.commands.registerCommand(id, run));
    command('replylint.setInquiryFromClipboard', (uri?: unknown) => this.setInquiryFromClipboard(asUri(uri)));
    command('replylint.setInquiryFromSelection', (uri?: unknown) => this.setInquiryFromSelection(asUri(uri)));
    command('replylint.openInquiryFile', (uri?: unknown) => this.openInquiryFile(asUri(uri)));
    command('replylint.clearInquiry', (uri?: unknown) => this.clearInquiry(asUri(uri)));
    command('replylint.restartServer', () => this.restart());
    command('replylint.showOutput', () => this.output.show(true));
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && this.isReply(editor.document)) this.lastReplyUri = editor.document.uri.toString();
        this.updateStatusItem();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const uri = document.uri.toString();
        this.statuses.delete(uri);
      }),
      vscode.workspace.onDidChangeConfiguration(async (event) => {
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.documentSelector`)) {
          if (this.starting) {
            this.log('documentSelector changed: restarting the language server');
            await this.restart();
          } else {
            this.selector = toDocumentFilters(readSelectorSetting());
            this.startWhenNeeded();
          }
        }
      }),
    );
  }

  api(): ReplylintApi {
    return {
      ready: async () => {
        await this.starting;
      },
      status: (uri) => this.statuses.get(uri.toString()),
    };
  }

  // ------------------------------------------------------------------ client lifecycle

  /**
   * Starts the server now if a reply is open, else when the first one is opened — or as soon as
   * the workspace has a replylint config (.replylintrc.json/.yaml/.yml): a team that configured replylint will
   * open replies, and a server already running gives the first reply its diagnostics without
   * waiting for the server's start and the Japanese dictionary's load.
   */
  startWhenNeeded(): void {
    if (this.starting) return;
    this.selector = toDocumentFilters(readSelectorSetting());
    if (vscode.workspace.textDocuments.some((d) => this.isReply(d))) {
      void this.start();
      return;
    }
    this.watchForConfig();
    this.waitForReply?.dispose();
    this.waitForReply = vscode.workspace.onDidOpenTextDocument((document) => {
      if (this.starting || !this.isReply(document)) return;
      this.waitForReply?.dispose();
      this.waitForReply = undefined;
      void this.start();
    });
    this.disposables.push(this.waitForReply);
  }

  /** Starts the server early in a workspace that has, or gets, a replylint config. */
  private watchForConfig(): void {
    if (this.configWatcher || !vscode.workspace.workspaceFolders?.length) return;
    const startForConfig = (uri: vscode.Uri) => {
      if (this.starting) return;
      this.log(`starting the language server early: ${vscode.workspace.asRelativePath(uri)} configures replylint here`);
      void this.start();
    };
    this.configWatcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILES_GLOB, false, true, true);
    this.configWatcher.onDidCreate(startForConfig);
    this.disposables.push(this.configWatcher);
    void vscode.workspace.findFiles(CONFIG_FILES_GLOB, '**/node_modules/**', 1).then((found) => {
      if (found[0]) startForConfig(found[0]);
    });
  }

  start(): Promise<void> {
    this.waitForReply?.dispose();
    this.waitForReply = undefined;
    this.configWatcher?.dispose();
    this.configWatcher = undefined;
    this.starting = this.startClient().catch((error: unknown) => {
      this.log(`could not start the language server: ${errorMessage(error)}`);
      void vscode.window
        .showErrorMessage(vscode.l10n.t('replylint: the language server did not start: {0}', errorMessage(error)), vscode.l10n.t('Show output'))
        .then((choice) => choice && this.output.show(true));
    });
    return this.starting;
  }

  private async startClient(): Promise<void> {
    this.selector = toDocumentFilters(readSelectorSetting());
    this.createStatusItem();
    const serverModule = this.context.asAbsolutePath(path.join('dist', 'server.mjs'));
    // The prepared dictionary (plain files, the word map precomputed), as @replylint/core ships it.
    const dictionary = this.context.asAbsolutePath(path.join('dist', 'dict'));
    const env = { ...process.env, REPLYLINT_KUROMOJI_DICT: dictionary };
    // Regular expressions compiled once, straight to machine code: the first lint of a reply
    // compiles hundreds of them (see packages/cli/scripts/bundle.mjs, snapshotFlags).
    const execArgv = ['--no-regexp-tier-up'];
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv } },
      debug: {
        module: serverModule,
        transport: TransportKind.ipc,
        options: { env, execArgv: [...execArgv, '--nolazy', '--inspect=6011'] },
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: this.selector as DocumentFilter[],
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // The server registers its configuration and file watchers (.replylintrc.*,
      // package.json, *.inquiry.*) dynamically and pulls settings per document.
      initializationOptions: {
        settings: currentSettings(),
      } satisfies InitializationOptions,
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    this.client = client;
    this.clientDisposables.push(
      client.onNotification(StatusNotification, (params: StatusParams) => this.onStatus(params)),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running && event.oldState !== State.Running) void this.resendInquiries();
        if (event.newState === State.Stopped) this.log('language server stopped');
      }),
    );
    await client.start();
    this.log(`language server running (${serverModule})`);
    const serverCommands = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    if (!serverCommands.includes(OpenRuleDocCommand)) {
      this.clientDisposables.push(
        vscode.commands.registerCommand(OpenRuleDocCommand, (url?: unknown) => {
          if (typeof url === 'string') void vscode.env.openExternal(vscode.Uri.parse(url));
        }),
      );
    }
    const editor = vscode.window.activeTextEditor;
    if (editor && this.isReply(editor.document)) this.lastReplyUri = editor.document.uri.toString();
    this.updateStatusItem();
  }

  async stopClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const d of this.clientDisposables.splice(0)) d.dispose();
    this.statusItem?.dispose();
    this.statusItem = undefined;
    this.statuses.clear();
    if (client) {
      try {
        await client.stop(5000);
      } catch (error) {
        this.log(`stopping the language server: ${errorMessage(error)}`);
      }
    }
  }

  async restart(): Promise<void> {
    if (!this.starting) return this.start();
    this.log('restarting the language server');
    await this.starting;
    await this.stopClient();
    await this.start();
  }

  private async resendInquiries(): Promise<void> {
    for (const [uri, text] of this.inquiries) {
      try {
        await this.client?.sendRequest(SetInquiryRequest, { uri, text } satisfies SetInquiryParams);
      } catch (error) {
        this.log(`re-sending the inquiry for ${uri}: ${errorMessage(error)}`);
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  // ------------------------------------------------------------------ status

  private createStatusItem(): void {
    this.statusItem?.dispose();
    const item = vscode.languages.createLanguageStatusItem('replylint.status', this.selector);
    item.name = 'replylint';
    item.text = 'replylint';
    item.command = { title: vscode.l10n.t('Show output'), command: 'replylint.showOutput' };
    this.statusItem = item;
  }

  private onStatus(params: StatusParams): void {
    this.statuses.set(params.uri, params);
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    if (params.uri === active) this.updateStatusItem();
  }

  private updateStatusItem(): void {
    const item = this.statusItem;
    if (!item) return;
    const editor = vscode.window.activeTextEditor;
    const status = editor ? this.statuses.get(editor.document.uri.toString()) : undefined;
    const view = formatStatus(status, vscode.l10n.t);
    item.text = view.text;
    item.detail = view.detail;
    item.busy = view.busy;
    item.severity = view.findings > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.accessibilityInformation = { label: `replylint: ${view.text}. ${view.detail}` };
    item.command = status?.hasInquiry
      ? { title: vscode.l10n.t('Clear inquiry'), command: 'replylint.clearInquiry' }
      : { title: vscode.l10n.t('Attach inquiry'), command: 'replylint.setInquiryFromClipboard' };
  }

  // ------------------------------------------------------------------ inquiry commands

  private isReply(document: vscode.TextDocument): boolean {
    return vscode.languages.match(this.selector, document) > 0 && !isInquiryFile(document.uri.path);
  }

  /** The reply a command acts on: the one named, else the active editor's, else the last active reply. */
  private targetReply(uri?: vscode.Uri): vscode.TextDocument | undefined {
    if (uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const active = vscode.window.activeTextEditor?.document;
    if (active && this.isReply(active)) return active;
    if (this.lastReplyUri) {
      const last = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.lastReplyUri);
      if (last && !last.isClosed) return last;
    }
    return undefined;
  }

  private async noReply(): Promise<void> {
    await vscode.window.showWarningMessage(
      vscode.l10n.t('replylint: open the reply (a plain text or Markdown file) first.'),
    );
  }

  private async sendInquiry(reply: vscode.TextDocument, text: string): Promise<boolean> {
    const client = await this.runningClient();
    if (!client) return false;
    const uri = reply.uri.toString();
    await client.sendRequest(SetInquiryRequest, { uri, text } satisfies SetInquiryParams);
    this.inquiries.set(uri, text);
    this.log(`inquiry set for ${uri} (${text.length} characters)`);
    vscode.window.setStatusBarMessage(
      vscode.l10n.t('replylint: inquiry attached to {0}', path.posix.basename(reply.uri.path)),
      4000,
    );
    return true;
  }

  private async runningClient(): Promise<LanguageClient | undefined> {
    await (this.starting ?? this.start());
    if (!this.client || this.client.state !== State.Running) {
      await vscode.window.showErrorMessage(vscode.l10n.t('replylint: the language server is not running.'));
      return undefined;
    }
    return this.client;
  }

  async setInquiryFromClipboard(uri?: vscode.Uri): Promise<void> {
    const reply = this.targetReply(uri);
    if (!reply) return this.noReply();
    const text = (await vscode.env.clipboard.readText()).trim();
    if (!text) {
      await vscode.window.showWarningMessage(
        vscode.l10n.t("replylint: the clipboard is empty. Copy the customer's message first."),
      );
      return;
    }
    await this.sendInquiry(reply, text);
  }

  /**
   * The selection is the customer's message, in an editor other than the reply:
   * either the active editor has the selection and the reply is another
   * (visible or last active) editor, or the reply is active and another
   * visible editor has a selection.
   */
  async setInquiryFromSelection(uri?: vscode.Uri): Promise<void> {
    const active = vscode.window.activeTextEditor;
    const selected = (editor: vscode.TextEditor) =>
      editor.selections
        .filter((s) => !s.isEmpty)
        .map((s) => editor.document.getText(s))
        .join('\n')
        .trim();
    let source: vscode.TextEditor | undefined;
    let reply: vscode.TextDocument | undefined;
    if (active && selected(active) && !(uri && active.document.uri.toString() === uri.toString())) {
      source = active;
      reply = uri ? this.targetReply(uri) : await this.pickOtherReply(active.document);
    } else {
      reply = this.targetReply(uri);
      source = vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.toString() !== reply?.uri.toString() && selected(e),
      );
    }
    if (!reply) return this.noReply();
    if (!source) {
      await vscode.window.showWarningMessage(
        vscode.l10n.t("replylint: select the customer's message in another editor first."),
      );
      return;
    }
    await this.sendInquiry(reply, selected(source));
  }

  /** Another reply than `exclude`: the last active one, the only visible one, or one the user picks. */
  private async pickOtherReply(exclude: vscode.TextDocument): Promise<vscode.TextDocument | undefined> {
    const others = (docs: readonly vscode.TextDocument[]) =>
      docs.filter((d) => d.uri.toString() !== exclude.uri.toString() && this.isReply(d));
    const visible = others(vscode.window.visibleTextEditors.map((e) => e.document));
    if (this.lastReplyUri && this.lastReplyUri !== exclude.uri.toString()) {
      const last = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.lastReplyUri);
      if (last && !last.isClosed) return last;
    }
    if (visible.length === 1) return visible[0];
    const candidates = visible.length > 0 ? visible : others(vscode.workspace.textDocuments);
    if (candidates.length === 0) return undefined;
    if (candidates.length === 1) return candidates[0];
    const picked = await vscode.window.showQuickPick(
      candidates.map((d) => ({ label: vscode.workspace.asRelativePath(d.uri), document: d })),
      { placeHolder: vscode.l10n.t('Which reply is this inquiry for?') },
    );
    return picked?.document;
  }

  async clearInquiry(uri?: vscode.Uri): Promise<void> {
    const reply = this.targetReply(uri);
    if (!reply) return this.noReply();
    const client = await this.runningClient();
    if (!client) return;
    const key = reply.uri.toString();
    await client.sendRequest(ClearInquiryRequest, { uri: key } satisfies ClearInquiryParams);
    this.inquiries.delete(key);
    this.log(`inquiry cleared for ${key}`);
  }

  /** Open the reply's sibling `NAME.inquiry.txt` (or `.md`), creating an empty `.txt` when there is none. */
  async openInquiryFile(uri?: vscode.Uri): Promise<void> {
    const reply = this.targetReply(uri);
    const replyUri = reply?.uri ?? uri;
    if (!replyUri) return this.noReply();
    if (replyUri.scheme !== 'file') {
      await vscode.window.showWarningMessage(
        vscode.l10n.t('replylint: save the reply to a file first; its inquiry file goes next to it.'),
      );
      return;
    }
    const candidates = inquiryFileCandidates(replyUri.path).map((p) => replyUri.with({ path: p }));
    let target = candidates[0]!;
    let exists = false;
    for (const candidate of candidates) {
      try {
        await vscode.workspace.fs.stat(candidate);
        target = candidate;
        exists = true;
        break;
      } catch {
        // not there
      }
    }
    if (!exists) {
      await vscode.workspace.fs.writeFile(target, new Uint8Array());
      this.log(`created ${target.fsPath}`);
    }
    const document = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  private log(message: string): void {
    this.output.appendLine(`[client ${new Date().toISOString()}] ${message}`);
  }
}

/** The `replylint` settings as plain data (for initializationOptions). */
function currentSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    const value = config.get<unknown>(key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function readSelectorSetting(): DocumentSelectorEntry[] {
  const value = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('documentSelector');
  if (!Array.isArray(value)) return [...DEFAULT_SETTINGS.documentSelector];
  const entries = value.filter(
    (e): e is DocumentSelectorEntry => (typeof e === 'string' && e.length > 0) || (typeof e === 'object' && e !== null),
  );
  return entries.length > 0 ? entries : [...DEFAULT_SETTINGS.documentSelector];
}

function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
