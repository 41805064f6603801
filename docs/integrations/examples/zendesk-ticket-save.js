// Zendesk Support app (ZAF v2): check the agent's public reply when the ticket is saved.
// A rejected promise from a `ticket.save` handler cancels the save and shows its message.
// The request goes through Zendesk's proxy (`client.request`), so the token stays in the
// app's secure setting `replylintToken` and never reaches the agent's browser.
import { checkDraft, htmlToText } from './replylint-check.js';

export function registerReplylintCheck(client, { url }) {
  client.on('ticket.save', () => checkTicket(client, { url }));
}

export async function checkTicket(client, { url }) {
  const data = await client.get(['ticket.comment', 'ticket.requester.id', 'ticket.comments']);
  const comment = data['ticket.comment'] ?? {};
  // Internal notes and saves without a reply are not checked.
  if (comment.type === 'internalNote' || !htmlToText(comment.text).trim()) return true;
  const requesterId = data['ticket.requester.id'];
  const fromCustomer = (data['ticket.comments'] ?? []).filter((c) => c?.author?.id === requesterId);
  const inquiry = htmlToText(fromCustomer.at(-1)?.value ?? '');

  const post = async (body) => {
    try {
      const response = await client.request({
        url: `${url}/v1/lint`,
        type: 'POST',
        contentType: 'application/json',
        data: JSON.stringify(body),
        headers: { Authorization: 'Bearer {{setting.replylintToken}}' },
        secure: true,
        timeout: 5000,
        httpCompleteResponse: true,
      });
      return { status: response.status, body: JSON.parse(response.responseText) };
    } catch (failure) {
      // ZAF rejects non-2xx answers with the response object.
      if (failure?.status) return { status: failure.status, body: safeJson(failure.responseText) };
      throw failure;
    }
  };
  const verdict = await checkDraft({ reply: htmlToText(comment.text), inquiry }, post);
  if (verdict.verdict === 'block') throw verdict.message;
  if (verdict.verdict === 'unchecked') client.invoke('notify', verdict.notice, 'alert');
  return true;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
