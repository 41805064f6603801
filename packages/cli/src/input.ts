/** Reading replies: files, globs and stdin, with one-line errors. */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { describeFsError, isInquiryFile } from './config.js';

/** A usage, I/O or config problem: printed as one line, exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text; binary or non-UTF-8 input is an error naming `label`. */
export function decodeText(bytes: Uint8Array, label: string): string {
  if (bytes.includes(0)) throw new CliError(`${label}: binary file (contains NUL bytes), expected UTF-8 text`);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CliError(`${label}: not valid UTF-8 text`);
  }
}

/**
 * Input larger than this is refused before it is read whole (`/dev/zero`, `yes |`): replies over
 * core's limit of 1,048,576 characters are not analysed anyway, and that is at most 4 MiB of UTF-8.
 */
export const maxInputBytes = 8 * 1024 * 1024;

function tooLarge(label: string): CliError {
  return new CliError(`${label}: larger than ${maxInputBytes / 1024 / 1024} MiB; replies are limited to 1,048,576 characters`);
}

export async function readTextFile(file: string, label = file): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const handle = await open(file, 'r');
    try {
      for (;;) {
        const chunk = Buffer.alloc(64 * 1024);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > maxInputBytes) throw tooLarge(label);
        chunks.push(chunk.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${label}: ${describeFsError(error)}`);
  }
  return decodeText(Buffer.concat(chunks), label);
}

export async function readStdin(label: string): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxInputBytes) {
      process.stdin.destroy();
      throw tooLarge(label);
    }
    chunks.push(chunk as Buffer);
  }
  return decodeText(Buffer.concat(chunks), label);
}

const replyGlob = /\.(txt|md|markdown)$/i;

/**
 * Turn file arguments into reply files: an existing path is taken as is
 * (a directory is an error), a glob lists `.txt`/`.md` files that are not
 * `*.inquiry.*`. Paths stay as the user wrote them (relative to cwd).
 */
export async function expandFileArgs(args: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(path.resolve(cwd, arg)).catch(() => undefined);
    if (info?.isDirectory()) {
      throw new CliError(`${arg}: is a directory, not a file (to lint the replies in it, pass a glob such as '${path.join(arg, '**/*.txt')}')`);
    }
    if (info || !isDynamicPattern(arg)) {
      files.push(arg);
      continue;
    }
    const matches = await glob(arg, { cwd, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false });
    const replies = matches.filter((file) => replyGlob.test(file) && !isInquiryFile(file)).sort();
    if (replies.length === 0) throw new CliError(`${arg}: no reply files (.txt, .md) match this pattern`);
    files.push(...replies);
  }
  return [...new Set(files)];
}
