/**
 * The bundled CLI gives vfile-reporter's string-width an `emojiRegex()` that asks
 * the real 14,000-character expression only about graphemes that could be emoji
 * (scripts/emoji-fast.mjs). Its answers must be the real expression's, always.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

interface EmojiFast {
  candidateRanges(source: string): [number, number][];
  hasCandidate(ranges: number[], s: string): boolean;
}

const fast = (await import(new URL('../../scripts/emoji-fast.mjs', import.meta.url).href)) as EmojiFast;
// The emoji-regex that vfile-reporter's string-width imports (the one the bundle replaces).
const stringWidth = createRequire(fileURLToPath(import.meta.resolve('vfile-reporter'))).resolve('string-width');
const emojiRegex = createRequire(stringWidth)('emoji-regex') as () => RegExp;
const ranges = fast.candidateRanges(emojiRegex().source).flat();
const fastTest = (s: string) => fast.hasCandidate(ranges, s) && emojiRegex().test(s);

describe('the fast emoji test of the bundled reporter', () => {
  it('answers as emoji-regex for every BMP code unit and every astral code point up to U+1FFFF', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0x1ffff; c++) {
      const s = String.fromCodePoint(c);
      if (fastTest(s) !== emojiRegex().test(s)) differ.push(c.toString(16));
    }
    assert.deepEqual(differ, []);
  });

  it('answers as emoji-regex for keycaps, modifiers, flags, ZWJ sequences and text around them', () => {
    const samples = ['1️⃣', '#⃣', '*️⃣', '👍🏽', '🇯🇵', '👩‍💻', '🏳️‍🌈', '❤️', '©️', '™', '〽️', '㊗️', 'ok 👍', '12:3-12:9', 'ご不明な点…「」（）', 'x\u20e3', '0\ufe0f'];
    for (const s of samples) assert.equal(fastTest(s), emojiRegex().test(s), s);
  });

  it('skips the expression for what replylint prints: ASCII, kana, kanji and Japanese punctuation', () => {
    // Why: this is the point of it; a cold run never compiles the expression for such output.
    for (const s of ['14:29-14:46', 'warning', 'missing-closing', 'メールのどこにも、追加のご質問（「ご不明な点がございましたら…」など）がありません'])
      assert.equal(fast.hasCandidate(ranges, s), false, s);
  });

  it('refuses an expression it cannot bound', () => {
    assert.throws(() => fast.candidateRanges('[#*0-9]\\uFE0F?\\u20E3|[^a]'), /negated/);
    assert.throws(() => fast.candidateRanges('[#*0-9]\\uFE0F?\\u20E3|\\p{Emoji}'), /cannot bound/);
    assert.throws(() => fast.candidateRanges('[#*0-9]\\uFE0F?\\u20E3|1\\uFE0F'), /digits elsewhere/);
  });
});
