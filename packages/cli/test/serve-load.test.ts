/**
 * `replylint serve` under load and abuse, on loopback only: a burst of concurrent requests,
 * many idle connections, a client that never finishes its headers, SIGTERM with a request in
 * flight, and the worker pool. Every loop is bounded; the server is a real child process.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { describe, it } from 'node:test';
import { readFixture } from './helpers.js';
import { postLint, startServer } from './serve-helpers.js';

const jaReply = readFixture('replies/ja-policy.txt');
const enReply = readFixture('replies/en-policy.txt');

/** Send `count` requests at once, each on its own connection; returns the statuses and bodies. */
async function burst(url: string, count: number): Promise<{ status: number; body: string; lang: string }[]> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  try {
    return await Promise.all(
      Array.from({ length: count }, (_, i) => {
        const lang = i % 2 ? 'en' : 'ja';
        const payload = JSON.stringify({ reply: lang === 'ja' ? jaReply : enReply });
        return new Promise<{ status: number; body: string; lang: string }>((resolve, reject) => {
          const request = http.request(`${url}/v1/lint`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
            let body = '';
            response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
            response.on('end', () => resolve({ status: response.statusCode!, body, lang }));
          });
          request.on('error', reject);
          request.end(payload);
        });
      }),
    );
  } finally {
    agent.destroy();
  }
}

describe('replylint serve under load', () => {
  it('answers a burst of 400 concurrent requests, all 200 and all equal to a single request’s answer', async () => {
    // A helpdesk's whole team pressing send at once must not see errors or mixed-up answers.
    const server = await startServer();
    try {
      const [ja, en] = [(await postLint(server.url, { reply: jaReply })).body, (await postLint(server.url, { reply: enReply })).body];
      const answers = await burst(server.url, 400);
      assert.deepEqual(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.body}`), []);
      for (const a of answers) assert.deepEqual(JSON.parse(a.body), a.lang === 'ja' ? ja : en);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });

  it('keeps answering with 1,000 idle connections open', async () => {
    // Connections that send nothing must not starve the ones that do.
    const server = await startServer();
    const { port } = new URL(server.url);
    const idle: net.Socket[] = [];
    try {
      for (let i = 0; i < 1000; i++) {
        const socket = net.connect(Number(port), '127.0.0.1');
        socket.on('error', () => {});
        idle.push(socket);
      }
      await Promise.all(idle.map((s) => (s.readyState === 'open' ? undefined : once(s, 'connect'))));
      const answer = await postLint(server.url, { reply: jaReply });
      assert.equal(answer.status, 200);
    } finally {
      for (const socket of idle) socket.destroy();
      assert.equal(await server.stop(), 0);
    }
  });

  it('cuts off a client that never finishes its headers (408), and keeps serving others', async () => {
    // A slow-loris client holding connections open forever would exhaust the server.
    const server = await startServer();
    try {
      const { port } = new URL(server.url);
      const socket = net.connect(Number(port), '127.0.0.1');
      let received = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
      await once(socket, 'connect');
      socket.write('POST /v1/lint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n');
      const started = Date.now();
      assert.equal((await postLint(server.url, { reply: enReply })).status, 200);
      await once(socket, 'close');
      const seconds = (Date.now() - started) / 1000;
      assert.match(received, /^HTTP\/1\.1 408 /);
      // The headers limit is 10 s, checked every second.
      assert.ok(seconds >= 9 && seconds < 20, `closed after ${seconds} s`);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });
});

describe('replylint serve: SIGTERM', () => {
  it('stops accepting, finishes the request in flight, and exits 0', async () => {
    // A deploy restarts the server; a draft being checked at that moment must still get its answer.
    const server = await startServer();
    const { port } = new URL(server.url);
    const payload = Buffer.from(JSON.stringify({ reply: jaReply }));
    // Send the headers and half the body, so the request is in flight when the signal comes.
    const request = http.request(`${server.url}/v1/lint`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': payload.length },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      });
      request.on('error', reject);
    });
    request.write(payload.subarray(0, payload.length >> 1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exit = server.stop('SIGTERM');
    while (!server.stderr().includes('stopping: finishing requests in flight')) await new Promise((resolve) => setTimeout(resolve, 20));
    // New connections are refused now…
    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1');
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    assert.equal(refused, 'ECONNREFUSED');
    // …and the request in flight is finished.
    request.end(payload.subarray(payload.length >> 1));
    const { status, body } = await answer;
    assert.equal(status, 200);
    assert.equal(JSON.parse(body).language, 'ja');
    assert.equal(await exit, 0);
  });

  it('exits 0 on SIGINT (Ctrl-C) too', async () => {
    // Run by hand in a terminal, Ctrl-C is the way to stop it.
    const server = await startServer();
    assert.equal(await server.stop('SIGINT'), 0);
  });
});

describe('replylint serve --workers', () => {
  it('gives the same answers on 2 worker threads, under a burst of 200', async () => {
    // The pool only moves the work; what a reply gets must not change.
    const server = await startServer(['--workers', '2']);
    try {
      const single = await startServer();
      let expected;
      try {
        expected = { ja: (await postLint(single.url, { reply: jaReply })).body, en: (await postLint(single.url, { reply: enReply })).body };
      } finally {
        await single.stop();
      }
      const answers = await burst(server.url, 200);
      assert.deepEqual(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.body}`), []);
      for (const a of answers) assert.deepEqual(JSON.parse(a.body), a.lang === 'ja' ? expected.ja : expected.en);
      // Client errors are answered on the worker too, with the same message.
      const bad = await postLint(server.url, { reply: 'Hi', lang: 'fr' });
      assert.deepEqual([bad.status, bad.body.error], [400, 'lang: expected one of "ja", "en", "auto", got "fr"']);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });
});
