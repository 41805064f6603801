/**
 * The README's `replylint serve` example is true: its curl command, run as written (the test
 * swaps in the real server's port) by the real curl, prints an answer that contains the abridged
 * answer the README shows.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cliRoot } from './helpers.js';
import { startServer } from './serve-helpers.js';

const readme = readFileSync(path.join(cliRoot, '..', '..', 'README.md'), 'utf8');

/** The shell block holding the curl example, and the JSON block right after it. */
function example(): { command: string; shown: unknown } {
  const match = /```sh\n(curl -s http:\/\/127\.0\.0\.1:8080\/v1\/lint[^`]*)```\s*```json\n([^`]*)```/.exec(readme);
  assert.ok(match, 'README has no curl example followed by its answer');
  return { command: match[1]!, shown: JSON.parse(match[2]!) };
}

/** Every key the README shows has that value in the answer; a shown list item matches some item. */
function assertContains(actual: unknown, shown: unknown, at = 'answer'): void {
  if (Array.isArray(shown)) {
    assert.ok(Array.isArray(actual), `${at}: expected a list`);
    for (const item of shown) {
      const found = actual.some((candidate) => {
        try {
          assertContains(candidate, item, at);
          return true;
        } catch {
          return false;
        }
      });
      assert.ok(found, `${at}: no item matches ${JSON.stringify(item)}`);
    }
  } else if (typeof shown === 'object' && shown !== null) {
    assert.ok(typeof actual === 'object' && actual !== null, `${at}: expected an object`);
    for (const [key, value] of Object.entries(shown)) assertContains((actual as Record<string, unknown>)[key], value, `${at}.${key}`);
  } else {
    assert.equal(actual, shown, at);
  }
}

describe('README: replylint serve', () => {
  it('the curl example prints the answer the README shows', async () => {
    // A reader's first try must work and look like the docs.
    const { command, shown } = example();
    const server = await startServer(['--no-config']);
    try {
      const result = spawnSync('bash', ['-c', command.replace('http://127.0.0.1:8080', server.url)], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assertContains(JSON.parse(result.stdout), shown);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });

  it('documents every status code the error handler can give', () => {
    // The error table is the contract hook authors code against.
    const source = readFileSync(path.join(cliRoot, 'src', 'serve', 'errors.ts'), 'utf8');
    const codes = new Set([...source.matchAll(/status: (\d{3})/g)].map((m) => m[1]!));
    for (const code of codes) assert.match(readme, new RegExp(`\\| \`${code}\` \\|`), `README lacks status ${code}`);
  });
});
