// replylint playground: posts the reply (and the customer's message) to /v1/lint, shows the
// findings highlighted in the reply and applies a suggestion in one click. Every piece of text
// from the user or the server goes into the page through textContent or an attribute, never
// through innerHTML.
'use strict';

const strings = {
  en: {
    playground: 'playground', channel: 'Channel', token: 'Token', tokenHint: 'only if the server has one',
    inquiry: "Customer's message", inquiryHint: "Paste the customer's message (optional)",
    reply: 'Reply', replyHint: 'Type or paste the reply to check', check: 'Check', score: 'Score',
    highlighted: 'Findings in the reply', checking: 'Checking…', clean: 'No findings: ready to send.',
    found: (n) => `${n} finding${n === 1 ? '' : 's'}`, apply: 'Apply', changed: 'The reply changed since it was checked: checking again.',
    outOfRange: 'This suggestion no longer fits the reply: checking again.', failed: 'Could not check', rule: 'rule page',
    severity: { error: 'error', warn: 'warning', info: 'info' }, empty: 'Type a reply to check it.',
  },
  ja: {
    playground: 'プレイグラウンド', channel: 'チャネル', token: 'トークン', tokenHint: 'サーバーに設定されている場合のみ',
    inquiry: 'お客様のメッセージ', inquiryHint: 'お客様からのメッセージを貼り付け（任意）',
    reply: '返信', replyHint: 'チェックする返信を入力または貼り付け', check: 'チェック', score: 'スコア',
    highlighted: '返信内の指摘', checking: 'チェック中…', clean: '指摘はありません。送信できます。',
    found: (n) => `指摘 ${n} 件`, apply: '適用', changed: 'チェック後に返信が変わったため、もう一度チェックします。',
    outOfRange: 'この提案は現在の返信に合いません。もう一度チェックします。', failed: 'チェックできませんでした', rule: 'ルールの説明',
    severity: { error: 'エラー', warn: '警告', info: '情報' }, empty: '返信を入力するとチェックします。',
  },
};

const $ = (id) => document.getElementById(id);
const els = {
  inquiry: $('inquiry'), reply: $('reply'), channel: $('channel'), token: $('token'), check: $('check'),
  status: $('status'), score: $('score'), highlighted: $('highlighted'), findings: $('findings'),
  uiJa: $('ui-ja'), uiEn: $('ui-en'),
};

let ui = (navigator.language || 'en').toLowerCase().startsWith('ja') ? 'ja' : 'en';
/** The last answer and the exact text it is for: suggestions' offsets point into that text. */
let checked = null;
let sequence = 0;
let timer;

function t(key) {
  return strings[ui][key];
}

function setInterfaceLanguage(lang) {
  ui = lang;
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-text]')) el.textContent = t(el.dataset.text);
  for (const el of document.querySelectorAll('[data-placeholder]')) el.placeholder = t(el.dataset.placeholder);
  els.uiJa.setAttribute('aria-pressed', String(lang === 'ja'));
  els.uiEn.setAttribute('aria-pressed', String(lang === 'en'));
  // Findings are worded in the interface language: check again.
  if (els.reply.value.trim()) check();
  else showStatus(t('empty'));
}

function showStatus(text, isError = false) {
  els.status.textContent = text;
  els.status.classList.toggle('error', isError);
}

async function check() {
  clearTimeout(timer);
  const reply = els.reply.value;
  const mine = ++sequence;
  if (!reply.trim()) {
    checked = null;
    render(null, '');
    showStatus(t('empty'));
    return;
  }
  showStatus(t('checking'));
  const body = { reply, channel: els.channel.value, messageLanguage: ui };
  if (els.inquiry.value.trim()) body.inquiry = els.inquiry.value;
  const headers = { 'content-type': 'application/json' };
  if (els.token.value.trim()) headers.authorization = `Bearer ${els.token.value.trim()}`;
  let answer;
  try {
    const response = await fetch('v1/lint', { method: 'POST', headers, body: JSON.stringify(body) });
    answer = await response.json();
    if (!response.ok) throw new Error(answer && answer.error ? answer.error : `HTTP ${response.status}`);
  } catch (error) {
    if (mine === sequence) showStatus(`${t('failed')}: ${error.message}`, true);
    return;
  }
  if (mine !== sequence) return; // a newer check is on its way
  checked = { reply, answer };
  render(answer, reply);
  showStatus(answer.messages.length ? t('found')(answer.messages.length) : t('clean'));
}

function scheduleCheck() {
  clearTimeout(timer);
  timer = setTimeout(check, 400);
}

function render(answer, reply) {
  els.highlighted.replaceChildren();
  els.findings.replaceChildren();
  els.score.textContent = answer ? String(answer.score) : '–';
  els.score.className = !answer ? '' : answer.score >= 85 ? 'good' : answer.score >= 60 ? 'fair' : 'poor';
  if (!answer) return;
  els.highlighted.append(...highlight(reply, answer.messages));
  answer.messages.forEach((message, index) => els.findings.append(finding(message, index)));
}

/** The reply as text nodes and <mark>s: one mark per stretch covered by the same findings. */
function highlight(text, messages) {
  const cuts = new Set([0, text.length]);
  for (const m of messages) {
    cuts.add(clamp(m.offset, text.length));
    cuts.add(clamp(m.endOffset, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i < points.length; i++) {
    const at = points[i];
    // Findings that mark a place, not a stretch (an insertion point).
    const here = messages.map((m, index) => ({ m, index })).filter(({ m }) => m.offset === m.endOffset && clamp(m.offset, text.length) === at);
    if (here.length) nodes.push(mark('', here));
    if (i === points.length - 1) break;
    const end = points[i + 1];
    const covering = messages.map((m, index) => ({ m, index })).filter(({ m }) => m.offset <= at && m.endOffset >= end && m.offset < m.endOffset);
    const slice = text.slice(at, end);
    nodes.push(covering.length ? mark(slice, covering) : document.createTextNode(slice));
  }
  return nodes;
}

const rank = { error: 3, warn: 2, info: 1 };

function mark(text, covering) {
  const el = document.createElement('mark');
  const worst = covering.reduce((a, b) => (rank[b.m.severity] > rank[a.m.severity] ? b : a)).m.severity;
  el.className = `${worst}${text ? '' : ' point'}${covering.length > 1 ? ' several' : ''}`;
  el.textContent = text;
  el.title = covering.map(({ m }) => `${m.message} (${m.ruleId})`).join('\n');
  el.dataset.rules = covering.map(({ m }) => m.ruleId).join(' ');
  el.dataset.findings = covering.map(({ index }) => index).join(' ');
  return el;
}

function finding(message, index) {
  const li = document.createElement('li');
  li.dataset.rule = message.ruleId;
  const severity = document.createElement('span');
  severity.className = `severity ${message.severity}`;
  severity.textContent = t('severity')[message.severity] || message.severity;
  const text = document.createElement('span');
  text.className = 'message';
  text.textContent = message.message;
  li.append(severity, text, ruleLink(message));
  if (message.note) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = message.note;
    li.append(note);
  }
  for (const suggestion of message.suggestions) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'suggestion';
    button.dataset.rule = message.ruleId;
    button.textContent = `${t('apply')}: ${suggestion.title}`;
    button.title = suggestion.text;
    button.addEventListener('click', () => apply(suggestion));
    li.append(button);
  }
  li.addEventListener('mouseenter', () => activate(index, true));
  li.addEventListener('mouseleave', () => activate(index, false));
  return li;
}

function ruleLink(message) {
  const code = document.createElement('code');
  code.className = 'rule';
  code.textContent = message.ruleId;
  let url;
  try {
    url = new URL(message.url);
  } catch {
    return code;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return code;
  const link = document.createElement('a');
  link.href = url.href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.title = t('rule');
  link.append(code);
  return link;
}

function activate(index, on) {
  for (const el of els.highlighted.querySelectorAll('mark')) {
    if (el.dataset.findings.split(' ').includes(String(index))) el.classList.toggle('active', on);
  }
}

/** Replace [start, end) of the checked reply with the suggestion's text, only if that text is still there. */
function apply(suggestion) {
  const reply = els.reply.value;
  if (!checked || checked.reply !== reply) {
    showStatus(t('changed'));
    check();
    return;
  }
  const { start, end, text } = suggestion;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > reply.length || typeof text !== 'string') {
    showStatus(t('outOfRange'), true);
    check();
    return;
  }
  els.reply.value = reply.slice(0, start) + text + reply.slice(end);
  els.reply.focus();
  els.reply.setSelectionRange(start + text.length, start + text.length);
  check();
}

function clamp(n, max) {
  return Math.max(0, Math.min(Number.isInteger(n) ? n : 0, max));
}

els.reply.addEventListener('input', scheduleCheck);
els.inquiry.addEventListener('input', scheduleCheck);
els.channel.addEventListener('change', check);
els.check.addEventListener('click', check);
els.uiJa.addEventListener('click', () => setInterfaceLanguage('ja'));
els.uiEn.addEventListener('click', () => setInterfaceLanguage('en'));
setInterfaceLanguage(ui);
