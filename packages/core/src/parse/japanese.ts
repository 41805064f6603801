/**
 * One kuromoji tokenizer per process, created only when Japanese text is met,
 * shared by every caller through one in-flight load promise
 * (the retext-spell / kuromojin pattern).
 *
 * Loading is replylint's own, not kuromoji's `builder().build()`, which spends
 * about 0.8 s of a cold start: ~0.2 s gunzipping 17 MB of dict/*.dat.gz into
 * 100 MB (mostly zero padding), then 0.1–0.6 s (GC-bound) turning tid_map.dat
 * into a JS object of 326,000 arrays. Here:
 *
 * - the dictionary is read from plain files when they exist: `packages/core/dict/`
 *   (written by scripts/build-dict.mjs: gunzipped, zero padding trimmed, 59 MB)
 *   or any directory `REPLYLINT_KUROMOJI_DICT` names; `.dat.gz` files are still
 *   read (and gunzipped) where no plain file is beside them, so kuromoji's own
 *   dict/ and the VS Code extension's copy keep working;
 * - the word→entries map (tid_map.dat) stays in two Int32Arrays (CSR) behind a
 *   read-only Proxy that answers kuromoji's `target_map[trieId]`;
 * - everything else is handed to kuromoji's own loaders, so tokenisation is
 *   kuromoji's, token for token.
 *
 * Only kuromoji's public entry point is required (the VS Code extension ships
 * kuromoji bundled into one file, so `kuromoji/src/...` cannot be required):
 * an empty Tokenizer is obtained from `builder().build()` pointed at a path
 * that cannot hold a dictionary (kuromoji 0.1.2 calls back with `new Tokenizer(dic)`
 * on error too), and its dictionaries are filled in place.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';

const require = createRequire(import.meta.url);

let tokenizer: Tokenizer<IpadicFeatures> | undefined;
let loading: Promise<Tokenizer<IpadicFeatures>> | undefined;

/** kuromoji's dictionary files, without `.gz`. */
const dictionaryFiles = [
  'base.dat',
  'check.dat',
  'tid.dat',
  'tid_pos.dat',
  'tid_map.dat',
  'cc.dat',
  'unk.dat',
  'unk_pos.dat',
  'unk_map.dat',
  'unk_char.dat',
  'unk_compat.dat',
  'unk_invoke.dat',
] as const;
type DictionaryFile = (typeof dictionaryFiles)[number];

/**
 * Files whose trailing zero bytes kuromoji's readers treat like the end of the
 * buffer (ByteBuffer reads past the end give 0; map and class loops stop), so
 * the padding its builder leaves can be dropped. Not cc.dat (a read past the
 * end throws) nor unk_char.dat (a code point past the end means DEFAULT, not 0).
 */
const trimmable = new Set<DictionaryFile>([
  'tid.dat',
  'tid_pos.dat',
  'tid_map.dat',
  'unk.dat',
  'unk_pos.dat',
  'unk_map.dat',
  'unk_compat.dat',
  'unk_invoke.dat',
]);

/**
 * Where the dictionary lives: `REPLYLINT_KUROMOJI_DICT`; else the plain
 * dictionary built into `packages/core/dict/` (by scripts/build-dict.mjs)
 * when it is complete; else kuromoji's own `dict/` (gzipped).
 */
export function dictionaryPath(): string {
  const fromEnv = process.env['REPLYLINT_KUROMOJI_DICT'];
  if (fromEnv) return fromEnv;
  return builtDictionary() ?? path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

/** `dict/` beside this package's package.json, if build-dict.mjs finished writing it. */
function builtDictionary(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      const dict = path.join(dir, 'dict');
      return fs.existsSync(path.join(dict, 'manifest.json')) ? dict : undefined;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** Start loading the Japanese tokenizer (once) and return the shared promise. */
export function ensureJapaneseTokenizer(): Promise<Tokenizer<IpadicFeatures>> {
  if (tokenizer) return Promise.resolve(tokenizer);
  if (!loading) {
    const dir = dictionaryPath();
    loading = loadTokenizer(dir).then(
      (built) => {
        tokenizer = built;
        return built;
      },
      (error: unknown) => {
        loading = undefined;
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`replylint: could not load the Japanese dictionary from ${dir}: ${reason}`);
      },
    );
  }
  return loading;
}

export function isJapaneseTokenizerReady(): boolean {
  return tokenizer !== undefined;
}

export interface JaToken {
  surface: string;
  base: string;
  pos: string;
  pos1: string;
  conjugatedForm: string;
  reading: string;
  /** Offset inside the tokenised string. */
  offset: number;
}

/** Tokenise with the loaded tokenizer (call `ensureJapaneseTokenizer` first). */
export function tokenizeJapanese(value: string): JaToken[] {
  if (!tokenizer) throw new Error('replylint: the Japanese tokenizer is not loaded yet');
  const out: JaToken[] = [];
  let offset = 0;
  for (const t of tokenizer.tokenize(value)) {
    const surface = t.surface_form;
    out.push({
      surface,
      base: t.basic_form && t.basic_form !== '*' ? t.basic_form : surface,
      pos: t.pos,
      pos1: t.pos_detail_1,
      conjugatedForm: t.conjugated_form,
      reading: t.reading ?? '',
      offset,
    });
    offset += surface.length;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Loading

/** The parts of kuromoji 0.1.2's internals that loading fills in. */
interface KuromojiInternals {
  token_info_dictionary: {
    loadDictionary(buffer: Uint8Array): unknown;
    loadPosVector(buffer: Uint8Array): unknown;
    target_map: unknown;
  };
  unknown_dictionary: {
    loadUnknownDictionaries(
      unk: Uint8Array,
      unkPos: Uint8Array,
      unkMap: Uint8Array,
      catMap: Uint8Array,
      compatCatMap: Uint32Array,
      invokeDef: Uint8Array,
    ): unknown;
  };
  viterbi_builder: {
    trie: {
      bc: { loadBaseBuffer(buffer: Int32Array): unknown; loadCheckBuffer(buffer: Int32Array): unknown; shrink(): void };
    };
  };
  viterbi_searcher: { connection_costs: { loadConnectionCosts(buffer: Int16Array): unknown } };
}

async function loadTokenizer(dir: string): Promise<Tokenizer<IpadicFeatures>> {
  const kuromoji = require('kuromoji') as typeof import('kuromoji');
  const [empty, files] = await Promise.all([emptyTokenizer(kuromoji), readDictionary(dir)]);
  const internals = empty as unknown as KuromojiInternals;

  const bc = internals.viterbi_builder.trie.bc;
  bc.loadBaseBuffer(int32(files['base.dat']));
  bc.loadCheckBuffer(int32(files['check.dat']));
  bc.shrink(); // as doublearray.load() does

  const words = internals.token_info_dictionary;
  words.loadDictionary(files['tid.dat']);
  words.loadPosVector(files['tid_pos.dat']);
  words.target_map = targetMap(int32(files['tid_map.dat']));

  const cc = files['cc.dat'];
  internals.viterbi_searcher.connection_costs.loadConnectionCosts(new Int16Array(cc.buffer, cc.byteOffset, cc.length >> 1));

  const compat = files['unk_compat.dat'];
  internals.unknown_dictionary.loadUnknownDictionaries(
    files['unk.dat'],
    files['unk_pos.dat'],
    files['unk_map.dat'],
    files['unk_char.dat'],
    new Uint32Array(compat.buffer, compat.byteOffset, compat.length >> 2),
    files['unk_invoke.dat'],
  );

  // A wrong or damaged dictionary shows here rather than as odd findings later.
  const probe = empty.tokenize('日本語');
  if (probe.length !== 1 || probe[0]!.pos !== '名詞') {
    throw new Error('the dictionary files do not tokenise 日本語 as one noun (damaged or not an IPADIC build?)');
  }
  return empty;
}

/** A kuromoji Tokenizer over empty dictionaries, from the public builder (see the header). */
function emptyTokenizer(kuromoji: typeof import('kuromoji')): Promise<Tokenizer<IpadicFeatures>> {
  return new Promise((resolve, reject) => {
    // A file, not a directory: every dictionary read fails at once with ENOTDIR.
    const notADirectory = require.resolve('kuromoji');
    kuromoji.builder({ dicPath: notADirectory }).build((_error, built) => {
      if (built && typeof (built as unknown as Partial<KuromojiInternals>).viterbi_builder === 'object') resolve(built);
      else reject(new Error('this kuromoji version does not hand back a Tokenizer to fill (replylint expects kuromoji 0.1.2)'));
    });
  });
}

type Files = Record<DictionaryFile, Uint8Array>;

/** Every dictionary file as bytes: plain `NAME` when present, else `NAME.gz` gunzipped. */
async function readDictionary(dir: string): Promise<Files> {
  const entries = await Promise.all(
    dictionaryFiles.map(async (name) => {
      let bytes: Uint8Array;
      try {
        bytes = await readWhole(path.join(dir, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        let gz: Uint8Array;
        try {
          gz = await readWhole(path.join(dir, `${name}.gz`));
        } catch (gzError) {
          if ((gzError as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`neither ${name} nor ${name}.gz is there`);
          throw gzError;
        }
        bytes = await gunzip(gz);
      }
      if (trimmable.has(name)) bytes = trim(bytes);
      return [name, aligned(bytes)] as const;
    }),
  );
  return Object.fromEntries(entries) as Files;
}

/** One file in one read into its own ArrayBuffer (fs.promises.readFile reads 512 KiB at a time). */
async function readWhole(file: string): Promise<Uint8Array> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(Buffer.allocUnsafeSlow(size).buffer, 0, size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === size ? bytes : bytes.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

function gunzip(gz: Uint8Array): Promise<Uint8Array> {
  // The gzip trailer holds the size (mod 4 GiB): one output chunk instead of hundreds of 16 KiB ones.
  const isize = gz.length >= 4 ? new DataView(gz.buffer, gz.byteOffset + gz.length - 4, 4).getUint32(0, true) : 0;
  return new Promise((resolve, reject) => {
    zlib.gunzip(gz, { chunkSize: Math.min(Math.max(64 * 1024, isize + 1), 256 * 1024 * 1024) }, (error, out) => {
      if (error) reject(error);
      else resolve(new Uint8Array(out.buffer, out.byteOffset, out.length));
    });
  });
}

/** Drop trailing zero padding, keeping an 8-byte-aligned tail of at least 8 zero bytes. */
function trim(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const keep = Math.min(bytes.length, Math.ceil(end / 8) * 8 + 8);
  if (keep === bytes.length) return bytes;
  // Copy when most of it is padding, so the padding's memory can go.
  return keep < bytes.length / 2 ? bytes.slice(0, keep) : bytes.subarray(0, keep);
}

/** Typed-array views need their byte offset aligned (pooled small Buffers may not be). */
function aligned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 8 === 0 && bytes.constructor === Uint8Array ? bytes : Uint8Array.from(bytes);
}

function int32(bytes: Uint8Array): Int32Array {
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
}

/**
 * kuromoji's `target_map` (trie id → token-info ids) without building it:
 * tid_map.dat is `count, (key, n, id × n)*` in little-endian int32s (the same
 * walk as TokenInfoDictionary#loadTargetMap, which stops at the end of the
 * buffer and reads zero padding as empty entries). It becomes offsets and ids
 * (CSR), and a Proxy answers `target_map[trieId]` with a view of the ids.
 */
function targetMap(map: Int32Array): Record<number, Int32Array> {
  const length = map.length;
  const at = (i: number) => (i < length ? map[i]! : 0);
  let maxKey = -1;
  let total = 0;
  for (let p = 1; p < length; ) {
    const key = map[p]!;
    const n = at(p + 1);
    if (n > 0) {
      if (key > maxKey) maxKey = key;
      total += n;
    }
    p += 2 + Math.max(n, 0);
  }
  const offsets = new Int32Array(maxKey + 2);
  for (let p = 1; p < length; ) {
    const key = map[p]!;
    const n = at(p + 1);
    if (n > 0 && key >= 0) offsets[key + 1]! += n;
    p += 2 + Math.max(n, 0);
  }
  for (let k = 1; k < offsets.length; k++) offsets[k]! += offsets[k - 1]!;
  const ids = new Int32Array(total);
  const next = offsets.slice(0, Math.max(maxKey + 1, 0));
  for (let p = 1; p < length; ) {
    const key = map[p]!;
    const n = at(p + 1);
    if (n > 0 && key >= 0) {
      // Same order as kuromoji's addMapping(), which appends.
      for (let j = 0; j < n; j++) ids[next[key]!++] = at(p + 2 + j);
    }
    p += 2 + Math.max(n, 0);
  }
  const empty = new Int32Array(0);
  return new Proxy(Object.freeze({}) as Record<number, Int32Array>, {
    get(_target, property) {
      if (typeof property !== 'string') return undefined;
      const key = Number(property);
      if (!(key >= 0 && Number.isInteger(key))) return undefined;
      if (key > maxKey) return empty;
      const start = offsets[key]!;
      const end = offsets[key + 1]!;
      return start === end ? empty : ids.subarray(start, end);
    },
  });
}
