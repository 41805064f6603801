// Shared by the helpdesk recipes: ask `replylint serve` whether a draft may be sent.
// `post(body)` sends `body` as JSON to POST /v1/lint and resolves to { status, body }.
// Only findings at error level block; if replylint cannot check the draft (down, timed out,
// a 4xx), the agent is told and the reply goes out, as docs/hooks/pre-send.sh does.

export async function checkDraft({ reply, inquiry }, post) {
  const request = { reply: String(reply ?? '') };
  if (typeof inquiry === 'string' && inquiry.trim() !== '') request.inquiry = inquiry;
  let answer;
  try {
    answer = await post(request);
  } catch (error) {
    return { verdict: 'unchecked', notice: `replylint could not check this reply (${error?.message ?? error}); it was not blocked` };
  }
  const messages = answer?.status === 200 && Array.isArray(answer.body?.messages) ? answer.body.messages : undefined;
  if (!messages) {
    const why = answer?.body?.error ?? `HTTP ${answer?.status}`;
    return { verdict: 'unchecked', notice: `replylint could not check this reply (${why}); it was not blocked` };
  }
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length === 0) return { verdict: 'send', result: answer.body };
  return { verdict: 'block', result: answer.body, message: blockMessage(errors) };
}

/** What the agent sees when the reply is held back: each error's reason and rule. */
export function blockMessage(errors) {
  const lines = errors.map((m) => `• ${m.message} (${m.ruleId})`);
  return `replylint: fix ${errors.length === 1 ? 'this' : `these ${errors.length}`} before sending:\n${lines.join('\n')}`;
}

/** A helpdesk editor's HTML as the plain text replylint reads (paragraphs and line breaks kept). */
export function htmlToText(html) {
  const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return String(html ?? '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
      if (name[0] === '#') {
        const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
