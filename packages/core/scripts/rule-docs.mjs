/**
 * The examples block of each rule's docs page (docs/rules/<id>.md), generated
 * from the rule's `meta` (the same examples the test suite runs and the editor
 * hover shows), so the text lives in one place.
 *
 *   node packages/core/scripts/rule-docs.mjs          rewrite the blocks
 *   node packages/core/scripts/rule-docs.mjs --check  exit 1 when a page is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleMeta } from '../dist/src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const begin = '<!-- examples: generated from the rule\'s meta by packages/core/scripts/rule-docs.mjs; each is a test -->';
const end = '<!-- /examples -->';
const names = { ja: 'Japanese', en: 'English' };

export function examplesBlock(meta) {
  const out = [begin, ''];
  for (const lang of meta.langs) {
    out.push(`${names[lang]} (${meta.inquiry ? '`?` the customer’s message, ' : ''}\`✗\` reported, \`✓\` a reply that gets no error):`, '', '```text');
    const indent = (t) => t.split('\n').join('\n  ');
    if (meta.inquiry) out.push(`? ${indent(meta.inquiry[lang])}`);
    out.push(`✗ ${indent(meta.bad[lang])}`, `✓ ${indent(meta.good[lang])}`, '```', '');
  }
  out.push(end);
  return out.join('\n');
}

/** The page with its examples block (inserted right under "## Examples" when missing). */
export function withExamples(page, meta) {
  const block = examplesBlock(meta);
  const a = page.indexOf(begin);
  if (a >= 0) {
    const b = page.indexOf(end, a);
    return page.slice(0, a) + block + page.slice(b + end.length);
  }
  const heading = page.indexOf('## Examples\n');
  if (heading < 0) return `${page.trimEnd()}\n\n## Examples\n\n${block}\n`;
  const at = heading + '## Examples\n'.length;
  return `${page.slice(0, at)}\n${block}\n\nMore examples:\n${page.slice(at)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [id, meta] of Object.entries(ruleMeta)) {
    const file = path.join(root, 'docs/rules', `${id}.md`);
    const page = readFileSync(file, 'utf8');
    const next = withExamples(page, meta);
    if (next === page) continue;
    stale++;
    if (check) console.error(`docs/rules/${id}.md: examples block out of date (run node packages/core/scripts/rule-docs.mjs)`);
    else writeFileSync(file, next);
  }
  if (check && stale) process.exit(1);
  console.log(check ? 'rule pages are up to date' : `rewrote ${stale} rule page(s)`);
}
