// Any helpdesk, chat tool or script that can call a URL before a reply is sent: post the draft
// and the customer's last message to `replylint serve`, and block on errors.
// Node 20+ or a browser (same origin as the server, or through your backend).
import { checkDraft } from './replylint-check.js';

export async function preSendCheck({ draft, customerMessage }, { url, token, timeoutMs = 5000 }) {
  const post = async (body) => {
    const response = await fetch(`${url}/v1/lint`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
  return checkDraft({ reply: draft, inquiry: customerMessage }, post);
}
