/**
 * `replylint serve` security defaults: a token guards /v1 when one is set, and a server
 * reachable from other machines is refused without a token (or an explicit
 * --insecure-no-auth). No test here sends traffic anywhere but 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture, oneLineError, readFixture, run, tempDir } from './helpers.js';
import { postLint, startServer, type RunningServer } from './serve-helpers.js';

const token = 'a3f1c9e07b2d4e6f8a1b3c5d7e9f0a2b';

describe('replylint serve --token', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer(['--token', token]);
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  it('answers 401 without a token, with a WWW-Authenticate challenge', async () => {
    // Without the header nothing is linted and the caller is told what to send.
    const answer = await postLint(server.url, { reply: 'Hi' });
    assert.equal(answer.status, 401);
    assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.match(answer.body.error, /^authorization: expected "Authorization: Bearer TOKEN"/);
  });

  it('answers 401 for a wrong token, one differing only in its last character, and a prefix', async () => {
    // The comparison is of the whole token, not a prefix of it.
    for (const wrong of ['nope-nope-nope-nope', `${token.slice(0, -1)}c`, token.slice(0, 16), `${token}0`]) {
      const answer = await postLint(server.url, { reply: 'Hi' }, { authorization: `Bearer ${wrong}` });
      assert.equal(answer.status, 401, wrong);
      assert.equal(answer.body.error, 'authorization: wrong token');
    }
    // Another scheme carrying the right token is not a bearer token.
    assert.equal((await postLint(server.url, { reply: 'Hi' }, { authorization: `Basic ${token}` })).status, 401);
  });

  it('answers 200 with the right token', async () => {
    // And the scheme name is case-insensitive, as RFC 7235 says.
    assert.equal((await postLint(server.url, { reply: 'Hi' }, { authorization: `Bearer ${token}` })).status, 200);
    assert.equal((await postLint(server.url, { reply: 'Hi' }, { authorization: `bearer ${token}` })).status, 200);
  });

  it('checks the token before the body: a bad body without a token is still a 401', async () => {
    // An unauthenticated caller learns nothing about what the API accepts.
    assert.equal((await postLint(server.url, '{oops')).status, 401);
  });

  it('keeps /healthz and the playground page open (the page asks for the token itself)', async () => {
    // Probes carry no token; the page holds no data until it calls /v1 with the token typed into it.
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${server.url}/`)).status, 200);
  });

  it('takes the token from REPLYLINT_TOKEN, so it need not show in the process list', async () => {
    // `ps` shows command lines to every user of the machine; the environment is private.
    const fromEnv = await startServer([], { env: { REPLYLINT_TOKEN: token } });
    try {
      assert.equal((await postLint(fromEnv.url, { reply: 'Hi' })).status, 401);
      assert.equal((await postLint(fromEnv.url, { reply: 'Hi' }, { authorization: `Bearer ${token}` })).status, 200);
    } finally {
      await fromEnv.stop();
    }
  });
});

describe('replylint serve: which addresses need a token', () => {
  it('refuses a non-loopback --host without a token: exit 2, one line, nothing on stdout', () => {
    // Binding 0.0.0.0 by mistake must not expose customers' data to the network.
    for (const host of ['0.0.0.0', '::', '192.0.2.10', 'replylint.example']) {
      const result = run(['serve', '--host', host, '--port', '0'], { env: { REPLYLINT_TOKEN: '' } });
      assert.equal(result.code, 2, host);
      assert.match(oneLineError(result.stderr), new RegExp(`--host ${host.replace(/\./g, '\\.')} is reachable from other machines: pass --token TOKEN`));
      assert.equal(result.stdout, '');
    }
  });

  it('lets a non-loopback --host through with --token or --insecure-no-auth (then fails only to bind a foreign address)', () => {
    // 192.0.2.10 (TEST-NET-1) is not this machine's address: the server gets past the token rule
    // and stops at listen, without sending or accepting any traffic.
    for (const auth of [['--token', token], ['--insecure-no-auth']]) {
      const result = run(['serve', '--host', '192.0.2.10', '--port', '0', ...auth], { env: { REPLYLINT_TOKEN: '' } });
      assert.equal(result.code, 2);
      assert.equal(oneLineError(result.stderr), 'replylint: --host 192.0.2.10: not an address of this machine');
    }
  });

  it('treats 127.0.0.0/8 and ::1 as loopback: no token needed', async () => {
    // The default and its equivalents stay easy to run locally.
    const server = await startServer(['--host', '127.0.0.1']);
    try {
      assert.equal((await postLint(server.url, { reply: 'Hi' })).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('refuses a short token, and --token together with --insecure-no-auth', () => {
    // A guessable token protects nothing; two contradicting flags are a mistake to point out.
    const short = run(['serve', '--port', '0', '--token', 'secret'], { env: { REPLYLINT_TOKEN: '' } });
    assert.equal(short.code, 2);
    assert.match(oneLineError(short.stderr), /^replylint: --token: at least 16 characters/);
    const both = run(['serve', '--port', '0', '--token', token, '--insecure-no-auth'], { env: { REPLYLINT_TOKEN: '' } });
    assert.equal(both.code, 2);
    assert.match(oneLineError(both.stderr), /--token and --insecure-no-auth exclude each other/);
  });

  it('names a bad --port, an unknown option and a port in use', async () => {
    // Start-up mistakes are one line and exit 2, like every other CLI usage error.
    assert.match(oneLineError(run(['serve', '--port', '70000']).stderr), /--port 70000: expected a whole number from 0 to 65535/);
    assert.match(oneLineError(run(['serve', '--prot', '1']).stderr), /serve: Unknown option '--prot'/);
    const server = await startServer();
    try {
      const port = new URL(server.url).port;
      const taken = run(['serve', '--port', port]);
      assert.equal(taken.code, 2);
      assert.equal(oneLineError(taken.stderr), `replylint: --port ${port}: already in use on 127.0.0.1 (--port 0 picks a free port)`);
    } finally {
      await server.stop();
    }
  });
});

describe('replylint serve: no outbound network access', () => {
  it('accepts connections but opens none, resolves no name, on the main thread and on worker threads', async () => {
    // The server only answers: it never calls out with a customer's reply (the no-network guard of
    // no-network.test.ts records and refuses every outbound API; listening is not one of them, and
    // node's lookup of the numeric --host is answered from the string, see literal-address-lookup.cjs).
    const log = path.join(tempDir(), 'network.log');
    const server = await startServer(['--workers', '2'], {
      env: {
        NODE_OPTIONS: `--require ${JSON.stringify(fixture('no-network-guard.cjs'))} --require ${JSON.stringify(fixture('literal-address-lookup.cjs'))}`,
        REPLYLINT_NETWORK_LOG: log,
      },
    });
    try {
      for (const reply of [readFixture('replies/ja-policy.txt'), readFixture('replies/en-policy.txt')]) {
        assert.equal((await postLint(server.url, { reply })).status, 200);
      }
      assert.equal((await fetch(`${server.url}/`)).status, 200);
    } finally {
      assert.equal(await server.stop(), 0);
    }
    const records = existsSync(log) ? readFileSync(log, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { installed?: boolean; attempt?: string; thread: number }) : [];
    rmSync(path.dirname(log), { recursive: true, force: true });
    assert.deepEqual(records.filter((r) => r.attempt), []);
    // The guard ran in the main thread and both workers, so the empty list above means something.
    assert.ok(new Set(records.filter((r) => r.installed).map((r) => r.thread)).size >= 3, JSON.stringify(records));
  });
});
