/**
 * Text normalisation used for matching (never for offsets): full/half width
 * folding (NFKC), case folding, and katakana → hiragana, so 「スマホ」「ｽﾏﾎ」「すまほ」
 * compare equal.
 */

/** NFKC + lower case. Length may change: use only for comparisons. */
export function fold(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

/** Katakana (U+30A1–U+30F6) → hiragana; everything else unchanged. */
export function toHiragana(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    out += code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : ch;
  }
  return out;
}

/** The key used to compare content words across inquiry and reply. */
const matchKeys = new Map<string, string>();

export function matchKey(value: string): string {
  let key = matchKeys.get(value);
  if (key === undefined) {
    key = toHiragana(fold(value));
    // A bounded memo: words repeat across sentences and replies.
    if (matchKeys.size >= 50_000) matchKeys.clear();
    matchKeys.set(value, key);
  }
  return key;
}

const japaneseChar = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/u;
const kanaChar = /[\u3040-\u30ff\uff66-\uff9f]/u;

export function isJapaneseChar(ch: string): boolean {
  return japaneseChar.test(ch);
}

export function hasKana(value: string): boolean {
  return kanaChar.test(value);
}

/** Replace every lone surrogate and NUL with a space, keeping length (UTF-16 offsets stay valid). */
export function sanitize(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu, ' ');
}

/**
 * Template placeholders such as `{{customer_name}}` or `{name}` are names, not
 * prose: mask them with a same-length name-like token so offsets stay true.
 */
export function maskPlaceholders(value: string): string {
  // A trailing space keeps the placeholder a word of its own: `{{name}}I am` → `Nnnnnnn I am`.
  return value.replace(/\{\{\s*[\w.\-]{1,64}\s*\}\}|\{[\w.\-]{1,64}\}|%[A-Z_]{2,32}%/g, (m) =>
    'N' + 'n'.repeat(m.length - 2) + ' ',
  );
}
