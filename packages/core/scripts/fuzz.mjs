#!/usr/bin/env node
/**
 * Nightly fuzzing: the same property and abuse tests CI runs, with far more
 * cases. Run after `npx tsc -b` (the root `npm run fuzz` builds first):
 *
 *   node packages/core/scripts/fuzz.mjs [--runs N] [--property-seed S] [--edits N] [--seed S]
 *
 * 1. core's property tests (packages/core/test/properties.test.ts) with
 *    REPLYLINT_PROPERTY_RUNS=N (default 200,000; CI uses 10,000) and
 *    REPLYLINT_PROPERTY_SEED: a new random seed each run (CI uses a fixed
 *    one), printed so a failure can be replayed with --property-seed;
 *    fast-check also prints the shrunk failing case.
 * 2. the language server abuse test (packages/lsp/test/abuse.test.ts) with
 *    REPLYLINT_ABUSE_EDITS=N (default 200,000; CI uses 10,000) and a seed
 *    that changes every night (default: today's date, YYYYMMDD), printed so a
 *    failure can be replayed with --seed.
 *
 * Environment variables of the same names override the defaults too. Exits
 * non-zero if either fails.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
const runs = option('--runs', process.env.REPLYLINT_PROPERTY_RUNS ?? '200000');
const edits = option('--edits', process.env.REPLYLINT_ABUSE_EDITS ?? '200000');
const seed = option('--seed', process.env.REPLYLINT_ABUSE_SEED ?? today);
const propertySeed = option('--property-seed', process.env.REPLYLINT_PROPERTY_SEED ?? String(Math.floor(Math.random() * 0x7fffffff)));

const steps = [
  {
    name: `core property tests, ${Number(runs).toLocaleString('en')} runs per property, seed ${propertySeed}`,
    file: 'packages/core/dist/test/properties.test.js',
    env: { REPLYLINT_PROPERTY_RUNS: runs, REPLYLINT_PROPERTY_SEED: propertySeed },
  },
  {
    name: `language server abuse, ${Number(edits).toLocaleString('en')} edits, seed ${seed}`,
    file: 'packages/lsp/dist/test/abuse.test.js',
    env: { REPLYLINT_ABUSE_EDITS: edits, REPLYLINT_ABUSE_SEED: seed },
  },
];

const results = [];
for (const step of steps) {
  process.stdout.write(`\n=== ${step.name}\n`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', step.file], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  results.push({ name: step.name, ok: run.status === 0, seconds: (Date.now() - started) / 1000, status: run.status ?? run.signal });
}

process.stdout.write('\n=== fuzz summary\n');
for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(0)} s${r.ok ? '' : `, exit ${r.status}`})\n`);
if (results.some((r) => !r.ok)) {
  process.stdout.write(`Replay with: node packages/core/scripts/fuzz.mjs --runs ${runs} --property-seed ${propertySeed} --edits ${edits} --seed ${seed}\n`);
  process.exitCode = 1;
}
