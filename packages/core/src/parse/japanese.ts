/**
 * One kuromoji tokenizer per process, created only when Japanese text is met,
 * shared by every caller through one in-flight load promise
 * (the retext-spell / kuromojin pattern).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';

const require = createRequire(import.meta.url);

let tokenizer: Tokenizer<IpadicFeatures> | undefined;
let loading: Promise<Tokenizer<IpadicFeatures>> | undefined;

/** Where the dictionary lives: `REPLYLINT_KUROMOJI_DICT`, else kuromoji's own `dict/`. */
export function dictionaryPath(): string {
  const fromEnv = process.env['REPLYLINT_KUROMOJI_DICT'];
  if (fromEnv) return fromEnv;
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

/** Start loading the Japanese tokenizer (once) and return the shared promise. */
export function ensureJapaneseTokenizer(): Promise<Tokenizer<IpadicFeatures>> {
  if (tokenizer) return Promise.resolve(tokenizer);
  if (!loading) {
    loading = new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) => {
      // Loaded lazily so English-only use never pays for the dictionary.
      const kuromoji = require('kuromoji') as typeof import('kuromoji');
      kuromoji.builder({ dicPath: dictionaryPath() }).build((error, built) => {
        if (error) {
          loading = undefined;
          reject(new Error(`replylint: could not load the Japanese dictionary from ${dictionaryPath()}: ${error.message}`));
          return;
        }
        tokenizer = built;
        resolve(built);
      });
    });
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
