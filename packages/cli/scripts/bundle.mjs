#!/usr/bin/env node
/**
 * Builds the CLI that the `replylint` command runs (after `tsc -b`, from dist/):
 *
 *   dist/replylint.cjs      the command and everything it imports (core, node,
 *                           their dependencies) in one CommonJS file; what an
 *                           invocation does not need (serve, audit, YAML,
 *                           Markdown, reporters) is evaluated only when used
 *   dist/audit-worker.cjs   the audit worker thread, likewise in one file
 *   dist/replylint.blob     a V8 startup snapshot of replylint.cjs after it has
 *                           linted sample replies (`node --build-snapshot`),
 *                           for this Node version only
 *   dist/replylint.blob.id  the `node` binary that built it (path, size, mtime):
 *                           the launcher (replylint.js) runs the snapshot only
 *                           with that binary, since a snapshot loads only in the
 *                           Node.js (and with the V8 flags) that built it
 *
 * kuromoji's code is bundled too (see bundleKuromoji); the dictionary is read
 * from @replylint/core's dict/ at run time, as without the bundle.
 *
 * Usage: node scripts/bundle.mjs [--no-snapshot] [--quiet]
 *   (REPLYLINT_BUNDLE_NO_MINIFY=1 keeps names readable, for CPU profiles of the CLI)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { candidateRanges, fastEmojiRegexModule } from './emoji-fast.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const cliDir = path.resolve(here, '..');
const dist = path.join(cliDir, 'dist');
const quiet = process.argv.includes('--quiet');
const snapshot = !process.argv.includes('--no-snapshot');

/** @replylint package directories (realpaths), to map a bundled file to its package. */
const packages = Object.fromEntries(
  ['cli', 'core', 'node'].map((name) => [name, fs.realpathSync(path.join(cliDir, '..', name))]),
);

/**
 * `import.meta.url` of a @replylint file → its URL in the installed package
 * (bundle-paths.mjs); of any other bundled file (fdir's `createRequire(import.meta.url)`)
 * → the bundle's own URL, as if the module lived where the bundle does.
 */
const importMetaUrlPlugin = {
  name: 'replylint-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?js$/, namespace: 'file' }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const file = fs.realpathSync(args.path);
      const owner = Object.entries(packages).find(([, dir]) => file.startsWith(dir + path.sep));
      const [pkg, relative] = owner ? [`@replylint/${owner[0]}`, path.relative(owner[1], file).split(path.sep).join('/')] : ['@replylint/cli', `dist/${path.basename(b.initialOptions.outfile)}`];
      let contents = text.replaceAll('import.meta.url', `__replylintFileUrl(${JSON.stringify(pkg)}, ${JSON.stringify(relative)})`);
      if (pkg === '@replylint/core' && relative === 'dist/src/parse/japanese.js') contents = bundleKuromoji(contents);
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

/**
 * core's Japanese loader requires kuromoji's own modules (Tokenizer,
 * DynamicDictionaries) at run time, from core's place. In the bundle they are
 * required statically, so esbuild bundles them and the snapshot holds them
 * evaluated (kuromoji's entry point, used only where its modules are missing,
 * stays a run-time require).
 */
function bundleKuromoji(text) {
  const pattern = /moduleRequire\(\)\(('kuromoji\/src\/[^']+')\)/g;
  const found = text.match(pattern)?.length ?? 0;
  if (found < 2) throw new Error(`bundle: expected japanese.js to require kuromoji's Tokenizer and DynamicDictionaries (found ${found} requires); update bundleKuromoji()`);
  return text.replace(pattern, 'require($1)');
}

/**
 * A large JSON file of a @replylint package (the sentence model, the Japanese
 * synonym table) is read from that package at run time with JSON.parse: V8 parses
 * JSON several times faster than the same data as a JavaScript object literal, and
 * the synonym table, needed only for Japanese, stays out of the snapshot.
 */
const largeJsonPlugin = {
  name: 'replylint-large-json',
  setup(b) {
    b.onLoad({ filter: /\.json$/, namespace: 'file' }, (args) => {
      const file = fs.realpathSync(args.path);
      const owner = Object.entries(packages).find(([, dir]) => file.startsWith(dir + path.sep));
      if (!owner || fs.statSync(file).size < 64 * 1024) return undefined;
      const relative = path.relative(owner[1], file).split(path.sep).join('/');
      const url = `__replylintFileUrl(${JSON.stringify(`@replylint/${owner[0]}`)}, ${JSON.stringify(relative)})`;
      return { contents: `module.exports = JSON.parse(require('node:fs').readFileSync(new URL(${url}), 'utf8'));`, loader: 'js' };
    });
  },
};

/**
 * string-width 6 (vfile-reporter's) gets an `emojiRegex()` that compiles the
 * 14,000-character expression only for a grapheme that could be an emoji
 * (emoji-fast.mjs). Applied only to the string-width whose source uses it as
 * `emojiRegex().test(character)` and nothing else; any other stays as it is.
 */
const fastEmojiPlugin = {
  name: 'replylint-fast-emoji',
  setup(b) {
    b.onResolve({ filter: /^emoji-regex$/ }, async (args) => {
      if (!/[\\/]string-width[\\/]index\.js$/.test(args.importer)) return undefined;
      const source = fs.readFileSync(args.importer, 'utf8');
      if ((source.match(/emojiRegex/g) ?? []).length !== 2 || !source.includes('emojiRegex().test(character)')) return undefined;
      const real = await b.resolve('emoji-regex', { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'real' });
      return { path: real.path, namespace: 'replylint-fast-emoji' };
    });
    b.onLoad({ filter: /.*/, namespace: 'replylint-fast-emoji' }, async (args) => {
      const { default: emojiRegex } = await import(pathToFileURL(args.path).href);
      return { contents: fastEmojiRegexModule(args.path, candidateRanges(emojiRegex().source)), loader: 'js', resolveDir: here };
    });
  },
};

/**
 * string-width 6 (vfile-reporter's) gets `graphemes(string)` (graphemes-fast.mjs)
 * for `new Intl.Segmenter().segment(string)`: the same segments, without loading
 * ICU's break rules for a string of characters that are each a grapheme. Applied
 * only to the string-width whose source iterates that way exactly once.
 */
const fastGraphemesPlugin = {
  name: 'replylint-fast-graphemes',
  setup(b) {
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/, namespace: 'file' }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const call = 'new Intl.Segmenter().segment(string)';
      if (text.split(call).length !== 2 || !text.includes('of new Intl.Segmenter().segment(string)) {')) return undefined;
      const helper = JSON.stringify(path.join(here, 'graphemes-fast.mjs'));
      return { contents: `import { graphemes as __replylintGraphemes } from ${helper};\n${text.replace(call, '__replylintGraphemes(string)')}`, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

/**
 * The snapshot's bundle leaves out what the launcher never runs from the
 * snapshot (`serve`, `audit`: dist/replylint.cjs runs them), so the snapshot
 * holds only the linting path.
 */
const snapshotOnlyLintPlugin = {
  name: 'replylint-snapshot-lint-only',
  setup(b) {
    b.onResolve({ filter: /^\.\/(serve\/command|audit)\.js$/ }, (args) => ({ path: args.path, namespace: 'not-in-snapshot' }));
    b.onLoad({ filter: /.*/, namespace: 'not-in-snapshot' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`replylint: ${args.path} is not in the startup snapshot (the launcher runs it from dist/replylint.cjs)`)});`,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  inject: [path.join(here, 'bundle-paths.mjs')],
  define: { __REPLYLINT_BUNDLE__: 'true' },
  plugins: [importMetaUrlPlugin, largeJsonPlugin, fastEmojiPlugin, fastGraphemesPlugin],
  // Node's `require(esm)` conditions are not wanted: bundle each package's import build.
  conditions: ['node', 'import', 'default'],
  mainFields: ['module', 'main'],
  legalComments: 'inline',
  minify: !process.env.REPLYLINT_BUNDLE_NO_MINIFY,
  keepNames: true,
  logLevel: 'warning',
  absWorkingDir: cliDir,
};

/**
 * V8 flags of the snapshot (and of the launcher that runs it). `--no-regexp-tier-up`:
 * V8 first compiles a regular expression to bytecode and, once it has run, again to
 * machine code; a cold start compiles core's patterns (hundreds, some large) twice.
 * Compiled once, straight to machine code, the first lint() of an English reply takes
 * about half the time (measured: 92 → 46 ms). Compiled regular expressions are not
 * kept in a snapshot, so this counts at every start. Matching is the same either way.
 */
export const snapshotFlags = ['--no-regexp-tier-up'];

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular
 * expression literals (「[。！？]」); one such character makes V8 keep the whole
 * script source as two-byte text, twice the memory (and snapshot) of ASCII.
 * `\uXXXX` means the same code unit in a string, a comment, a regular expression
 * (a surrogate pair of escapes is one code point under the `u` flag) and an
 * identifier; only a raw template string would differ, and none may be there.
 */
function asciiOnly(file) {
  const text = fs.readFileSync(file, 'utf8');
  for (const raw of text.matchAll(/String\.raw`/g)) {
    // Conservatively: no non-ASCII character in the text that follows a String.raw tag.
    if (/[^\x00-\x7f]/.test(text.slice(raw.index, raw.index + 2000))) throw new Error(`bundle: ${file}: a String.raw template may hold non-ASCII characters`);
  }
  fs.writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

const started = performance.now();
for (const file of ['replylint.cjs', 'replylint-snapshot.cjs', 'audit-worker.cjs', 'replylint.blob', 'replylint.blob.id']) fs.rmSync(path.join(dist, file), { force: true });
await Promise.all([
  build({ ...common, entryPoints: [path.join(here, 'bundle-entry.mjs')], outfile: path.join(dist, 'replylint.cjs') }),
  build({ ...common, entryPoints: [path.join(dist, 'src/audit-worker.js')], outfile: path.join(dist, 'audit-worker.cjs') }),
  snapshot &&
    build({ ...common, plugins: [...common.plugins, snapshotOnlyLintPlugin], entryPoints: [path.join(here, 'bundle-entry.mjs')], outfile: path.join(dist, 'replylint-snapshot.cjs') }),
]);
for (const file of ['replylint.cjs', 'audit-worker.cjs', ...(snapshot ? ['replylint-snapshot.cjs'] : [])]) asciiOnly(path.join(dist, file));
const bundled = performance.now();

if (snapshot) {
  const blob = path.join(dist, 'replylint.blob');
  // The same V8 flags as the launcher passes (a snapshot loads only with the flags it was built with).
  const result = spawnSync(process.execPath, [...snapshotFlags, '--snapshot-blob', blob, '--build-snapshot', path.join(dist, 'replylint-snapshot.cjs')], {
    cwd: dist,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (result.status !== 0 || !fs.existsSync(blob)) {
    throw new Error(`bundle: building the startup snapshot failed (exit ${result.status}):\n${result.stderr}`);
  }
  // As the launcher's `stat -L -c '%n %s %Y'` of the resolved `node` prints it.
  const node = fs.realpathSync(process.execPath);
  const info = fs.statSync(node);
  fs.writeFileSync(path.join(dist, 'replylint.blob.id'), `${node} ${info.size} ${Math.floor(info.mtimeMs / 1000)}\n`);
}
if (!quiet) {
  const size = (file) => (fs.existsSync(path.join(dist, file)) ? `${(fs.statSync(path.join(dist, file)).size / 1e6).toFixed(1)} MB` : 'none');
  console.log(
    `bundle: dist/replylint.cjs ${size('replylint.cjs')}, dist/audit-worker.cjs ${size('audit-worker.cjs')} in ${Math.round(bundled - started)} ms; ` +
      `snapshot dist/replylint.blob ${size('replylint.blob')} in ${Math.round(performance.now() - bundled)} ms`,
  );
}
