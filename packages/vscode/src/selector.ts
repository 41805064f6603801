/** The `replylint.documentSelector` setting → VS Code document filters (pure: no `vscode` import). */
import type { DocumentSelectorEntry } from '../../lsp/src/settings.js';

export interface Filter {
  language?: string;
  scheme?: string;
  pattern?: string;
}

/**
 * A bare language id, or a filter without a scheme, means saved files and
 * untitled buffers (not diff views, output panes, git revisions and the like).
 */
export function toDocumentFilters(entries: readonly DocumentSelectorEntry[]): Filter[] {
  const filters: Filter[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') {
      filters.push({ language: entry, scheme: 'file' }, { language: entry, scheme: 'untitled' });
      continue;
    }
    const base: { language?: string; pattern?: string } = {};
    if (entry.language) base.language = entry.language;
    if (entry.pattern) base.pattern = entry.pattern;
    if (entry.scheme) filters.push({ ...base, scheme: entry.scheme });
    else if (base.language || base.pattern) {
      filters.push({ ...base, scheme: 'file' }, { ...base, scheme: 'untitled' });
    }
  }
  return filters;
}

