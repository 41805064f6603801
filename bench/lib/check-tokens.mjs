/**
 * replylint's kuromoji loading must not change a single token: compare its
 * tokens (tokenizeJapanese(), fresh and from its sentence cache) with stock kuromoji (same version, loaded the stock way) on the benchmark
 * corpus and on seeded random strings of mixed scripts.
 *   node check-tokens.mjs ROOT CORPUS.jsonl... → one JSON line
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { rng } from './corpus.mjs';

const [root, ...corpora] = process.argv.slice(2);
const require = createRequire(path.join(root, 'packages/core/package.json'));
const kuromoji = require('kuromoji');
const { ensureJapaneseTokenizer, dictionaryPath } = await import(pathToFileURL(path.join(root, 'packages/core/dist/src/index.js')).href);
const { tokenizeJapanese } = await import(pathToFileURL(path.join(root, 'packages/core/dist/src/parse/japanese.js')).href);
// (ensureJapaneseTokenizer resolves to nothing: the loaded kuromoji Tokenizer is not public.)
await ensureJapaneseTokenizer();
const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
const stock = await new Promise((resolve, reject) => kuromoji.builder({ dicPath }).build((e, t) => (e ? reject(e) : resolve(t))));

const texts = [];
for (const file of corpora) {
  if (file.endsWith('.jsonl')) for (const line of fs.readFileSync(file, 'utf8').trim().split('\n')) texts.push(JSON.parse(line).reply);
  else texts.push(fs.readFileSync(file, 'utf8'));
}
const pools = [
  'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞっゃゅょー',
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴヴァィゥェォッャュョー',
  '日本語東京都大阪府会社員返金注文確認配送料金規約利用停止再開手続完了請求重複処理決済今月明細',
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ＡＢＣａｂｃ０１２３ｱｲｳｴｵｶｷｸｹｺﾞﾟｰ',
  '、。！？「」『』（）・…〜―ー−：；,.!?()[]<>@#$%&*+-=/\\\'" \t\n　é ñ ü ß Ω Ж й ☆★♪→←①②',
  '😀👍🙏𠮷𩸽',
].map((p) => [...p]);
const r = rng(99);
for (let t = 0; t < 3000; t++) {
  const bias = r.int(pools.length);
  let s = '';
  for (let i = 0, len = r.int(120); i < len; i++) s += r.pick(r.chance(0.6) ? pools[bias] : r.pick(pools));
  texts.push(s);
}
/** What tokenizeJapanese() must return: kuromoji's tokens, mapped as replylint maps them. */
const expected = (tokens) => {
  let offset = 0;
  return tokens.map((t) => {
    const s = t.surface_form;
    const token = { surface: s, base: t.basic_form && t.basic_form !== '*' ? t.basic_form : s, pos: t.pos, pos1: t.pos_detail_1, conjugatedForm: t.conjugated_form, reading: t.reading ?? '', offset };
    offset += s.length;
    return token;
  });
};
let differing = 0;
let example = null;
let chars = 0;
for (const text of texts) {
  chars += text.length;
  const reference = stock.tokenize(text);
  const same =
    JSON.stringify(expected(reference)) === JSON.stringify(tokenizeJapanese(text)) &&
    JSON.stringify(expected(reference)) === JSON.stringify(tokenizeJapanese(text)); // again, from the sentence cache
  if (!same) {
    differing++;
    example ??= text.slice(0, 80);
  }
}
console.log(JSON.stringify({ dictionary: dictionaryPath(), texts: texts.length, chars, differing, example }));
