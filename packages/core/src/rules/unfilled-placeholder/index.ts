/**
 * unfilled-placeholder: the reply still holds a template slot or a fill-in
 * marker the agent had to replace — {{name}}, {name}, ${order.id}, [Name],
 * [reason], <NAME>, 〇〇, ××, XXX, 【要修正】, TODO — or one of the team's own
 * markers (option `markers`). Sent as is, the customer reads the template.
 * Also the guard for every placeholder replylint's own suggestions insert.
 * The customer's quoted original is never checked.
 */
import { defineRule } from '../../rule.js';
import data from './data.json' with { type: 'json' };
import { matchAll } from '../../text/match-all.js';

const builtIn = data.markers.map((m) => ({ id: m.id, re: new RegExp(m.pattern, 'gu') }));

/**
 * Written text that only looks like a slot: code in backticks (`/repos/{owner}/{repo}`,
 * `{{ comments }}`), a masked number whose other digits are there (090-XXXX-XX21, 045-XXX-XXXX),
 * a menu path ([Settings]→[Billing]). Measured on the writer sets: these were all the
 * good-reply firings that were not template slots.
 */
function writtenOnPurpose(id: string, text: string, start: number, end: number, code: Array<[number, number]>): boolean {
  if (code.some(([s, e]) => start >= s && end <= e)) return true;
  if (id === 'xxx') {
    let a = start;
    let b = end;
    while (a > 0 && /[0-9Xx\-‐–]/u.test(text[a - 1]!)) a--;
    while (b < text.length && /[0-9Xx\-‐–]/u.test(text[b]!)) b++;
    if (/\d/u.test(text.slice(a, b))) return true;
  }
  if (id === 'square-bracket') {
    const around = text.slice(Math.max(0, start - 3), start) + '|' + text.slice(end, end + 3);
    if (/[→>＞›]|->/u.test(around)) return true;
  }
  return false;
}

export default defineRule(
  {
    id: 'unfilled-placeholder',
    langs: ['ja', 'en'],
    description: {
      ja: '差し込み欄や記入用の目印（{{name}}、〇〇、[理由]、【要修正】など）が残っている',
      en: 'A template slot or fill-in marker ({{name}}, [Name], 〇〇, XXX, TODO…) is still in the reply',
    },
    why: {
      ja: '「〇〇様」や「{{order_id}}」のまま届いたメールは、お客様に「テンプレートを貼っただけ」と伝わり、それまでの丁寧さを台無しにします。',
      en: "A reply that arrives with '{{first_name}}' or '[reason]' in it tells the customer they got a template, undoing everything else the reply does well.",
    },
    bad: {
      ja: "〇〇様\n\n返金がいつ届くかご心配とのこと、お待たせしてしまい申し訳ございません。{{refund_date}}にご返金いたしました。",
      en: "Hi [Name],\n\nYou asked when your refund will arrive, and I'm sorry for the two-week wait. Your refund of XXX was issued today.",
    },
    good: {
      ja: "佐藤様\n\n返金がいつ届くかご心配とのこと、お待たせしてしまい申し訳ございません。5月10日にご返金いたしました。",
      en: "Hi Dana,\n\nYou asked when your refund will arrive, and I'm sorry for the two-week wait. Your refund of $42.50 was issued today.",
    },
    inquiry: {
      ja: "返金はいつ届きますか？もう2週間待っています。",
      en: "When will my refund arrive? I've been waiting two weeks.",
    },
    defaults: { markers: [] },
    options: { type: 'object', keys: { markers: { type: 'list', items: { type: 'string', maxLength: 200 } } } },
  },
  (context) => {
    const raw = context.doc.raw;
    const team = (Array.isArray(context.options.markers) ? (context.options.markers as unknown[]) : []).filter(
      (m): m is string => typeof m === 'string' && m.trim() !== '',
    );
    const found: Array<[number, number]> = [];
    const add = (start: number, end: number) => {
      if (found.some(([s, e]) => start < e && end > s)) return;
      found.push([start, end]);
    };
    for (const segment of context.doc.structure.segments) {
      if (segment.kind === 'quoted') continue;
      const text = raw.slice(segment.start, segment.end);
      for (const marker of team) {
        let from = 0;
        let at: number;
        while ((at = text.indexOf(marker, from)) !== -1) {
          add(segment.start + at, segment.start + at + marker.length);
          from = at + marker.length;
        }
      }
      const code = [...matchAll(text, /`[^`\n]+`/gu)].map((m): [number, number] => [m.index!, m.index! + m[0].length]);
      for (const { id, re } of builtIn) {
        for (const m of matchAll(text, re)) {
          if (writtenOnPurpose(id, text, m.index!, m.index! + m[0].length, code)) continue;
          add(segment.start + m.index!, segment.start + m.index! + m[0].length);
        }
      }
    }
    for (const [start, end] of found.sort((a, b) => a[0] - b[0])) {
      const marker = raw.slice(start, end);
      const lang = context.doc.sentences.find((s) => s.start <= start && s.end >= end)?.lang ?? (context.doc.language === 'en' ? 'en' : 'ja');
      context.report({
        start,
        end,
        lang,
        reason: {
          ja: `「${marker}」が埋められていません。送信前に実際の内容に置き換えてください`,
          en: `“${marker}” has not been filled in. Replace it with the real value before sending`,
        },
      });
    }
  },
);
