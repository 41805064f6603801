/**
 * replylint in a retext pipeline, beside other retext plugins: retext-english
 * (English) or retextJapanese (Japanese and mixed replies) parses,
 * retextReplylint and retext-equality each add their messages to the one
 * VFile, as a library user composes them. retextReplylint reads the tree the
 * parser built: replylint's own analysed reply when a replylint parser built
 * it, else the tree's text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Root, Text } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { retext } from 'retext';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import retextReplylint from '../src/retext.js';
import { lint, retextJapanese } from '../src/index.js';

const reply = "Hi Sam,\n\nPer our policy, refunds are not available after 30 days. Our chairman decided it.\n\nBest,\nAda\n";
const inquiry = 'My blender broke after a week and I need a refund.';
const mixed = '山田様\n\n返品できないとのこと、ご不便をおかけしております。\n規定により返品はお受けできません。\nOur chairman decided it.\n\nよろしくお願いいたします。\n';
const jaInquiry = '届いた商品が壊れていたので返品したいです。';

const offsets = (m: VFileMessage): [number, number] => {
  const place = m.place as { start?: { offset?: number }; end?: { offset?: number } } | undefined;
  return [place?.start?.offset ?? -1, place?.end?.offset ?? -1];
};
/** What a reporter shows of replylint's messages: rule, reason, place. */
const shown = (messages: VFileMessage[]) => messages.filter((m) => m.source === 'replylint').map((m) => [m.ruleId, m.reason, offsets(m)]);

/** A plugin run between the parser and replylint that rewrites words of the tree, as a retext transformer may. */
const rewrite = (from: string, to: string) => () => (tree: Root) => {
  visit(tree, 'TextNode', (node: Text) => {
    if (node.value === from) node.value = to;
  });
};

test('English: messages from replylint and retext-equality land in one VFile', async () => {
  const file = new VFile({ path: 'reply.txt', value: reply });
  const processor = unified().use(retextEnglish).use(retextReplylint, { inquiry }).use(retextEquality);
  await processor.run(processor.parse(file), file);
  const sources = new Set(file.messages.map((m) => m.source));
  assert.ok(sources.has('replylint'), 'replylint reported');
  assert.ok(sources.has('retext-equality'), 'retext-equality reported (chairman)');
  const supplier = file.messages.find((m) => m.ruleId === 'supplier-centred-wording')!;
  // Why: places are offsets into the same text every plugin sees, so a reporter can show them together.
  assert.equal(reply.slice(...offsets(supplier)), 'Per our policy');
  assert.equal(reply.slice(...offsets(file.messages.find((m) => m.source === 'retext-equality')!)), 'chairman');
  assert.equal(supplier.file, 'reply.txt');
  // Why: the plugin is lint() inside a pipeline; a reporter must show the same findings lint() gives.
  assert.deepEqual(shown(file.messages), shown((await lint(reply, { inquiry })).messages));
});

test('Japanese and mixed: retextJapanese, retextReplylint and retext-equality in one pipeline and one VFile', async () => {
  const file = new VFile({ path: 'reply.txt', value: mixed });
  const processor = unified().use(retextJapanese).use(retextReplylint, { inquiry: jaInquiry }).use(retextEquality);
  await processor.run(processor.parse(file), file);
  const supplier = file.messages.find((m) => m.ruleId === 'supplier-centred-wording');
  assert.ok(supplier, 'replylint reported the Japanese supplier-centred wording');
  assert.equal(mixed.slice(...offsets(supplier)), '規定により');
  // Why: retext-equality reads the English words of retextJapanese's tree; its place must be the word's in the file.
  const equality = file.messages.find((m) => m.source === 'retext-equality');
  assert.ok(equality, 'retext-equality reported on the English sentence of the mixed reply');
  assert.equal(mixed.slice(...offsets(equality)), 'chairman');
  assert.deepEqual(shown(file.messages), shown((await lint(mixed, { inquiry: jaInquiry })).messages));
});

test("after retextJapanese, replylint runs on the parser's analysed reply instead of parsing the text again", async () => {
  // Why: the tree is the one replylint reads. A plugin that marks every sentence of the analysed
  // reply as quoted text (not the agent's words) silences the body rules; had replylint parsed
  // the file again, the supplier-centred wording would still be reported.
  const file = new VFile({ value: mixed });
  const processor = unified()
    .use(retextJapanese)
    .use(() => (tree: Root) => {
      for (const s of tree.data!.replylint!.sentences) s.segment = 'quoted';
    })
    .use(retextReplylint, { inquiry: jaInquiry });
  await processor.run(processor.parse(file), file);
  assert.ok((await lint(mixed, { inquiry: jaInquiry })).messages.some((m) => m.ruleId === 'supplier-centred-wording'));
  assert.equal(file.messages.some((m) => m.ruleId === 'supplier-centred-wording'), false);
});

test("a tree rewritten by an earlier plugin is linted as the tree's text, not the file's", async () => {
  // Why: replylint reads the tree, so an edit made upstream (here 'policy' → 'guide', and 規定 → 今回)
  // is what it judges; both kinds of tree: retext-english's, and retextJapanese's, whose analysed
  // reply no longer matches its text and is not used.
  for (const [parser, text, from, to] of [
    [retextEnglish, reply, 'policy', 'guide'],
    [retextJapanese, mixed, '規定', '今回'],
  ] as const) {
    const file = new VFile({ value: text });
    const processor = unified().use(parser).use(rewrite(from, to)).use(retextReplylint, { inquiry });
    const tree = processor.parse(file) as Root;
    await processor.run(tree, file);
    const edited = toString(tree);
    assert.equal(edited, text.replace(from, to));
    const said = (messages: VFileMessage[]) => shown(messages).map(([rule, reason]) => [rule, reason]);
    assert.notDeepEqual(said((await lint(text, { inquiry })).messages), said((await lint(edited, { inquiry })).messages), `${from}: the edit changes the findings`);
    assert.deepEqual(said(file.messages), said((await lint(edited, { inquiry })).messages), `${from}: the findings are the edited tree's`);
  }
});

test("findings on a rewritten tree are placed where the tree's nodes say its words are in the file", async () => {
  // Why: replylint reads the tree's positions as well as its text. An earlier plugin made 'guide'
  // 'policy' (one character longer): the finding on 'Per our policy' belongs on the file's
  // 'Per our guide', and every later finding one character earlier than in the tree's text.
  const text = reply.replace('policy', 'guide');
  for (const parser of [retextEnglish, retextJapanese]) {
    const file = new VFile({ value: text });
    const processor = unified().use(parser).use(rewrite('guide', 'policy')).use(retextReplylint, { inquiry });
    const tree = processor.parse(file) as Root;
    await processor.run(tree, file);
    const edited = toString(tree);
    const supplier = file.messages.find((m) => m.ruleId === 'supplier-centred-wording');
    assert.ok(supplier, 'the rewritten tree is supplier-centred');
    assert.equal(text.slice(...offsets(supplier)), 'Per our guide');
    assert.deepEqual([supplier.line, supplier.column], [3, 1]);
    const closing = file.messages.find((m) => m.ruleId === 'missing-closing')!;
    const inTree = (await lint(edited, { inquiry })).messages.find((m) => m.ruleId === 'missing-closing')!;
    assert.deepEqual(offsets(closing), offsets(inTree).map((o) => o - 1), 'a later finding moves with the text');
    assert.equal(text.slice(...offsets(closing)), edited.slice(...offsets(inTree)));
    for (const m of file.messages as Array<VFileMessage & { suggestions: Array<{ start: number; end: number }> }>) {
      for (const x of m.suggestions) assert.ok(x.start <= x.end && x.end <= text.length, `${m.ruleId}: suggestion inside the file`);
    }
  }
});

test("replylint's lang option wins over the tree's: the reply is analysed again in that language", async () => {
  // Why: retextJapanese detected languages itself (lang 'auto'); reusing its analysis under lang: 'en' would give lint()'s 'auto' findings, not 'en' ones.
  const file = new VFile({ value: mixed });
  const processor = unified().use(retextJapanese).use(retextReplylint, { lang: 'en' });
  await processor.run(processor.parse(file), file);
  const expected = shown((await lint(mixed, { lang: 'en' })).messages);
  assert.notDeepEqual(expected, shown((await lint(mixed)).messages), 'the languages give different findings');
  assert.deepEqual(shown(file.messages), expected);
});

test('the plugin reports what lint() reports, Japanese included, after the retext preset', async () => {
  // Why: retext's own parser (retext-latin) makes no Japanese words; replylint reads the tree's text and analyses it itself.
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
