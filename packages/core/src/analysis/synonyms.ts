/**
 * Japanese synonym groups from Sudachi's synonym dictionary (the compact table
 * `scripts/build-synonyms.mjs` writes to `lexicon/synonyms-ja.json`): 返金 and
 * 払い戻し, 返却 and 返す, 延長 and 延ばす, 規則 and 規程 share a group. A word
 * may sit in several groups (返金: 返済… and 払い戻し…), so words are compared by
 * their sets of groups, never mapped to one canonical word.
 *
 * The table (700 KB) is loaded once, on the first reply or inquiry with
 * Japanese in it (`lint` awaits `loadSynonyms`); until then every word has no
 * group, so an English-only run never pays for it.
 */
let words: string[] | undefined;
const cache = new Map<string, readonly number[]>();
const none: readonly number[] = [];

export async function loadSynonyms(): Promise<void> {
  if (words) return;
  const table = (await import('./lexicon/synonyms-ja.json', { with: { type: 'json' } })).default as { index: string };
  words = table.index.split('\n');
}

/** The synonym groups of a Japanese word (empty when it has none or the table is not loaded). */
export function synonymGroups(word: string): readonly number[] {
  if (!words) return none;
  const cached = cache.get(word);
  if (cached) return cached;
  let lo = 0;
  let hi = words.length - 1;
  let found = none;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const line = words[mid]!;
    const tab = line.indexOf('\t');
    const key = line.slice(0, tab);
    if (key === word) {
      found = line
        .slice(tab + 1)
        .split(',')
        .map((n) => parseInt(n, 36));
      break;
    }
    if (key < word) lo = mid + 1;
    else hi = mid - 1;
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(word, found);
  return found;
}

/** Whether two words share a synonym group. */
export function shareGroup(groups: readonly number[], set: ReadonlySet<number>): boolean {
  return groups.some((g) => set.has(g));
}
