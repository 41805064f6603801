/**
 * Property tests (fast-check) on lint(): for arbitrary text — unpaired
 * surrogates, NUL, RTL marks, emoji sequences, CRLF/CR, very long lines —
 * it never throws, every range lies within the text, results are
 * deterministic, and applying every suggested fix changes nothing outside its
 * range and removes the findings it fixes.
 *
 * REPLYLINT_PROPERTY_RUNS sets the number of cases per property (CI default
 * 10 000; `npm run fuzz` runs many more).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, type LintResult, type Suggestion } from '../src/index.js';

const runs = Number(process.env['REPLYLINT_PROPERTY_RUNS'] ?? 10_000);
/** CI runs a fixed seed (reproducible); `npm run fuzz` sets REPLYLINT_PROPERTY_SEED=random. */
const seedSetting = process.env['REPLYLINT_PROPERTY_SEED'] ?? '20261123';
const seed = seedSetting === 'random' ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(seedSetting);

/** Pieces of realistic replies, so generated text reaches deep into the rules. */
const pieces = [
  '山田 様\n\n', 'いつもご利用いただきありがとうございます。\n', '規定により、', '返金はいたしかねます。', 'ご不便をおかけし、', '申し訳ございません。',
  'とのこと、承知いたしました。', 'システムの仕様上、', '今後ともよろしくお願い申し上げます。\n', '\n> 届きません。困っています。\n',
  'Hi Ann,\n\n', 'Per our policy, ', 'we cannot refund this. ', "I'm sorry to hear that. ", 'You mentioned the app crashes. ',
  'Sorry. ', 'Best,\nBo\n', '\n-----Original Message-----\nFrom: A\nSent: B\nSubject: C\n\n', '{{customer_name}}', '\r\n', '\r', '\n\n',
  '\u0000', '\ud800', '\udc00', '\u200f', '\u202e', '👩‍👩‍👧‍👦', '🇯🇵', 'ｱｲｳ', 'ＡＢＣ', '。', '、', '「', '」', '\t', ' ',
];

/**
 * Replies assembled from prose pieces only. Morphological analysis depends on
 * context, so an emoji glued to a word can change how the inquiry's words are
 * cut; the never-throw and determinism properties cover those inputs.
 */
const prose = pieces.filter((p) => /[\p{L}]{2,}/u.test(p) && !/[\u0000\ud800-\udfff\u200f\u202e]/u.test(p));
const realisticReply = fc.array(fc.constantFrom(...prose), { maxLength: 24 }).map((a) => a.join(' '));

const replyText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 16 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 200, max: 3000 })).map(([p, n]) => p.repeat(Math.ceil(n / Math.max(1, p.length)))) },
);

function rangeOf(m: LintResult['messages'][number]): [number, number] {
  const place = m.place as { start: { offset?: number }; end?: { offset?: number } };
  const start = place.start.offset ?? 0;
  return [start, place.end?.offset ?? start];
}

/** Apply non-overlapping edits from the end, so earlier offsets stay valid. */
function apply(text: string, edits: Suggestion[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

test(`lint() never throws and every range lies within the text (${runs} cases)`, async () => {
  await fc.assert(
    fc.asyncProperty(replyText, fc.option(replyText, { nil: undefined }), async (text, inquiry) => {
      const result = await lint(text, { inquiry });
      for (const m of result.messages) {
        const [s, e] = rangeOf(m);
        assert.ok(s >= 0 && s <= e && e <= text.length, `message range ${s}-${e} outside 0-${text.length}`);
        for (const x of m.suggestions) assert.ok(x.start >= 0 && x.start <= x.end && x.end <= text.length);
      }
      assert.ok(result.score >= 0 && result.score <= 100);
    }),
    { numRuns: runs, seed },
  );
});

test(`lint() is deterministic (${Math.ceil(runs / 10)} cases)`, async () => {
  await fc.assert(
    fc.asyncProperty(replyText, async (text) => {
      const a = await lint(text);
      const b = await lint(text);
      assert.deepEqual(
        a.messages.map((m) => [m.ruleId, rangeOf(m), m.reason, m.suggestions]),
        b.messages.map((m) => [m.ruleId, rangeOf(m), m.reason, m.suggestions]),
      );
    }),
    { numRuns: Math.ceil(runs / 10), seed },
  );
});

test(`applying the headline fixes changes nothing outside their ranges and removes those findings (${runs} cases)`, async () => {
  // Why realistic pieces here: a restatement is built from the inquiry's words, which random
  // code points do not have; the first two properties cover arbitrary text.
  const headline = ['empathy-acknowledgement', 'inquiry-summary', 'supplier-centred-wording'];
  await fc.assert(
    fc.asyncProperty(realisticReply, async (text) => {
      const result = await lint(text);
      const fixes = result.messages.filter((m) => headline.includes(m.ruleId)).flatMap((m) => m.suggestions.slice(0, 1));
      // Replacements never overlap each other (insertions at one point are kept in order).
      const sorted = [...fixes].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i]!.start >= sorted[i - 1]!.end, 'overlapping fixes');
      const fixed = apply(text, fixes);
      // Nothing outside the ranges changed: the text between edits is intact, in order.
      let cursor = 0;
      let rest = fixed;
      for (const f of sorted) {
        const keep = text.slice(cursor, f.start);
        assert.ok(rest.startsWith(keep), 'text before a fix changed');
        rest = rest.slice(keep.length + f.text.length);
        cursor = f.end;
      }
      assert.equal(rest, text.slice(cursor));
      // The findings those fixes address are gone.
      const again = await lint(fixed);
      for (const rule of new Set(fixes.map((f) => result.messages.find((m) => m.suggestions.includes(f))!.ruleId))) {
        if (rule === 'supplier-centred-wording') {
          const before = result.messages.filter((m) => m.ruleId === rule).length;
          const after = again.messages.filter((m) => m.ruleId === rule).length;
          assert.ok(after < before || after === 0, `${rule}: ${before} → ${after}`);
        } else {
          assert.ok(!again.messages.some((m) => m.ruleId === rule), `${rule} still reported after its fix:\n${JSON.stringify(fixed)}`);
        }
      }
    }),
    { numRuns: runs, seed },
  );
});
