/**
 * retextJapanese, the unified parser plugin for Japanese and mixed replies: the
 * nlcst tree it builds holds every character of the input exactly once, in
 * order, each leaf at its own UTF-16 offsets (fuzzed, and every reply of
 * fixtures/eval/writers/w01-social.jsonl), and kuromoji's asynchronous load is
 * handled the unified way (a synchronous parser, a transformer that fills the
 * Japanese words). The tests that need the tokenizer unloaded come first: node
 * runs a file's top-level tests in order, each file in its own process.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Node, Parent, Root, Sentence } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { unified } from 'unified';
import { location } from 'vfile-location';
import { VFile } from 'vfile';
import { isJapaneseTokenizerReady, loadJapanese, retextJapanese } from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const runs = Math.ceil(Number(process.env['REPLYLINT_PROPERTY_RUNS'] ?? 10_000) / 5);
const seedSetting = process.env['REPLYLINT_PROPERTY_SEED'] ?? '20261207';
const seed = seedSetting === 'random' ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(seedSetting);

const parents: Record<string, string[]> = {
  RootNode: ['ParagraphNode', 'WhiteSpaceNode', 'SourceNode'],
  ParagraphNode: ['SentenceNode', 'WhiteSpaceNode', 'SourceNode'],
  SentenceNode: ['WordNode', 'WhiteSpaceNode', 'PunctuationNode', 'SymbolNode', 'SourceNode'],
  WordNode: ['TextNode'],
};

/**
 * The tree is nlcst, and exact: each node's children are of the kinds nlcst
 * allows there, each node's position is the offsets of its text in `text`
 * (line and column agreeing with the offset), and children follow one another
 * with no gap; so nlcst-to-string of the tree is `text`.
 */
function assertExactTree(tree: Root, text: string): void {
  assert.equal(toString(tree), text, 'nlcst-to-string of the tree is the input');
  const place = location(new VFile({ value: text }));
  const visit = (node: Node): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    assert.ok(start !== undefined && end !== undefined, `${node.type} has offsets`);
    assert.equal(text.slice(start, end), toString(node as never), `${node.type} at ${start}-${end} holds its own text`);
    assert.deepEqual(place.toPoint(start), { ...node.position!.start }, `${node.type} start: line and column agree with the offset`);
    if ('children' in node) {
      const kids = (node as Parent).children as Node[];
      let at = start;
      for (const child of kids) {
        assert.ok(parents[node.type]?.includes(child.type), `${child.type} inside ${node.type}`);
        assert.equal(child.position?.start.offset, at, `${child.type} starts where its previous sibling ended`);
        at = child.position!.end.offset!;
        visit(child);
      }
      if (kids.length) assert.equal(at, end, `${node.type}'s children end where it ends`);
    } else {
      assert.ok(!parents[node.type], `${node.type} has children`);
    }
  };
  visit(tree);
}

const parse = (text: string, options?: { lang?: 'ja' | 'en' | 'auto' }) => unified().use(retextJapanese, options).parse(text) as Root;

/** Every sentence of the tree, in order. */
function sentences(tree: Root): Sentence[] {
  return tree.children.flatMap((p) => (p.type === 'ParagraphNode' ? p.children.filter((s): s is Sentence => s.type === 'SentenceNode') : []));
}

const mixed = '山田様\n\nご注文の品が届かないとのこと、ご不便をおかけしております。\nThe courier says it was left at the front desk.\n\nよろしくお願いいたします。\n';

test('before the tokenizer is loaded, parse() alone gives an exact tree whose Japanese sentences wait for their words', () => {
  // Why: a unified parser is synchronous and kuromoji loads asynchronously; the tree must already be whole (round trip) and say which sentences are not tokenised.
  assert.equal(isJapaneseTokenizerReady(), false, 'nothing in this file loaded the tokenizer yet');
  const tree = parse(mixed);
  assertExactTree(tree, mixed);
  const [greeting, body, english] = sentences(tree);
  assert.equal((body!.data as { lang?: string }).lang, 'ja');
  assert.ok(body!.children.every((c) => c.type === 'SourceNode' && (c.data as { untokenised?: boolean }).untokenised), 'Japanese text held as untokenised source');
  assert.ok(greeting && english, 'greeting and the English sentence are there');
  // English sentences never wait: they are split by retext-english and their words found at once.
  assert.deepEqual(english!.children.filter((c) => c.type === 'WordNode').map((w) => toString(w)).slice(0, 3), ['The', 'courier', 'says']);
});

test('English-only text goes through the plugin without loading the Japanese dictionary', async () => {
  // Why: the README promises English replies never read the 22 MB dictionary; the transformer must load it only for a Japanese sentence.
  const text = 'Hi Sam,\n\nYour refund was sent today.\n\nBest,\nAda\n';
  const processor = unified().use(retextJapanese);
  const tree = processor.parse(text) as Root;
  await processor.run(tree);
  assertExactTree(tree, text);
  assert.equal(isJapaneseTokenizerReady(), false);
});

test("run() fills the Japanese sentences with kuromoji's words before any later plugin sees the tree", async () => {
  // Why: the plugin's transformer runs first, so a later plugin (retextReplylint, retext-equality) reads WordNodes, not untokenised source.
  let seen: string[] = [];
  const processor = unified()
    .use(retextJapanese)
    .use(() => (tree) => {
      seen = sentences(tree as Root)[1]!.children.map((c) => `${c.type}:${toString(c)}`);
    });
  const tree = processor.parse(mixed) as Root;
  await processor.run(tree);
  assertExactTree(tree, mixed);
  assert.deepEqual(seen.slice(0, 4), ['WordNode:ご', 'WordNode:注文', 'WordNode:の', 'WordNode:品']);
  // kuromoji's 記号 are punctuation, not words.
  assert.ok(seen.includes('PunctuationNode:、') && seen.at(-1) === 'PunctuationNode:。', seen.join(' '));
});

test('after loadJapanese(), parse() alone gives the Japanese words', async () => {
  // Why: the documented way to get a whole tree from the synchronous parser.
  await loadJapanese();
  const words = sentences(parse(mixed))[1]!.children.filter((c) => c.type === 'WordNode');
  assert.equal(words.length > 5, true);
  const data = words[1]!.data as { base?: string; pos?: string };
  assert.deepEqual([toString(words[1]!), data.base, data.pos], ['注文', '注文', 'noun']);
});

test('quote markers, placeholders, CRLF and control characters keep their places', async () => {
  // Why: the reply structure skips `>` markers and masks `{{name}}`; the tree must still hold them, as source and as one word.
  await loadJapanese();
  const text = '{{customer_name}} 様\r\n\r\nご返信ありがとうございます。\u0000\r\n\r\n> 届きません。\r\n> Where is it?\r\n';
  const tree = parse(text);
  assertExactTree(tree, text);
  const leaves = tree.children.flatMap(function flat(n: Node): Node[] {
    return 'children' in n ? ((n as Parent).children as Node[]).flatMap(flat) : [n];
  });
  assert.ok(leaves.some((n) => n.type === 'TextNode' && toString(n as never) === '{{customer_name}}'), 'the placeholder is one word');
  assert.ok(leaves.some((n) => n.type === 'SourceNode' && toString(n as never) === '>'), 'a quote marker is source');
});

test('the lang option is checked when the plugin is attached', () => {
  // Why: a typo would otherwise silently detect languages instead.
  assert.throws(() => unified().use(retextJapanese, { lang: 'fr' } as never).freeze(), /lang must be/);
});

/** Pieces of replies in both languages, and the characters that break naive offset code. */
const pieces = [
  '山田 様\n\n', 'いつもご利用いただきありがとうございます。\n', '規定により、', '返金はいたしかねます。', '「設定」→「通知」', '（注）', '申し訳ございません！',
  'Hi Ann,\n\n', 'Per our policy, ', "we can't refund this. ", 'e.g. the app. ', 'Mr. Ito wrote: ', '{{customer_name}}', '{name}', '%AGENT%',
  '\n> 届きません。\n', '\n>> Where is it?\n', '＞ 引用\n', '-----Original Message-----\n', '\r\n', '\r', '\n\n', '\u0000', '\ud800', '\udc00', '\u200f',
  '👩‍👩‍👧‍👦', '🇯🇵', '𠮷野家', 'ｱｲｳ', 'ＡＢＣ１２３', '。', '、', '…', '\t', ' ', '\u3000',
];
const replyText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 16 }).map((a) => a.join('')) },
);

test(`round trip: nlcst-to-string of the tree is the input, every node at its own offsets (${runs} fuzzed cases, each language setting)`, async () => {
  // Why: the positions retext plugins report come from these nodes; a dropped or shifted character would misplace every later finding.
  await loadJapanese();
  fc.assert(
    fc.property(replyText, fc.constantFrom('auto' as const, 'ja' as const, 'en' as const), (text, lang) => {
      assertExactTree(parse(text, { lang }), text);
    }),
    { numRuns: runs, seed },
  );
});

test('round trip on every reply of fixtures/eval/writers/w01-social.jsonl', async () => {
  // Why: real replies (handles, emoji, hashtags, both languages) rather than generated ones.
  await loadJapanese();
  const lines = fs.readFileSync(path.join(root, 'fixtures/eval/writers/w01-social.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  assert.ok(lines.length >= 70);
  for (const line of lines) {
    const { id, reply } = JSON.parse(line) as { id: string; reply: string };
    const tree = parse(reply);
    assert.doesNotThrow(() => assertExactTree(tree, reply), id);
    assert.ok(sentences(tree).some((s) => s.children.some((c) => c.type === 'WordNode')), `${id} has words`);
  }
});
