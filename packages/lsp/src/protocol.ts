/**
 * replylint's custom LSP messages, shared by the server and its clients
 * (no runtime dependencies: clients wrap the names in their own
 * `RequestType`/`NotificationType` or call `sendRequest(name, params)`).
 */

/**
 * Request `replylint/setInquiry` (client → server): the customer's message
 * for one reply. Used when the reply quotes no original and has no sibling
 * `NAME.inquiry.txt|md` file. The reply is re-linted. Result: `null`.
 */
export const SetInquiryRequest = 'replylint/setInquiry';
export interface SetInquiryParams {
  /** The reply document's URI. */
  uri: string;
  /** The customer's message. */
  text: string;
}

/** Request `replylint/clearInquiry` (client → server): forget the inquiry set for a reply. Result: `null`. */
export const ClearInquiryRequest = 'replylint/clearInquiry';
export interface ClearInquiryParams {
  uri: string;
}

/**
 * Notification `replylint/status` (server → client), sent for a document each
 * time it is linted (and once while the Japanese tokenizer is still loading).
 */
export const StatusNotification = 'replylint/status';
export interface StatusParams {
  uri: string;
  /** Main language of the reply, `null` before the first lint finished or when not linted. */
  language: 'ja' | 'en' | 'mixed' | null;
  /** Number of findings in the document. */
  findings: number;
  /** Whether the reply was linted against an inquiry (quoted, sibling file or set by the client). */
  hasInquiry: boolean;
  /** True while the Japanese dictionary is loading (findings for Japanese text come after). */
  warmingUp: boolean;
}

/** Command `replylint.openRuleDoc` (arguments: `[url]`): open a rule's documentation. */
export const OpenRuleDocCommand = 'replylint.openRuleDoc';

/** Shape of `Diagnostic.data` on replylint diagnostics: the finding's ready-to-apply edits. */
export interface DiagnosticSuggestion {
  title: string;
  /** UTF-16 offsets into the document text that was linted. */
  start: number;
  end: number;
  text: string;
}

/**
 * `initializationOptions` the server understands (all optional). Clients that
 * cannot answer `workspace/configuration` pass their settings here (and in
 * `workspace/didChangeConfiguration` as `{settings: {replylint: …}}`).
 */
export interface InitializationOptions {
  /** Settings (same shape as the `replylint` configuration section); any field may be missing. */
  settings?: Record<string, unknown>;
  /** Push mode only: wait this long after the last change before linting a document (default 0: lint at once; changes that arrive while a lint runs are coalesced). */
  debounceMs?: number;
}
