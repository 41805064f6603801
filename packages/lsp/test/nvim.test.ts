/**
 * Neovim as a real LSP client: runs test/nvim/test.lua in a headless Neovim
 * (Debian's neovim 0.7.2 in CI) against the compiled server.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serverBin } from '../testkit/client.js';
import { jaReply } from '../testkit/fixtures.js';

/** The Lua script stays in the source tree (dist/test → ../../test/nvim). */
const scriptDir = fileURLToPath(new URL('../../test/nvim/', import.meta.url));

function hasNvim(): boolean {
  return spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
}

test('Neovim opens a Japanese reply, shows both findings, applies the quick fix', { timeout: 90_000 }, async (t) => {
  if (!hasNvim()) {
    t.skip('nvim is not on PATH (CI installs it: apt-get install -y --no-install-recommends neovim)');
    return;
  }
  // Why: the same core scenario as the JSON-RPC suite, through an editor whose client we did not write.
  const dir = mkdtempSync(path.join(tmpdir(), 'replylint-nvim-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const reply = path.join(dir, 'reply.txt');
  writeFileSync(reply, jaReply);

  const child = spawn('nvim', ['--headless', '--clean', '-u', 'NONE', '-n', '-c', 'luafile test.lua'], {
    cwd: scriptDir,
    env: { ...process.env, REPLYLINT_LSP_BIN: serverBin, REPLYLINT_NODE: process.execPath, REPLYLINT_REPLY: reply },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 80_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(killer);

  t.diagnostic(output.trim());
  assert.doesNotMatch(output, /FAIL:/);
  assert.match(output, /ok - both findings shown/);
  assert.match(output, /ok - supplier-centred-wording gone after the fix/);
  assert.match(output, /DONE/);
  assert.equal(code, 0, output);
});
