/**
 * The editor shows what the pre-send hook blocks on: the `replylint` CLI and
 * the language server (spawned over stdio, as an editor starts it) lint the
 * same tree of replies, and every file gets the same findings — rule, severity,
 * message, range and suggestions. The tree is the repository's fixture replies
 * (most with a sibling NAME.inquiry.txt, some quoting the customer) plus a reply
 * with both a sibling inquiry and a quoted original that disagree: the sibling
 * mentions a birthday the quote does not, so unacknowledged-context fires only
 * when the sibling is the inquiry (@replylint/node's order: sibling before quoted).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { pushCapabilities, spawnServer } from '../testkit/client.js';

/** dist/test/parity.test.js → packages/cli/dist/bin/replylint.js (spawned: the server must not import the CLI). */
const cliBin = fileURLToPath(new URL('../../../cli/dist/bin/replylint.js', import.meta.url));
const fixtures = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));

/** A reply whose quoted original and sibling inquiry differ (the sibling says what the gift was for). */
const bothReply = `山田 様

いつもご利用いただきありがとうございます。

規定により返金はできかねます。

サポートセンター 佐藤

> 先週購入したヘッドホンの右側から音が出ません。
> 返金してもらえますか？
`;
const bothInquiry = '先週購入したヘッドホンの右側から音が出ません。娘の誕生日プレゼントだったので、とても困っています。返金してもらえますか？\n';

/** One finding in a form both surfaces can be compared in (0-based lines and UTF-16 columns). */
interface Compared {
  ruleId: string;
  severity: string;
  message: string;
  range: [number, number, number, number];
  suggestions: string[];
}

const severityName: Record<number, string> = { 1: 'error', 2: 'warn', 3: 'info' };

function fromDiagnostic(d: Diagnostic): Compared {
  const { start, end } = d.range;
  return {
    ruleId: String(d.code),
    severity: severityName[d.severity ?? 2]!,
    message: typeof d.message === 'string' ? d.message : d.message.value,
    range: [start.line, start.character, end.line, end.character],
    suggestions: ((d.data as Array<{ text: string }> | undefined) ?? []).map((s) => s.text),
  };
}

interface JsonEntry {
  file: string;
  messages: Array<{ ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; suggestions: Array<{ text: string }> }>;
}

const order = (a: Compared, b: Compared) => a.range.join().localeCompare(b.range.join()) || a.ruleId.localeCompare(b.ruleId);

let tree: string;
before(() => {
  tree = mkdtempSync(path.join(tmpdir(), 'replylint-parity-'));
  for (const lang of ['ja', 'en']) {
    mkdirSync(path.join(tree, lang));
    for (const name of readdirSync(path.join(fixtures, lang)).filter((f) => f.endsWith('.txt'))) {
      cpSync(path.join(fixtures, lang, name), path.join(tree, lang, name));
    }
  }
  mkdirSync(path.join(tree, 'both'));
  writeFileSync(path.join(tree, 'both', 'ticket.txt'), bothReply);
  writeFileSync(path.join(tree, 'both', 'ticket.inquiry.txt'), bothInquiry);
});
after(() => rmSync(tree, { recursive: true, force: true }));

describe('CLI and language server agree', () => {
  it('every reply in the tree gets the same findings from both', { timeout: 120_000 }, async () => {
    const cli = spawnSync(process.execPath, [cliBin, '**/*.txt', '--format', 'json'], { cwd: tree, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(cli.stderr, '');
    const entries = JSON.parse(cli.stdout) as JsonEntry[];
    const replies = entries.map((e) => e.file);
    assert.ok(replies.length >= 40, `the tree has the fixture replies (${replies.length})`);
    assert.ok(!replies.some((f) => f.includes('.inquiry.')), 'inquiry files are not replies');

    const client = spawnServer();
    try {
      await client.initialize(pushCapabilities, undefined, pathToFileURL(tree).href);
      for (const entry of entries) {
        const file = path.join(tree, entry.file);
        const uri = pathToFileURL(file).href;
        client.open(uri, readFileSync(file, 'utf8'));
        const fromServer = (await client.waitForCurrent(uri, () => true, 60_000)).map(fromDiagnostic).sort(order);
        const fromCli = entry.messages
          .map((m): Compared => ({
            ruleId: m.ruleId,
            severity: m.severity,
            message: m.message,
            range: [m.line - 1, m.column - 1, m.endLine - 1, m.endColumn - 1],
            suggestions: m.suggestions.map((s) => s.text),
          }))
          .sort(order);
        assert.deepEqual(fromServer, fromCli, entry.file);
      }
    } finally {
      await client.shutdown();
    }

    // Why: the case that used to differ — the CLI took the sibling, the server the quote.
    const both = entries.find((e) => e.file === path.join('both', 'ticket.txt'))!;
    assert.ok(both.messages.some((m) => m.ruleId === 'unacknowledged-context'), 'the sibling inquiry (a birthday) is the one used');
  });
});
