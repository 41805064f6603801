/**
 * `replylint [files|globs|-]`: input sources, inquiry discovery, Markdown,
 * exit codes and one-line errors — all through the built binary.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixture, json, oneLineError, readFixture, run, sh, tempDir } from './helpers.js';

const policyReply = readFixture('replies/en-policy.txt');
const refundReply = readFixture('replies/en-refund.txt');
/** Only supplier-centred wording, as a warning: a reply with exactly one warning. */
const oneWarning = [
  '--rule',
  'supplier-centred-wording:warn',
  '--rule',
  'empathy-acknowledgement:off',
  '--rule',
  'inquiry-summary:off',
];

describe('input', () => {
  it('reads the reply from stdin when no file is given', () => {
    // A helpdesk pre-send hook pipes the draft in; findings at error level block it.
    const result = run([], { input: policyReply });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /<stdin>/);
    assert.match(result.stdout, /supplier-centred-wording/);
  });

  it('reads stdin for "-" and names it with --stdin-filename', () => {
    // Output must point at the draft the hook knows about, not at "<stdin>".
    const result = run(['-', '--stdin-filename', 'drafts/ticket-123.txt', '--format', 'json'], { input: policyReply });
    assert.equal(result.code, 1);
    assert.equal(json(result)[0]!.file, 'drafts/ticket-123.txt');
  });

  it('uses --stdin-filename to find the sibling inquiry of the draft', () => {
    // The hook passes the ticket's path, so NAME.inquiry.txt next to it is the customer's message.
    const result = run(['--stdin-filename', 'replies/en-refund.txt', '--format', 'json'], { input: refundReply });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(json(result)[0]!.inquirySource, 'option');
  });

  it('lints files named on the command line', () => {
    // The simplest use: one clean file exits 0 and says so.
    const result = run(['replies/en-refund.txt']);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /en-refund\.txt: no issues found/);
  });

  it('expands globs to .txt and .md replies, never *.inquiry.* files', () => {
    // A repository of templates: inquiries next to replies are context, not replies.
    const result = run(['replies/*', '--format', 'json']);
    const files = json(result).map((f) => f.file);
    assert.deepEqual(files, [
      'replies/en-policy.txt',
      'replies/en-refund.txt',
      'replies/ja-policy.txt',
      'replies/ja-quoted.txt',
      'replies/macro.md',
    ]);
    assert.equal(result.code, 1);
  });

  it('treats a glob that matches no reply as a usage error', () => {
    // A typo in a CI glob must not pass silently as "no findings".
    const result = run(['replies/*.eml']);
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /replies\/\*\.eml: no reply files/);
  });
});

describe('inquiry', () => {
  it('finds NAME.inquiry.txt next to NAME.txt', () => {
    // en-refund.txt restates the customer's problem, which is only checkable against the sibling.
    const result = run(['replies/en-refund.txt', '--format', 'json']);
    assert.equal(json(result)[0]!.inquirySource, 'option');
  });

  it('finds NAME.inquiry.md too', () => {
    // Teams that keep tickets in Markdown name the inquiry .md.
    const dir = tempDir();
    copyFileSync(fixture('replies/en-refund.txt'), path.join(dir, 'r.txt'));
    copyFileSync(fixture('replies/en-refund.inquiry.txt'), path.join(dir, 'r.inquiry.md'));
    const result = run(['r.txt', '--format', 'json'], { cwd: dir });
    assert.equal(json(result)[0]!.inquirySource, 'option');
    assert.equal(result.code, 0);
  });

  it('lets --inquiry FILE win over the sibling', () => {
    // An unrelated inquiry: the reply no longer restates it, so inquiry-summary fires.
    const dir = tempDir();
    writeFileSync(path.join(dir, 'other.txt'), 'I never received the password reset email. Can you resend it?\n');
    const result = run(['replies/en-refund.txt', '--inquiry', path.join(dir, 'other.txt'), '--format', 'json']);
    const [report] = json(result);
    assert.equal(report!.inquirySource, 'option');
    assert.ok(report!.messages.some((m) => m.ruleId === 'inquiry-summary'));
    assert.equal(result.code, 1);
  });

  it('falls back to the quoted original inside the reply', () => {
    // Email replies often carry the customer's mail below "… wrote:" / "> " lines.
    const result = run(['replies/ja-quoted.txt', '--format', 'json']);
    assert.equal(json(result)[0]!.inquirySource, 'quoted');
    assert.equal(result.code, 0);
  });

  it('without sibling or quote there is no inquiry', () => {
    // The same reply alone in a directory has nothing to compare with.
    const dir = tempDir();
    copyFileSync(fixture('replies/en-refund.txt'), path.join(dir, 'r.txt'));
    const result = run(['r.txt', '--format', 'json'], { cwd: dir });
    assert.equal(json(result)[0]!.inquirySource, 'none');
  });
});

describe('markdown', () => {
  it('masks code and front matter, keeping offsets true to the file', () => {
    // macro.md says "due to our policy" in front matter, a fenced block and inline code
    // (not prose) and once in prose on line 14: only that one is reported, at its real place.
    // The macro's {{name}} slot is meant to stay in a template (a template repository turns
    // unfilled-placeholder off): here only the masking is under test.
    const source = readFixture('replies/macro.md');
    const result = run(['replies/macro.md', '--format', 'json', '--rule', 'unfilled-placeholder:off']);
    const messages = json(result)[0]!.messages;
    assert.equal(messages.length, 1, JSON.stringify(messages));
    const [m] = messages;
    assert.equal(m!.ruleId, 'supplier-centred-wording');
    assert.equal(m!.line, 14);
    assert.equal(m!.column, 1);
    assert.equal(m!.offset, source.indexOf('Due to our policy'));
    assert.equal(source.slice(m!.offset, m!.endOffset), 'Due to our policy');
  });

  it('lints the same text as plain prose in a .txt file', () => {
    // Proof that the masking above is what hid the code: as .txt, every occurrence counts.
    const dir = tempDir();
    copyFileSync(fixture('replies/macro.md'), path.join(dir, 'macro.txt'));
    const result = run(['macro.txt', '--format', 'json'], { cwd: dir });
    assert.ok(json(result)[0]!.messages.length > 1);
  });
});

describe('exit codes', () => {
  it('exits 0 when there are only warnings and no --max-warnings', () => {
    // Warnings inform; they do not block a send by default (like eslint).
    const result = run(['replies/en-policy.txt', ...oneWarning]);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /1 warning/);
  });

  it('exits 0 with warnings within --max-warnings', () => {
    // One warning, one allowed.
    assert.equal(run(['replies/en-policy.txt', ...oneWarning, '--max-warnings', '1']).code, 0);
  });

  it('exits 1 with more warnings than --max-warnings, and says why', () => {
    // A team that wants zero warnings in its templates sets --max-warnings 0.
    const result = run(['replies/en-policy.txt', ...oneWarning, '--max-warnings', '0']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /too many warnings \(1, --max-warnings 0\)/);
  });

  it('exits 1 on findings at error level', () => {
    // The recommended preset makes the three headline rules errors.
    assert.equal(run(['replies/ja-policy.txt']).code, 1);
  });

  it('--quiet reports errors only, so warnings neither show nor count', () => {
    const result = run(['replies/en-policy.txt', ...oneWarning, '--quiet', '--max-warnings', '0', '--format', 'json']);
    assert.equal(result.code, 0);
    assert.deepEqual(json(result)[0]!.messages, []);
  });

  it('--rule ID:off turns a rule off', () => {
    // With every headline rule off the policy reply is clean.
    const off = ['empathy-acknowledgement', 'inquiry-summary', 'supplier-centred-wording'].flatMap((id) => ['--rule', `${id}:off`]);
    assert.equal(run(['replies/en-policy.txt', ...off]).code, 0);
  });

  it('--help and --version exit 0', () => {
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: replylint/);
    const version = run(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });
});

describe('usage errors exit 2 with one line', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown option', ['--colour', 'x.txt'], /Unknown option '--colour'/],
    ['a bad --lang', ['--lang', 'fr', 'replies/en-refund.txt'], /--lang fr: expected one of ja, en, auto/],
    ['a bad --channel', ['--channel', 'sms', 'replies/en-refund.txt'], /--channel sms: expected one of email, chat/],
    ['a bad --format', ['--format', 'xml', 'replies/en-refund.txt'], /--format xml: expected one of stylish, json, sarif, github/],
    ['a bad --preset', ['--preset', 'lenient', 'replies/en-refund.txt'], /--preset lenient: expected one of/],
    ['a malformed --rule', ['--rule', 'inquiry-summary=off', 'replies/en-refund.txt'], /--rule inquiry-summary=off: expected ID:off/],
    ['an unknown rule', ['--rule', 'tone:warn', 'replies/en-refund.txt'], /--rule tone:warn: unknown rule tone/],
    ['a bad --max-warnings', ['--max-warnings', 'many', 'replies/en-refund.txt'], /--max-warnings many: expected a whole number/],
    ['--workers outside audit', ['--workers', '2', 'replies/en-refund.txt'], /--workers is only used by replylint audit/],
  ];
  for (const [name, args, expected] of cases) {
    it(name, () => {
      // Scripts must tell "the reply is bad" (1) from "the command is wrong" (2).
      const result = run(args);
      assert.equal(result.code, 2);
      assert.match(oneLineError(result.stderr), expected);
      assert.equal(result.stdout, '');
    });
  }
});

describe('unreadable input exits 2 naming the file', () => {
  it('a missing file', () => {
    const result = run(['replies/nope.txt']);
    assert.equal(result.code, 2);
    assert.equal(oneLineError(result.stderr), 'replylint: replies/nope.txt: no such file');
  });

  it('a directory', () => {
    // Directories are not expanded silently; the message shows the glob to use.
    const result = run(['replies']);
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: replies: is a directory, not a file \(.*replies\/\*\*\/\*\.txt/);
  });

  it('a binary file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'logo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const result = run(['logo.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: logo\.txt: binary file/);
  });

  it('a file that is not UTF-8', () => {
    // Shift_JIS mail exported without conversion: say so instead of linting mojibake.
    const dir = tempDir();
    writeFileSync(path.join(dir, 'sjis.txt'), Buffer.from([0x82, 0xa0, 0x82, 0xa2, 0x0a]));
    const result = run(['sjis.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(oneLineError(result.stderr), 'replylint: sjis.txt: not valid UTF-8 text');
  });

  it('invalid UTF-8 on stdin', () => {
    const result = run(['--stdin-filename', 'draft.txt'], { input: Buffer.from([0xff, 0xfe, 0x41]) });
    assert.equal(result.code, 2);
    assert.equal(oneLineError(result.stderr), 'replylint: draft.txt: not valid UTF-8 text');
  });

  it('a missing --inquiry file', () => {
    const result = run(['replies/en-refund.txt', '--inquiry', 'missing.inquiry.txt']);
    assert.equal(result.code, 2);
    assert.equal(oneLineError(result.stderr), 'replylint: missing.inquiry.txt: no such file');
  });

  it('stops before any output when one of several files is unreadable', () => {
    // Half a report with exit 2 would be easy to misread as complete.
    const result = run(['replies/en-policy.txt', 'replies/nope.txt']);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
  });
});

describe('closed stdout', () => {
  it('`replylint … | head -1` exits quietly', () => {
    // 300 replies in github format is far more than a pipe buffer, so head closes the pipe
    // while replylint is still writing: no EPIPE error, no stack trace, the exit code kept.
    const dir = tempDir();
    mkdirSync(path.join(dir, 'r'));
    for (let i = 0; i < 300; i++) writeFileSync(path.join(dir, 'r', `${i}.txt`), policyReply);
    const result = sh('set -o pipefail; $REPLYLINT "r/*.txt" --format github | head -1', { cwd: dir });
    assert.match(result.stdout, /^::error file=r\/\d+\.txt,[^\n]*\n$/);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1, 'replylint\'s own exit code (errors found) survives the closed pipe');
  });
});

describe('pre-send integrations', () => {
  const repoRoot = path.resolve(fixture(), '../../../..');
  const hook = path.join(repoRoot, 'docs/hooks/pre-send.sh');
  // The hook runs $REPLYLINT unquoted (word-split), as a user would set it.
  const env = { REPLYLINT: `${process.execPath} ${path.resolve(fixture(), '../../dist/bin/replylint.js')}` };

  it('docs/hooks/pre-send.sh blocks a draft with errors (exit 1) and lets a clean one through', () => {
    // The documented helpdesk hook pipes the draft on stdin and blocks only on exit code 1.
    const blocked = sh(`sh '${hook}' 4471 < replies/en-policy.txt`, { env });
    assert.equal(blocked.code, 1);
    assert.match(blocked.stderr, /tickets\/4471\.txt/);
    assert.match(blocked.stderr, /fix the errors above before sending/);
    const sent = sh(`sh '${hook}' 4471 replies/en-refund.inquiry.txt < replies/en-refund.txt`, { env });
    assert.equal(sent.code, 0, sent.stderr);
  });

  it('docs/hooks/pre-send.sh does not block when the checker itself fails (exit 2)', () => {
    // A missing inquiry file is a tooling problem, not a bad reply: the agent can still send.
    const result = sh(`sh '${hook}' 4471 missing.txt < replies/en-refund.txt`, { env });
    assert.equal(result.code, 0);
    assert.match(result.stderr, /could not check this draft \(exit 2\)/);
  });

  it('.pre-commit-hooks.yaml selects replies and skips inquiries', async () => {
    // pre-commit passes the files matching `files` and not `exclude` to `entry`.
    const { parse } = await import('yaml');
    const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      files: string;
      exclude: string;
    }[];
    assert.deepEqual(
      hooks.map((h) => h.id),
      ['replylint', 'replylint-local'],
    );
    for (const hookEntry of hooks) {
      const selected = ['a/r.txt', 'a/r.inquiry.txt', 'b/macro.md', 'b/macro.inquiry.md', 'package.json'].filter(
        (file) => new RegExp(hookEntry.files).test(file) && !new RegExp(hookEntry.exclude).test(file),
      );
      assert.deepEqual(selected, ['a/r.txt', 'b/macro.md']);
      assert.match(hookEntry.entry, /replylint$/);
    }
  });
});
