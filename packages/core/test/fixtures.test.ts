/**
 * Fixture-driven: every sample reply in fixtures/<lang>/ is linted with its
 * inquiry (sibling NAME.inquiry.txt, else the quoted original) and must get
 * exactly the expected findings of the rules its NAME.expected.json lists.
 * Each fixture's `why` says what it shows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures');

interface Expected {
  why: string;
  channel?: 'email' | 'chat';
  expect: Record<string, boolean | string[]>;
  /**
   * Rules whose expectation the detectors are known to miss, with the reason:
   * run as `todo` (reported, not failing), so a fix shows up as a passing todo.
   */
  knownMiss?: Record<string, string>;
}

const replies: string[] = [];
for (const lang of ['ja', 'en']) {
  const dir = path.join(root, lang);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.txt') && !name.endsWith('.inquiry.txt')) replies.push(path.join(dir, name));
  }
}

test('there are at least 20 Japanese and 12 English fixtures', () => {
  assert.ok(replies.filter((f) => f.includes(`${path.sep}ja${path.sep}`)).length >= 20);
  assert.ok(replies.filter((f) => f.includes(`${path.sep}en${path.sep}`)).length >= 12);
});

for (const file of replies) {
  const base = file.slice(0, -'.txt'.length);
  const expectedFile = `${base}.expected.json`;
  if (!existsSync(expectedFile)) continue;
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected;
  const name = path.relative(root, file);
  test(`${name}: ${expected.why}`, async (t) => {
    const text = readFileSync(file, 'utf8');
    const inquiryFile = `${base}.inquiry.txt`;
    const inquiry = existsSync(inquiryFile) ? readFileSync(inquiryFile, 'utf8') : undefined;
    const rules = Object.fromEntries(Object.keys(expected.expect).map((id) => [id, 'warn' as const]));
    const result = await lint(text, { inquiry, channel: expected.channel, rules });
    for (const [rule, want] of Object.entries(expected.expect)) {
      const got = result.messages.filter((m) => m.ruleId === rule);
      const miss = expected.knownMiss?.[rule];
      if (miss) {
        await t.test(`${rule} (known miss: ${miss})`, { todo: miss }, () => {
          assert.equal(got.length > 0, Array.isArray(want) ? want.length > 0 : want);
        });
        continue;
      }
      if (Array.isArray(want)) {
        assert.deepEqual(got.map((m) => String(m.actual)), want, `${rule} flagged phrases`);
      } else {
        assert.equal(got.length > 0, want, `${rule} should ${want ? '' : 'not '}report; got ${JSON.stringify(got.map((m) => m.actual))}`);
      }
    }
  });
}
