// Freshdesk app (ticket sidebar): intercept "Send reply", check the draft, and cancel the
// send with the findings when replylint reports errors. The request uses a request template
// (config/requests.json, below in the doc) that adds the bearer token from an installation
// parameter, so the token never reaches the agent's browser.
import { checkDraft, htmlToText } from './replylint-check.js';

export function registerReplylintCheck(client) {
  client.events.on('ticket.sendReply', (event) => checkReply(client, event), { intercept: true });
}

export async function checkReply(client, event) {
  const draft = htmlToText(event.helper.getData()?.body ?? '');
  const { ticket } = await client.data.get('ticket').catch(() => ({ ticket: {} }));
  const post = async (body) => {
    try {
      const response = await client.request.invokeTemplate('replylintLint', { body: JSON.stringify(body) });
      return { status: response.status, body: JSON.parse(response.response) };
    } catch (failure) {
      // invokeTemplate rejects non-2xx answers with { status, response }.
      if (failure?.status) return { status: failure.status, body: safeJson(failure.response) };
      throw failure;
    }
  };
  const verdict = await checkDraft({ reply: draft, inquiry: ticket?.description_text ?? '' }, post);
  if (verdict.verdict === 'block') return event.helper.fail(verdict.message);
  if (verdict.verdict === 'unchecked') await client.interface.trigger('showNotify', { type: 'warning', message: verdict.notice }).catch(() => {});
  return event.helper.done();
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
