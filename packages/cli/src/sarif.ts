/** The SARIF 2.1.0 format (loaded only when `--format sarif` is asked for). */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleMeta } from '@replylint/core';
import { messagesOf, packageVersion, span, type LintedFile } from './report.js';

const sarifLevel = { error: 'error', warn: 'warning', info: 'note' } as const;

/** A SARIF 2.1.0 log with one run; columns and offsets are UTF-16 code units. */
export function toSarif(files: LintedFile[], cwd: string) {
  const ids = Object.keys(ruleMeta).sort();
  const rules = ids.map((id) => {
    const meta = ruleMeta[id]!;
    return {
      id,
      shortDescription: { text: meta.description.en },
      fullDescription: { text: meta.why.en },
      helpUri: meta.url,
      help: { text: `${meta.description.en}\n\n${meta.why.en}\n\nInstead of: ${meta.bad.en}\nWrite: ${meta.good.en}` },
    };
  });
  const artifacts = files.map((f) => ({ location: artifactLocation(f) }));
  const results = files.flatMap((f, fileIndex) =>
    messagesOf(f).map((m) => {
      const { start, end } = span(m);
      const location = { ...artifactLocation(f), index: fileIndex };
      return {
        ruleId: m.ruleId,
        ...(ids.includes(m.ruleId) ? { ruleIndex: ids.indexOf(m.ruleId) } : {}),
        level: sarifLevel[m.severity],
        message: { text: m.reason },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: {
                startLine: start.line,
                startColumn: start.column,
                endLine: end.line,
                endColumn: end.column,
                charOffset: start.offset,
                charLength: end.offset - start.offset,
              },
            },
          },
        ],
        ...(m.suggestions?.length
          ? {
              fixes: m.suggestions.map((s) => ({
                description: { text: s.title },
                artifactChanges: [
                  {
                    artifactLocation: location,
                    replacements: [
                      {
                        deletedRegion: { charOffset: s.start, charLength: s.end - s.start },
                        insertedContent: { text: s.text },
                      },
                    ],
                  },
                ],
              })),
            }
          : {}),
      };
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'replylint', version: packageVersion(), rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function artifactLocation(f: LintedFile) {
  if (!f.file.path) return { uri: 'stdin' };
  const relative = path.relative(f.file.cwd, path.resolve(f.file.cwd, f.file.path));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(path.resolve(f.file.cwd, f.file.path)).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}
