// Unit tests of the extension's pure modules (no VS Code needed):
//   node --test packages/vscode/test/unit.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundle the TypeScript modules under test into one ESM file and import it. */
async function load() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replylint-vscode-unit-'));
  const outfile = path.join(tmp, 'units.mjs');
  await build({
    stdin: {
      contents: [
        "export * from './src/status.ts';",
        "export * from './src/inquiry.ts';",
        "export * from './src/selector.ts';",
      ].join('\n'),
      resolveDir: pkgDir,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
  });
  const mod = await import(pathToFileURL(outfile).href);
  fs.rmSync(tmp, { recursive: true, force: true });
  return mod;
}

const units = await load();

test('inquiry files sit next to the reply, NAME without its extension', () => {
  assert.deepEqual(units.inquiryFileCandidates('/w/replies/refund.txt'), ['/w/replies/refund.inquiry.txt', '/w/replies/refund.inquiry.md']);
  assert.deepEqual(units.inquiryFileCandidates('/w/a.b.md'), ['/w/a.b.inquiry.txt', '/w/a.b.inquiry.md']);
  assert.deepEqual(units.inquiryFileCandidates('/w/README'), ['/w/README.inquiry.txt', '/w/README.inquiry.md']);
  assert.deepEqual(units.inquiryFileCandidates('/w/.hidden'), ['/w/.hidden.inquiry.txt', '/w/.hidden.inquiry.md']);
  assert.equal(units.isInquiryFile('/w/refund.inquiry.txt'), true);
  assert.equal(units.isInquiryFile('/w/refund.inquiry.MD'), true);
  assert.equal(units.isInquiryFile('/w/refund.txt'), false);
});

test('documentSelector entries become file + untitled filters unless a scheme is given', () => {
  assert.deepEqual(units.toDocumentFilters(['plaintext']), [
    { language: 'plaintext', scheme: 'file' },
    { language: 'plaintext', scheme: 'untitled' },
  ]);
  assert.deepEqual(units.toDocumentFilters([{ language: 'markdown', scheme: 'vscode-vfs' }]), [{ language: 'markdown', scheme: 'vscode-vfs' }]);
  assert.deepEqual(units.toDocumentFilters([{ pattern: '**/replies/*.txt' }]), [
    { pattern: '**/replies/*.txt', scheme: 'file' },
    { pattern: '**/replies/*.txt', scheme: 'untitled' },
  ]);
  assert.deepEqual(units.toDocumentFilters([{}]), []);
});

test('status text: language, findings, inquiry, warming up', () => {
  const base = { uri: 'file:///r.txt', language: 'ja', findings: 2, hasInquiry: false, warmingUp: false };
  assert.equal(units.formatStatus(base).text, 'Japanese · 2 findings · no inquiry');
  assert.equal(units.formatStatus({ ...base, findings: 1, hasInquiry: true }).text, 'Japanese · 1 finding · inquiry attached');
  assert.equal(units.formatStatus({ ...base, language: 'en', findings: 0 }).text, 'English · 0 findings · no inquiry');
  const warming = units.formatStatus({ ...base, language: null, warmingUp: true });
  assert.equal(warming.text, 'warming up · no inquiry');
  assert.equal(warming.busy, true);
  assert.equal(warming.findings, 0);
  assert.equal(units.formatStatus(undefined).busy, true);
});

test('status strings are all translated in l10n/bundle.l10n.ja.json', () => {
  const bundle = JSON.parse(fs.readFileSync(path.join(pkgDir, 'l10n', 'bundle.l10n.ja.json'), 'utf8'));
  const seen = new Set();
  const t = (message, ...args) => {
    seen.add(message);
    return message.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  };
  for (const language of ['ja', 'en', 'mixed', null]) {
    for (const warmingUp of [true, false]) {
      for (const hasInquiry of [true, false]) {
        for (const findings of [0, 1, 3]) units.formatStatus({ uri: 'u', language, findings, hasInquiry, warmingUp }, t);
      }
    }
  }
  units.formatStatus(undefined, t);
  for (const message of seen) assert.ok(message in bundle, `missing Japanese translation: ${message}`);
});

test('every vscode.l10n.t message in the sources has a Japanese translation', () => {
  const bundle = JSON.parse(fs.readFileSync(path.join(pkgDir, 'l10n', 'bundle.l10n.ja.json'), 'utf8'));
  const source = fs.readFileSync(path.join(pkgDir, 'src', 'extension.ts'), 'utf8');
  const messages = [...source.matchAll(/l10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)].map((m) =>
    (m[1] ?? m[2]).replace(/\\(.)/g, '$1'),
  );
  assert.ok(messages.length > 10, `found only ${messages.length} messages`);
  for (const message of messages) assert.ok(message in bundle, `missing Japanese translation: ${message}`);
});

test('package.json settings, commands and nls files agree', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const en = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.nls.json'), 'utf8'));
  const ja = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.nls.ja.json'), 'utf8'));
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
  const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  for (const key of keys) assert.ok(key in en, `package.json uses %${key}% but package.nls.json lacks it`);
  const settings = Object.keys(pkg.contributes.configuration.properties);
  for (const s of ['enable', 'rules', 'lang', 'channel', 'messageLanguage', 'documentSelector', 'preset']) {
    assert.ok(settings.includes(`replylint.${s}`), `setting replylint.${s} not contributed`);
  }
  const commands = pkg.contributes.commands.map((c) => c.command);
  const source = fs.readFileSync(path.join(pkgDir, 'src', 'extension.ts'), 'utf8');
  for (const c of commands) assert.ok(source.includes(`'${c}'`), `${c} is contributed but not registered`);
  // engines.vscode must be at least what vscode-languageclient needs, and @types/vscode no newer.
  const minimum = (range) => range.replace(/^[~^>=]+/, '').split('.').map(Number);
  const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] ?? 0) - (b[2] ?? 0);
  const require = createRequire(path.join(pkgDir, 'package.json'));
  const lc = require('vscode-languageclient/package.json');
  assert.ok(cmp(minimum(pkg.engines.vscode), minimum(lc.engines.vscode)) >= 0, `engines.vscode ${pkg.engines.vscode} < vscode-languageclient's ${lc.engines.vscode}`);
  const types = require('@types/vscode/package.json');
  assert.ok(cmp(minimum(types.version), minimum(pkg.engines.vscode)) <= 0, `@types/vscode ${types.version} is newer than engines.vscode ${pkg.engines.vscode}`);
  assert.ok(pkg.repository?.url, 'repository field (vsce needs it)');
  assert.ok(fs.existsSync(path.join(pkgDir, 'LICENSE')));
});
