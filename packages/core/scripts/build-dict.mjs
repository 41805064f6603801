#!/usr/bin/env node
/**
 * Writes the "fast" kuromoji dictionary to packages/core/dict/: kuromoji's
 * twelve dict/*.dat.gz files, gunzipped and with the zero padding kuromoji's
 * dictionary builder leaves at their ends trimmed off (its ByteBuffers grow
 * in powers of two, so tid_pos.dat is 40 MiB for 36 MB of data, unk.dat is
 * 10 MiB for 398 bytes...). About 65 MB instead of 17 MB gzipped / 100 MB
 * gunzipped; loading it skips the ~0.2 s of gunzip at every cold start.
 *
 * Trimming is safe for every kuromoji reader: ByteBuffer reads past the end
 * return 0 (same as the padding), the target-map and char-definition loops
 * stop at the end of the buffer, and the kept tail is 8-byte aligned with at
 * least 8 zero bytes so no field is cut in half.
 *
 * Beside them, tid_map.csr: the word → entries map as two int32 arrays, so
 * replylint need not walk tid_map.dat at every start (see targetMapCsr).
 *
 * The directory is generated (gitignored). manifest.json is written last and
 * marks the directory complete; replylint only uses the directory when it is
 * there. Runs again only when kuromoji or this script changes.
 *
 * Usage: node packages/core/scripts/build-dict.mjs [--out DIR] [--force] [--quiet]
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const coreDir = path.resolve(here, '..');
const require = createRequire(path.join(coreDir, 'package.json'));

/** kuromoji's dictionary files (DictionaryLoader.load), without `.gz`. */
export const dictionaryFiles = [
  'base.dat', 'check.dat',
  'tid.dat', 'tid_pos.dat', 'tid_map.dat',
  'cc.dat',
  'unk.dat', 'unk_pos.dat', 'unk_map.dat', 'unk_char.dat', 'unk_compat.dat', 'unk_invoke.dat',
];

/**
 * The double-array trie (base.dat, check.dat) is cut where doublearray's own
 * `shrink()` cuts it at load: after the last used node (CHECK >= 0), plus one.
 */
export function trieLength(checkBytes) {
  const check = new Int32Array(checkBytes.buffer, checkBytes.byteOffset, checkBytes.length >> 2);
  let last = check.length - 1;
  while (last > 0 && check[last] < 0) last--;
  return Math.min(check.length, last + 2) * 4;
}

/**
 * tid_map.dat (`count, (key, n, id × n)*`, little-endian int32, read to the end
 * of the buffer like TokenInfoDictionary#loadTargetMap) as compressed sparse
 * rows: ids[offsets[key] .. offsets[key + 1]] in file order. Written as
 * tid_map.csr: int32 magic 0x31434c52 ('RLC1'), offsets length, ids length,
 * offsets, ids. replylint reads it instead of building kuromoji's target map.
 */
export function targetMapCsr(mapBytes) {
  const map = new Int32Array(mapBytes.buffer, mapBytes.byteOffset, mapBytes.length >> 2);
  const length = map.length;
  const at = (i) => (i < length ? map[i] : 0);
  let maxKey = -1;
  let total = 0;
  for (let p = 1; p < length; ) {
    const key = map[p];
    const n = at(p + 1);
    if (n > 0 && key >= 0) {
      if (key > maxKey) maxKey = key;
      total += n;
    }
    p += 2 + Math.max(n, 0);
  }
  const offsets = new Int32Array(maxKey + 2);
  for (let p = 1; p < length; ) {
    const key = map[p];
    const n = at(p + 1);
    if (n > 0 && key >= 0) offsets[key + 1] += n;
    p += 2 + Math.max(n, 0);
  }
  for (let k = 1; k < offsets.length; k++) offsets[k] += offsets[k - 1];
  const ids = new Int32Array(total);
  const next = offsets.slice(0, maxKey + 1);
  for (let p = 1; p < length; ) {
    const key = map[p];
    const n = at(p + 1);
    if (n > 0 && key >= 0) for (let j = 0; j < n; j++) ids[next[key]++] = at(p + 2 + j);
    p += 2 + Math.max(n, 0);
  }
  const out = new Int32Array(3 + offsets.length + ids.length);
  out[0] = 0x31434c52;
  out[1] = offsets.length;
  out[2] = ids.length;
  out.set(offsets, 3);
  out.set(ids, 3 + offsets.length);
  return new Uint8Array(out.buffer);
}

/** Length to keep: past the last non-zero byte, rounded up to 8, plus 8 zero bytes. */
export function trimmedLength(bytes) {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return Math.min(bytes.length, Math.ceil(end / 8) * 8 + 8);
}

function parseArgs(argv) {
  const args = { out: path.join(coreDir, 'dict'), force: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = path.resolve(argv[++i]);
    else if (argv[i] === '--force') args.force = true;
    else if (argv[i] === '--quiet') args.quiet = true;
    else throw new Error(`build-dict: unknown argument ${argv[i]}`);
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const kuromojiPkg = require.resolve('kuromoji/package.json');
  const kuromojiVersion = JSON.parse(fs.readFileSync(kuromojiPkg, 'utf8')).version;
  const srcDir = path.join(path.dirname(kuromojiPkg), 'dict');
  const script = crypto.createHash('sha256').update(fs.readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);

  const manifestPath = path.join(args.out, 'manifest.json');
  if (!args.force && fs.existsSync(manifestPath)) {
    try {
      const old = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
      const complete = [...dictionaryFiles, 'tid_map.csr'].every((f) => fs.statSync(path.join(args.out, f), { throwIfNoEntry: false })?.size === old.files?.[f]?.size);
      if (old.kuromoji === kuromojiVersion && old.script === script && complete) {
        if (!args.quiet) console.log(`build-dict: ${path.relative(process.cwd(), args.out) || '.'} is up to date (kuromoji ${kuromojiVersion})`);
        return;
      }
    } catch {
      // rebuild
    }
  }

  // Build in a sibling temp directory, then swap it in, so a reader never sees half a dictionary.
  const tmp = `${args.out}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const files = {};
  let gunzipMs = 0;
  const raws = {};
  for (const name of dictionaryFiles) {
    const gz = fs.readFileSync(path.join(srcDir, `${name}.gz`));
    const t = performance.now();
    const isize = gz.readUInt32LE(gz.length - 4);
    raws[name] = { gz, raw: zlib.gunzipSync(gz, { chunkSize: Math.max(64 * 1024, isize + 1) }) };
    gunzipMs += performance.now() - t;
  }
  const trie = trieLength(raws['check.dat'].raw);
  for (const name of dictionaryFiles) {
    const { gz, raw } = raws[name];
    const keep = name === 'base.dat' || name === 'check.dat' ? Math.min(raw.length, trie) : trimmedLength(raw);
    fs.writeFileSync(path.join(tmp, name), raw.subarray(0, keep));
    files[name] = { size: keep, gunzipped: raw.length, gz: gz.length };
  }
  const csr = targetMapCsr(raws['tid_map.dat'].raw.subarray(0, trimmedLength(raws['tid_map.dat'].raw)));
  fs.writeFileSync(path.join(tmp, 'tid_map.csr'), csr);
  files['tid_map.csr'] = { size: csr.length };
  const manifest = {
    description: 'kuromoji IPADIC dictionary, gunzipped and trimmed by packages/core/scripts/build-dict.mjs (generated; do not commit)',
    kuromoji: kuromojiVersion,
    script,
    files,
  };
  fs.writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  fs.rmSync(args.out, { recursive: true, force: true });
  fs.renameSync(tmp, args.out);
  if (!args.quiet) {
    const total = Object.values(files).reduce((n, f) => n + f.size, 0);
    console.log(
      `build-dict: wrote ${path.relative(process.cwd(), args.out) || '.'} (${(total / 1e6).toFixed(1)} MB, kuromoji ${kuromojiVersion}) ` +
        `in ${Math.round(performance.now() - started)} ms (gunzip ${Math.round(gunzipMs)} ms)`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
