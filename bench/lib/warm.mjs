/**
 * Warm throughput, in a process of its own:
 *   node warm.mjs SUBJECT CORPUS.jsonl PASSES
 * SUBJECT: replylint | kuromoji | textlint | alex | replylint-one (CORPUS is then one reply's .txt)
 * Loads the subject, makes one untimed pass (dictionary load, JIT), then times
 * PASSES passes over the corpus and prints one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benchDir = path.resolve(here, '..');
const root = path.resolve(benchDir, '..');
const [subject, corpusFile, passesArg] = process.argv.slice(2);
const passes = Number(passesArg ?? 5);

const records =
  subject === 'replylint-one'
    ? [{ reply: fs.readFileSync(corpusFile, 'utf8'), inquiry: null, channel: 'email' }]
    : fs.readFileSync(corpusFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const chars = records.reduce((n, r) => n + r.reply.length, 0);

let dictionaryMs;

/** One function that handles one record (awaitable). */
async function load() {
  switch (subject) {
    case 'replylint':
    case 'replylint-one': {
      const core = await import(pathToFileURL(path.join(root, 'packages/core/dist/src/index.js')).href);
      if (records.some((r) => r.lang === 'ja') || subject === 'replylint-one') {
        // Timed on its own (lint() would load it at the first Japanese reply anyway).
        const started = performance.now();
        await core.ensureJapaneseTokenizer();
        dictionaryMs = performance.now() - started;
      }
      return (r) => core.lint(r.reply, { ...(r.inquiry ? { inquiry: r.inquiry } : {}), ...(r.channel ? { channel: r.channel } : {}) });
    }
    case 'kuromoji': {
      // Stock kuromoji, as installed for replylint (same version), loaded the stock way.
      const require = createRequire(path.join(root, 'packages/core/package.json'));
      const kuromoji = require('kuromoji');
      const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
      const started = performance.now();
      const tokenizer = await new Promise((resolve, reject) =>
        kuromoji.builder({ dicPath }).build((error, t) => (error ? reject(error) : resolve(t))),
      );
      dictionaryMs = performance.now() - started;
      return (r) => tokenizer.tokenize(r.reply);
    }
    case 'textlint': {
      const { createLinter, loadTextlintrc } = await import('textlint');
      const descriptor = await loadTextlintrc({
        configFilePath: path.join(benchDir, 'peers/textlintrc.json'),
        node_modulesDir: path.join(benchDir, 'node_modules'),
      });
      const linter = createLinter({ descriptor });
      const file = path.join(benchDir, '.work', 'reply.txt');
      return (r) => linter.lintText(r.reply, file);
    }
    case 'alex': {
      const { text } = await import('alex');
      return (r) => text(r.reply);
    }
    default:
      throw new Error(`unknown subject ${subject}`);
  }
}

const loadStarted = performance.now();
const run = await load();
const loadMs = performance.now() - loadStarted;

// One untimed pass: the first call loads lazy resources (kuromoji dictionaries) and warms the JIT.
const firstStarted = performance.now();
for (const r of records) await run(r);
const firstPassMs = performance.now() - firstStarted;

const passMs = [];
const passCpuMs = [];
const perCallMs = [];
const oneShot = subject === 'replylint-one';
for (let p = 0; p < passes; p++) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  if (oneShot) {
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await run(records[0]);
      perCallMs.push(performance.now() - t);
    }
  } else {
    for (const r of records) await run(r);
  }
  passMs.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  passCpuMs.push((used.user + used.system) / 1000);
}

const mem = process.memoryUsage();
console.log(
  JSON.stringify({
    subject,
    replies: records.length,
    chars,
    loadMs,
    dictionaryMs,
    firstPassMs,
    passMs,
    passCpuMs,
    perCallMs: oneShot ? perCallMs : undefined,
    rssMB: mem.rss / 1048576,
    heapUsedMB: mem.heapUsed / 1048576,
  }),
);
