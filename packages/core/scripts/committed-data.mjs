/**
 * Shared by the scripts that write data the library ships and commits (build-synonyms.mjs,
 * build-inflections.mjs): write the file, or with `--check` exit 1 when the committed file
 * differs from what the script would write (the test suite runs the check).
 */
import fs from 'node:fs';
import path from 'node:path';

/** Writes `text` to `out` (printing `summary`), or checks it under `--check`; `script` names the command to rerun. */
export function writeOrCheck(out, text, script, summary) {
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), out)} is out of date: run node packages/core/scripts/${script}`);
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(out, text);
  console.log(`wrote ${path.relative(process.cwd(), out)}: ${summary}`);
}
