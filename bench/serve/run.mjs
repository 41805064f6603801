#!/usr/bin/env node
/**
 * `replylint serve` under load, on 127.0.0.1 only: requests/s and latency (p50, p99) for a
 * ~600-character Japanese reply, in one process and with a worker pool sized
 * to the cores; the server's RSS before and after 100,000 requests; and 1,000 concurrent
 * connections (every answer must be a 200).
 *
 *   npm run bench:serve                     # from the repository root (installs autocannon, builds, runs)
 *   node bench/serve/run.mjs [--seconds S] [--connections C] [--requests N] [--workers N]
 *                            [--modes single,workers] [--no-build]
 *
 * Writes bench/serve/results.json and prints a Markdown table. Not part of `npm test`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { replyOfLength } from '../lib/corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const bin = path.join(root, 'packages', 'cli', 'dist', 'bin', 'replylint.js');

const argv = process.argv.slice(2);
const value = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const opts = {
  seconds: Number(value('--seconds', 20)),
  connections: Number(value('--connections', 16)),
  requests: Number(value('--requests', 100_000)),
  workers: Number(value('--workers', os.availableParallelism())),
  modes: value('--modes', 'single,workers').split(','),
};

if (!argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const sample = replyOfLength('ja', 580, 620);
const body = JSON.stringify({ reply: sample.reply, ...(sample.inquiry ? { inquiry: sample.inquiry } : {}) });

/** Start `replylint serve --port 0 ARGS`; logs are discarded (they are written, as in production). */
async function startServer(args) {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--no-config', ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
  while (!/^listening on (\S+)\n/.test(out)) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const url = /^listening on (\S+)\n/.exec(out)[1];
  if (!new URL(url).hostname.startsWith('127.')) throw new Error(`refusing to load a non-loopback address: ${url}`);
  return {
    url,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      return code;
    },
  };
}

/** RSS of a process and its threads, in MB (Linux /proc). */
function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024);
}

function load(url, options) {
  return autocannon({
    url: `${url}/v1/lint`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    timeout: 30,
    ...options,
  });
}

function summary(result) {
  return {
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function measure(label, args) {
  const server = await startServer(args);
  try {
    // Warm-up: the dictionary loads and the JIT settles.
    await load(server.url, { duration: 5, connections: opts.connections });
    const rssBefore = rssMb(server.pid);
    const timed = summary(await load(server.url, { duration: opts.seconds, connections: opts.connections }));
    console.error(`${label}: ${timed.requestsPerSecond} req/s, p50 ${timed.p50Ms} ms, p99 ${timed.p99Ms} ms`);
    const started = Date.now();
    const soak = summary(await load(server.url, { amount: opts.requests, connections: opts.connections }));
    const rssAfter = rssMb(server.pid);
    console.error(`${label}: ${soak.requests} requests in ${Math.round((Date.now() - started) / 1000)} s, RSS ${rssBefore} → ${rssAfter} MB`);
    const burst = summary(await load(server.url, { duration: 10, connections: 1000 }));
    console.error(`${label}: 1,000 connections: ${burst.requests} requests, ${burst.non2xx} non-2xx, ${burst.errors} errors, ${burst.timeouts} timeouts`);
    const exit = await server.stop();
    return { label, args, timed, soak: { ...soak, rssBeforeMb: rssBefore, rssAfterMb: rssAfter }, burst, exitOnSigterm: exit };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

const load1 = os.loadavg().map((n) => n.toFixed(2));
const runs = [];
if (opts.modes.includes('single')) runs.push(await measure('1 process', []));
if (opts.modes.includes('workers')) runs.push(await measure(`${opts.workers} workers`, ['--workers', String(opts.workers)]));
const results = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  cpus: `${os.availableParallelism()} × ${os.cpus()[0]?.model ?? 'unknown'}`,
  loadBefore: load1,
  loadAfter: os.loadavg().map((n) => n.toFixed(2)),
  reply: { characters: sample.reply.length, inquiryCharacters: sample.inquiry?.length ?? 0 },
  options: opts,
  runs,
};
fs.writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log(`| Server | requests/s | p50 | p99 | RSS before → after ${opts.requests.toLocaleString('en')} requests | 1,000 connections: non-2xx / errors |`);
console.log('| --- | ---: | ---: | ---: | --- | --- |');
for (const r of runs) {
  console.log(`| ${r.label} | ${r.timed.requestsPerSecond} | ${r.timed.p50Ms} ms | ${r.timed.p99Ms} ms | ${r.soak.rssBeforeMb} → ${r.soak.rssAfterMb} MB | ${r.burst.non2xx} / ${r.burst.errors + r.burst.timeouts} |`);
}
