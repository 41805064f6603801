/** Output formats: stylish, json, sarif (validated against the SARIF 2.1.0 schema), github. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import { json, readFixture, run } from './helpers.js';

const replies = ['replies/en-policy.txt', 'replies/ja-policy.txt', 'replies/en-refund.txt'];

describe('stylish', () => {
  it('lists file, place, severity, message and rule, with a summary', () => {
    const result = run(['replies/en-policy.txt']);
    assert.match(result.stdout, /^replies\/en-policy\.txt\n/);
    assert.match(result.stdout, /5:1-5:18\s+error\s+.*Due to our policy.*supplier-centred-wording/);
    assert.match(result.stdout, /✖ 3 errors/);
  });

  it('has no colours when stdout is not a terminal', () => {
    // Logs and CI output stay plain.
    assert.doesNotMatch(run(['replies/en-policy.txt']).stdout, /\x1b\[/);
  });

  it('FORCE_COLOR turns colours on, NO_COLOR wins over it', () => {
    // https://no-color.org: NO_COLOR set to anything non-empty disables colour.
    assert.match(run(['replies/en-policy.txt'], { env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[/);
    assert.doesNotMatch(run(['replies/en-policy.txt'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\x1b\[/);
  });
});

describe('json', () => {
  it('has the documented, stable shape', () => {
    // Programs rely on these keys; a change here is a breaking change.
    const result = run([...replies, '--format', 'json']);
    const reports = json(result);
    assert.equal(reports.length, 3);
    for (const report of reports) {
      assert.deepEqual(Object.keys(report), [
        'file',
        'language',
        'score',
        'inquirySource',
        'skipped',
        'errorCount',
        'warningCount',
        'infoCount',
        'messages',
      ]);
    }
    const [en, ja, clean] = reports;
    assert.equal(en!.language, 'en');
    assert.equal(ja!.language, 'ja');
    assert.deepEqual([clean!.score, clean!.messages], [100, []]);
    assert.equal(en!.errorCount, 3);
    const m = en!.messages.find((x) => x.ruleId === 'supplier-centred-wording')!;
    for (const key of ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset', 'url', 'suggestions']) {
      assert.ok(key in m, `message has ${key}`);
    }
    assert.equal(m.severity, 'error');
    assert.match(m.url, /docs\/rules\/supplier-centred-wording\.md$/);
    // Offsets are UTF-16 offsets into the file; suggestions are ready-to-apply edits there.
    const source = readFixture('replies/en-policy.txt');
    assert.equal(source.slice(m.offset, m.endOffset), 'Due to our policy');
    assert.ok(m.suggestions.length > 0);
    assert.deepEqual(Object.keys(m.suggestions[0]!).sort(), ['end', 'start', 'text', 'title']);
  });

  it('lists a clean file with no messages', () => {
    const reports = json(run(['replies/en-refund.txt', '--format', 'json']));
    assert.equal(reports.length, 1);
    assert.equal(reports[0]!.errorCount, 0);
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../test/sarif-schema-2.1.0.json', import.meta.url)), 'utf8'));
  const Ajv = AjvDraft04.default;
  // unicodeRegExp: false — the schema's `language` pattern has a stray `]` that only
  // non-unicode regular expressions accept (it is the published schema, kept unchanged).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // The schema uses formats; check them rather than ignore them.
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(value));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  const validate = ajv.compile(schema);

  function sarifOf(args: string[], input?: string) {
    const result = run([...args, '--format', 'sarif'], { input });
    const log = JSON.parse(result.stdout);
    const valid: boolean = validate(log);
    assert.ok(valid, ajv.errorsText(validate.errors, { separator: '\n' }));
    return { result, log };
  }

  it('is valid SARIF 2.1.0 with results, rules, regions and fixes', () => {
    // Code-scanning uploads reject logs that do not match the schema.
    const { result, log } = sarifOf(replies);
    assert.equal(result.code, 1);
    assert.equal(log.version, '2.1.0');
    const [runLog] = log.runs;
    assert.equal(runLog.tool.driver.name, 'replylint');
    assert.equal(runLog.columnKind, 'utf16CodeUnits');
    assert.equal(runLog.results.length, 6);
    const result0 = runLog.results.find((r: { ruleId: string }) => r.ruleId === 'supplier-centred-wording');
    assert.equal(result0.level, 'error');
    assert.equal(runLog.tool.driver.rules[result0.ruleIndex].id, 'supplier-centred-wording');
    const location = result0.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, 'replies/en-policy.txt');
    assert.equal(location.artifactLocation.uriBaseId, 'SRCROOT');
    assert.deepEqual(
      [location.region.startLine, location.region.startColumn, location.region.endLine, location.region.endColumn],
      [5, 1, 5, 18],
    );
    assert.ok(result0.fixes[0].artifactChanges[0].replacements[0].insertedContent.text);
  });

  it('is valid for stdin and for a clean run', () => {
    sarifOf([], readFixture('replies/ja-policy.txt'));
    const { log } = sarifOf(['replies/en-refund.txt']);
    assert.deepEqual(log.runs[0].results, []);
  });

  it('encodes non-ASCII file names as URI references', () => {
    // Japanese teams name templates in Japanese; SARIF needs a URI.
    const { log } = sarifOf(['--stdin-filename', '返信/下書き.txt'], readFixture('replies/ja-policy.txt'));
    assert.equal(log.runs[0].artifacts[0].location.uri, encodeURIComponent('返信') + '/' + encodeURIComponent('下書き.txt'));
  });
});

describe('github', () => {
  it('prints one workflow annotation per finding', () => {
    // GitHub Actions turns these lines into annotations on the pull request diff.
    const result = run(['replies/en-policy.txt', '--format', 'github']);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    for (const line of lines) {
      assert.match(line, /^::error file=replies\/en-policy\.txt,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/);
    }
    assert.ok(lines.some((l) => l.startsWith('::error file=replies/en-policy.txt,line=5,col=1,endLine=5,endColumn=18,title=supplier-centred-wording::')));
  });

  it('maps warnings to ::warning and escapes properties', () => {
    // A comma or colon in a file name would otherwise split the property list.
    const result = run(
      ['--stdin-filename', 'a,b:c.txt', '--format', 'github', '--rule', 'supplier-centred-wording:warn'],
      { input: readFixture('replies/en-policy.txt') },
    );
    assert.match(result.stdout, /^::warning file=a%2Cb%3Ac\.txt,line=5,.*title=supplier-centred-wording::/m);
  });
});
