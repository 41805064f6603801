#!/usr/bin/env node
/**
 * Bundles the extension with esbuild:
 *   dist/client.js     the extension (CommonJS, `vscode` external)
 *   dist/server.mjs    the language server (ESM, run by the client in its own
 *                      Node process over IPC), with @replylint/lsp, /node and
 *                      /core bundled from their TypeScript sources (the client
 *                      takes only @replylint/node/paths, which imports nothing)
 *   dist/node_modules/kuromoji/   kuromoji bundled into one file, with its
 *                      licences; the server loads it with `require('kuromoji')`
 *   dist/dict/         the prepared dictionary, as @replylint/core ships it
 *                      (packages/core/scripts/build-dict.mjs: kuromoji's IPADIC
 *                      gunzipped and trimmed, the word map precomputed), not
 *                      kuromoji's dict/*.dat.gz; the client points the server at
 *                      it with REPLYLINT_KUROMOJI_DICT
 *
 * Usage: node scripts/build.mjs [--production] [--watch]
 */
import { build, context } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '..');
const repo = path.resolve(pkgDir, '..', '..');
const dist = path.join(pkgDir, 'dist');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const require = createRequire(path.join(pkgDir, 'package.json'));

/**
 * Resolve the workspace packages to their TypeScript sources, so the bundle
 * never depends on a stale `tsc -b` output. Falls back to normal resolution
 * (their dist/) when a source entry is missing.
 */
const workspaceSources = {
  '@replylint/core': path.join(repo, 'packages/core/src/index.ts'),
  '@replylint/node': path.join(repo, 'packages/node/src/index.ts'),
  '@replylint/node/paths': path.join(repo, 'packages/node/src/paths.ts'),
  '@replylint/lsp': path.join(repo, 'packages/lsp/src/server.ts'),
};
const workspaceSourcePlugin = {
  name: 'replylint-workspace-sources',
  setup(b) {
    b.onResolve({ filter: /^@replylint\/(core|node|lsp)(\/paths)?$/ }, (args) => {
      const file = workspaceSources[args.path];
      return file && fs.existsSync(file) ? { path: file } : undefined;
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  sourcemap: production ? false : 'linked',
  minify: production,
  keepNames: true,
  legalComments: 'inline',
  logLevel: 'warning',
  absWorkingDir: pkgDir,
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

const clientOptions = {
  ...common,
  entryPoints: { client: path.join(pkgDir, 'src/extension.ts') },
  outdir: dist,
  format: 'cjs',
  external: ['vscode'],
  mainFields: ['module', 'main'],
  plugins: [workspaceSourcePlugin],
};

const serverOptions = {
  ...common,
  entryPoints: { server: path.join(pkgDir, 'src/server.ts') },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  external: ['kuromoji'],
  mainFields: ['module', 'main'],
  conditions: ['node', 'import', 'default'],
  plugins: [workspaceSourcePlugin],
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: [
      "import { createRequire as __replylintCreateRequire } from 'node:module';",
      'const require = __replylintCreateRequire(import.meta.url);',
    ].join('\n'),
  },
};

/** kuromoji as a self-contained package under dist/node_modules (its code; the dictionary is dist/dict). */
async function buildKuromoji() {
  const srcPkgJson = require.resolve('kuromoji/package.json');
  const srcDir = path.dirname(srcPkgJson);
  const srcPkg = JSON.parse(fs.readFileSync(srcPkgJson, 'utf8'));
  const outDir = path.join(dist, 'node_modules', 'kuromoji');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  await build({
    ...common,
    sourcemap: false,
    entryPoints: [path.join(srcDir, srcPkg.main ?? 'src/kuromoji.js')],
    outfile: path.join(outDir, 'index.js'),
    format: 'cjs',
    minify: production,
  });
  fs.writeFileSync(
    path.join(outDir, 'package.json'),
    JSON.stringify(
      {
        name: 'kuromoji',
        version: srcPkg.version,
        description: `${srcPkg.description} (bundled for replylint)`,
        license: srcPkg.license ?? 'Apache-2.0',
        main: 'index.js',
      },
      null,
      2,
    ) + '\n',
  );
  for (const file of ['LICENSE-2.0.txt', 'NOTICE.md']) {
    if (fs.existsSync(path.join(srcDir, file))) fs.copyFileSync(path.join(srcDir, file), path.join(outDir, file));
  }
}

/**
 * dist/dict: the prepared dictionary written by core's build-dict.mjs (which
 * rewrites it only when kuromoji or the script changed). The server reads it as
 * the CLI does: about 22 MB at load instead of gunzipping 17 MB into 100 MB.
 */
function buildDictionary() {
  const script = path.join(repo, 'packages/core/scripts/build-dict.mjs');
  const out = path.join(dist, 'dict');
  const result = spawnSync(process.execPath, [script, '--out', out, '--quiet'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`build-dict.mjs failed (exit ${result.status})`);
  if (!fs.existsSync(path.join(out, 'manifest.json'))) throw new Error(`no prepared dictionary in ${out}`);
}

async function main() {
  const started = Date.now();
  if (!watch) {
    for (const file of ['client.js', 'client.js.map', 'server.mjs', 'server.mjs.map']) {
      fs.rmSync(path.join(dist, file), { force: true });
    }
  }
  await buildKuromoji();
  buildDictionary();
  if (watch) {
    const contexts = await Promise.all([context(clientOptions), context(serverOptions)]);
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[replylint-vscode] watching for changes…');
    return;
  }
  await Promise.all([build(clientOptions), build(serverOptions)]);
  const size = (f) => `${(fs.statSync(path.join(dist, f)).size / 1024).toFixed(0)} KiB`;
  console.log(
    `[replylint-vscode] built dist/client.js (${size('client.js')}), dist/server.mjs (${size('server.mjs')}), ` +
      `dist/node_modules/kuromoji, dist/dict in ${Date.now() - started} ms${production ? ' (production)' : ''}`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
