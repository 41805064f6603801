/**
 * acknowledge-first: the reply does acknowledge the customer or summarise
 * their inquiry, but only after it has already given the solution (an action
 * taken, 「返金いたしました」 "I've refunded", or instructions, 「〜てください」
 * "please go to", an imperative, a numbered step). The acknowledgement should
 * open the body: a customer reads the fix differently once they feel heard.
 *
 * Reads the reply analysis (`analysis/acts.ts`), so "what counts as an
 * acknowledgement" has one definition for every rule.
 */
import { defineRule } from '../../rule.js';
import type { Sentence } from '../../parse/document.js';
import type { Lang } from '../../types.js';
import { maskQuotes } from '../../analysis/sentences.js';
import data from './data.json' with { type: 'json' };

const actions = { ja: new RegExp(data.ja.actions, 'u'), en: new RegExp(data.en.actions, 'iu') };
const instructions = { ja: new RegExp(data.ja.instructions, 'u'), en: new RegExp(data.en.instructions, 'iu') };
const jaNotInstructions = new RegExp(data.ja.notInstructions, 'gu');
const steps = { ja: new RegExp(data.ja.steps, 'u'), en: new RegExp(data.en.steps, 'u') };

export default defineRule(
  {
    id: 'acknowledge-first',
    langs: ['ja', 'en'],
    description: {
      ja: 'お気持ちの受け止めやお問い合わせの要約が、解決策（対応済みの内容や手順）の後にしか出てこない',
      en: 'The acknowledgement or summary comes only after the solution has been given',
    },
    why: {
      ja: '先に手順や対応結果が来ると、お客様は「話を聞いてもらえていない」と感じたまま読み進めます。受け止めと要約で本文を始めると、その後の解決策が素直に伝わります。',
      en: 'When the fix comes first, the customer reads it still feeling unheard. Opening with the acknowledgement or summary makes the same solution land better.',
    },
    bad: {
      ja: "本日、全額を返金いたしました。お料理が1時間遅れて冷めた状態で届いたとのこと、せっかくのお食事を台無しにしてしまい申し訳ございません。",
      en: "I've refunded the full order. I'm sorry your food arrived an hour late and cold, and ruined your dinner.",
    },
    good: {
      ja: "お料理が1時間遅れて冷めた状態で届いたとのこと、せっかくのお食事を台無しにしてしまい申し訳ございません。本日、全額を返金いたしました。",
      en: "I'm sorry your food arrived an hour late and cold, and ruined your dinner. I've refunded the full order.",
    },
    inquiry: {
      ja: "注文した料理が1時間遅れて冷めた状態で届きました。返金してください。",
      en: "My food arrived an hour late and cold. I want a refund.",
    },
  },
  (context) => {
    const agent = context.agent.filter((s) => s.segment !== 'signature');
    if (context.body.length === 0) return;
    const firstAck = agent.findIndex((s) => {
      const acts = context.analysis.of(s);
      return Boolean(acts && (acts.acknowledges || acts.restates));
    });
    if (firstAck <= 0) return;
    const solution = agent.slice(0, firstAck).find((s) => s.segment === 'body' && givesSolution(s));
    if (!solution) return;
    const ack = agent[firstAck]!;
    const lang = ack.lang;
    context.report({
      start: ack.start,
      end: ack.end,
      lang,
      reason: {
        ja: 'お客様への受け止め・要約が、解決策の後に来ています。本文の最初に置きましょう',
        en: 'This acknowledgement comes after the solution. Open the body with it',
      },
      suggestions: [
        {
          title: { ja: 'この文を解決策の前に移動', en: 'Move this sentence before the solution' },
          ...moveBefore(context.doc.text, ack, solution, lang),
        },
      ],
    });
  },
);

/** Does this sentence give the solution: an action taken or instructions? */
export function givesSolution(sentence: Sentence): boolean {
  const lang = sentence.lang;
  const text = maskQuotes(sentence);
  if (actions[lang].test(text)) return true;
  if (steps[lang].test(text) && text.trim().length > 4) return true;
  if (lang === 'ja') return instructions.ja.test(text.replace(jaNotInstructions, ''));
  return instructions.en.test(text.trim());
}

/** One edit over [solution.start, ack.end): the acknowledgement first, then what came before it. */
function moveBefore(text: string, ack: Sentence, solution: Sentence, lang: Lang): { start: number; end: number; text: string } {
  const between = text.slice(solution.start, ack.start);
  const gap = /\s*$/u.exec(between)![0];
  const before = between.slice(0, between.length - gap.length);
  const separator = gap || (lang === 'ja' ? '' : ' ');
  return { start: solution.start, end: ack.end, text: ack.text + separator + before };
}
