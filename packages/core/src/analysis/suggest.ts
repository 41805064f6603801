/**
 * Building suggested sentences (acknowledgement, summary) from the inquiry's
 * specifics, and where to insert them: at the start of the body, after the greeting.
 */
import type { RuleContext, InquiryView } from '../rule.js';
import type { Sentence } from '../parse/document.js';
import type { Lang } from '../types.js';
import { contentKey, contentKeys } from './content.js';

/** An insertion right before the first body sentence, as its own paragraph when the body starts one. */
export function insertionBeforeBody(context: Pick<RuleContext, 'doc' | 'body'>, sentence: string): { start: number; end: number; text: string } {
  const first = context.body[0]!;
  const text = context.doc.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = Math.max(text.lastIndexOf('\n', first.start - 1), text.lastIndexOf('\r', first.start - 1)) + 1;
  // Always a paragraph of its own, so the inserted sentence never changes how the
  // paragraph it precedes is read (its language, its sentences).
  const atLineStart = text.slice(lineStart, first.start).trim() === '';
  return { start: first.start, end: first.start, text: (atLineStart ? '' : eol + eol) + sentence + eol + eol };
}

/** Body sentences of the inquiry (its greeting and signature lines carry no content). */
export function inquirySentences(inquiry: InquiryView | undefined, lang?: Lang): Sentence[] {
  if (!inquiry) return [];
  const usable = inquiry.doc.sentences.filter(
    (s) => (lang === undefined || s.lang === lang) && s.tokens.length > 0 && !isAddressLine(s),
  );
  // Body and quoted lines carry the content; greeting, closing and signature only when nothing else does.
  const content = usable.filter((s) => s.segment === 'body' || s.segment === 'quoted');
  return content.length > 0 ? content : usable;
}

function isAddressLine(s: Sentence): boolean {
  const t = s.text.trim();
  return (
    /(様|さま|御中|殿|各位|ご担当者?様?)\s*[、,:：]?$/u.test(t) ||
    /^(hi|hello|hey|dear)\b[^.!?]{0,40}[,!]?$/iu.test(t) ||
    // A name or company line: short, no sentence ending, and no kana particles (a wrapped line of prose keeps them).
    (t.length <= 24 && !/[。.!?！？]$/u.test(t) && !/[\u3041-\u3096]/u.test(t) && t.split(/\s+/).length <= 3)
  );
}

/** The most specific thing the inquiry is about, as a short noun phrase in the reply's language. */
export function inquiryTopic(inquiry: InquiryView | undefined, lang: Lang): string | undefined {
  const sentences = inquirySentences(inquiry, lang);
  if (sentences.length === 0) return undefined;
  if (lang === 'ja') {
    for (const s of sentences) {
      let best = '';
      let run = '';
      let runHasContent = false;
      for (const t of s.tokens) {
        if (t.pos === 'noun' && !/^[\p{P}\p{S}\p{N}A-Za-z]+$/u.test(t.surface) && !/番号|番|号/u.test(t.surface)) {
          run += t.surface;
          if (contentKey(t, 'ja') && t.surface.length >= 2) runHasContent = true;
        } else {
          if (runHasContent && run.length > best.length && run.length <= 16) best = run;
          run = '';
          runHasContent = false;
        }
      }
      if (runHasContent && run.length > best.length && run.length <= 16) best = run;
      if (best) return best;
    }
    return undefined;
  }
  for (const s of sentences) {
    const m = /\b(?:my|our|the)\s+((?:[A-Za-z][\w'-]*\s+){0,3}[A-Za-z][\w'-]*)/iu.exec(s.text);
    if (m) {
      const words = m[1]!.split(/\s+/).filter((w) => !/^(is|was|are|has|have|had|keeps|doesn't|isn't|won't|and|but|from|on|in|at|for|to)$/i.test(w));
      const cut: string[] = [];
      for (const w of words) {
        if (/^(is|was|are|has|have|had|keeps|kept|and|but|from|on|in|at|for|to|that|which|with|won't|doesn't|didn't|isn't|can't|still|never|just|never)$/i.test(w) || /\w(ed|ing)$/i.test(w)) break;
        cut.push(w);
      }
      if (cut.length) return 'your ' + cut.join(' ');
    }
  }
  return undefined;
}

/**
 * The inquiry sentence that carries most content (what is wrong or wanted); when
 * it carries fewer than two content words, the next ones in order join it.
 */
function mostSpecific(inquiry: InquiryView | undefined, lang: Lang): { text: string } | undefined {
  const sentences = inquirySentences(inquiry, lang).map((s) => ({ s, keys: contentKeys(s.tokens, lang) }));
  const ranked = sentences.filter((x) => x.keys.size > 0).sort((a, b) => b.keys.size - a.keys.size);
  if (ranked.length === 0) return undefined;
  const chosen = [ranked[0]!];
  const covered = new Set(ranked[0]!.keys);
  for (const x of ranked.slice(1)) {
    if (covered.size >= 2) break;
    if ([...x.keys].every((k) => covered.has(k))) continue;
    chosen.push(x);
    for (const k of x.keys) covered.add(k);
  }
  chosen.sort((a, b) => a.s.start - b.s.start);
  const text = chosen
    .map((x, i) => {
      // The writer's own words (template placeholders unmasked).
      const t = inquiry!.doc.raw.slice(x.s.start, x.s.end).trim();
      // Join sentences into one: drop the end punctuation of all but the last.
      return i < chosen.length - 1 ? t.replace(/[。．.!！?？…]+$/u, lang === 'ja' ? '、' : ',') : t;
    })
    .join(lang === 'ja' ? '' : ' ')
    // One line: a quoted mail's hard-wrapped lines are joined.
    .split(/\r\n|\r|\n/u)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(lang === 'ja' ? '' : ' ');
  return { text };
}

const swaps: Record<string, string> = {
  i: 'you', "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll", me: 'you', my: 'your', mine: 'yours',
  myself: 'yourself', we: 'you', "we're": "you're", "we've": "you've", "we'd": "you'd", our: 'your', ours: 'yours', us: 'you',
  ourselves: 'yourselves', am: 'are',
};

/** A restatement of the inquiry to insert after the greeting. */
export function summarySentence(inquiry: InquiryView | undefined, lang: Lang): string {
  const s = mostSpecific(inquiry, lang);
  if (lang === 'ja') {
    if (!s) return '【どの商品・サービスで何が起きていて、何をご希望か】とのこと、承知いたしました。';
    // One sentence: inner sentence ends become commas.
    let core = s.text.trim().replace(/[。．.!！?？…]+$/u, '').replace(/[。！？!?]+/gu, '、').replace(/^[^\p{L}\p{N}{]+/u, '');
    core = core
      .replace(/(?:私|わたし|僕|ぼく)(?:は|が|の)/gu, '')
      .replace(/でしょうか$|ますか$|ませんか$|ですか$/u, (m) => (m === 'ませんか' ? 'ないか' : 'か'))
      .replace(/ました$/u, 'た')
      .replace(/でした$/u, 'だった')
      .replace(/です$/u, '');
    return `${core}とのこと、承知いたしました。`;
  }
  if (!s) return 'You mentioned that [describe what happened to which product or service, and what you would like us to do].';
  let core = s.text.trim().replace(/[.!?…]+$/u, '').replace(/\s+/g, ' ').replace(/[.!?]+(?=\s|$)/gu, ',').replace(/^[^\p{L}\p{N}{]+/u, '');
  core = core.replace(/[A-Za-z']+/g, (w) => {
    const swapped = swaps[w.toLowerCase()];
    return swapped ?? w;
  });
  const question = /\?\s*$/u.test(s.text);
  if (question) return `You're asking: ${core.charAt(0).toUpperCase()}${core.slice(1)}?`;
  return `You mentioned that ${/^(you|your|you're|you've|you'd)\b/i.test(core) ? core.charAt(0).toLowerCase() + core.slice(1) : core}.`;
}
