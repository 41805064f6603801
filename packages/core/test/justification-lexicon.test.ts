/**
 * The justification lexicon (src/analysis/justification.json) is data with one
 * entry per term; justification.ts builds its detection patterns from it. Each
 * entry's example sentence is its test: run through companyJustifications the
 * way a reply's sentences are, it must produce a justification of the list's
 * kind that contains the term. Each pattern's example must produce one of the
 * pattern's kind, and each guard's example none at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc, tokenizeDoc } from '../src/parse/document.js';
import { companyJustifications, type Justification } from '../src/analysis/justification.js';
import type { Lang } from '../src/types.js';
import data from '../src/analysis/justification.json' with { type: 'json' };

interface Entry {
  term: string;
  forms?: string[];
  pattern?: string;
  then?: string;
  uses?: string[];
  example: string;
  note: string;
}
interface LangData {
  lists: Record<string, { kind: string; note: string; entries: Entry[] }>;
  patterns: Array<{ id: string; kind: string; rewrite: string; example: string; note: string }>;
  guards: Array<{ id: string; example: string; note: string }>;
}
const lexicon = data as unknown as Record<Lang, LangData>;
const langs: Lang[] = ['ja', 'en'];
const kinds = new Set(['rule', 'system', 'convenience', 'department', 'authority', 'precedent']);

/** Every justification the example's sentences produce. */
async function justificationsOf(example: string, lang: Lang): Promise<Justification[]> {
  const doc = buildDoc(example, { lang });
  await tokenizeDoc(doc);
  return doc.sentences.flatMap((s) => companyJustifications(s));
}

/** The entry on its own as a regular expression (without its context condition). */
const termRe = (e: Entry, lang: Lang): RegExp =>
  new RegExp(e.pattern ?? (e.forms ?? [e.term]).map((t) => t.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&')).join('|'), lang === 'en' ? 'iu' : 'u');

test('every entry, pattern and guard has its fields, and pattern and guard ids are unique', () => {
  // Why: an entry is reviewed alone; one without its example or note cannot be, and a kind outside the six is a typo.
  const ids = new Set<string>();
  for (const lang of langs) {
    const d = lexicon[lang];
    for (const [name, list] of Object.entries(d.lists)) {
      assert.ok(kinds.has(list.kind) && list.note, `${lang} ${name}: kind and note`);
      assert.ok(list.entries.length > 0, `${lang} ${name} is empty`);
      for (const e of list.entries) for (const key of ['term', 'example', 'note'] as const) assert.ok(e[key], `${lang} ${name} ${e.term}: ${key}`);
    }
    for (const p of [...d.patterns, ...d.guards]) {
      assert.ok(p.id.startsWith(`${lang}-`) && p.example && p.note, `${p.id}: id, example and note`);
      assert.ok(!ids.has(p.id), `duplicate id ${p.id}`);
      ids.add(p.id);
    }
    for (const p of d.patterns) assert.ok(kinds.has(p.kind) && p.rewrite, `${p.id}: kind and rewrite`);
  }
});

test('a term listed twice in one list is a mistake', () => {
  // Why: the compiler joins a list as written; a duplicate is dead weight that a reviewer would read twice.
  for (const lang of langs) {
    for (const [name, list] of Object.entries(lexicon[lang].lists)) {
      const seen = new Set<string>();
      for (const e of list.entries) {
        const key = `${e.term} ${e.then ?? ''}`;
        assert.ok(!seen.has(key), `${lang} ${name}: ${e.term} twice`);
        seen.add(key);
      }
    }
  }
});

for (const lang of langs) {
  for (const [name, list] of Object.entries(lexicon[lang].lists)) {
    for (const entry of list.entries) {
      test(`${lang} ${name} ${entry.term}: its example gives a ${list.kind} justification containing it (${entry.example})`, async () => {
        // Why: the example is the entry's test — the term, composed into the patterns, is found where the example uses it.
        const at = termRe(entry, lang).exec(entry.example);
        assert.ok(at, `the example does not contain ${entry.term}`);
        const found = await justificationsOf(entry.example, lang);
        assert.ok(
          found.some((j) => j.kind === list.kind && j.start <= at.index && at.index < j.end),
          `no ${list.kind} justification over "${at[0]}": ${JSON.stringify(found.map((j) => [j.kind, j.phrase]))}`,
        );
      });
    }
  }
  for (const pattern of lexicon[lang].patterns) {
    test(`${pattern.id}: its example gives a ${pattern.kind} justification (${pattern.example})`, async () => {
      // Why: every pattern in the file is reached by the grammar and finds what its note says.
      const found = await justificationsOf(pattern.example, lang);
      assert.ok(found.some((j) => j.kind === pattern.kind), JSON.stringify(found.map((j) => [j.kind, j.phrase])));
    });
  }
  for (const guard of lexicon[lang].guards) {
    test(`${guard.id}: its example gives no justification (${guard.example})`, async () => {
      // Why: a guard's example names a company-side source but is not company-centred (${guard.note}).
      const found = await justificationsOf(guard.example, lang);
      assert.deepEqual(found.map((j) => j.phrase), []);
    });
  }
}

