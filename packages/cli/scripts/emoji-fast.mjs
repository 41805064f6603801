/**
 * A faster first call of vfile-reporter's column widths, with the same result.
 *
 * vfile-reporter measures every cell with string-width 6, which asks
 * `emojiRegex().test(character)` of each grapheme. emoji-regex 10 is one
 * 14,000-character regular expression; compiling it costs a cold `replylint`
 * about 10–20 ms, for output that is nearly always letters, kana and kanji.
 * The bundle gives string-width an `emojiRegex()` whose `test` first checks
 * whether the grapheme has any code unit an emoji match could contain, and asks
 * the real expression only when it has.
 *
 * Sound by construction: `candidateRanges` collects every code unit the
 * expression's source can match (escapes, literals, class ranges; it refuses
 * anything it cannot bound: negated classes, `.`, `\d`, `\p{…}`…). `#`, `*` and
 * the digits are left out because they occur only in the leading keycap
 * alternative, which also needs U+20E3 (checked). A string with none of the
 * rest cannot match. The tests compare both on every BMP code unit and on
 * emoji of every kind (packages/cli/test/emoji-fast.test.ts).
 */

/** Sorted, merged [from, to] code-unit ranges that a match of `source` must touch. */
export function candidateRanges(source) {
  const keycap = '[#*0-9]\\uFE0F?\\u20E3|';
  if (!source.startsWith(keycap) || /[#*0-9]/.test(source.slice(keycap.length).replace(/\\u[0-9A-Fa-f]{4}|\\x[0-9A-Fa-f]{2}/g, ''))) {
    throw new Error('emoji-fast: the expression does not start with the keycap alternative alone, or uses # * or digits elsewhere');
  }
  const ranges = [];
  const body = source.slice(keycap.length);
  let i = 0;
  const unit = () => {
    const c = body[i];
    if (c === '\\') {
      const next = body[i + 1];
      if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(body.slice(i + 2, i + 6))) {
        i += 6;
        return parseInt(body.slice(i - 4, i), 16);
      }
      if (next === 'x' && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 2, i + 4))) {
        i += 4;
        return parseInt(body.slice(i - 2, i), 16);
      }
      throw new Error(`emoji-fast: cannot bound the escape \\${next} at ${i}`);
    }
    i += 1;
    return c.charCodeAt(0);
  };
  while (i < body.length) {
    const c = body[i];
    if (c === '[') {
      if (body[i + 1] === '^') throw new Error('emoji-fast: negated class');
      i += 1;
      while (body[i] !== ']') {
        if (i >= body.length) throw new Error('emoji-fast: unterminated class');
        const from = unit();
        if (body[i] === '-' && body[i + 1] !== ']') {
          i += 1;
          ranges.push([from, unit()]);
        } else ranges.push([from, from]);
      }
      i += 1;
    } else if (c === '(' && body.startsWith('(?:', i)) i += 3;
    else if ('()|?*+'.includes(c)) i += 1;
    else if (c === '{' || c === '.' || c === '^' || c === '$') throw new Error(`emoji-fast: cannot bound ${c} at ${i}`);
    else {
      const u = unit();
      ranges.push([u, u]);
    }
  }
  ranges.push([0x20e3, 0x20e3]);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [from, to] of ranges) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** `test(s)` of the fast path: whether `s` has a code unit in `ranges` (flat [from, to, from, to, …]). */
export function hasCandidate(ranges, s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let lo = 0;
    let hi = ranges.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (c < ranges[2 * mid]) hi = mid - 1;
      else if (c > ranges[2 * mid + 1]) lo = mid + 1;
      else return true;
    }
  }
  return false;
}

/** The module the bundle puts in place of emoji-regex for string-width: same `test` results. */
export function fastEmojiRegexModule(realPath, ranges) {
  return [
    `import realEmojiRegex from ${JSON.stringify(realPath)};`,
    `import { hasCandidate } from ${JSON.stringify(new URL(import.meta.url).pathname)};`,
    `const ranges = ${JSON.stringify(ranges.flat())};`,
    'const fast = { test: (s) => hasCandidate(ranges, s) && realEmojiRegex().test(s) };',
    'export default () => fast;',
  ].join('\n');
}
