/**
 * Reading a labelled corpus (the JSONL format of ../shared/corpus/GUIDELINES.md),
 * shared by `eval` and `firings`.
 */
import { readFileSync } from 'node:fs';

export interface Case {
  id: string;
  lang: 'ja' | 'en';
  channel?: 'email' | 'chat';
  inquiry: string | null;
  reply: string;
  labels: Record<string, boolean>;
  note?: string;
}

/** Parse every non-blank line; a bad line throws an error naming the file and line number. */
export function readCorpus(file: string): Case[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim())
    .map(([line, n]) => {
      try {
        return JSON.parse(line) as Case;
      } catch (error) {
        throw new Error(`${file}:${n}: not valid JSON (${(error as Error).message})`);
      }
    });
}
