/**
 * `text.matchAll(re)`'s matches, found with `re` itself.
 *
 * `String.prototype.matchAll` runs a copy of the expression (`new RegExp(re)`),
 * and a copy is compiled again unless V8's compilation cache has the same
 * source and flags. In the CLI's startup snapshot the module-level expressions
 * are restored compiled but the cache is empty, so every `matchAll` of a cold
 * run compiled its expression once more (the company-side justification
 * patterns alone: about 5 ms of an English reply). Here the expression runs
 * from its own `lastIndex` as the copy would, empty matches step over a code
 * point under `u`/`v` as matchAll does, and `lastIndex` is put back, so the
 * matches are the same and the expression is left as matchAll leaves it.
 * All matches are found before the caller sees the first (callers only read them).
 */
export function matchAll(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new TypeError('matchAll: the regular expression must have the g flag');
  const saved = re.lastIndex;
  const unicode = re.unicode || re.flags.includes('v');
  const out: RegExpExecArray[] = [];
  try {
    for (;;) {
      const m = re.exec(text);
      if (m === null) break;
      out.push(m);
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, unicode);
    }
  } finally {
    re.lastIndex = saved;
  }
  return out;
}

/** ECMAScript's AdvanceStringIndex. */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = text.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
