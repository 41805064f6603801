/**
 * Open documents, kept from didOpen/didChange/didClose with incremental sync.
 *
 * Unlike the stock `TextDocuments` manager it validates what the client sends
 * and refuses what it cannot apply safely (unknown documents, versions that go
 * backwards, malformed changes): it reports the problem and keeps the last
 * good text, so one bad notification never takes the server down.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver';

import { isRange, isRecord } from './guards.js';

export type StoreResult = { ok: true; document: TextDocument } | { ok: false; problem: string };

function isChange(value: unknown): value is TextDocumentContentChangeEvent {
  if (!isRecord(value) || typeof value['text'] !== 'string') return false;
  return value['range'] === undefined || isRange(value['range']);
}

export class DocumentStore {
  private readonly documents = new Map<string, TextDocument>();

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return [...this.documents.values()];
  }

  open(params: DidOpenTextDocumentParams): StoreResult {
    const item: unknown = isRecord(params) ? params.textDocument : undefined;
    if (
      !isRecord(item) ||
      typeof item['uri'] !== 'string' ||
      typeof item['text'] !== 'string' ||
      typeof item['languageId'] !== 'string'
    ) {
      return { ok: false, problem: 'didOpen: expected textDocument {uri, languageId, version, text}' };
    }
    const version = Number.isInteger(item['version']) ? (item['version'] as number) : 0;
    const document = TextDocument.create(item['uri'], item['languageId'], version, item['text']);
    this.documents.set(document.uri, document);
    return { ok: true, document };
  }

  change(params: DidChangeTextDocumentParams): StoreResult {
    const id: unknown = isRecord(params) ? params.textDocument : undefined;
    if (!isRecord(id) || typeof id['uri'] !== 'string') return { ok: false, problem: 'didChange: expected textDocument {uri, version}' };
    const document = this.documents.get(id['uri']);
    if (!document) return { ok: false, problem: `didChange: ${id['uri']} is not open` };
    const changes: unknown = params.contentChanges;
    if (!Array.isArray(changes) || !changes.every(isChange)) {
      return { ok: false, problem: `didChange: malformed contentChanges for ${document.uri}` };
    }
    const version = id['version'];
    if (typeof version !== 'number' || !Number.isInteger(version)) {
      return { ok: false, problem: `didChange: missing version for ${document.uri}` };
    }
    if (version <= document.version) {
      // A change older than the text we hold cannot be applied on top of it.
      return { ok: false, problem: `didChange: version ${version} of ${document.uri} is not newer than ${document.version}; ignored` };
    }
    TextDocument.update(document, changes, version);
    return { ok: true, document };
  }

  close(params: DidCloseTextDocumentParams): string | undefined {
    const id: unknown = isRecord(params) ? params.textDocument : undefined;
    if (!isRecord(id) || typeof id['uri'] !== 'string') return undefined;
    return this.documents.delete(id['uri']) ? id['uri'] : undefined;
  }
}
