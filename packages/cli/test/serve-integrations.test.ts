/**
 * The helpdesk recipes in docs/integrations/: each example module is the code the doc shows
 * (checked verbatim), and runs here against a real `replylint serve` with a fake of the
 * helpdesk's client object that forwards its requests to that server, as the helpdesk's proxy would.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { cliRoot, readFixture } from './helpers.js';
import { startServer, type RunningServer } from './serve-helpers.js';

const docs = path.join(cliRoot, '..', '..', 'docs', 'integrations');
const load = async (name: string) => (await import(pathToFileURL(path.join(docs, 'examples', name)).href)) as Record<string, any>;
const token = 'integration-token-0123456789abcdef';

const badReply = readFixture('replies/ja-policy.txt');
const goodReply = readFixture('replies/en-refund.txt');
const goodInquiry = readFixture('replies/en-refund.inquiry.txt');
const asHtml = (text: string) => text.split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>`).join('');

describe('docs/integrations: each doc shows its example module verbatim', () => {
  for (const [doc, modules] of [
    ['webhook.md', ['replylint-check.js', 'webhook-pre-send.js']],
    ['zendesk.md', ['zendesk-ticket-save.js']],
    ['freshdesk.md', ['freshdesk-send-reply.js']],
  ] as const) {
    it(`${doc} holds ${modules.join(' and ')}`, () => {
      // The tested code and the code a reader copies must be the same text.
      const text = readFileSync(path.join(docs, doc), 'utf8');
      for (const module of modules) {
        assert.ok(text.includes(readFileSync(path.join(docs, 'examples', module), 'utf8').trim()), `${doc} does not hold ${module}`);
      }
    });
  }
});

describe('docs/integrations against a real server', () => {
  let server: RunningServer;
  let closedUrl: string;
  before(async () => {
    const gone = await startServer();
    closedUrl = gone.url;
    await gone.stop();
    server = await startServer(['--token', token]);
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  describe('htmlToText', () => {
    it('keeps paragraphs and line breaks and decodes entities, so offsets match what the agent wrote', async () => {
      // Helpdesk editors hand over HTML; replylint reads text.
      const { htmlToText } = await load('replylint-check.js');
      assert.equal(htmlToText('<p>Hi&nbsp;Dana,</p><p>A &amp; B &lt;ok&gt;<br/>&#x3042;&#12356;</p>'), 'Hi Dana,\nA & B <ok>\nあい');
      assert.equal(htmlToText(undefined), '');
    });
  });

  describe('Zendesk ticket.save', () => {
    /** A fake ZAF client: `get` answers from the ticket, `request` is Zendesk's proxy (fills in the secure setting). */
    function fakeZendesk(ticket: { comment: { text: string; type: string }; requesterId: number; comments: unknown[] }, url: string) {
      const handlers: Record<string, () => Promise<unknown>> = {};
      const notices: unknown[][] = [];
      const sent: { headers: Record<string, string>; data: string }[] = [];
      const client = {
        on: (name: string, handler: () => Promise<unknown>) => (handlers[name] = handler),
        get: async (paths: string[]) => {
          const all: Record<string, unknown> = { 'ticket.comment': ticket.comment, 'ticket.requester.id': ticket.requesterId, 'ticket.comments': ticket.comments };
          return Object.fromEntries(paths.map((p) => [p, all[p]]));
        },
        request: async (options: { url: string; type: string; contentType: string; data: string; headers: Record<string, string> }) => {
          sent.push(options);
          const headers = Object.fromEntries(Object.entries(options.headers).map(([k, v]) => [k, v.replace('{{setting.replylintToken}}', token)]));
          const response = await fetch(options.url, { method: options.type, headers: { ...headers, 'content-type': options.contentType }, body: options.data });
          const result = { status: response.status, responseText: await response.text() };
          if (!response.ok) throw result;
          return result;
        },
        invoke: (...args: unknown[]) => notices.push(args),
      };
      return { client, handlers, notices, sent };
    }
    const comments = [
      { author: { id: 7 }, value: `<p>${goodInquiry}</p>` },
      { author: { id: 1 }, value: '<p>Agent note</p>' },
    ];

    it('cancels the save with the findings when the reply has errors', async () => {
      // The agent sees why, in the reply's language, and the draft stays unsent.
      const { registerReplylintCheck } = await load('zendesk-ticket-save.js');
      const fake = fakeZendesk({ comment: { text: asHtml(badReply), type: 'publicReply' }, requesterId: 7, comments }, server.url);
      registerReplylintCheck(fake.client, { url: server.url });
      await assert.rejects(fake.handlers['ticket.save']!(), (message: unknown) => {
        assert.equal(typeof message, 'string');
        assert.match(message as string, /^replylint: fix these 3 before sending:\n/);
        assert.match(message as string, /「当社の規定により」は会社側の都合や規則を理由にしています.*\(supplier-centred-wording\)/);
        return true;
      });
      // The token is left for Zendesk's proxy to fill in; the app never holds it.
      assert.equal(fake.sent[0]!.headers.Authorization, 'Bearer {{setting.replylintToken}}');
      // The requester's last comment went along as the inquiry.
      assert.equal(JSON.parse(fake.sent[0]!.data).inquiry, goodInquiry.trim());
    });

    it('lets a good reply be saved', async () => {
      // No errors: the promise resolves and Zendesk saves.
      const { checkTicket } = await load('zendesk-ticket-save.js');
      const fake = fakeZendesk({ comment: { text: asHtml(goodReply), type: 'publicReply' }, requesterId: 7, comments }, server.url);
      assert.equal(await checkTicket(fake.client, { url: server.url }), true);
      assert.deepEqual(fake.notices, []);
    });

    it('does not check internal notes', async () => {
      // A note to colleagues is not a reply to the customer.
      const { checkTicket } = await load('zendesk-ticket-save.js');
      const fake = fakeZendesk({ comment: { text: asHtml(badReply), type: 'internalNote' }, requesterId: 7, comments }, server.url);
      assert.equal(await checkTicket(fake.client, { url: server.url }), true);
      assert.equal(fake.sent.length, 0);
    });

    it('saves with a notice when replylint is down', async () => {
      // A broken checker must not stop a support team from answering.
      const { checkTicket } = await load('zendesk-ticket-save.js');
      const fake = fakeZendesk({ comment: { text: asHtml(badReply), type: 'publicReply' }, requesterId: 7, comments }, closedUrl);
      assert.equal(await checkTicket(fake.client, { url: closedUrl }), true);
      assert.equal(fake.notices.length, 1);
      assert.match(String(fake.notices[0]![1]), /^replylint could not check this reply \(.*\); it was not blocked$/);
    });
  });

  describe('Freshdesk ticket.sendReply', () => {
    /** A fake Freshworks client: intercepted events, ticket data, the request template (adds the token). */
    function fakeFreshdesk(url: string, templateToken = token) {
      const handlers: Record<string, (event: unknown) => Promise<unknown>> = {};
      const notices: unknown[] = [];
      const client = {
        events: { on: (name: string, handler: (event: unknown) => Promise<unknown>, options: { intercept: boolean }) => { assert.equal(options.intercept, true); handlers[name] = handler; } },
        data: { get: async (name: string) => { assert.equal(name, 'ticket'); return { ticket: { description_text: goodInquiry } }; } },
        request: {
          invokeTemplate: async (name: string, { body }: { body: string }) => {
            assert.equal(name, 'replylintLint');
            const response = await fetch(`${url}/v1/lint`, { method: 'POST', headers: { authorization: `Bearer ${templateToken}`, 'content-type': 'application/json' }, body });
            const result = { status: response.status, response: await response.text() };
            if (!response.ok) throw result;
            return result;
          },
        },
        interface: { trigger: async (action: string, options: unknown) => notices.push([action, options]) },
      };
      return { client, handlers, notices };
    }
    function sendEvent(html: string) {
      const outcome: { done?: boolean; failed?: string } = {};
      const event = { helper: { getData: () => ({ body: html }), done: () => (outcome.done = true), fail: (message: string) => (outcome.failed = message) } };
      return { event, outcome };
    }

    it('fails the send with the findings when the reply has errors', async () => {
      // event.helper.fail keeps the reply in the editor and shows the message.
      const { registerReplylintCheck } = await load('freshdesk-send-reply.js');
      const fake = fakeFreshdesk(server.url);
      registerReplylintCheck(fake.client);
      const { event, outcome } = sendEvent(asHtml(badReply));
      await fake.handlers['ticket.sendReply']!(event);
      assert.equal(outcome.done, undefined);
      assert.match(outcome.failed ?? '', /^replylint: fix these 3 before sending:\n.*\(empathy-acknowledgement\)/);
    });

    it('lets a good reply go', async () => {
      // The ticket's description is the inquiry, so the good reply's restatement is recognised.
      const { checkReply } = await load('freshdesk-send-reply.js');
      const fake = fakeFreshdesk(server.url);
      const { event, outcome } = sendEvent(asHtml(goodReply));
      await checkReply(fake.client, event);
      assert.deepEqual(outcome, { done: true });
    });

    it('sends with a warning when the token is wrong (401), naming the problem', async () => {
      // A misconfigured app is visible to the agent instead of silently checking nothing.
      const { checkReply } = await load('freshdesk-send-reply.js');
      const fake = fakeFreshdesk(server.url, 'wrong-token-wrong-token');
      const { event, outcome } = sendEvent(asHtml(badReply));
      await checkReply(fake.client, event);
      assert.deepEqual(outcome, { done: true });
      assert.match(JSON.stringify(fake.notices), /replylint could not check this reply \(authorization: wrong token\)/);
    });
  });

  describe('generic webhook', () => {
    it('blocks a reply with errors, passes a good one, and reports a server it cannot reach', async () => {
      // The three outcomes every pre-send hook needs to handle.
      const { preSendCheck } = await load('webhook-pre-send.js');
      const blocked = await preSendCheck({ draft: badReply }, { url: server.url, token });
      assert.equal(blocked.verdict, 'block');
      assert.equal(blocked.result.errorCount, 3);
      const sent = await preSendCheck({ draft: goodReply, customerMessage: goodInquiry }, { url: server.url, token });
      assert.deepEqual([sent.verdict, sent.result.score], ['send', 100]);
      const down = await preSendCheck({ draft: goodReply }, { url: closedUrl, token, timeoutMs: 2000 });
      assert.equal(down.verdict, 'unchecked');
    });
  });
});
