/**
 * One kuromoji tokenizer per process, created only when Japanese text is met,
 * shared by every caller through one in-flight load promise
 * (the retext-spell / kuromojin pattern).
 *
 * Loading is replylint's own, not kuromoji's `builder().build()`, which spends
 * about 0.5–0.8 s of a cold start: ~0.2 s gunzipping 17 MB of dict/*.dat.gz
 * into 100 MB (mostly zero padding), then 0.1–0.6 s (GC-bound) turning
 * tid_map.dat into a JS object of 326,000 arrays. Here:
 *
 * - the dictionary is read from plain files when they exist: `packages/core/dict/`
 *   (written by scripts/build-dict.mjs: gunzipped, zero padding trimmed, the
 *   word map precomputed as tid_map.csr; 62 MB, of which ~22 MB is read at
 *   load and tid_pos.dat's feature lines are read as tokens need them) or any
 *   directory `REPLYLINT_KUROMOJI_DICT` names; `NAME.gz` is read (and
 *   gunzipped) where no plain `NAME` is beside it, so kuromoji's own dict/ and
 *   the VS Code extension's copy keep working;
 * - the word → entries map stays in two Int32Arrays (CSR) behind a read-only
 *   Proxy that answers kuromoji's `target_map[trieId]`;
 * - everything else is handed to kuromoji's own loaders.
 *
 * Tokenising is kuromoji's, token for token (bench/lib/check-tokens.mjs
 * compares it with stock kuromoji), with its hot spots done without the
 * garbage (see `installFastPaths`): the lattice builder (kuromoji re-encodes
 * the whole rest of the sentence to UTF-8 and wraps it in a
 * SurrogateAwareString at every character), the feature lookup (a byte array
 * per token) and the token objects. Sentences with surrogate code units go
 * through kuromoji's own builder unchanged. The last 256 sentences are cached.
 *
 * An empty kuromoji Tokenizer is made with `new Tokenizer(new DynamicDictionaries())`
 * from kuromoji's modules, or, where only its public entry point exists (the
 * VS Code extension bundles kuromoji into one file), from `builder().build()`
 * pointed at a path that cannot hold a dictionary (kuromoji 0.1.2 calls back
 * with `new Tokenizer(dic)` on error too); its dictionaries are filled in place.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';

/**
 * `require` from this module's place, made when first needed rather than when
 * the module is evaluated: a bundle evaluated into a V8 startup snapshot (the
 * CLI's) learns its place on disk only when it runs.
 */
let requireHere: NodeJS.Require | undefined;
const moduleRequire = (): NodeJS.Require => (requireHere ??= createRequire(import.meta.url));

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
  return builtDictionary() ?? path.join(path.dirname(moduleRequire().resolve('kuromoji/package.json')), 'dict');
}

/**
 * `dict/` beside @replylint/core's package.json, if build-dict.mjs finished
 * writing it: found from this module (core itself), else by resolving the
 * package (core bundled into another package's single file).
 */
function builtDictionary(): string | undefined {
  const complete = (pkgDir: string) => {
    const dict = path.join(pkgDir, 'dict');
    return fs.existsSync(path.join(dict, 'manifest.json')) ? dict : undefined;
  };
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      const found = complete(dir);
      if (found) return found;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  try {
    return complete(path.dirname(moduleRequire().resolve('@replylint/core/package.json')));
  } catch {
    return undefined;
  }
}

/**
 * Start loading the Japanese tokenizer (once); resolves when it is ready. It
 * resolves to nothing, so the public declarations never name kuromoji's types
 * (`@types/kuromoji` is only a devDependency).
 */
export function ensureJapaneseTokenizer(): Promise<void> {
  if (tokenizer) return Promise.resolve();
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
  return loading.then(() => undefined);
}

/**
 * Forget the loaded tokenizer, its caches and its open dictionary file; the
 * next Japanese sentence loads it again. Not part of the public API: the CLI's
 * snapshot builder (packages/cli/scripts/bundle-entry.mjs) lints Japanese once,
 * so that the code doing it is compiled into the snapshot, and then drops the
 * dictionary, which must not be in it (tens of MB, and a file descriptor of the
 * build machine). Call only when no load is in flight.
 */
export function unloadJapaneseTokenizer(): void {
  openFeatures?.close();
  openFeatures = undefined;
  tokenizer = undefined;
  loading = undefined;
  fastTokens = undefined;
  requireHere = undefined;
  sentenceCache.clear();
  utf8 = new Uint8Array(1024);
  charAtByte = new Int32Array(1024);
  byteStart = new Int32Array(342);
  runEnd = new Int32Array(342);
  classes = [];
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

/**
 * The last tokenised sentences (kuromojin keeps such a cache too): an editor
 * re-lints the whole reply at every keystroke, and replies share greetings and
 * closings. Entries are frozen; callers get a copy of the array.
 */
const sentenceCache = new Map<string, readonly JaToken[]>();
const sentenceCacheSize = 256;
const cachedSentenceLength = 1000;

/** Tokenise with the loaded tokenizer (call `ensureJapaneseTokenizer` first). */
export function tokenizeJapanese(value: string): JaToken[] {
  if (!tokenizer) throw new Error('replylint: the Japanese tokenizer is not loaded yet');
  const cached = sentenceCache.get(value);
  if (cached) {
    sentenceCache.delete(value);
    sentenceCache.set(value, cached);
    return cached.slice();
  }
  const out = fastTokens ? fastTokens(value) : tokensOf(tokenizer.tokenize(value));
  if (value.length <= cachedSentenceLength) {
    sentenceCache.set(value, out.slice());
    if (sentenceCache.size > sentenceCacheSize) sentenceCache.delete(sentenceCache.keys().next().value!);
  }
  return out;
}

/** replylint's tokens from kuromoji's. */
function tokensOf(tokens: IpadicFeatures[]): JaToken[] {
  const out: JaToken[] = [];
  let offset = 0;
  for (const t of tokens) {
    const surface = t.surface_form;
    out.push(jaToken(surface, t.basic_form, t.pos, t.pos_detail_1, t.conjugated_form, t.reading, offset));
    offset += surface.length;
  }
  return out;
}

function jaToken(
  surface: string,
  basicForm: string | undefined,
  pos: string,
  pos1: string,
  conjugatedForm: string,
  reading: string | undefined,
  offset: number,
): JaToken {
  return Object.freeze({
    surface,
    base: basicForm && basicForm !== '*' ? basicForm : surface,
    pos,
    pos1,
    conjugatedForm,
    reading: reading ?? '',
    offset,
  });
}

/**
 * `tokensOf(tokenizer.tokenize(value))` without kuromoji's token objects and
 * without splitting a feature line per token (set by installFastPaths).
 */
let fastTokens: ((value: string) => JaToken[]) | undefined;

// ---------------------------------------------------------------------------
// Loading

/** kuromoji's CharacterClass (char.def). */
interface CharacterClass {
  class_id: number;
  class_name: string;
  is_always_invoke: number | boolean;
  is_grouping: number | boolean;
}

/** kuromoji's ViterbiLattice / ViterbiNode, as far as building a lattice goes. */
interface Lattice {
  append(node: object): void;
  appendEos(): void;
  nodes_end_at: object[][];
}
type LatticeConstructor = new () => Lattice;
/** A node on kuromoji's best path. */
interface LatticeNode {
  name: number;
  type: string;
  surface_form: string;
}
type NodeConstructor = new (
  name: number,
  cost: number,
  startPos: number,
  length: number,
  type: 'KNOWN' | 'UNKNOWN',
  leftId: number,
  rightId: number,
  surface: string,
) => object;

/** The parts of kuromoji 0.1.2's internals that loading fills in. */
interface KuromojiInternals {
  token_info_dictionary: {
    loadDictionary(buffer: Uint8Array): unknown;
    loadPosVector(buffer: Uint8Array): unknown;
    target_map: unknown;
    getFeatures(id: number | string): string;
  };
  unknown_dictionary: {
    dictionary: { buffer: Uint8Array };
    target_map: Record<number, number[]>;
    lookup(ch: string): CharacterClass;
    getFeatures(id: number | string): string;
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
    build(text: string): Lattice;
    trie: {
      bc: {
        loadBaseBuffer(buffer: Int32Array): unknown;
        loadCheckBuffer(buffer: Int32Array): unknown;
        shrink(): void;
        getBaseBuffer(): Int32Array;
        getCheckBuffer(): Int32Array;
      };
    };
  };
  viterbi_searcher: {
    connection_costs: { loadConnectionCosts(buffer: Int16Array): unknown };
    search(lattice: Lattice): LatticeNode[];
  };
}

async function loadTokenizer(dir: string): Promise<Tokenizer<IpadicFeatures>> {
  const [empty, files] = await Promise.all([emptyTokenizer(), readDictionary(dir)]);
  const internals = empty as unknown as KuromojiInternals;

  const bc = internals.viterbi_builder.trie.bc;
  bc.loadBaseBuffer(int32(files['base.dat']));
  bc.loadCheckBuffer(int32(files['check.dat']));
  bc.shrink(); // as doublearray.load() does

  const words = internals.token_info_dictionary;
  words.loadDictionary(files['tid.dat']);
  // The feature lines are read through `features` (see installFastPaths), not kuromoji's pos_buffer.
  words.loadPosVector(new Uint8Array(0));
  const csr = files.targetMap;
  words.target_map = csr.proxy;

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

  installFastPaths(internals, csr, files['tid.dat'], files.features);
  openFeatures = files.features;

  // A wrong or damaged dictionary shows here rather than as odd findings later.
  const probe = empty.tokenize('日本語');
  if (probe.length !== 1 || probe[0]!.pos !== '名詞') {
    throw new Error('the dictionary files do not tokenise 日本語 as one noun (damaged or not an IPADIC build?)');
  }
  return empty;
}

/**
 * A kuromoji Tokenizer over empty dictionaries: `new Tokenizer(new DynamicDictionaries())`
 * from kuromoji's modules when they can be required (an installed kuromoji),
 * else from the public builder (a bundled kuromoji; see the header).
 */
function emptyTokenizer(): Promise<Tokenizer<IpadicFeatures>> {
  try {
    type Constructor = new (arg?: unknown) => unknown;
    const TokenizerClass = moduleRequire()('kuromoji/src/Tokenizer.js') as Constructor;
    const Dictionaries = moduleRequire()('kuromoji/src/dict/DynamicDictionaries.js') as Constructor;
    return Promise.resolve(new TokenizerClass(new Dictionaries()) as Tokenizer<IpadicFeatures>);
  } catch {
    // Only kuromoji's entry point is there.
  }
  const kuromoji = moduleRequire()('kuromoji') as typeof import('kuromoji');
  return new Promise((resolve, reject) => {
    // A file, not a directory: every dictionary read fails at once with ENOTDIR.
    const notADirectory = moduleRequire().resolve('kuromoji');
    kuromoji.builder({ dicPath: notADirectory }).build((_error, built) => {
      if (built && typeof (built as unknown as Partial<KuromojiInternals>).viterbi_builder === 'object') resolve(built);
      else reject(new Error('this kuromoji version does not hand back a Tokenizer to fill (replylint expects kuromoji 0.1.2)'));
    });
  });
}

type Files = Record<Exclude<DictionaryFile, 'tid_pos.dat' | 'tid_map.dat'>, Uint8Array> & { features: FeatureLines; targetMap: TargetMap };

/**
 * Every dictionary file as bytes: plain `NAME` when present, else `NAME.gz`
 * gunzipped. A plain tid_pos.dat (36 MB of feature lines, of which a reply
 * needs a few hundred) is not read: lines are read from it as tokens need them.
 */
async function readDictionary(dir: string): Promise<Files> {
  const entries = await Promise.all(
    dictionaryFiles.map(async (name) => {
      if (name === 'tid_pos.dat') {
        const file = await openLines(path.join(dir, name));
        if (file) return ['features', file] as const;
      }
      if (name === 'tid_map.dat') {
        const csr = await readCsr(path.join(dir, 'tid_map.csr'));
        if (csr) return ['targetMap', csr] as const;
      }
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
      if (name === 'tid_pos.dat') return ['features', memoryLines(aligned(bytes))] as const;
      if (name === 'tid_map.dat') return ['targetMap', targetMap(int32(aligned(bytes)))] as const;
      return [name, aligned(bytes)] as const;
    }),
  );
  return Object.fromEntries(entries) as Files;
}

/** Null-terminated UTF-8 lines of tid_pos.dat, by byte offset (kuromoji's ByteBuffer#getString). */
interface FeatureLines {
  line(start: number): string;
  /** Close the file the lines are read from, if any. */
  close(): void;
}

/** The loaded tokenizer's feature lines (closed by `unloadJapaneseTokenizer`). */
let openFeatures: FeatureLines | undefined;

function memoryLines(bytes: Uint8Array): FeatureLines {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    line(start) {
      if (!(start >= 0 && start < bytes.length)) return '';
      let end = bytes.indexOf(0, start);
      if (end < 0) end = bytes.length;
      return text.toString('utf8', start, end);
    },
    close() {},
  };
}

/**
 * Lines read from the file when asked for (one pread each; callers cache).
 * The descriptor stays open for the life of the tokenizer, which is the
 * process's (or the worker thread's).
 */
async function openLines(file: string): Promise<FeatureLines | undefined> {
  // A plain descriptor (a FileHandle would be closed when garbage-collected).
  let fd: number;
  try {
    fd = await new Promise<number>((resolve, reject) => fs.open(file, 'r', (error, opened) => (error ? reject(error) : resolve(opened))));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const { size } = fs.fstatSync(fd);
  let scratch = Buffer.allocUnsafe(512);
  return {
    line(start) {
      if (!(start >= 0 && start < size)) return '';
      let filled = 0;
      for (;;) {
        const want = Math.min(scratch.length - filled, size - start - filled);
        const got = want > 0 ? fs.readSync(fd, scratch, filled, want, start + filled) : 0;
        const end = scratch.indexOf(0, filled);
        if (end >= 0 && end < filled + got) return scratch.toString('utf8', 0, end);
        filled += got;
        if (got === 0 || start + filled >= size) return scratch.toString('utf8', 0, filled);
        if (filled === scratch.length) {
          const bigger = Buffer.allocUnsafe(scratch.length * 2);
          scratch.copy(bigger, 0, 0, filled);
          scratch = bigger;
        }
      }
    },
    close() {
      fs.closeSync(fd);
    },
  };
}

/** tid_map.csr as written by scripts/build-dict.mjs (targetMapCsr), if the file is there. */
async function readCsr(file: string): Promise<TargetMap | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readWhole(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const words = int32(bytes);
  const offsetsLength = words[1] ?? 0;
  const idsLength = words[2] ?? 0;
  if (words[0] !== 0x31434c52 || offsetsLength < 1 || words.length !== 3 + offsetsLength + idsLength) {
    throw new Error(`${path.basename(file)} is not a target map written by build-dict.mjs`);
  }
  return csrMap(words.subarray(3, 3 + offsetsLength), words.subarray(3 + offsetsLength));
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
interface TargetMap {
  /** ids[offsets[trieId] .. offsets[trieId + 1]] are the token-info ids of a trie entry. */
  offsets: Int32Array;
  ids: Int32Array;
  /** kuromoji's `target_map[trieId]`, answered from the two arrays. */
  proxy: Record<number, Int32Array>;
}

function targetMap(map: Int32Array): TargetMap {
  const length = map.length;
  const at = (i: number) => (i < length ? map[i]! : 0);
  let maxKey = -1;
  let total = 0;
  for (let p = 1; p < length; ) {
    const key = map[p]!;
    const n = at(p + 1);
    if (n > 0 && key >= 0) {
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
  const next = offsets.slice(0, maxKey + 1);
  for (let p = 1; p < length; ) {
    const key = map[p]!;
    const n = at(p + 1);
    if (n > 0 && key >= 0) {
      // Same order as kuromoji's addMapping(), which appends.
      for (let j = 0; j < n; j++) ids[next[key]!++] = at(p + 2 + j);
    }
    p += 2 + Math.max(n, 0);
  }
  return csrMap(offsets, ids);
}

function csrMap(offsets: Int32Array, ids: Int32Array): TargetMap {
  const maxKey = offsets.length - 2;
  const empty = new Int32Array(0);
  const proxy = new Proxy(Object.freeze({}) as Record<number, Int32Array>, {
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
  return { offsets, ids, proxy };
}

// ---------------------------------------------------------------------------
// Fast paths (same results as kuromoji 0.1.2, checked token for token by bench/)

/** kuromoji's ByteBuffer#getShort: little-endian int16, 0 past the end. */
function getShort(bytes: Uint8Array, index: number): number {
  if (bytes.length < index + 2) return 0;
  return (((bytes[index + 1]! << 8) | bytes[index]!) << 16) >> 16;
}

/** kuromoji's ByteBuffer#getInt: little-endian int32, 0 past the end. */
function getInt(bytes: Uint8Array, index: number): number {
  if (bytes.length < index + 4) return 0;
  return bytes[index]! | (bytes[index + 1]! << 8) | (bytes[index + 2]! << 16) | (bytes[index + 3]! << 24);
}

const surrogate = /[\uD800-\uDFFF]/;

/** Scratch arrays for one sentence, grown as needed (tokenising is synchronous). */
let utf8 = new Uint8Array(1024);
let byteStart = new Int32Array(342);
let charAtByte = new Int32Array(1024);
let runEnd = new Int32Array(342);
let classes: CharacterClass[] = [];

/**
 * Replace, on this tokenizer only, kuromoji's ViterbiBuilder#build and
 * TokenInfoDictionary#getFeatures with versions that give the same lattice
 * and the same strings without per-character garbage:
 *
 * - build: kuromoji, at every character, slices the rest of the sentence,
 *   wraps it in a SurrogateAwareString, UTF-8-encodes all of it for the trie's
 *   commonPrefixSearch, and decodes each match back to a string. Here the
 *   sentence is encoded once, the trie (the same base/check arrays, the same
 *   traversal) walks the bytes from each character's offset, matches become
 *   substrings, entry ids come from the CSR arrays, and unknown-word grouping
 *   runs are found in one backward pass. Sentences with surrogate code units
 *   (emoji, rare kanji; kuromoji also throws on a lone high surrogate) use
 *   kuromoji's own build.
 * - getFeatures: the feature line is read with one UTF-8 slice (from memory,
 *   or from the plain tid_pos.dat on disk) instead of an array of bytes
 *   decoded one by one, and kept in a cache.
 */
function installFastPaths(internals: KuromojiInternals, csr: TargetMap, tid: Uint8Array, features: FeatureLines): void {
  const builder = internals.viterbi_builder;
  const stockBuild = builder.build;
  const probe = stockBuild.call(builder, 'あ');
  const LatticeClass = probe.constructor as LatticeConstructor;
  const NodeClass = probe.nodes_end_at[0]![0]!.constructor as NodeConstructor;
  const bc = builder.trie.bc;
  const base = bc.getBaseBuffer();
  const check = bc.getCheckBuffer();
  const baseLength = base.length;
  const checkLength = check.length;
  const { offsets, ids } = csr;
  const maxTrieId = offsets.length - 2;
  const unknown = internals.unknown_dictionary;
  const unknownEntries = unknown.dictionary.buffer;
  const unknownMap = unknown.target_map;

  const fastBuild = (text: string): Lattice => {
    const n = text.length;
    if (utf8.length < n * 3 + 1) {
      utf8 = new Uint8Array(n * 3 + 64);
      charAtByte = new Int32Array(n * 3 + 64);
    }
    if (byteStart.length < n + 1) {
      byteStart = new Int32Array(n + 64);
      runEnd = new Int32Array(n + 64);
    }
    // UTF-8 (doublearray's encoder for BMP code points) and the byte offset of each character.
    let j = 0;
    for (let i = 0; i < n; i++) {
      byteStart[i] = j;
      charAtByte[j] = i;
      const c = text.charCodeAt(i);
      if (c < 0x80) utf8[j++] = c;
      else if (c < 0x800) {
        utf8[j++] = (c >>> 6) | 0xc0;
        utf8[j++] = (c & 0x3f) | 0x80;
      } else {
        utf8[j++] = (c >>> 12) | 0xe0;
        utf8[j++] = ((c >> 6) & 0x3f) | 0x80;
        utf8[j++] = (c & 0x3f) | 0x80;
      }
    }
    byteStart[n] = j;
    charAtByte[j] = n;
    const byteLength = j;

    // Character classes, and where each same-class run ends (kuromoji compares class names).
    if (classes.length < n) classes = new Array<CharacterClass>(n + 64);
    for (let i = 0; i < n; i++) classes[i] = unknown.lookup(text.charAt(i));
    for (let i = n - 1; i >= 0; i--) {
      runEnd[i] = i + 1 < n && classes[i + 1]!.class_name === classes[i]!.class_name ? runEnd[i + 1]! : i + 1;
    }

    const lattice = new LatticeClass();
    for (let pos = 0; pos < n; pos++) {
      // DoubleArray#commonPrefixSearch on the bytes from this character on.
      let matches = 0;
      let parent = 0;
      for (let b = byteStart[pos]!; b < byteLength; b++) {
        const child = (parent < baseLength ? base[parent]! : -parent + 1) + utf8[b]!;
        if ((child < checkLength ? check[child] : -child - 1) !== parent) break;
        parent = child;
        const grandChild = (child < baseLength ? base[child]! : -child + 1) + 0; // TERM_CODE
        if ((grandChild < checkLength ? check[grandChild] : -grandChild - 1) !== child) continue;
        matches++;
        const leaf = grandChild < baseLength ? base[grandChild]! : -grandChild + 1;
        if (leaf > 0) continue; // not a leaf: kuromoji would have no entry id either
        const trieId = -leaf - 1;
        if (trieId > maxTrieId) continue;
        const end = charAtByte[b + 1]!;
        const key = text.slice(pos, end);
        for (let k = offsets[trieId]!, stop = offsets[trieId + 1]!; k < stop; k++) {
          const id = ids[k]!;
          lattice.append(new NodeClass(id, getShort(tid, id + 4), pos + 1, end - pos, 'KNOWN', getShort(tid, id), getShort(tid, id + 2), key));
        }
      }

      // Unknown words.
      const headClass = classes[pos]!;
      if (matches === 0 || headClass.is_always_invoke === 1) {
        const end = headClass.is_grouping === 1 ? runEnd[pos]! : pos + 1;
        const key = end === pos + 1 ? text.charAt(pos) : text.slice(pos, end);
        const unknownIds = unknownMap[headClass.class_id];
        if (unknownIds) {
          for (let k = 0; k < unknownIds.length; k++) {
            const id = unknownIds[k]!;
            lattice.append(
              new NodeClass(id, getShort(unknownEntries, id + 4), pos + 1, end - pos, 'UNKNOWN', getShort(unknownEntries, id), getShort(unknownEntries, id + 2), key),
            );
          }
        }
      }
    }
    lattice.appendEos();
    if (n > 65_536) {
      // Do not keep megabytes of scratch after one huge sentence.
      utf8 = new Uint8Array(1024);
      charAtByte = new Int32Array(1024);
      byteStart = new Int32Array(342);
      runEnd = new Int32Array(342);
      classes = [];
    }
    return lattice;
  };

  builder.build = function build(this: unknown, text: string): Lattice {
    return surrogate.test(text) ? stockBuild.call(this, text) : fastBuild(text);
  };

  // Feature lines by token-info id: a support reply uses a few thousand distinct words.
  const cache = new Map<number, string>();
  internals.token_info_dictionary.getFeatures = function getFeatures(id: number | string): string {
    const tokenInfoId = typeof id === 'number' && Number.isInteger(id) ? id : parseInt(String(id), 10);
    if (Number.isNaN(tokenInfoId)) return '';
    let line = cache.get(tokenInfoId);
    if (line === undefined) {
      line = features.line(getInt(tid, tokenInfoId + 6));
      if (cache.size >= 100_000) cache.clear();
      cache.set(tokenInfoId, line);
    }
    return line;
  };

  // Tokens straight from the best path, as Tokenizer#tokenize + IpadicFormatter + tokensOf would make them.
  const TokenizerClass = (internals as unknown as { constructor: { splitByPunctuation(text: string): string[] } }).constructor;
  const searcher = internals.viterbi_searcher;
  const known = new Map<number, string[]>();
  const unknownFeatures = new Map<number, string[]>();
  const featuresOf = (map: Map<number, string[]>, line: (id: number) => string, id: number): string[] => {
    let fields = map.get(id);
    if (!fields) {
      fields = line(id).split(',');
      if (map.size >= 100_000) map.clear();
      map.set(id, fields);
    }
    return fields;
  };
  const knownLine = (id: number) => internals.token_info_dictionary.getFeatures(id);
  const unknownLine = (id: number) => unknown.getFeatures(id);
  fastTokens = (value: string): JaToken[] => {
    const out: JaToken[] = [];
    let offset = 0;
    for (const sentence of TokenizerClass.splitByPunctuation(value)) {
      for (const node of searcher.search(builder.build(sentence))) {
        let token: JaToken;
        if (node.type === 'KNOWN') {
          const f = featuresOf(known, knownLine, node.name);
          token = jaToken(f[0]!, f[7], f[1]!, f[2]!, f[6]!, f[8], offset);
        } else if (node.type === 'UNKNOWN') {
          const f = featuresOf(unknownFeatures, unknownLine, node.name);
          token = jaToken(node.surface_form, f[7], f[1]!, f[2]!, f[6]!, undefined, offset);
        } else {
          return tokensOf(tokenizerOf(internals).tokenize(value)); // not made by this builder; kuromoji's own way
        }
        out.push(token);
        offset += token.surface.length;
      }
    }
    return out;
  };
}

function tokenizerOf(internals: KuromojiInternals): Tokenizer<IpadicFeatures> {
  return internals as unknown as Tokenizer<IpadicFeatures>;
}
