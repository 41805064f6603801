/**
 * The inquiry a reply is checked against, in @replylint/node's one order
 * (attached > option > sibling > quoted), on real files in a temporary
 * directory; and which paths are inquiry files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lint } from '@replylint/core';
import { chooseInquiry, findSiblingInquiry } from '../src/index.js';
import { inquiryFileCandidates, isInquiryFile, replyStemOf } from '../src/paths.js';

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'replylint-node-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const quotedReply = 'Hi Sam,\n\nPer our policy, refunds are not available.\n\nBest,\nAda\n\n> My blender broke after a week. Can I get a refund?\n';

describe('chooseInquiry', () => {
  it('takes attached, then option, then sibling; none means the quoted original', async () => {
    const reply = path.join(dir, 'ticket-1.txt');
    writeFileSync(reply, quotedReply);
    writeFileSync(path.join(dir, 'ticket-1.inquiry.txt'), 'My kettle leaks.');
    const option = { text: 'My toaster burns bread.', file: 'toaster.txt' };
    assert.deepEqual(await chooseInquiry({ attached: 'My fan is loud.', option, replyPath: reply }), { text: 'My fan is loud.', origin: 'attached' });
    assert.deepEqual(await chooseInquiry({ option, replyPath: reply }), { ...option, origin: 'option' });
    assert.deepEqual(await chooseInquiry({ replyPath: reply }), { text: 'My kettle leaks.', origin: 'sibling', file: path.join(dir, 'ticket-1.inquiry.txt') });
    // Why: with no inquiry chosen, lint() is called without one and takes the quoted original itself.
    assert.equal(await chooseInquiry({ replyPath: path.join(dir, 'no-sibling.txt') }), undefined);
    assert.equal((await lint(quotedReply)).inquirySource, 'quoted');
  });

  it('a blank text at a step counts as not given', async () => {
    const reply = path.join(dir, 'ticket-2.txt');
    writeFileSync(path.join(dir, 'ticket-2.inquiry.txt'), '  \n');
    assert.equal((await chooseInquiry({ attached: ' ', option: { text: '\n' }, replyPath: reply }))?.origin, undefined);
  });

  it('a Markdown sibling is read as prose: its code is masked, offsets kept', async () => {
    const reply = path.join(dir, 'ticket-3.md');
    const inquiry = 'My order `#1234` never came.\n';
    writeFileSync(path.join(dir, 'ticket-3.inquiry.md'), inquiry);
    const chosen = await chooseInquiry({ replyPath: reply });
    assert.equal(chosen?.text, 'My order         never came.\n');
    assert.equal(chosen?.text.length, inquiry.length);
  });

  it('an unreadable sibling is an error naming the file', async () => {
    const reply = path.join(dir, 'ticket-4.txt');
    writeFileSync(path.join(dir, 'ticket-4.inquiry.txt'), Buffer.from([0x66, 0x00, 0x6f]));
    await assert.rejects(chooseInquiry({ replyPath: reply }), /ticket-4\.inquiry\.txt: binary file/);
  });

  it('prefers NAME.inquiry.txt over NAME.inquiry.md; an inquiry file has no sibling', async () => {
    writeFileSync(path.join(dir, 'ticket-5.inquiry.txt'), 'a');
    writeFileSync(path.join(dir, 'ticket-5.inquiry.md'), 'b');
    assert.equal(await findSiblingInquiry(path.join(dir, 'ticket-5.md')), path.join(dir, 'ticket-5.inquiry.txt'));
    assert.equal(await findSiblingInquiry(path.join(dir, 'ticket-5.inquiry.md')), undefined);
  });
});

describe('inquiry paths (pure, shared with the VS Code client)', () => {
  it('NAME.inquiry.txt and NAME.inquiry.md are inquiry files, in any case and with either separator', () => {
    assert.equal(isInquiryFile('/w/refund.inquiry.txt'), true);
    assert.equal(isInquiryFile('C:\\w\\refund.inquiry.MD'), true);
    assert.equal(isInquiryFile('/w/refund.txt'), false);
    // Why: only the two documented endings; a reply called `x.inquiry.json` is nobody's inquiry.
    assert.equal(isInquiryFile('/w/refund.inquiry.json'), false);
    assert.equal(isInquiryFile('/w/refund.inquiry.txt/reply.txt'), false);
  });

  it('candidates sit next to the reply, NAME without its last extension', () => {
    assert.deepEqual(inquiryFileCandidates('/w/a.b.md'), ['/w/a.b.inquiry.txt', '/w/a.b.inquiry.md']);
    assert.deepEqual(inquiryFileCandidates('C:\\w\\r.txt'), ['C:\\w\\r.inquiry.txt', 'C:\\w\\r.inquiry.md']);
    assert.deepEqual(inquiryFileCandidates('/w/a.inquiry.txt'), []);
    assert.equal(replyStemOf('/w/a.b.inquiry.md'), '/w/a.b');
  });
});
