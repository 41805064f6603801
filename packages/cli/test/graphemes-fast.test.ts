/**
 * The bundled CLI gives vfile-reporter's string-width `graphemes(string)` for
 * `new Intl.Segmenter().segment(string)` (scripts/graphemes-fast.mjs). What
 * string-width reads of it, the first code point of each grapheme, must give
 * the same widths: every character of its ranges is a grapheme of its own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

interface GraphemesFast {
  singleRanges: [number, number][];
  graphemes(string: string): Iterable<{ segment: string }>;
}

const fast = (await import(new URL('../../scripts/graphemes-fast.mjs', import.meta.url).href)) as GraphemesFast;
const segments = (s: string) => [...new Intl.Segmenter().segment(s)].map((x) => x.segment);

describe('the fast graphemes of the bundled reporter', () => {
  it('keeps every character of its ranges a grapheme of its own, whatever stands beside it', () => {
    const wrong: string[] = [];
    const singles: string[] = [];
    for (const [from, to] of fast.singleRanges) for (let c = from; c <= to; c++) singles.push(String.fromCharCode(c));
    for (const c of singles) {
      // Extend, SpacingMark and ZWJ would join the x before; Prepend the x after; jamo and regional indicators their twin.
      if (segments(`x${c}x${c}${c}`).length !== 5 && !(c === '\r' || c === '\n')) wrong.push(c.charCodeAt(0).toString(16));
    }
    assert.deepEqual(wrong, []);
    // CR LF, the one pair that is one grapheme: both characters have no width in string-width (code points ≤ 31).
    assert.deepEqual(segments('\r\n'), ['\r\n']);
  });

  it('splits like Intl.Segmenter for the text replylint prints, and falls back to it for anything else', () => {
    const samples = [
      '14:29-14:46',
      'warning メールのどこにも、追加のご質問やお困りごと（「ご不明な点がございましたら…」など）がありません missing-closing replylint',
      'ｶﾀｶﾅ ＡＢＣ “quoted” — ok',
      'が', // か + combining sound mark: falls back
      '👩‍💻 and 🇯🇵',
      '한국어',
      'e\u0301',
      '',
    ];
    for (const s of samples) assert.deepEqual([...fast.graphemes(s)].map((x) => x.segment), segments(s), s);
  });
});
