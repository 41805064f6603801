/**
 * Endless or huge input is refused before it is read whole: the CLI never
 * grows without bound on `/dev/zero` or `yes |`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oneLineError, run, sh } from './helpers.js';

test('a device that never ends (/dev/zero) is refused with exit 2 and one line naming it', () => {
  // Why: `replylint /dev/zero` used to read until memory ran out.
  const result = run(['/dev/zero']);
  assert.equal(result.code, 2);
  assert.match(oneLineError(result.stderr), /^replylint: \/dev\/zero: larger than 8 MiB/);
  assert.equal(result.stdout, '');
});

test('an endless stdin (`yes |`) is refused with exit 2 and one line naming <stdin>', () => {
  // Why: a pre-send hook wired to the wrong stream must fail fast, not hang or eat memory.
  const result = sh('yes | $REPLYLINT');
  assert.equal(result.code, 2);
  assert.match(oneLineError(result.stderr), /^replylint: <stdin>: larger than 8 MiB/);
});
