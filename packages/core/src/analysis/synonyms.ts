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
/**
 * The table's lines (`word\tgroups`), kept as the one string the table holds,
 * with where each line starts: two objects instead of 35,000 strings, for V8 to
 * make and for the CLI's startup snapshot (which lints Japanese before it is
 * taken) to restore.
 */
let index: string | undefined;
let lineStarts: Int32Array | undefined;
const cache = new Map<string, readonly number[]>();
const none: readonly number[] = [];

export async function loadSynonyms(): Promise<void> {
  if (index) return;
  const table = (await import('./lexicon/synonyms-ja.json', { with: { type: 'json' } })).default as { index: string };
  // The lines of `table.index.split('\n')`, by where each starts (a last start past the end closes the last line).
  const starts = [0];
  for (let at = table.index.indexOf('\n'); at >= 0; at = table.index.indexOf('\n', at + 1)) starts.push(at + 1);
  starts.push(table.index.length + 1);
  lineStarts = Int32Array.from(starts);
  index = table.index;
}

/** The synonym groups of a Japanese word (empty when it has none or the table is not loaded). */
export function synonymGroups(word: string): readonly number[] {
  if (!index || !lineStarts) return none;
  const cached = cache.get(word);
  if (cached) return cached;
  let lo = 0;
  let hi = lineStarts.length - 2;
  let found = none;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const line = index.slice(lineStarts[mid]!, lineStarts[mid + 1]! - 1);
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
