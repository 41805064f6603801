/**
 * Reading a reply or inquiry file as text: UTF-8 only, bounded in size, one
 * line naming the file when it cannot be read. Markdown code and front matter
 * are masked (see markdown.ts) so offsets stay true to the file.
 */
import { open } from 'node:fs/promises';
import { isMarkdownPath } from './paths.js';

/** A file or stream that cannot be read as a reply or inquiry. `message` is one line naming it. */
export class ReadError extends Error {
  override name = 'ReadError';
}

/**
 * Input larger than this is refused before it is read whole (`/dev/zero`, `yes |`): replies over
 * core's limit of 1,048,576 characters are not analysed anyway, and that is at most 4 MiB of UTF-8.
 */
export const maxInputBytes = 8 * 1024 * 1024;

export function tooLarge(label: string): ReadError {
  return new ReadError(`${label}: larger than ${maxInputBytes / 1024 / 1024} MiB; replies are limited to 1,048,576 characters`);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text; binary or non-UTF-8 input is an error naming `label`. */
export function decodeText(bytes: Uint8Array, label: string): string {
  if (bytes.includes(0)) throw new ReadError(`${label}: binary file (contains NUL bytes), expected UTF-8 text`);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ReadError(`${label}: not valid UTF-8 text`);
  }
}

/** A file's text, read in chunks and refused past `maxInputBytes`. Errors name `label`. */
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
    if (error instanceof ReadError) throw error;
    throw new ReadError(`${label}: ${describeFsError(error)}`);
  }
  return decodeText(Buffer.concat(chunks), label);
}

/** A reply or inquiry file as lint input: its text, with Markdown code and front matter masked. */
export async function readProse(file: string, label = file): Promise<string> {
  return proseOfText(await readTextFile(file, label), file);
}

/**
 * Text as lint input for a file of this path: masked when the path is
 * Markdown. The Markdown parser is loaded only then (`proseOf`, in prose.ts,
 * is the synchronous form).
 */
export async function proseOfText(text: string, filePath: string | undefined): Promise<string> {
  return isMarkdownPath(filePath) ? (await import('./markdown.js')).maskMarkdown(text) : text;
}

/** A file-system error as a short reason (`no such file`, `permission denied`, …). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return String((error as Error).message ?? error).split('\n')[0]!.trim();
}
