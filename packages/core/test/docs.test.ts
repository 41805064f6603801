/**
 * The rule pages' example blocks are generated from each rule's meta (the
 * examples test/rules/examples.test.ts runs): a page that drifted from its
 * rule fails here, naming the page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

test("every rule page shows its rule's own tested examples", () => {
  const result = spawnSync(process.execPath, [path.join(root, 'packages/core/scripts/rule-docs.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});
