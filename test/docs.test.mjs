// The docs say what the code does: every TypeScript block in README.md and docs/ type-checks
// against the packages as built, the pages that repeat a README section repeat it word for
// word, and the size limit the docs give is core's.
//   node --test test/docs.test.mjs        (npm test runs it after the build)
//
// A block preceded by `<!-- sketch: REASON -->` is a signature sketch, not code, and is skipped.
// Snippets may use `text`, `replyText` and `customerMessage` (strings) without declaring them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function markdownFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

/** Fenced ```ts / ```typescript blocks with the line they start on, and whether they are marked as sketches. */
function typescriptBlocks(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(?:ts|typescript)\s*$/.test(lines[i])) continue;
    const start = i;
    const body = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    const sketch = /^<!-- sketch: .+ -->$/.test(lines[start - 1]?.trim() ?? '') || /^<!-- sketch: .+ -->$/.test(lines[start - 2]?.trim() ?? '');
    blocks.push({ line: start + 1, code: body.join('\n'), sketch });
  }
  return blocks;
}

const pages = [path.join(repo, 'README.md'), ...markdownFiles(path.join(repo, 'docs'))];

test('every TypeScript block in README.md and docs/ type-checks against the built packages', () => {
  // Inside the repository's node_modules, so `@replylint/*` resolve to the workspace packages.
  const dir = path.join(repo, 'node_modules', '.cache', 'replylint-doc-snippets');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  fs.writeFileSync(path.join(dir, 'prelude.d.ts'), 'declare const text: string;\ndeclare const replyText: string;\ndeclare const customerMessage: string;\n');
  const snippets = [];
  for (const page of pages) {
    for (const block of typescriptBlocks(page)) {
      if (block.sketch) continue;
      const name = `${path.relative(repo, page).replace(/[^\w]+/g, '_')}_L${block.line}.ts`;
      // `export {}` makes each block a module of its own (top-level await, no clashes between blocks).
      fs.writeFileSync(path.join(dir, name), `${block.code}\nexport {};\n`);
      snippets.push({ name, where: `${path.relative(repo, page)}:${block.line}` });
    }
  }
  assert.ok(snippets.some((s) => s.where.startsWith('README.md')), 'the README has checked blocks');
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
      files: ['prelude.d.ts', ...snippets.map((s) => s.name)],
    }),
  );
  const result = spawnSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  const report = (result.stdout + result.stderr).replace(/^\S*?([\w]+_L\d+\.ts)/gm, (whole, name) => snippets.find((s) => s.name === name)?.where ?? whole);
  assert.equal(report, '', 'tsc reports nothing');
  assert.equal(result.status, 0);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `## Title` … up to the next `## ` heading. */
function section(markdown, title) {
  const start = markdown.indexOf(`## ${title}\n`);
  assert.ok(start >= 0, `README has ## ${title}`);
  const next = markdown.indexOf('\n## ', start + 3);
  return markdown.slice(start, next < 0 ? undefined : next + 1).trimEnd();
}

test('docs/editors.md and docs/security.md are the README sections they repeat, word for word', () => {
  // Why: two copies that drift are how "8 MiB" and "grows until memory runs out" ended up side by side.
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const asInDocs = (text) => text.replace(/\]\(#/g, '](../README.md#');
  assert.equal(fs.readFileSync(path.join(repo, 'docs/editors.md'), 'utf8').trimEnd(), asInDocs(section(readme, 'Editors')));
  assert.equal(
    fs.readFileSync(path.join(repo, 'docs/security.md'), 'utf8').trimEnd(),
    asInDocs(`${section(readme, 'Security')}\n\n${section(readme, 'Limits')}`),
  );
});

test("every size limit the docs give for a reply is core's defaultMaxLength", async () => {
  const { defaultMaxLength } = await import(pathToFileURL(path.join(repo, 'packages/core/dist/src/index.js')).href);
  const stated = [];
  for (const page of [...pages, path.join(repo, 'packages/vscode/README.md')]) {
    const text = fs.readFileSync(page, 'utf8').replace(/\s+/g, ' ');
    for (const match of text.matchAll(/(?:longer than|over) \**([\d][\d,  ]*\d)\** (?:UTF-16 code units|characters)/g)) {
      stated.push({ page: path.relative(repo, page), value: Number(match[1].replace(/[,  ]/g, '')) });
    }
  }
  assert.ok(stated.length >= 2, `found the limit in the docs (${stated.length})`);
  // Only the reply limit (and the inquiry's 50,000 and the 200,000 of the nightly fuzz are not phrased this way).
  assert.deepEqual(stated.filter((s) => s.value !== defaultMaxLength), []);
});
