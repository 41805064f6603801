/**
 * Bad input the other CLI tests do not cover: files even root cannot read,
 * symlink loops, pipes, unreadable or non-UTF-8 inquiries and configs, a YAML
 * alias bomb, an audit input that fails mid-read, every kind of bad audit line
 * (in-process and on worker threads), and replies over the size limit.
 * Each failure is one line on stderr naming the file, the documented exit
 * code (2 for I/O and config errors), and never a stack trace.
 *
 * Unreadable files: CI runs as root, and chmod 000 does not stop root. The
 * unreadable file here is /proc/self/mem: a regular file that every process,
 * root included, fails to read from offset 0 (EIO: the first page of its own
 * address space is never mapped). Tests use it through a symlink where the
 * name matters (an inquiry, a config). chmod 000 is tested too, when not root.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { json, oneLineError, run, sh, tempDir } from './helpers.js';

const linux = process.platform === 'linux' && existsSync('/proc/self/mem');
const isRoot = process.getuid?.() === 0;
const reply = 'Hi Ann,\n\nThank you for writing.\n\nPer our policy, refunds are not available after 30 days.\n\nBest regards,\nSam\n';

/** No stack trace anywhere in stderr (one-line errors and audit reports alike). */
function assertNoStack(stderr: string): void {
  assert.doesNotMatch(stderr, /^\s+at /m, `stack trace in stderr:\n${stderr}`);
  assert.doesNotMatch(stderr, /internal error/, `internal error in stderr:\n${stderr}`);
}

describe('reply files that cannot be read exit 2 naming the file', () => {
  it('/proc/self/mem (unreadable by root too)', { skip: !linux && 'needs /proc' }, () => {
    const result = run(['/proc/self/mem']);
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: \/proc\/self\/mem: EIO: i\/o error/);
    assert.equal(result.stdout, '');
  });

  it('a file without read permission', { skip: isRoot && 'root reads it anyway (see /proc/self/mem)' }, () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'locked.txt'), reply);
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    const result = run(['locked.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(oneLineError(result.stderr), 'replylint: locked.txt: permission denied');
  });

  it('a symlink loop and a dangling symlink', () => {
    const dir = tempDir();
    symlinkSync('b.txt', path.join(dir, 'a.txt'));
    symlinkSync('a.txt', path.join(dir, 'b.txt'));
    symlinkSync('nowhere.txt', path.join(dir, 'dangling.txt'));
    const loop = run(['a.txt'], { cwd: dir });
    assert.equal(loop.code, 2);
    assert.match(oneLineError(loop.stderr), /^replylint: a\.txt: ELOOP: too many symbolic links/);
    const dangling = run(['dangling.txt'], { cwd: dir });
    assert.equal(dangling.code, 2);
    assert.equal(oneLineError(dangling.stderr), 'replylint: dangling.txt: no such file');
  });

  it('a pipe given as a file (process substitution) is read, not refused', () => {
    // `replylint <(helpdesk-export 4471)`: /dev/fd/N is a pipe, not a regular file.
    const dir = tempDir();
    writeFileSync(path.join(dir, 'draft'), reply);
    const result = sh('$REPLYLINT --format json <(cat draft)', { cwd: dir });
    assert.equal(result.code, 1, result.stderr);
    assert.match(json(result)[0]!.file, /^\/dev\/fd\/\d+$/);
    assert.ok(json(result)[0]!.messages.some((m) => m.ruleId === 'supplier-centred-wording'));
  });
});

describe('stdin', () => {
  it('NUL bytes on stdin are a binary input', () => {
    const result = run(['--stdin-filename', 'draft.txt'], { input: Buffer.from('Hi\u0000there\n') });
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: draft\.txt: binary file/);
  });

  it('an empty or blank reply exits 2: a blank draft never passes a pre-send hook', () => {
    for (const input of ['', '  \n\t\n']) {
      const result = run(['--format', 'json'], { input });
      assert.equal(result.code, 2, JSON.stringify(input));
      assert.equal(result.stdout, '');
      assert.match(oneLineError(result.stderr), /^replylint: <stdin>: the reply is empty/);
    }
    const dir = tempDir();
    writeFileSync(path.join(dir, 'blank.txt'), '\n\n');
    const file = run(['blank.txt'], { cwd: dir });
    assert.equal(file.code, 2);
    assert.match(oneLineError(file.stderr), /^replylint: blank\.txt: the reply is empty/);
  });

  it('--inquiry with the reply forgotten exits 2 and says what --inquiry is', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'reply.txt'), reply);
    const result = run(['--inquiry', 'reply.txt'], { cwd: dir, input: '' });
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /the reply is empty.*--inquiry reply\.txt is the customer's message/);
  });

  it('a file that is both the reply and its --inquiry exits 2', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'reply.txt'), reply);
    const result = run(['reply.txt', '--inquiry', 'reply.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: reply\.txt: is both the reply and its --inquiry/);
  });
});

describe('inquiries that cannot be read exit 2 naming the file', () => {
  it('a sibling NAME.inquiry.txt that is not UTF-8', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'r.txt'), reply);
    writeFileSync(path.join(dir, 'r.inquiry.txt'), Buffer.from([0x82, 0xa0, 0x82, 0xa2, 0x0a]));
    const result = run(['r.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(oneLineError(result.stderr), 'replylint: r.inquiry.txt: not valid UTF-8 text');
  });

  it('a sibling NAME.inquiry.txt that cannot be read', { skip: !linux && 'needs /proc' }, () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'r.txt'), reply);
    symlinkSync('/proc/self/mem', path.join(dir, 'r.inquiry.txt'));
    const result = run(['r.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: r\.inquiry\.txt: EIO: /);
  });

  it('--inquiry given a directory', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'r.txt'), reply);
    mkdirSync(path.join(dir, 'inquiries'));
    const result = run(['r.txt', '--inquiry', 'inquiries'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(oneLineError(result.stderr), 'replylint: inquiries: is a directory, not a file');
  });
});

describe('configs that cannot be read exit 2 naming the file', () => {
  it('a .replylintrc.json that is a directory', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '.replylintrc.json'));
    writeFileSync(path.join(dir, 'r.txt'), reply);
    const result = run(['r.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(oneLineError(result.stderr), 'replylint: .replylintrc.json: is a directory, not a file');
  });

  it('a .replylintrc.yaml that cannot be read', { skip: !linux && 'needs /proc' }, () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'team'));
    symlinkSync('/proc/self/mem', path.join(dir, 'team', '.replylintrc.yaml'));
    writeFileSync(path.join(dir, 'team', 'r.txt'), reply);
    const result = run(['team/r.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: team\/\.replylintrc\.yaml: EIO: /);
  });

  it('a YAML alias bomb ("billion laughs") is refused, not expanded', () => {
    const dir = tempDir();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    writeFileSync(path.join(dir, '.replylintrc.yaml'), `${levels.join('\n')}\nrules: *i\n`);
    writeFileSync(path.join(dir, 'r.txt'), reply);
    const result = run(['r.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: \.replylintrc\.yaml: invalid YAML: Excessive alias count/);
  });

  it('--config given a directory', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'configs'));
    writeFileSync(path.join(dir, 'r.txt'), reply);
    const result = run(['r.txt', '--config', 'configs'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(oneLineError(result.stderr), 'replylint: configs: is a directory, not a file');
  });
});

describe('audit input', () => {
  it('an input that fails mid-read exits 2 naming it', { skip: !linux && 'needs /proc' }, () => {
    const result = run(['audit', '/proc/self/mem']);
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: \/proc\/self\/mem: EIO: /);
    assert.equal(result.stdout, '');
  });

  it('every kind of bad line is reported by number, the same in-process and on workers, without a stack trace', () => {
    const lines = [
      JSON.stringify({ id: 'ok', reply }),
      '['.repeat(200_000), // deeply nested, truncated
      '{"id":"raw-nul","reply":"a\u0000b"}', // a raw control character inside a JSON string
      JSON.stringify({ id: { nested: 1 }, reply: 'x' }),
      '{"__proto__":{"polluted":true},"id":"proto","reply":"Hi Ann,\\n\\nThanks."}', // an own key, not the prototype
      JSON.stringify({ id: 'huge', reply: 'x'.repeat(1_100_000) }), // over the size limit: skipped, not an error
      JSON.stringify({ id: 'lang', reply: 'x', lang: 'fr' }),
      'null',
      '"just a string"',
      '{"id":"truncated","reply":"Hi', // the last line, cut off, without a newline
    ];
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bad.jsonl'), lines.join('\n'));
    const inProcess = run(['audit', 'bad.jsonl', '--workers', '0'], { cwd: dir });
    const onWorkers = run(['audit', 'bad.jsonl', '--workers', '2'], { cwd: dir });
    for (const result of [inProcess, onWorkers]) {
      assert.equal(result.code, 2);
      assertNoStack(result.stderr);
      const bad = result.stderr.split('\n').filter((l) => l.startsWith('replylint: bad.jsonl:'));
      assert.deepEqual(
        bad.map((l) => Number(/^replylint: bad\.jsonl:(\d+): /.exec(l)?.[1])),
        [2, 3, 4, 7, 8, 9, 10],
      );
      assert.match(result.stderr, /^replylint audit: 3 replies \(en 3\), 7 bad lines/m);
    }
    assert.equal(onWorkers.stdout, inProcess.stdout);
    const results = inProcess.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: unknown; error?: string; messages?: { ruleId: string }[] });
    assert.equal(results.length, lines.length);
    assert.deepEqual(results[5]!.messages!.map((m) => m.ruleId), ['too-large']);
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
  });
});

describe('replies over the size limit (1,048,576 UTF-16 code units) were not checked, so they exit 2', () => {
  it('a file just over the limit: exit 2 with one line, nothing on stdout', () => {
    // A reply that was not analysed has not passed: a pre-send hook must not let it through.
    const dir = tempDir();
    writeFileSync(path.join(dir, 'big.txt'), reply + 'x'.repeat(1_048_577 - reply.length));
    const result = run(['big.txt', '--format', 'json'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(oneLineError(result.stderr), /^replylint: big\.txt: Reply not analysed: 1048577 characters is over the limit of 1048576/);
  });

  it('a Japanese reply on stdin over the limit (3 MB of UTF-8)', () => {
    const text = '規定により返金はいたしかねます。'.repeat(Math.ceil(1_048_577 / 16));
    const result = run(['--format', 'json', '--stdin-filename', 'ja.txt'], { input: text });
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: ja\.txt: Reply not analysed/);
  });
});
