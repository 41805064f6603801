#!/usr/bin/env node
/**
 * Benchmark (not a test): didChange → publishDiagnostics latency of the real
 * server over stdio, for a ~2 KB Japanese reply edited 500 times (one
 * character typed per edit, each a new text), and the server's RSS.
 *
 *   npm run build && node packages/lsp/bench/latency.mjs [edits]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pushCapabilities, spawnServer } from '../dist/testkit/client.js';
import { jaReply } from '../dist/testkit/fixtures.js';

const EDITS = Number(process.argv[2] ?? 500);
const WARMUP_EDITS = 20;

/** ~2 KB (UTF-8) Japanese reply: the fixture's greeting and signature around several body paragraphs. */
function reply2k() {
  const paragraphs = [
    'ご注文いただいた商品がお手元に届いていないとのこと、承知いたしました。',
    '配送状況を確認しましたところ、配送業者の倉庫で保管されていることが分かりました。',
    '規定により返金はできかねますが、再配送の手配を本日中に行います。',
    'お届け予定日は明後日の午前中となります。ご都合が悪い場合はお知らせください。',
    'なお、今回の配送料はすべて弊社で負担いたします。',
  ];
  const body = [];
  let text = jaReply;
  for (let i = 0; Buffer.byteLength(text) < 2048; i++) {
    body.push(paragraphs[i % paragraphs.length]);
    text = jaReply.replace('規定により返金はできかねます。', body.join('\n'));
  }
  return text;
}

function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)[1]);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const dir = mkdtempSync(path.join(tmpdir(), 'replylint-bench-'));
const file = path.join(dir, 'reply.txt');
const text = reply2k();
writeFileSync(file, text);
const uri = pathToFileURL(file).href;

const client = spawnServer();
try {
  await client.initialize(pushCapabilities, undefined, pathToFileURL(dir).href);
  client.open(uri, text);
  await client.waitForCurrent(uri, (d) => d.length > 0, 60_000);

  // Type into the first body line: each edit inserts one character, so every text is new.
  const line = text.split('\n').findIndex((l) => l.startsWith('ご注文'));
  const chars = 'あいうえおかきくけこさしすせそ';
  const typeOne = async (i) => {
    const position = { line, character: 10 + (i % 40) };
    const sent = process.hrtime.bigint();
    client.change(uri, [{ range: { start: position, end: position }, text: chars[i % chars.length] }]);
    await client.waitForCurrent(uri, () => true, 10_000);
    return Number(process.hrtime.bigint() - sent) / 1e6;
  };
  for (let i = 0; i < WARMUP_EDITS; i++) await typeOne(i);
  const rssWarm = rssKb(client.child.pid);

  const times = [];
  for (let i = 0; i < EDITS; i++) times.push(await typeOne(i));
  const rssAfter = rssKb(client.child.pid);
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const result = {
    node: process.version,
    replyBytes: Buffer.byteLength(text),
    replyChars: text.length,
    edits: EDITS,
    p50_ms: +percentile(times, 50).toFixed(2),
    p95_ms: +percentile(times, 95).toFixed(2),
    p99_ms: +percentile(times, 99).toFixed(2),
    max_ms: +times.at(-1).toFixed(2),
    mean_ms: +mean.toFixed(2),
    rss_after_warmup_mb: +(rssWarm / 1024).toFixed(1),
    rss_after_edits_mb: +(rssAfter / 1024).toFixed(1),
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await client.shutdown().catch(() => client.dispose());
  rmSync(dir, { recursive: true, force: true });
}
