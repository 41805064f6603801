/**
 * Injected into the CLI bundles by bundle.mjs. Every `import.meta.url` of a
 * bundled @replylint file becomes `__replylintFileUrl(PACKAGE, FILE)`: the URL
 * that file has in its installed package (packages/cli/dist/src/audit.js,
 * @replylint/core's dist/src/parse/japanese.js, …), so the code finds its
 * workers, its package.json, kuromoji and the prepared dictionary exactly as
 * when it is not bundled.
 *
 * Package directories are found when first asked for, from the CLI's own
 * directory: the bundle's parent, or the one the snapshot launcher passes
 * (`setCliDir`), since a snapshot is built in one place and run in another.
 * They are looked up as Node resolves a package name — `node_modules/NAME` in
 * the CLI's directory and each one above it, symlinks resolved — without
 * Node's module loader, which must not start while a snapshot is being built.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

let cliDir;
const packageDirs = new Map();

/** The directory of @replylint/cli's package.json. */
export function setCliDir(dir) {
  cliDir = dir;
  packageDirs.clear();
}

export function __replylintFileUrl(pkg, file) {
  // dist/replylint.cjs or dist/audit-worker.cjs -> the package directory.
  cliDir ??= path.dirname(__dirname);
  let dir = packageDirs.get(pkg);
  if (dir === undefined) {
    dir = pkg === '@replylint/cli' ? cliDir : findPackage(pkg);
    packageDirs.set(pkg, dir);
  }
  return pathToFileURL(path.join(dir, file)).href;
}

function findPackage(pkg) {
  for (let dir = cliDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', pkg);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
    if (path.dirname(dir) === dir) throw new Error(`replylint: cannot find ${pkg} from ${cliDir}`);
  }
}
