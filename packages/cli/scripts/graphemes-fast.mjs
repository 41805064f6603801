/**
 * A faster first call of vfile-reporter's column widths, with the same result.
 *
 * string-width 6 (vfile-reporter's) walks every cell by grapheme with
 * `new Intl.Segmenter().segment(string)`. The first Segmenter of a process
 * loads ICU's break rules: about 10 ms of a cold `replylint`, for cells that are
 * nearly always ASCII, kana, kanji and Japanese punctuation. The bundle gives
 * string-width `graphemes(string)` instead: when every code unit of the string
 * is in `singleRanges`, each code unit is its own grapheme and the string is
 * split into them without ICU; otherwise it is Intl.Segmenter's segments.
 *
 * `singleRanges` holds only characters whose grapheme-break class is Other,
 * Control, CR or LF (no Extend, SpacingMark, ZWJ, Prepend, Hangul jamo or
 * syllable, regional indicator, surrogate). Between two such characters every
 * position is a grapheme boundary except inside CR LF, whose one grapheme and
 * two separate characters all have a width of 0 in string-width (code points
 * up to 31 are skipped). packages/cli/test/graphemes-fast.test.ts checks every
 * code unit of the ranges against Intl.Segmenter.
 */

/** Sorted [from, to] code-unit ranges of characters that are always a grapheme of their own. */
export const singleRanges = [
  [0x0000, 0x00ff], // ASCII, C1 controls, Latin-1
  [0x2010, 0x2027], // dashes, quotation marks, bullets, ellipsis
  [0x3000, 0x3029], // ideographic space and punctuation, brackets (U+302A–U+302F are combining tone marks)
  [0x3030, 0x3096], // 〰〽…, hiragana
  [0x309b, 0x30ff], // (U+3099–U+309A are combining sound marks) ゛゜ゝゞゟ, katakana
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xff01, 0xff9d], // full-width ASCII, half-width katakana (U+FF9E–U+FF9F are sound marks)
];

function single(c) {
  for (const [from, to] of singleRanges) {
    if (c < from) return false;
    if (c <= to) return true;
  }
  return false;
}

/** What string-width iterates over: `{ segment }` per grapheme of `string`. */
export function graphemes(string) {
  for (let i = 0; i < string.length; i++) {
    if (!single(string.charCodeAt(i))) return new Intl.Segmenter().segment(string);
  }
  const out = new Array(string.length);
  for (let i = 0; i < string.length; i++) out[i] = { segment: string[i] };
  return out;
}
