/**
 * Privacy: replylint never touches the network. The command runs with
 * fixtures/no-network-guard.cjs preloaded (NODE_OPTIONS=--require), which
 * replaces every outbound network API (sockets, TLS, UDP, HTTP(S), HTTP/2,
 * DNS, fetch) with a function that records the attempt and throws. Each run
 * must record none, and the guard must have been installed in the main thread
 * and in every audit worker thread. Japanese replies are included, so the
 * dictionary loading runs under the guard too.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixture, readFixture, run, tempDir, type RunOptions, type RunResult } from './helpers.js';

const guard = fixture('no-network-guard.cjs');

interface GuardRecord {
  pid: number;
  thread: number;
  installed?: boolean;
  attempt?: string;
  args?: string;
  stack?: string[];
}

/** Run the CLI under the guard; returns the result and what the guard recorded. */
function guarded(args: string[], options: RunOptions = {}): { result: RunResult; records: GuardRecord[] } {
  const log = path.join(tempDir(), 'network.log');
  const result = run(args, {
    ...options,
    env: { ...options.env, NODE_OPTIONS: `--require ${JSON.stringify(guard)}`, REPLYLINT_NETWORK_LOG: log },
  });
  const records = existsSync(log)
    ? readFileSync(log, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as GuardRecord)
    : [];
  rmSync(path.dirname(log), { recursive: true, force: true });
  return { result, records };
}

function assertNoNetwork(records: GuardRecord[], minThreads = 1): void {
  const attempts = records.filter((r) => r.attempt);
  assert.deepEqual(attempts, [], `network access attempted:\n${attempts.map((a) => `${a.attempt} ${a.args}\n  ${a.stack?.join('\n  ')}`).join('\n')}`);
  const threads = new Set(records.filter((r) => r.installed).map((r) => `${r.pid}:${r.thread}`));
  assert.ok(threads.size >= minThreads, `the guard was installed in ${threads.size} thread(s), expected ${minThreads}`);
}

describe('no network access', () => {
  it('the guard itself catches every kind of outbound connection (so a pass means something)', () => {
    const probe = `
      import net from 'node:net';
      import { connect } from 'node:net';
      const attempts = [
        () => connect(9, '127.0.0.1'),
        () => new net.Socket().connect(9, '127.0.0.1'),
        () => import('node:tls').then((m) => m.connect(9, '127.0.0.1')),
        () => import('node:dgram').then((m) => m.createSocket('udp4')),
        () => import('node:http').then((m) => m.request('http://127.0.0.1:9/')),
        () => import('node:https').then((m) => m.get('https://127.0.0.1:9/')),
        () => import('node:dns').then((m) => m.lookup('example.com', () => {})),
        () => import('node:dns/promises').then((m) => m.resolve('example.com')),
        () => fetch('http://127.0.0.1:9/'),
      ];
      let blocked = 0;
      for (const attempt of attempts) {
        try { await attempt(); } catch (error) { if (/test guard/.test(error.message)) blocked++; }
      }
      console.log(blocked);
    `;
    const log = path.join(tempDir(), 'network.log');
    const result = run(['--version'], { env: {} }); // the binary works without the guard
    assert.equal(result.code, 0);
    const probed = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--require ${JSON.stringify(guard)}`, REPLYLINT_NETWORK_LOG: log },
    });
    assert.equal(probed.stdout.trim(), '9', probed.stderr);
    const attempts = readFileSync(log, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as GuardRecord).filter((r) => r.attempt);
    assert.equal(attempts.length, 9);
  });

  it('linting files (Japanese and English, sibling inquiry, config discovery, every format)', () => {
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const { result, records } = guarded(['replies/ja-policy.txt', 'replies/ja-quoted.txt', 'replies/en-refund.txt', 'replies/macro.md', 'config-yaml/nested/reply.txt', '--format', format]);
      assert.equal(result.code, 1, result.stderr);
      assertNoNetwork(records);
    }
  });

  it('linting stdin (Japanese)', () => {
    const { result, records } = guarded(['--stdin-filename', 'replies/draft.txt', '--format', 'json'], { input: readFixture('replies', 'ja-policy.txt') });
    assert.equal(result.code, 1, result.stderr);
    assert.equal(JSON.parse(result.stdout)[0].language, 'ja');
    assertNoNetwork(records);
  });

  it('audit on worker threads (each loads its own Japanese dictionary)', () => {
    const { result, records } = guarded(['audit', 'audit/seeds.jsonl', '--workers', '2']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /\(en 3, ja 3\).*2 workers/);
    // The main thread and both workers ran with the guard.
    assertNoNetwork(records, 3);
  });

  it('audit in-process, from stdin', () => {
    const { result, records } = guarded(['audit', '-'], { input: readFixture('audit', 'seeds.jsonl') });
    assert.equal(result.code, 0, result.stderr);
    assertNoNetwork(records);
  });
});
