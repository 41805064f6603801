// The published packages, as a new user gets them: `npm pack` of core, node, cli and lsp,
// installed from the tarballs into an empty project, then used there. The workspace links
// every package to its source tree, so only this test sees what `files`, `dependencies` and
// the public `.d.ts` really ship.
//   node --test test/packages.test.mjs        (npm test runs it; about 40 s, most of it npm)
//
// Third-party dependencies come from npm's cache (or the registry when the cache lacks one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packages = ['core', 'node', 'cli', 'lsp'];

/** npm without the variables of an outer `npm test` (its workspace, prefix and lifecycle). */
function npmEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, env: npmEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

// A Japanese reply that justifies a refusal by the company's rules: supplier-centred-wording must fire.
const jaReply = [
  '山田様',
  '',
  'お問い合わせいただきありがとうございます。',
  '規定により、開封済みの商品の返品はお受けできません。',
  '',
  'よろしくお願いいたします。',
  '',
].join('\n');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replylint-packages-'));
const project = path.join(tmp, 'project');
let tarballs = [];

test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('npm pack: each package ships its built code and declarations, core its prepared dictionary', () => {
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', tmp, ...packages.flatMap((p) => ['-w', `packages/${p}`])], repo));
  assert.deepEqual(packed.map((p) => p.name).sort(), packages.map((p) => `@replylint/${p}`).sort());
  tarballs = packed.map((p) => path.join(tmp, p.filename));
  const files = Object.fromEntries(packed.map((p) => [p.name.slice('@replylint/'.length), p.files.map((f) => f.path)]));
  for (const name of packages) {
    // Why: "main" and "types" must point into the tarball, not at a workspace-only build.
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'packages', name, 'package.json'), 'utf8'));
    assert.ok(files[name].includes(pkg.main.replace(/^\.\//, '')), `${name}: main ${pkg.main} is packed`);
    assert.ok(files[name].includes(pkg.types.replace(/^\.\//, '')), `${name}: types ${pkg.types} is packed`);
    assert.ok(!files[name].some((f) => f.startsWith('dist/test/')), `${name}: tests are not packed`);
    // Why: a published package names its siblings by version; a workspace link or file: path would not install.
    for (const [dep, spec] of Object.entries(pkg.dependencies ?? {})) {
      if (dep.startsWith('@replylint/')) assert.equal(spec, pkg.version, `${name} depends on ${dep} by version`);
    }
  }
  // Why: without dict/ an installed core falls back to kuromoji's gzipped dictionary (about twice the first-lint time).
  for (const file of ['manifest.json', 'base.dat', 'check.dat', 'tid.dat', 'tid_pos.dat', 'tid_map.dat', 'tid_map.csr', 'cc.dat', 'unk_char.dat']) {
    assert.ok(files.core.includes(`dict/${file}`), `core ships dict/${file}`);
  }
  // Why: the `replylint` launcher runs the bundle, or the startup snapshot of it, both built by prepack.
  for (const file of ['replylint.js', 'dist/replylint.cjs', 'dist/audit-worker.cjs', 'dist/replylint.blob', 'dist/replylint.blob.id']) {
    assert.ok(files.cli.includes(file), `cli ships ${file}`);
  }
  // Why: the language server must not pull the CLI (audit workers, reporters, globbing) into an editor.
  const lspPkg = JSON.parse(fs.readFileSync(path.join(repo, 'packages/lsp/package.json'), 'utf8'));
  assert.equal(lspPkg.dependencies['@replylint/cli'], undefined);
});

test('the tarballs install into an empty project', { timeout: 120_000 }, () => {
  assert.equal(tarballs.length, packages.length, 'packed first');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], project);
  for (const name of packages) {
    const installed = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/@replylint', name, 'package.json'), 'utf8'));
    assert.equal(installed.name, `@replylint/${name}`);
  }
  // Why: one core for all (cli, lsp and node depend on "0.1.0", satisfied by the installed tarball, not a second copy).
  const nested = ['cli', 'lsp', 'node'].filter((name) => fs.existsSync(path.join(project, 'node_modules/@replylint', name, 'node_modules/@replylint/core')));
  assert.deepEqual(nested, []);
});

test('the installed replylint lints a Japanese reply with the prepared dictionary', () => {
  const reply = path.join(project, 'refund.txt');
  fs.writeFileSync(reply, jaReply);
  // A preload that records every file the process opens: the evidence of which dictionary was loaded.
  const trace = path.join(tmp, 'trace.mjs');
  const traceOut = path.join(tmp, 'opened.json');
  fs.writeFileSync(
    trace,
    [
      "import fs from 'node:fs';",
      'const opened = [];',
      'const wrap = (object, name) => { const original = object[name]; object[name] = function (file, ...rest) { opened.push(String(file)); return original.call(this, file, ...rest); }; };',
      "for (const name of ['open', 'openSync', 'readFile', 'readFileSync']) wrap(fs, name);",
      "for (const name of ['open', 'readFile']) wrap(fs.promises, name);",
      "process.on('exit', () => fs.writeFileSync(process.env.TRACE_OUT, JSON.stringify(opened)));",
    ].join('\n'),
  );
  const bin = path.join(project, 'node_modules/.bin/replylint');
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(trace).href, bin, 'refund.txt', '--format', 'json'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, TRACE_OUT: traceOut, REPLYLINT_KUROMOJI_DICT: '' },
  });
  assert.equal(result.stderr, '');
  assert.equal(result.status, 1, 'errors found: exit code 1');
  const [entry] = JSON.parse(result.stdout);
  assert.equal(entry.language, 'ja');
  const supplier = entry.messages.find((m) => m.ruleId === 'supplier-centred-wording');
  assert.ok(supplier, 'supplier-centred-wording reports 規定により');
  assert.equal(jaReply.slice(supplier.offset, supplier.endOffset), '規定により');

  const opened = JSON.parse(fs.readFileSync(traceOut, 'utf8')).map((f) => path.relative(project, f));
  const dict = path.join('node_modules', '@replylint', 'core', 'dict');
  // Why: the prepared (gunzipped, trimmed) files and the precomputed word map are what loaded…
  for (const file of ['base.dat', 'check.dat', 'tid_map.csr', 'cc.dat']) assert.ok(opened.includes(path.join(dict, file)), `opened ${file} from core's dict/`);
  // …and kuromoji's own gzipped dictionary was never touched.
  assert.deepEqual(opened.filter((f) => f.includes(path.join('kuromoji', 'dict'))), []);
});

test('the installed replylint command runs its startup snapshot and reports as the bundle does', () => {
  // npm's bin link, run as a shell runs it: the launcher's #! line, then the snapshot built by this node at pack time.
  const bin = path.join(project, 'node_modules/.bin/replylint');
  const env = { ...process.env, REPLYLINT_KUROMOJI_DICT: '' };
  delete env.NODE_OPTIONS;
  const trace = spawnSync('sh', ['-x', bin, 'refund.txt', '--format', 'json'], { cwd: project, encoding: 'utf8', env });
  assert.match(trace.stderr, /^\+ exec node --no-regexp-tier-up --snapshot-blob \S+\/node_modules\/@replylint\/cli\/dist\/replylint\.blob /m);
  const fromSnapshot = spawnSync(bin, ['refund.txt', '--format', 'json'], { cwd: project, encoding: 'utf8', env });
  const fromBundle = spawnSync(process.execPath, [bin, 'refund.txt', '--format', 'json'], { cwd: project, encoding: 'utf8', env });
  assert.equal(fromSnapshot.stderr, '');
  assert.equal(fromSnapshot.status, 1);
  assert.deepEqual(JSON.parse(fromSnapshot.stdout), JSON.parse(fromBundle.stdout));
  assert.ok(JSON.parse(fromSnapshot.stdout)[0].messages.some((m) => m.ruleId === 'supplier-centred-wording'));
});

test("the installed replylint-lsp answers initialize over stdio and publishes a Japanese reply's findings", async () => {
  const server = spawn(process.execPath, [path.join(project, 'node_modules/.bin/replylint-lsp'), '--stdio'], { cwd: project, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  const messages = [];
  const waiters = [];
  let buffer = Buffer.alloc(0);
  server.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      messages.push(JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
      buffer = buffer.subarray(headerEnd + 4 + length);
      for (const waiter of [...waiters]) waiter();
    }
  });
  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    server.stdin.write(body);
  };
  const waitFor = (predicate, what) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 30_000);
      const check = () => {
        const found = messages.find(predicate);
        if (!found) return;
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(check), 1);
        resolve(found);
      };
      waiters.push(check);
      check();
    });

  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(project).href, capabilities: {} } });
  const initialized = await waitFor((m) => m.id === 1, 'the initialize response');
  assert.equal(initialized.result.serverInfo.name, 'replylint-lsp');
  assert.ok(initialized.result.capabilities.textDocumentSync, 'announces document sync');
  assert.ok(initialized.result.capabilities.codeActionProvider, 'announces quick fixes');

  // Why: initialize alone proves little; a Japanese reply linted inside the install proves the server's whole chain.
  send({ method: 'initialized', params: {} });
  const uri = pathToFileURL(path.join(project, 'draft.txt')).href;
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text: jaReply } } });
  const published = await waitFor(
    (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length > 0,
    'diagnostics for the Japanese reply',
  );
  assert.ok(published.params.diagnostics.some((d) => d.code === 'supplier-centred-wording' && d.source === 'replylint'));

  send({ id: 2, method: 'shutdown' });
  await waitFor((m) => m.id === 2, 'the shutdown response');
  send({ method: 'exit' });
  assert.equal(await exited, 0);
});

test('a TypeScript consumer type-checks against the installed declarations with skipLibCheck off', () => {
  // Why: a public .d.ts that imports a devDependency's types (TS7016) breaks every strict consumer.
  // The consumer's own @types/node (a Node project has it; vscode-languageserver's types need it) is the workspace's.
  fs.mkdirSync(path.join(project, 'node_modules/@types'), { recursive: true });
  fs.symlinkSync(path.join(repo, 'node_modules/@types/node'), path.join(project, 'node_modules/@types/node'), 'dir');
  fs.writeFileSync(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['consumer.ts'] }, null, 2),
  );
  fs.writeFileSync(
    path.join(project, 'consumer.ts'),
    [
      "import { lint, ensureJapaneseTokenizer, replylintParse, replylintJapanese, replylintRules, retextJapanese, loadJapanese, type LintResult } from '@replylint/core';",
      "import { chooseInquiry, loadConfigFor, configToLintOptions } from '@replylint/node';",
      "import { isInquiryFile } from '@replylint/node/paths';",
      "import retextReplylint from '@replylint/core/retext';",
      "import { startServer } from '@replylint/lsp';",
      "import { main } from '@replylint/cli';",
      '',
      'export async function check(text: string, file: string): Promise<LintResult> {',
      '  await ensureJapaneseTokenizer();',
      '  const { config } = await loadConfigFor(file);',
      '  const inquiry = await chooseInquiry({ replyPath: file });',
      "  return lint(text, { ...configToLintOptions(config), ...(inquiry && { inquiry: inquiry.text }) });",
      '}',
      'export const plugins = [replylintParse, replylintJapanese, replylintRules, retextReplylint, retextJapanese] as const;',
      'export const ready: Promise<void> = loadJapanese();',
      'export const entry: [typeof startServer, typeof main, boolean] = [startServer, main, isInquiryFile("a.inquiry.txt")];',
    ].join('\n'),
  );
  const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', project], { cwd: project, encoding: 'utf8' });
  assert.equal(result.stdout + result.stderr, '', 'tsc reports nothing');
  assert.equal(result.status, 0);
});
