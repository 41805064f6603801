/** How the language status item shows a `replylint/status` notification (pure: no `vscode` import). */
import type { StatusParams } from '../../lsp/src/protocol.js';

export interface StatusView {
  text: string;
  detail: string;
  busy: boolean;
  findings: number;
}

/** `vscode.l10n.t`'s shape: a message with `{0}`-style placeholders. */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

const identity: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });

export function formatStatus(status: StatusParams | undefined, t: Translate = identity): StatusView {
  if (!status) {
    return { text: t('waiting for the first check'), detail: t('The reply has not been checked yet'), busy: true, findings: 0 };
  }
  const parts: string[] = [];
  const language =
    status.language === 'ja' ? t('Japanese') : status.language === 'en' ? t('English') : status.language === 'mixed' ? t('Japanese + English') : undefined;
  if (language) parts.push(language);
  if (status.warmingUp) parts.push(t('warming up'));
  else parts.push(status.findings === 1 ? t('1 finding') : t('{0} findings', status.findings));
  parts.push(status.hasInquiry ? t('inquiry attached') : t('no inquiry'));
  const detail = status.warmingUp
    ? t('Loading the Japanese dictionary; findings for Japanese text follow shortly')
    : status.hasInquiry
      ? t("Checked against the customer's inquiry")
      : t('No inquiry: attach the customer\'s message to check that the reply answers it');
  return { text: parts.join(' · '), detail, busy: status.warmingUp, findings: status.warmingUp ? 0 : status.findings };
}
