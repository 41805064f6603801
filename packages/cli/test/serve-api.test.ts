/**
 * `replylint serve`, the API contract: the real server as a child process on a free port,
 * answers compared with what the CLI prints for the same reply.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixture, json, oneLineError, readFixture, run } from './helpers.js';
import { postLint, startServer, type RunningServer } from './serve-helpers.js';

const jaReply = readFixture('replies/ja-policy.txt');
const enReply = readFixture('replies/en-policy.txt');
const enInquiry = readFixture('replies/en-refund.inquiry.txt');

/** The CLI's --format json entry for a reply on stdin, without its file name. */
function cliJson(reply: string, args: string[] = []): any {
  const result = run(['--format', 'json', ...args], { input: reply });
  assert.ok(result.code === 0 || result.code === 1, result.stderr);
  const { file: _file, ...entry } = json(result)[0]!;
  return entry;
}

describe('replylint serve: POST /v1/lint', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  it('prints "listening on http://127.0.0.1:PORT" first, on loopback by default', () => {
    // Scripts and tests read the port from this line; the default must not be reachable from other machines.
    assert.match(server.stdout(), /^listening on http:\/\/127\.0\.0\.1:\d+\n/);
  });

  it('answers a Japanese reply with the same object as replylint --format json', async () => {
    // The contract: a hook written against the CLI's JSON reads the server's answer unchanged.
    const answer = await postLint(server.url, { reply: jaReply });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(answer.body, cliJson(jaReply));
    assert.ok(answer.body.messages.some((m: { ruleId: string }) => m.ruleId === 'supplier-centred-wording'));
  });

  it('maps every request option to the CLI option of the same meaning', async () => {
    // inquiry, lang, channel, preset, rules and messageLanguage must each reach lint() as the CLI's flags do.
    const answer = await postLint(server.url, {
      reply: enReply,
      inquiry: enInquiry,
      lang: 'en',
      channel: 'chat',
      preset: 'strict',
      rules: { 'missing-closing': 'off', 'supplier-centred-wording': 'warn' },
      messageLanguage: 'ja',
    });
    assert.equal(answer.status, 200);
    const expected = cliJson(enReply, [
      '--inquiry', fixture('replies/en-refund.inquiry.txt'), '--lang', 'en', '--channel', 'chat', '--preset', 'strict',
      '--rule', 'missing-closing:off', '--rule', 'supplier-centred-wording:warn', '--message-language', 'ja',
    ]);
    assert.deepEqual(answer.body, expected);
    assert.equal(answer.body.inquirySource, 'option');
    assert.ok(answer.body.messages.some((m: { severity: string; ruleId: string }) => m.ruleId === 'supplier-centred-wording' && m.severity === 'warn'));
  });

  it('gives offsets into the reply that was sent, and suggestions that apply there', async () => {
    // The playground and hooks apply suggestions by offset: they must point at the flagged words.
    const { body } = await postLint(server.url, { reply: jaReply });
    const m = body.messages.find((x: { ruleId: string }) => x.ruleId === 'supplier-centred-wording');
    assert.equal(jaReply.slice(m.offset, m.endOffset), '当社の規定により');
    const s = m.suggestions[0];
    const fixed = jaReply.slice(0, s.start) + s.text + jaReply.slice(s.end);
    const again = await postLint(server.url, { reply: fixed });
    assert.ok(!again.body.messages.some((x: { ruleId: string }) => x.ruleId === 'supplier-centred-wording'));
  });

  it('answers GET /healthz with 200', async () => {
    // Load balancers and process managers probe this.
    const response = await fetch(`${server.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });
});

describe('replylint serve: client errors', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer(['--body-limit', '4096']);
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  const cases: [string, unknown, number, RegExp][] = [
    // [why, body, status, error]
    ['malformed JSON is a 400 naming the body', '{"reply": "こんにちは', 400, /^body: invalid JSON$/],
    ['an empty body is a 400, not a crash', '', 400, /^body: empty/],
    ['a JSON array is not a request', [], 400, /^body: expected a JSON object/],
    ['a missing reply is named', { inquiry: 'x' }, 400, /^reply: required$/],
    ['a reply that is not a string is named, never coerced', { reply: 42 }, 400, /^reply: expected a string$/],
    ['a wrong type in an option is named', { reply: 'Hi', rules: 'strict' }, 400, /^rules: expected an object$/],
    ['an unknown field is named (a typo must not be ignored)', { reply: 'Hi', inquery: 'x' }, 400, /^inquery: unknown field \(known: reply, inquiry/],
    ['a bad language is named with core’s message', { reply: 'Hi', lang: 'fr' }, 400, /^lang: expected one of "ja", "en", "auto", got "fr"$/],
    ['a bad channel is named', { reply: 'Hi', channel: 'phone' }, 400, /^channel: expected one of "email", "chat"/],
    ['a bad preset is named', { reply: 'Hi', preset: 'lenient' }, 400, /^preset: expected one of/],
    ['an unknown rule is named', { reply: 'Hi', rules: { 'no-such-rule': 'off' } }, 400, /^rules\.no-such-rule: unknown rule/],
    ['a bad severity is named', { reply: 'Hi', rules: { 'missing-closing': 'loud' } }, 400, /^rules\.missing-closing: expected one of "off", "warn", "error"/],
    ['a blank draft is never ready to send', { reply: ' \n\t ' }, 400, /^reply: the reply is empty/],
    ['a body over --body-limit is a 413', { reply: 'あ'.repeat(5000) }, 413, /^body: over the limit of 4096 bytes/],
  ];
  for (const [why, body, status, error] of cases) {
    it(why, async () => {
      const answer = await postLint(server.url, body);
      assert.equal(answer.status, status, JSON.stringify(answer.body));
      assert.match(answer.body.error, error);
    });
  }

  it('answers 415 for a body that is not JSON', async () => {
    // A form post or plain text must not be parsed as something else.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await fetch(`${server.url}/v1/lint`, { method: 'POST', headers: { 'content-type': type }, body: 'reply=hello' });
      assert.equal(response.status, 415);
      assert.match(((await response.json()) as { error: string }).error, new RegExp(`^content-type: expected application/json, got ${type}`));
    }
  });

  it('answers 404 {error} for an unknown route', async () => {
    // Every answer is JSON with an error line, including mistakes in the path.
    const response = await fetch(`${server.url}/v1/lints`, { method: 'POST' });
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), { error: 'no such route: POST /v1/lints' });
  });

  it('never writes a request body to its log, even for requests it refuses', async () => {
    // Replies and inquiries hold customers' personal data; logs are kept and shipped elsewhere.
    const secret = 'ヤマダタロウ090-1234-5678';
    await postLint(server.url, { reply: `山田様、${secret}の件です。`, inquiry: secret });
    await postLint(server.url, `{"reply": "${secret}`);
    await postLint(server.url, { reply: secret, lang: secret });
    await postLint(server.url, { reply: 1, [secret]: secret });
    const response = await fetch(`${server.url}/v1/lint?${secret}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: secret });
    assert.equal(response.status, 415);
    // The log did get lines for these requests, so the check below is not vacuous.
    assert.ok((server.stderr().match(/"path":"\/v1\/lint"/g) ?? []).length >= 5, server.stderr());
    assert.ok(!server.stderr().includes(secret) && !server.stderr().includes(encodeURIComponent(secret)), 'the log holds the secret');
  });
});

describe('replylint serve: config', () => {
  it('uses the config found upward from where it starts, and the request overrides it', async () => {
    // A team's config applies to its hooks; a request can still ask for more.
    const server = await startServer([], { cwd: fixture('config-yaml', 'nested') });
    try {
      const reply = readFixture('config-yaml', 'nested', 'reply.txt');
      const fromConfig = await postLint(server.url, { reply });
      assert.deepEqual(fromConfig.body, cliJson(reply, ['--stdin-filename', fixture('config-yaml', 'nested', 'reply.txt')]));
      const rule = (body: { messages: { ruleId: string; severity: string }[] }, id: string) => body.messages.find((m) => m.ruleId === id);
      assert.equal(rule(fromConfig.body, 'supplier-centred-wording')?.severity, 'warn');
      assert.equal(rule(fromConfig.body, 'inquiry-summary'), undefined);
      const overridden = await postLint(server.url, { reply, rules: { 'supplier-centred-wording': 'error' } });
      assert.equal(rule(overridden.body, 'supplier-centred-wording')?.severity, 'error');
      // rules are merged, not replaced: the config's inquiry-summary: off still holds.
      assert.equal(rule(overridden.body, 'inquiry-summary'), undefined);
    } finally {
      await server.stop();
    }
  });

  it('uses --config FILE', async () => {
    // The package.json form, as the CLI reads it.
    const server = await startServer(['--config', fixture('config-package', 'package.json')]);
    try {
      const { body } = await postLint(server.url, { reply: enReply });
      assert.ok(!body.messages.some((m: { ruleId: string }) => m.ruleId === 'empathy-acknowledgement' || m.ruleId === 'inquiry-summary'));
      assert.ok(body.messages.some((m: { ruleId: string }) => m.ruleId === 'supplier-centred-wording'));
    } finally {
      await server.stop();
    }
  });

  it('refuses to start on a bad config with one line naming the file and key, exit 2', () => {
    // A server that silently ignored the team's config would pass replies the team wants stopped.
    const result = run(['serve', '--port', '0', '--config', fixture('config-bad-rule', '.replylintrc.json')]);
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /config-bad-rule\/\.replylintrc\.json: rules\.no-such-rule: unknown rule/);
    assert.equal(result.stdout, '');
  });
});
