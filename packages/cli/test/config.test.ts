/**
 * Config files: discovery upward from the reply, precedence, and one-line
 * errors naming the file and the key. Also the library API the language
 * server reuses (parseConfig, loadConfigFor, findSiblingInquiry).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, findSiblingInquiry, loadConfigFor, parseConfig } from '../src/index.js';
import { fixture, json, oneLineError, readFixture, run, tempDir } from './helpers.js';

describe('discovery (through the binary)', () => {
  it('finds .replylintrc.yaml in a parent directory', () => {
    // config-yaml/ makes supplier-centred-wording a warning and turns inquiry-summary off;
    // its empathy phrase list accepts "Thank you for contacting us": only a warning is left.
    const result = run(['config-yaml/nested/reply.txt', '--format', 'json']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(
      json(result)[0]!.messages.map((m) => `${m.ruleId}:${m.severity}`),
      ['supplier-centred-wording:warn'],
    );
  });

  it('reads the replylint key of package.json', () => {
    // A repository of reply templates keeps its settings in package.json.
    const result = run(['config-package/reply.txt', '--format', 'json']);
    assert.deepEqual(json(result)[0]!.messages.map((m) => m.ruleId), ['supplier-centred-wording']);
  });

  it('command-line flags override the config file', () => {
    // --rule is applied over the discovered config's rules.
    const result = run(['config-yaml/nested/reply.txt', '--rule', 'supplier-centred-wording:error']);
    assert.equal(result.code, 1);
  });

  it('--no-config ignores config files', () => {
    // Back to the recommended preset: all three headline rules are errors again.
    const result = run(['config-yaml/nested/reply.txt', '--no-config', '--format', 'json']);
    assert.equal(result.code, 1);
    assert.equal(json(result)[0]!.errorCount, 3);
  });

  it('--config FILE is used instead of searching', () => {
    // The bad config next to the reply is never read when --config names another one.
    const result = run(['config-bad-rule/reply.txt', '--config', 'config-yaml/.replylintrc.yaml']);
    assert.equal(result.code, 0, result.stderr);
  });

  it('the stdin reply finds its config from --stdin-filename', () => {
    const input = readFixture('config-yaml/nested/reply.txt');
    assert.equal(run(['--stdin-filename', 'config-yaml/nested/draft.txt'], { input }).code, 0);
    assert.equal(run(['--stdin-filename', 'config-bad-rule/draft.txt'], { input }).code, 2);
  });
});

describe('bad configs exit 2 naming the file and the key', () => {
  it('an unknown rule in .replylintrc.json', () => {
    const result = run(['config-bad-rule/reply.txt']);
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: config-bad-rule\/\.replylintrc\.json: rules\.no-such-rule: unknown rule/);
  });

  it('a bad value in .replylintrc.yaml', () => {
    const result = run(['config-bad-yaml/reply.txt']);
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: config-bad-yaml\/\.replylintrc\.yaml: channel: expected one of "email", "chat", got "sms"$/);
  });

  it('a bad value under package.json#replylint', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', replylint: { preset: 'lenient' } }));
    writeFileSync(path.join(dir, 'r.txt'), 'Hello\n');
    const result = run(['r.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /^replylint: package\.json: replylint\.preset: expected one of/);
  });

  it("a misspelt rule option, checked against the rule's declared options", () => {
    // Why: `jp` for `ja` used to be accepted and ignored: the team thought its limit applied.
    const dir = tempDir();
    writeFileSync(path.join(dir, '.replylintrc.yaml'), 'rules:\n  sentence-length: [warn, { jp: { email: 20 } }]\n');
    writeFileSync(path.join(dir, 'r.txt'), 'Hello\n');
    const result = run(['r.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(oneLineError(result.stderr), 'replylint: .replylintrc.yaml: rules.sentence-length[1].jp: unknown option (known: ja, en)');
  });

  it('an unknown key', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.replylintrc.json'), '{"rule": {}}');
    writeFileSync(path.join(dir, 'r.txt'), 'Hello\n');
    const result = run(['r.txt'], { cwd: dir });
    assert.match(oneLineError(result.stderr), /^replylint: \.replylintrc\.json: rule: unknown key \(known: rules, /);
  });

  it('invalid JSON and invalid YAML', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'a/.replylintrc.json'), '{"rules": {');
    writeFileSync(path.join(dir, 'b/.replylintrc.yml'), 'rules:\n  inquiry-summary: off\n  inquiry-summary: warn\n');
    writeFileSync(path.join(dir, 'a/r.txt'), 'Hello\n');
    writeFileSync(path.join(dir, 'b/r.txt'), 'Hello\n');
    const a = run(['a/r.txt'], { cwd: dir });
    assert.equal(a.code, 2);
    assert.match(oneLineError(a.stderr), /^replylint: a\/\.replylintrc\.json: invalid JSON: /);
    const b = run(['b/r.txt'], { cwd: dir });
    assert.equal(b.code, 2);
    assert.match(oneLineError(b.stderr), /^replylint: b\/\.replylintrc\.yml: line 3: invalid YAML: Map keys must be unique/);
  });

  it('a missing --config file', () => {
    const result = run(['replies/en-refund.txt', '--config', 'nope.json']);
    assert.equal(result.code, 2);
    assert.equal(oneLineError(result.stderr), 'replylint: nope.json: no such file');
  });

  it('a JavaScript --config is refused, never executed', () => {
    // Configs are data: a .js file must not run (it would create a marker file).
    const dir = tempDir();
    const marker = path.join(dir, 'executed');
    writeFileSync(path.join(dir, 'replylint.config.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, '1');`);
    writeFileSync(path.join(dir, 'r.txt'), 'Hello\n');
    const result = run(['r.txt', '--config', 'replylint.config.js'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(oneLineError(result.stderr), /replylint\.config\.js: unsupported config format/);
    assert.equal(existsSync(marker), false);
  });
});

describe('library API (reused by the language server)', () => {
  it('parseConfig returns the typed config', () => {
    const config = parseConfig('rules:\n  inquiry-summary: warn\nlang: ja\nphrases:\n  empathy: [ご不便]\n', '.replylintrc.yaml');
    assert.deepEqual(config, { rules: { 'inquiry-summary': 'warn' }, lang: 'ja', phrases: { empathy: ['ご不便'] } });
  });

  it('parseConfig throws a ConfigError with file and key', () => {
    assert.throws(
      () => parseConfig('{"rules": {"foo": "warn"}}', '.replylintrc.json'),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.file === '.replylintrc.json' &&
        error.key === 'rules.foo' &&
        error.message.startsWith('.replylintrc.json: rules.foo: unknown rule'),
    );
  });

  it('parseConfig reads only the replylint key of a package.json', () => {
    assert.deepEqual(parseConfig('{"name": "x", "replylint": {"channel": "chat"}}', 'package.json'), { channel: 'chat' });
    assert.deepEqual(parseConfig('{"name": "x"}', 'package.json'), {});
  });

  it('loadConfigFor searches upward from a reply path', async () => {
    const loaded = await loadConfigFor(fixture('config-yaml/nested/any-file.txt'));
    assert.equal(loaded.file, fixture('config-yaml/.replylintrc.yaml'));
    assert.equal(loaded.config.rules?.['supplier-centred-wording'], 'warn');
  });

  it('findSiblingInquiry finds NAME.inquiry.txt and skips inquiries themselves', async () => {
    assert.equal(await findSiblingInquiry(fixture('replies/en-refund.txt')), fixture('replies/en-refund.inquiry.txt'));
    assert.equal(await findSiblingInquiry(fixture('replies/en-policy.txt')), undefined);
    assert.equal(await findSiblingInquiry(fixture('replies/en-refund.inquiry.txt')), undefined);
  });
});
