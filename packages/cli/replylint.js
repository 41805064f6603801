#!/bin/sh
":" /*
# The `replylint` command: a POSIX sh launcher that is also an ES module.
#
# As sh (how npm's bin link runs it): run the V8 startup snapshot that
# scripts/bundle.mjs built (dist/replylint.blob: the bundled CLI, evaluated, after
# linting sample replies) when it was built by this very `node` binary (path, size,
# modification time, in dist/replylint.blob.id) and no NODE_OPTIONS could change
# V8's flags; otherwise the bundle (dist/replylint.cjs). `serve` and `audit` always
# run from the bundle (the snapshot holds only the linting path).
#
# As JavaScript (`node replylint.js …`): the bundle; or, before the build has
# written it, the compiled command in dist/bin/.
self=$(readlink -f -- "$0" 2>/dev/null) || self=$0
dir=${self%/*}
case ${1-} in serve | audit) ;; *)
  if [ -z "${NODE_OPTIONS-}" ] && [ -r "$dir/dist/replylint.blob.id" ] && node_bin=$(command -v node); then
    IFS= read -r built <"$dir/dist/replylint.blob.id"
    if [ "$built" = "$(stat -L -c '%n %s %Y' -- "$(readlink -f -- "$node_bin")" 2>/dev/null)" ]; then
      exec node --no-regexp-tier-up --snapshot-blob "$dir/dist/replylint.blob" "$dir" "$@"
    fi
  fi
esac
[ -r "$dir/dist/replylint.cjs" ] && exec node "$dir/dist/replylint.cjs" "$@"
# This file as JavaScript (node follows a bin symlink that readlink -f could not).
exec node "$self" "$@"
*/
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

// require(), not import(): the bundle is one CommonJS script, with no exports to look for.
if (existsSync(new URL('./dist/replylint.cjs', import.meta.url))) createRequire(import.meta.url)('./dist/replylint.cjs');
else if (existsSync(new URL('./dist/bin/replylint.js', import.meta.url))) await import('./dist/bin/replylint.js');
else {
  process.stderr.write('replylint: not built yet: run `npm run build` (or `npm ci`, which builds)\n');
  process.exitCode = 2;
}
