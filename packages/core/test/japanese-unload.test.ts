/**
 * `unloadJapaneseTokenizer` (internal: the CLI's snapshot builder lints Japanese
 * once, then drops the dictionary before the snapshot is taken). After it, the
 * next Japanese reply loads the dictionary again and gets the same findings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isJapaneseTokenizerReady, lint } from '../src/index.js';
import { tokenizeJapanese, unloadJapaneseTokenizer } from '../src/parse/japanese.js';

const reply = '山田様\n\nお問い合わせありがとうございます。\n規定により返金はできかねます。\n\nよろしくお願いいたします。\n';

test('after unloading, the tokenizer loads again and gives the same tokens and findings', async () => {
  const before = await lint(reply);
  const tokens = tokenizeJapanese('規定により返金はできかねます。');
  assert.equal(isJapaneseTokenizerReady(), true);

  unloadJapaneseTokenizer();
  assert.equal(isJapaneseTokenizerReady(), false);
  // Why: nothing loaded may be used once unloaded (a snapshot would carry it to another machine).
  assert.throws(() => tokenizeJapanese('日本語'), /not loaded/);

  const after = await lint(reply);
  assert.equal(isJapaneseTokenizerReady(), true);
  assert.deepEqual(after, before);
  assert.deepEqual(tokenizeJapanese('規定により返金はできかねます。'), tokens);
  assert.ok(after.messages.some((m) => m.ruleId === 'supplier-centred-wording'));
});
