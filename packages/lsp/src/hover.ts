/**
 * Hover on a finding: the message, why it matters, and a bad → good example
 * in the reply's language, from core's `ruleMeta` (falling back to the
 * message's own note when a rule has no metadata).
 */
import { ruleMeta, type RuleMeta } from '@replylint/core';
import { MarkupKind, type Hover, type MarkupContent } from 'vscode-languageserver';
import { uiLang, type Finding } from './actions.js';

type Localised = Partial<Record<'ja' | 'en', unknown>> | string | undefined | null;

/** A localised field of the rule metadata as text (lists become one example per line). */
function pick(field: Localised, lang: 'ja' | 'en'): string | undefined {
  if (field === undefined || field === null) return undefined;
  const value = typeof field === 'string' ? field : (field[lang] ?? undefined);
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const items = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    return items.length ? items.join('\n') : undefined;
  }
  return undefined;
}

const LABELS = {
  en: { why: 'Why it matters', bad: 'Instead of', good: 'Write', docs: 'Rule documentation' },
  ja: { why: 'なぜ問題か', bad: '避けたい例', good: 'よい例', docs: 'ルールの説明' },
} as const;

interface HoverSection {
  title: string;
  reason: string;
  why?: string;
  bad?: string;
  good?: string;
  labels: (typeof LABELS)['en' | 'ja'];
  url?: string;
}

function section(finding: Finding, messageLanguage: 'ja' | 'en' | 'auto' | undefined): HoverSection {
  const { message } = finding;
  const lang = uiLang(message, messageLanguage);
  // Examples are what the agent would write: in the language of the reply at this spot.
  const replyLang = message.lang === 'ja' ? 'ja' : 'en';
  const meta: Partial<RuleMeta> | undefined = ruleMeta[message.ruleId];
  return {
    title: message.ruleId,
    reason: message.reason,
    why: pick(meta?.why, lang) ?? (typeof message.note === 'string' && message.note.trim() ? message.note.trim() : undefined),
    bad: pick(meta?.bad, replyLang),
    good: pick(meta?.good, replyLang),
    labels: LABELS[lang],
    url: message.url || meta?.url,
  };
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function toMarkdown(s: HoverSection): string {
  const parts = [`**replylint** \`${s.title}\`: ${s.reason}`];
  if (s.why) parts.push(`**${s.labels.why}:** ${s.why}`);
  if (s.bad) parts.push(`✗ ${s.labels.bad}:\n${quote(s.bad)}`);
  if (s.good) parts.push(`✓ ${s.labels.good}:\n${quote(s.good)}`);
  if (s.url) parts.push(`[${s.labels.docs}](${s.url})`);
  return parts.join('\n\n');
}

function toPlainText(s: HoverSection): string {
  const parts = [`replylint ${s.title}: ${s.reason}`];
  if (s.why) parts.push(`${s.labels.why}: ${s.why}`);
  if (s.bad) parts.push(`✗ ${s.labels.bad}: ${s.bad}`);
  if (s.good) parts.push(`✓ ${s.labels.good}: ${s.good}`);
  if (s.url) parts.push(`${s.labels.docs}: ${s.url}`);
  return parts.join('\n');
}

/** Hover for the findings under the cursor (`null` when there are none). */
export function buildHover(
  findings: readonly Finding[],
  messageLanguage: 'ja' | 'en' | 'auto' | undefined,
  markdown: boolean,
): Hover | null {
  if (findings.length === 0) return null;
  const sections = findings.map((f) => section(f, messageLanguage));
  const contents: MarkupContent = markdown
    ? { kind: MarkupKind.Markdown, value: sections.map(toMarkdown).join('\n\n---\n\n') }
    : { kind: MarkupKind.PlainText, value: sections.map(toPlainText).join('\n\n') };
  return { contents, range: findings[0]!.diagnostic.range };
}
