// The docs say what the code does: every TypeScript block in README.md and docs/ type-checks
// against the packages as built, every shell block is run (or says why it cannot be: see
// "shell blocks" below), the pages that repeat a README section repeat it word for word, and
// the size limit the docs give is core's.
//   node --test test/docs.test.mjs        (npm test runs it after the build)
//
// A block preceded by `<!-- sketch: REASON -->` is a signature sketch, not code, and is skipped.
// Snippets may use `text`, `replyText` and `customerMessage` (strings) without declaring them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function markdownFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

/** The HTML comment that ends on the line above `start` (or above one blank line), without `<!--`/`-->`. */
function commentAbove(lines, start) {
  let end = start - 1;
  if (lines[end]?.trim() === '') end--;
  if (!lines[end]?.trim().endsWith('-->')) return undefined;
  for (let first = end; first >= 0 && first > end - 12; first--) {
    if (lines[first].trim().startsWith('<!--')) {
      return lines.slice(first, end + 1).join(' ').trim().replace(/^<!--\s*/, '').replace(/\s*-->$/, '').replace(/\s+/g, ' ');
    }
  }
  return undefined;
}

/** Every fenced block: its language, the line its fence is on, its lines, and the comment above it. */
function fencedBlocks(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```([\w-]*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const start = i;
    const body = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    blocks.push({ lang: fence[1], line: start + 1, body, comment: commentAbove(lines, start) });
  }
  return blocks;
}

/** Fenced ```ts / ```typescript blocks with the line they start on, and whether they are marked as sketches. */
function typescriptBlocks(file) {
  return fencedBlocks(file)
    .filter((block) => /^(?:ts|typescript)$/.test(block.lang))
    .map((block) => ({ line: block.line, code: block.body.join('\n'), sketch: /^sketch: .+/.test(block.comment ?? '') }));
}

const pages = [path.join(repo, 'README.md'), ...markdownFiles(path.join(repo, 'docs'))];

test('every TypeScript block in README.md and docs/ type-checks against the built packages', () => {
  // Inside the repository's node_modules, so `@replylint/*` resolve to the workspace packages.
  const dir = path.join(repo, 'node_modules', '.cache', 'replylint-doc-snippets');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  fs.writeFileSync(path.join(dir, 'prelude.d.ts'), 'declare const text: string;\ndeclare const replyText: string;\ndeclare const customerMessage: string;\n');
  const snippets = [];
  for (const page of pages) {
    for (const block of typescriptBlocks(page)) {
      if (block.sketch) continue;
      const name = `${path.relative(repo, page).replace(/[^\w]+/g, '_')}_L${block.line}.ts`;
      // `export {}` makes each block a module of its own (top-level await, no clashes between blocks).
      fs.writeFileSync(path.join(dir, name), `${block.code}\nexport {};\n`);
      snippets.push({ name, where: `${path.relative(repo, page)}:${block.line}` });
    }
  }
  assert.ok(snippets.some((s) => s.where.startsWith('README.md')), 'the README has checked blocks');
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
      files: ['prelude.d.ts', ...snippets.map((s) => s.name)],
    }),
  );
  const result = spawnSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  const report = (result.stdout + result.stderr).replace(/^\S*?([\w]+_L\d+\.ts)/gm, (whole, name) => snippets.find((s) => s.name === name)?.where ?? whole);
  assert.equal(report, '', 'tsc reports nothing');
  assert.equal(result.status, 0);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `## Title` … up to the next `## ` heading. */
function section(markdown, title) {
  const start = markdown.indexOf(`## ${title}\n`);
  assert.ok(start >= 0, `README has ## ${title}`);
  const next = markdown.indexOf('\n## ', start + 3);
  return markdown.slice(start, next < 0 ? undefined : next + 1).trimEnd();
}

test('docs/editors.md and docs/security.md are the README sections they repeat, word for word', () => {
  // Why: two copies that drift are how "8 MiB" and "grows until memory runs out" ended up side by side.
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const asInDocs = (text) => text.replace(/\]\(#/g, '](../README.md#');
  assert.equal(fs.readFileSync(path.join(repo, 'docs/editors.md'), 'utf8').trimEnd(), asInDocs(section(readme, 'Editors')));
  assert.equal(
    fs.readFileSync(path.join(repo, 'docs/security.md'), 'utf8').trimEnd(),
    asInDocs(`${section(readme, 'Security')}\n\n${section(readme, 'Limits')}`),
  );
});

test("every size limit the docs give for a reply is core's defaultMaxLength", async () => {
  const { defaultMaxLength } = await import(pathToFileURL(path.join(repo, 'packages/core/dist/src/index.js')).href);
  const stated = [];
  for (const page of [...pages, path.join(repo, 'packages/vscode/README.md')]) {
    const text = fs.readFileSync(page, 'utf8').replace(/\s+/g, ' ');
    for (const match of text.matchAll(/(?:longer than|over) \**([\d][\d,  ]*\d)\** (?:UTF-16 code units|characters)/g)) {
      stated.push({ page: path.relative(repo, page), value: Number(match[1].replace(/[,  ]/g, '')) });
    }
  }
  assert.ok(stated.length >= 2, `found the limit in the docs (${stated.length})`);
  // Only the reply limit (and the inquiry's 50,000 and the 200,000 of the nightly fuzz are not phrased this way).
  assert.deepEqual(stated.filter((s) => s.value !== defaultMaxLength), []);
});

// ---------------------------------------------------------------- shell blocks
//
// Every ```sh / ```bash / ```console block (and every ```text block that is a `$ command`
// transcript) is either run here or preceded by `<!-- not run: REASON -->`. Why: a command in
// the docs is the first thing a reader copies; an option that was renamed or a path that moved
// must fail a test, not the reader. Unmarked blocks are run from the repository root (or from
// the directory named by `<!-- run in: DIR -->`) with bash, `replylint` on PATH being the built
// CLI, and must behave as the docs say: the exit code a comment states (`# exits 1`), or the
// one a shown stylish summary implies, else 0 or 1 (2 is a usage, I/O or config error); no stack
// trace; and every line of shown output (`# → TEXT`, or the lines after a `$ ` command; `…`
// stands for anything) appears, in order, in what the command printed. Only commands on an
// allowlist of read-only ones are run: anything else (npm ci, servers, writing files) in an
// unmarked block fails the test, so a new block cannot slip through by being skipped or by
// running something it should not.

const shellLanguages = /^(?:sh|bash|shell|zsh|console)$/;

/** `$ cmd` transcripts: a console block, or a text block whose first line is a `$ ` command. */
function isTranscript(block) {
  return block.lang === 'console' || (block.lang === 'text' && /^\$ /.test(block.body.find((l) => l.trim() !== '') ?? ''));
}

/**
 * A shell line as words and operators, and its trailing comment. Quotes are removed from words
 * (`'replies/**\/*.txt'` is one word); `$(…)` and backticks are kept as `substitution`.
 */
function shellWords(text) {
  const words = [];
  let comment = '';
  let substitution = false;
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    if (text[i] === '#') {
      comment = text.slice(i + 1).trim();
      break;
    }
    const op = /^(?:&>|\d?>>?(?:&\d)?|<<-?|<|\|\||\||&&|;|&|\(|\))/.exec(text.slice(i));
    if (op) {
      words.push({ op: op[0] });
      i += op[0].length;
      continue;
    }
    let word = '';
    while (i < text.length && !/[\s|&;<>()]/.test(text[i])) {
      if (text[i] === "'" || text[i] === '"') {
        const close = text.indexOf(text[i], i + 1);
        const end = close < 0 ? text.length : close;
        word += text.slice(i + 1, end);
        if (text[i] === '"' && /\$\(|`/.test(text.slice(i + 1, end))) substitution = true;
        i = end + 1;
      } else if (text[i] === '\\') {
        word += text[i + 1] ?? '';
        i += 2;
      } else if (text[i] === '$' && text[i + 1] === '(') {
        // `$(…)` up to its closing parenthesis stays inside the word (`TOKEN=$(openssl rand -hex 32)`).
        substitution = true;
        let depth = 0;
        word += text[i++];
        do {
          if (text[i] === '(') depth++;
          if (text[i] === ')') depth--;
          word += text[i++];
        } while (i < text.length && depth > 0);
      } else {
        if (text[i] === '`') substitution = true;
        word += text[i++];
      }
    }
    words.push({ word });
  }
  return { words, comment, substitution };
}

/** The commands of a block: text, the file line it starts on, its comment, and the output shown for it. */
function blockCommands(block) {
  const commands = [];
  const transcript = isTranscript(block);
  for (let i = 0; i < block.body.length; i++) {
    let raw = block.body[i];
    if (transcript) {
      if (!raw.startsWith('$ ')) {
        commands.at(-1)?.shown.push(raw);
        continue;
      }
      raw = raw.slice(2);
    } else if (raw.trim() === '' || raw.trim().startsWith('#')) {
      continue;
    }
    const line = block.line + 1 + i;
    const parts = [raw];
    while (parts.at(-1).endsWith('\\') && i + 1 < block.body.length) parts.push(block.body[++i]);
    const text = parts.map((part) => part.replace(/\\$/, '')).join(' ');
    const parsed = shellWords(text);
    const command = { line, script: text, text: text.replace(/\s+#[^'"]*$/, '').trim(), ...parsed, shown: [], heredoc: false };
    const heredoc = parsed.words.findIndex((w) => w.op === '<<' || w.op === '<<-');
    if (heredoc >= 0) {
      command.heredoc = true;
      const end = parsed.words[heredoc + 1]?.word;
      while (i + 1 < block.body.length && block.body[i + 1].trim() !== end) i++;
      i++;
    }
    const arrow = /^→\s*(.+)$/.exec(parsed.comment);
    if (arrow && !transcript) command.shown.push(arrow[1]);
    commands.push(command);
  }
  return commands;
}

/** Split at `|`, `&&`, `||`, `;`, `&`: each stage with its words, its redirections and its program. */
function stages(command) {
  const result = [{ words: [], redirects: [] }];
  const { words } = command;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.op && /^(?:\||\|\||&&|;|&)$/.test(w.op)) result.push({ words: [], redirects: [] });
    else if (w.op && /^(?:&>|\d?>>?)$/.test(w.op)) result.at(-1).redirects.push({ op: w.op, target: words[++i]?.word });
    else if (w.op === '<') result.at(-1).redirects.push({ op: '<', target: words[++i]?.word });
    else if (w.op) result.at(-1).words.push(w.op);
    else result.at(-1).words.push(w.word);
  }
  return result
    .filter((stage) => stage.words.length > 0)
    .map((stage) => {
      const words = stage.words.slice();
      while (/^[A-Za-z_]\w*=/.test(words[0] ?? '')) words.shift(); // VAR=value before a command
      let program = words.shift();
      if (program === 'exec' || program === 'time') program = words.shift();
      if (program === 'npx') {
        while (words[0]?.startsWith('-')) words.shift();
        program = words.shift();
      }
      if (program === 'node' && words[0] && !words[0].startsWith('-')) program = `node ${words.shift()}`;
      if (program === 'npm' && words[0] === 'run') program = `npm run ${words.splice(0, 2)[1]}`;
      return { ...stage, program, args: words };
    });
}

const replylintPrograms = new Set(['replylint', 'node packages/cli/dist/bin/replylint.js', 'node packages/cli/replylint.js', 'packages/cli/replylint.js']);
/** Programs that read and print and nothing else, as the docs use them. */
const readOnlyPrograms = new Set([...replylintPrograms, 'printf', 'echo', 'cat', 'head', 'tail', 'grep', 'wc', 'jq', 'npm run eval']);

/** Why a command cannot be run by this test, or undefined when it can. */
function whyNotRunnable(command) {
  if (command.heredoc) return 'a here-document';
  if (command.substitution) return 'a command substitution';
  for (const stage of stages(command)) {
    if (stage.program === undefined) continue; // only VAR=value
    if (!readOnlyPrograms.has(stage.program)) return `\`${stage.program}\` is not on the test's list of read-only commands`;
    if (replylintPrograms.has(stage.program) && stage.args[0] === 'serve') return '`replylint serve` runs until stopped';
    if (stage.words.includes('(') || stage.words.includes(')')) return 'a subshell';
    for (const r of stage.redirects) {
      if (r.op !== '<' && r.target !== '/dev/null') return `it writes ${r.target}`;
    }
  }
  return undefined;
}

function shellBlocks() {
  const found = [];
  for (const page of pages) {
    for (const block of fencedBlocks(page)) {
      if (!shellLanguages.test(block.lang) && !isTranscript(block)) continue;
      const where = `${path.relative(repo, page)}:${block.line}`;
      const notRun = /^not run: (.+)$/.exec(block.comment ?? '');
      const runIn = /^run in: (\S+)$/.exec(block.comment ?? '');
      found.push({ ...block, where, notRun: notRun?.[1], cwd: path.join(repo, runIn?.[1] ?? '.'), commands: blockCommands(block) });
    }
  }
  return found;
}

const blocks = shellBlocks();

/** The `run:` steps of the GitHub Actions examples (```yaml), as commands: checked for options, never run. */
function workflowSteps() {
  const found = [];
  for (const page of pages) {
    for (const block of fencedBlocks(page).filter((b) => /^ya?ml$/.test(b.lang))) {
      const commands = [];
      block.body.forEach((line, i) => {
        const step = /^\s*-?\s*run:\s*(.+)$/.exec(line);
        if (step) commands.push({ line: block.line + 1 + i, text: step[1].trim(), ...shellWords(step[1]) });
      });
      if (commands.length > 0) found.push({ where: `${path.relative(repo, page)}:${block.line}`, cwd: repo, commands });
    }
  }
  return found;
}

test('every shell block in README.md and docs/ is run by this test or marked <!-- not run: REASON -->', () => {
  // Why: a block that is silently skipped is a command nobody checks; say why it cannot run.
  assert.ok(blocks.length >= 20, `found the shell blocks (${blocks.length})`);
  const problems = [];
  for (const block of blocks) {
    if (block.notRun !== undefined) continue;
    if (!fs.existsSync(block.cwd)) problems.push(`${block.where}: <!-- run in: --> names a directory that does not exist`);
    if (block.commands.length === 0) problems.push(`${block.where}: a shell block with no command`);
    const command = block.commands.find((c) => whyNotRunnable(c));
    if (command) problems.push(`${block.where}: \`${command.text}\` (line ${command.line}) cannot run in a test (${whyNotRunnable(command)}): mark the block <!-- not run: REASON -->`);
  }
  assert.deepEqual(problems, []);
});

/** The options a help text lists (`  -c, --config FILE` lines). */
function listedOptions(help) {
  const options = new Set();
  for (const match of help.matchAll(/^ {2}(?:(-\w), )?(--[\w-]+)/gm)) {
    if (match[1]) options.add(match[1]);
    options.add(match[2]);
  }
  return options;
}

test('every command in a shell block, run or not, uses options, npm scripts and files that exist', () => {
  // Why: most blocks cannot run here (they install, serve or stand for the reader's files), but
  // a renamed option, script or path in one of them is still wrong; this checks what can be
  // checked without running them.
  const cli = path.join(repo, 'packages/cli/dist/bin/replylint.js');
  const help = (args) => spawnSync(process.execPath, [cli, ...args, '--help'], { encoding: 'utf8' }).stdout;
  const known = { lint: listedOptions(help([])), serve: listedOptions(help(['serve'])) };
  assert.ok(known.lint.has('--format') && known.serve.has('--port'), 'read the options from --help');
  const scripts = (dir) => JSON.parse(fs.readFileSync(path.join(repo, dir, 'package.json'), 'utf8')).scripts ?? {};
  const problems = [];
  let checked = 0;
  for (const block of [...blocks, ...workflowSteps()]) {
    for (const command of block.commands) {
      for (const stage of stages(command)) {
        const at = `${block.where} (line ${command.line}) \`${command.text}\``;
        if (replylintPrograms.has(stage.program)) {
          checked++;
          const options = stage.args[0] === 'serve' ? known.serve : known.lint;
          for (const arg of stage.args) {
            const option = arg.replace(/=.*$/, '');
            if (/^-./.test(option) && !options.has(option)) problems.push(`${at}: ${option} is not an option of replylint${stage.args[0] === 'serve' ? ' serve' : ''}`);
          }
        }
        const npm = /^npm run (\S+)$/.exec(stage.program ?? '') ?? (stage.program === 'npm' && stage.args[0] === 'test' ? [, 'test'] : undefined);
        if (npm) {
          const w = stage.args.findIndex((a) => a === '-w' || a === '--workspace');
          const dir = w >= 0 ? stage.args[w + 1] : '.';
          if (!(npm[1] in scripts(dir))) problems.push(`${at}: ${dir}/package.json has no script ${npm[1]}`);
        }
        const script = /^(?:node|bash|sh) (.+)$/.exec(stage.program ?? '')?.[1] ?? (stage.program?.includes('/') ? stage.program : undefined);
        const file = script ?? (['bash', 'sh'].includes(stage.program) ? stage.args[0] : undefined);
        if (file && !path.isAbsolute(file) && !file.startsWith('~') && !fs.existsSync(path.join(block.cwd, file))) {
          problems.push(`${at}: ${file} does not exist`);
        }
      }
    }
  }
  assert.ok(checked >= 10, `checked the replylint commands (${checked})`);
  assert.deepEqual(problems, []);
});

/** `shown` (with `…` for anything, spaces collapsed) matches `line`. */
function matchesShown(line, shown) {
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  const pattern = squash(shown)
    .split('…')
    .map((part) => part.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(squash(line));
}

function run(command, cwd, env) {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 45_000, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

test('every shell block not marked <!-- not run --> behaves as the docs say', { concurrency: 2 }, async (t) => {
  const runnable = blocks.filter((b) => b.notRun === undefined && b.commands.length > 0 && b.commands.every((c) => !whyNotRunnable(c)));
  // Not vacuous: the README's first example is among them.
  assert.ok(runnable.some((b) => b.where.startsWith('README.md')), 'a README block is run');
  // `replylint` on PATH is the built CLI, as after installing @replylint/cli.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replylint-doc-shell-'));
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'replylint'), `#!/bin/sh\nexec '${process.execPath}' '${path.join(repo, 'packages/cli/dist/bin/replylint.js')}' "$@"\n`, { mode: 0o755 });
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, TMPDIR: tmp, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env.NODE_OPTIONS;
  delete env.NODE_TEST_CONTEXT;
  try {
    await Promise.all(
      runnable.map((block) =>
        t.test(block.where, async () => {
          for (const command of block.commands) {
            const at = `${block.where} (line ${command.line}) \`${command.text}\``;
            const result = await run(command.script, block.cwd, env);
            const printed = `${result.stdout}\n${result.stderr}`;
            assert.equal(result.signal, null, `${at}: killed (${result.signal}) — it did not finish in 45 s`);
            assert.doesNotMatch(result.stderr, /^\s+at .+:\d+:\d+\)?$/m, `${at}: crashed:\n${result.stderr}`);
            assert.ok(!(result.status === 2 && /unknown option|usage/i.test(result.stderr)), `${at}: usage error: ${result.stderr}`);
            const stated = /\bexits? (\d+)\b/.exec(command.comment)?.[1];
            const shown = command.shown.filter((l) => l.trim() !== '');
            const implied = shown.some((l) => /✖ \d+ errors?\b/.test(l)) ? '1' : undefined;
            if (stated ?? implied) assert.equal(result.status, Number(stated ?? implied), `${at}: the docs say it exits ${stated ?? implied}\n${printed}`);
            else assert.ok(result.status === 0 || result.status === 1, `${at}: exited ${result.status}\n${printed}`);
            // Every shown line is printed, in the order shown.
            const lines = printed.split('\n');
            let from = 0;
            for (const expected of shown) {
              const found = lines.findIndex((line, i) => i >= from && matchesShown(line, expected));
              assert.ok(found >= 0, `${at}: the docs show\n  ${expected}\nbut it printed\n${printed}`);
              from = found + 1;
            }
          }
        }),
      ),
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
