/**
 * The `replylint` command (packages/cli/replylint.js) runs the startup snapshot
 * built by scripts/bundle.mjs when this `node` built it, else the bundle. All
 * three ways of running the CLI — snapshot, bundle, the compiled modules of
 * dist/bin — must report exactly the same findings.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bin, cliRoot } from './helpers.js';

const repoRoot = path.resolve(cliRoot, '../..');
const unbundled = fileURLToPath(new URL('../bin/replylint.js', import.meta.url));
const bundle = path.join(cliRoot, 'dist/replylint.cjs');
// Every reply of the repository's fixtures (ja and en, email and chat, Markdown), with their inquiries found as usual.
const replies = ['fixtures/ja/*.txt', 'fixtures/en/*.txt', 'packages/cli/test/fixtures/replies/*.{txt,md}'];

function spawn(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const base = { ...process.env };
  delete base.NODE_OPTIONS;
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', env: { ...base, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

/** Which command the launcher ends in, from `sh -x`'s trace of it. */
function launched(env: NodeJS.ProcessEnv = {}, args = ['--version']): string {
  const trace = spawn('sh', ['-x', bin, ...args], env).stderr;
  const exec = trace.split('\n').filter((line) => line.startsWith('+ exec '));
  assert.equal(exec.length, 1, trace);
  return exec[0]!;
}

/** A directory whose `node` is another binary (a copy of this one): the snapshot cannot be used with it. */
function otherNode(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'replylint-other-node-'));
  const wrapper = path.join(dir, 'node');
  writeFileSync(wrapper, `#!/bin/sh\nexec '${realpathSync(process.execPath)}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return dir;
}

describe('the replylint launcher', () => {
  it('runs the startup snapshot with the node that built it', () => {
    assert.match(launched(), /^\+ exec node --no-regexp-tier-up --snapshot-blob \S+\/dist\/replylint\.blob \S+ --version$/);
  });

  it('runs the bundle for serve and audit, with NODE_OPTIONS, and with another node', () => {
    assert.match(launched({}, ['audit', '--help']), /^\+ exec node \S+\/dist\/replylint\.cjs audit --help$/);
    assert.match(launched({}, ['serve', '--help']), /^\+ exec node \S+\/dist\/replylint\.cjs serve --help$/);
    assert.match(launched({ NODE_OPTIONS: '--max-old-space-size=512' }), /^\+ exec node \S+\/dist\/replylint\.cjs --version$/);
    const dir = otherNode();
    assert.match(launched({ PATH: `${dir}:${process.env.PATH}` }), /^\+ exec node \S+\/dist\/replylint\.cjs --version$/);
  });

  it('finds the package through npm\'s bin symlink', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'replylint-bin-'));
    symlinkSync(bin, path.join(dir, 'replylint'));
    const result = spawn(path.join(dir, 'replylint'), ['--version']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('runs through a bin symlink where readlink -f fails (older macOS): node follows the link', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'replylint-no-readlink-'));
    symlinkSync(bin, path.join(dir, 'replylint'));
    mkdirSync(path.join(dir, 'bin'));
    writeFileSync(path.join(dir, 'bin', 'readlink'), '#!/bin/sh\nexit 1\n');
    chmodSync(path.join(dir, 'bin', 'readlink'), 0o755);
    const result = spawn(path.join(dir, 'replylint'), ['--version'], { PATH: `${path.join(dir, 'bin')}:${process.env.PATH}` });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('reports the same findings from the snapshot, the bundle and the compiled modules, for every fixture reply', () => {
    // Why: the snapshot was warmed up by linting at build time; nothing of that may show in a result.
    const args = [...replies, '--format', 'json'];
    const fromSnapshot = spawn(bin, args);
    const fromBundle = spawn(process.execPath, [bundle, ...args]);
    const fromModules = spawn(process.execPath, [unbundled, ...args]);
    const fromOtherNode = spawn(bin, args, { PATH: `${otherNode()}:${process.env.PATH}` });
    assert.equal(fromModules.stderr, '');
    const expected = JSON.parse(fromModules.stdout) as { file: string; language: string }[];
    assert.ok(expected.length >= 40 && expected.some((r) => r.language === 'ja') && expected.some((r) => r.language === 'en'), `${expected.length} replies`);
    for (const [name, run] of Object.entries({ fromSnapshot, fromBundle, fromOtherNode })) {
      assert.equal(run.stderr, '', name);
      assert.equal(run.status, fromModules.status, name);
      assert.deepEqual(JSON.parse(run.stdout), expected, name);
    }
    // The stylish report too (vfile-reporter with the bundle's emoji test).
    const stylish = [...replies, '--format', 'stylish'];
    assert.equal(spawn(bin, stylish).stdout, spawn(process.execPath, [unbundled, ...stylish]).stdout);
  });
});
