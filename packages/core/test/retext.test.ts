/**
 * replylint in a retext pipeline, beside other retext plugins: retext-english
 * parses, retextReplylint and retext-equality each add their messages to the
 * one VFile, as a library user composes them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retext } from 'retext';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { VFile } from 'vfile';
import retextReplylint from '../src/retext.js';
import { lint } from '../src/index.js';

const reply = "Hi Sam,\n\nPer our policy, refunds are not available after 30 days. Our chairman decided it.\n\nBest,\nAda\n";
const inquiry = 'My blender broke after a week and I need a refund.';

test('messages from replylint and retext-equality land in one VFile', async () => {
  const file = new VFile({ path: 'reply.txt', value: reply });
  const processor = unified().use(retextEnglish).use(retextReplylint, { inquiry }).use(retextEquality);
  await processor.run(processor.parse(file), file);
  const sources = new Set(file.messages.map((m) => m.source));
  assert.ok(sources.has('replylint'), 'replylint reported');
  assert.ok(sources.has('retext-equality'), 'retext-equality reported (chairman)');
  const supplier = file.messages.find((m) => m.ruleId === 'supplier-centred-wording')!;
  // Why: places are offsets into the same text every plugin sees, so a reporter can show them together.
  assert.equal(reply.slice(supplier.place && 'start' in supplier.place ? supplier.place.start.offset : -1, supplier.place && 'start' in supplier.place ? supplier.place.end.offset : -1), 'Per our policy');
  assert.equal(supplier.file, 'reply.txt');
});

test('the plugin reports what lint() reports, Japanese included, after the retext preset', async () => {
  const ja = '山田様\n\n規定により返品はお受けできません。\n';
  const file = await retext().use(retextReplylint).process(ja);
  assert.deepEqual(
    file.messages.map((m) => [m.ruleId, m.reason]),
    (await lint(ja)).messages.map((m) => [m.ruleId, m.reason]),
  );
});

test('bad options throw when the plugin is attached, naming the key', () => {
  assert.throws(() => unified().use(retextEnglish).use(retextReplylint, { lang: 'fr' } as never).freeze(), /^ReplylintOptionsError: lang: /);
});
