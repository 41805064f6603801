/**
 * Reading replies: globs and stdin, with one-line errors. Files are read by
 * @replylint/node's `readProse` (the same reader the language server uses).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, isInquiryFile, maxInputBytes, tooLarge } from '@replylint/node';

/** A usage, I/O or config problem: printed as one line, exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
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
    if (info) {
      files.push(arg);
      continue;
    }
    // Globbing is loaded only for an argument that is not an existing file.
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (!isDynamicPattern(arg)) {
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
