/**
 * `replylint audit`: one JSON result per input line in input order, malformed
 * lines reported with their line number, a per-rule summary on stderr,
 * worker threads, flat memory and a quiet exit on a closed pipe.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cliRoot, oneLineError, readFixture, run, sh, tempDir } from './helpers.js';

interface AuditResult {
  id: string | number | null;
  language?: string;
  score?: number;
  messages?: { ruleId: string; severity: string; line: number; offset: number }[];
  line?: number;
  error?: string;
}

const parseLines = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditResult);

/** N generated replies from scripts/gen-audit.mjs, written to a temp file. */
function generate(count: number): string {
  const file = path.join(tempDir(), `audit-${count}.jsonl`);
  writeFileSync(file, execFileSync(process.execPath, [path.join(cliRoot, 'scripts/gen-audit.mjs'), String(count)], { maxBuffer: 1 << 30 }));
  return file;
}

/** Peak memory (MB) from the summary line. */
const peakMemory = (stderr: string) => Number(/peak memory (\d+) MB/.exec(stderr)?.[1]);

describe('audit', () => {
  it('writes one result per line in input order and reports malformed lines by number', () => {
    // sample.jsonl: line 3 is broken JSON, line 5 is blank (skipped), line 6 has a number as reply.
    const result = run(['audit', 'audit/sample.jsonl']);
    const lines = parseLines(result.stdout);
    assert.deepEqual(
      lines.map((l) => l.id),
      ['a1', 'a2', null, 'a4', 'a5', 6],
    );
    assert.deepEqual(Object.keys(lines[0]!), ['id', 'language', 'score', 'messages']);
    assert.deepEqual([lines[0]!.language, lines[0]!.score, lines[0]!.messages], ['en', 100, []]);
    assert.equal(lines[3]!.language, 'ja');
    assert.deepEqual([lines[2]!.line, lines[4]!.line], [3, 6]);
    assert.match(lines[4]!.error!, /"reply" must be a string/);
    // The rest still ran; stderr names each bad line; exit 2 says the input had bad lines.
    assert.match(result.stderr, /^replylint: audit\/sample\.jsonl:3: invalid JSON/m);
    assert.match(result.stderr, /^replylint: audit\/sample\.jsonl:6: "reply" must be a string$/m);
    assert.equal(result.code, 2);
  });

  it('prints a per-rule summary, per language, to stderr', () => {
    // seeds.jsonl: 3 English and 3 Japanese replies; the QA lead reads counts and shares.
    const result = run(['audit', 'audit/seeds.jsonl']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^replylint audit: 6 replies \(en 3, ja 3\) in /m);
    assert.match(result.stderr, /^rule\s+all\s+en\s+ja$/m);
    // inquiry-summary: en-policy and both Japanese policy/chat replies restate nothing; en-chat's
    // "I can see the app keeps logging you out every few minutes" restates the inquiry.
    assert.match(result.stderr, /^inquiry-summary\s+3\s+50\.0%\s+1\s+33\.3%\s+2\s+66\.7%$/m);
    assert.equal(parseLines(result.stdout).length, 6);
  });

  it('reads stdin for "-" and applies --rule to every line', () => {
    const result = run(['audit', '-', '--rule', 'inquiry-summary:off'], { input: readFixture('audit/seeds.jsonl') });
    assert.equal(result.code, 0);
    const ruleIds = parseLines(result.stdout).flatMap((l) => l.messages!.map((m) => m.ruleId));
    assert.ok(ruleIds.length > 0);
    assert.ok(!ruleIds.includes('inquiry-summary'));
    assert.doesNotMatch(result.stderr, /^inquiry-summary/m);
  });

  it('gives the same output, in the same order, in-process and on 2 worker threads', () => {
    // Worker threads finish batches out of order; the output must not show it.
    const file = generate(300);
    const inline = run(['audit', file, '--workers', '0']);
    const threads = run(['audit', file, '--workers', '2']);
    assert.equal(threads.code, 0, threads.stderr);
    assert.match(threads.stderr, /2 workers/);
    assert.equal(threads.stdout, inline.stdout);
    assert.deepEqual(
      parseLines(threads.stdout).map((l) => l.id),
      Array.from({ length: 300 }, (_, i) => `gen-${i + 1}`),
    );
  });

  it('runs 10,000 generated replies with flat memory', () => {
    // Streaming with bounded in-flight work: 10x the input must not mean 10x the memory.
    // Both runs use 2 workers, so each holds two tokenizer dictionaries either way.
    const small = run(['audit', generate(1000), '--workers', '2']);
    const large = run(['audit', generate(10000), '--workers', '2']);
    assert.equal(large.code, 0, large.stderr);
    const lines = parseLines(large.stdout);
    assert.equal(lines.length, 10000);
    assert.equal(lines[9999]!.id, 'gen-10000');
    assert.match(large.stderr, /^replylint audit: 10,000 replies/m);
    const [before, after] = [peakMemory(small.stderr), peakMemory(large.stderr)];
    assert.ok(after < before * 1.25 + 50, `peak memory grew from ${before} MB to ${after} MB`);
  });

  it('exits quietly when stdout is closed early (| head -1)', () => {
    // 2,000 results are far more than a pipe buffer; head closes the pipe after one line.
    const file = generate(2000);
    const result = sh(`$REPLYLINT audit "${file}" | head -1`);
    assert.equal(parseLines(result.stdout).length, 1);
    assert.equal(result.stderr, '');
  });

  it('names an unreadable input and exits 2', () => {
    const missing = run(['audit', 'audit/nope.jsonl']);
    assert.equal(missing.code, 2);
    assert.equal(oneLineError(missing.stderr), 'replylint: audit/nope.jsonl: no such file');
    const directory = run(['audit', 'audit']);
    assert.equal(directory.code, 2);
    assert.equal(oneLineError(directory.stderr), 'replylint: audit: is a directory, not a file');
  });

  it('rejects options that only make sense for single replies', () => {
    // --format json is the only audit output; saying otherwise is a usage error.
    const result = run(['audit', 'audit/seeds.jsonl', '--format', 'sarif']);
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /--format is not an audit option/);
    assert.equal(run(['audit', 'a.jsonl', 'b.jsonl']).code, 2);
    assert.equal(run(['audit', 'audit/seeds.jsonl', '--workers', 'all']).code, 2);
  });
});
