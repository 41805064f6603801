/**
 * Restatement: does an agent sentence restate the customer's specific inquiry
 * (a restating form whose content words match the inquiry's: the thing
 * concerned and what is wrong or wanted)? And which part of a sentence reports
 * the customer's own words? Shared through the reply analysis (`acts.ts`).
 */
import type { Sentence } from '../parse/document.js';
import { contentKey, contentKeys, lemmaOf, overlap, sharesQuantity, type InquiryContent } from './content.js';
import { oneOf, termSource } from './terms.js';
import data from './restatement.json' with { type: 'json' };
import { matchAll } from '../text/match-all.js';

// ---------------------------------------------------------------------------
// The cue lexicon (restatement.json) and the patterns built from it. The JSON
// holds one entry per cue or word, each with an example sentence that is its
// test (test/restatement-lexicon.test.ts); the grammar around the word lists
// is here. Lists keep the file's order: the first alternative that leads to a
// match wins.
// ---------------------------------------------------------------------------

/** One cue or word: matched literally (regex-escaped), or as its short `pattern`. */
export interface Entry {
  term: string;
  pattern?: string;
  example: string;
  note?: string;
  /** false: the example is caught by an earlier exclusion (documented, tested as such). */
  restates?: boolean;
}

const lexicon = data as unknown as Record<'ja' | 'en', { lists: Record<string, { kind: string; note: string; entries: Entry[] }> }>;

/** A list as one non-capturing alternation, in the file's order. */
const list = (lang: 'ja' | 'en', name: string): string => {
  const found = lexicon[lang].lists[name];
  if (!found) throw new Error(`restatement.json: no ${lang} list ${name}`);
  return oneOf(...found.entries.map(termSource));
};

/** A clause may open with "So" or "So," before the customer's situation. */
const SO = '^(?:so,? )?';

/** A Japanese apology (keigo or plain): the words before it may fold the situation in. */
const jaApology = /申し訳|お詫び|恐縮|ごめん|すみません|すいません/u;
/** A sentence that ends on what happened, with the regret of 〜てしまった (「〜てしまいました」「〜ちゃいました」), perhaps with 「ね」. */
const jaConfession = /(?:[てで]しま|ちゃ|じゃ)(?:いました|った)(?:んです|のです)?(?:ね|よね)?[。．.!！…\s]*$/u;

/** Japanese: any cue (「とのこと」「というご質問」「と伺いました」…), every match in the sentence. */
const jaCue = new RegExp(list('ja', 'cue'), 'gu');
/** English: a phrase that reads the message back anywhere in the clause ("you mentioned", "to confirm"). */
const enStrong = new RegExp(list('en', 'strongCue'), 'iu');
/** "Your refund has (now) been processed": the answer, not the problem read back. */
const enResolution = new RegExp(
  '\\b(?:has|have|had|is|was|were|are)\\s+(?:now\\s+|just\\s+|already\\s+|also\\s+)*(?:been\\s+)?(?:now\\s+|just\\s+)?' + list('en', 'resolved') + '\\b',
  'iu',
);
const enSorryYou = /\bsorry (?:that )?you(?:'ve| have| were| had| got)\b/iu;
/**
 * An apology or sympathy whose object is the customer's situation as a clause with its own
 * subject: "Sorry your April issue didn't reach you", "So sorry the carrier drove over your
 * flower bed", "I'm sorry to hear someone got into your account", "Sorry to hear Face ID stopped
 * working" (a name as the subject, then a verb in the past or negated). It restates only when the
 * clause carries enough of the inquiry ("sorry your evening turned out like that" does not).
 */
const enSorryAbout = /\b(?:sorry|apologi[sz]e)\b,? (?:(?:that|to hear|to see|to learn|about how) (?:that )?)?(?:your|the|our|someone|somebody)\s/iu;
/** (The same with a name for its subject: case decides what is a name.) */
const enSorryName = /\b(?:[Ss]orry|[Aa]pologi[sz]e)\b,? (?:(?:that|to hear|to see|to learn) (?:that )?)?(?!(?:I|We|It|This|That|There|You|They|He|She)\b)[A-Z][\w-]*(?: [A-Z][\w-]*)* [a-z]+(?:ed|n't)\b/u;
/** "So …" opening a sentence: a lead-in restatement. */
const enLead = [
  // "So your / the / you …"
  '^so,? (?:your|the|you) ',
  // "So after the update your …": you or your within six words.
  "^so,? (?:[\\w'#&()\\-]+ ){0,6}?(?:you|your)\\b",
  // "So the March bill came to …": a verb of what happened within six words.
  "^so,? (?:[\\w'#&()\\-]+ ){1,6}?(?:has|have|had|is|was|were|came|went|stopped|failed|broke|keeps|kept|didn't|doesn't|won't|isn't|wasn't)\\b",
  // Any "So …" that is not the writer speaking or offering (so I, so we, so please, so here, so thanks…).
  "^so,? (?!i\\b|i'|we\\b|we'|please\\b|let|you can|you'll|you will|here|that's|thanks|thank)",
].map((c) => new RegExp(c, 'iu'));
/** The customer's situation at the start of a clause. */
const enSituation = [
  // "You're locked out …" (not "you're welcome")
  `${SO}you(?:'re| are) (?!welcome)\\w+`,
  // "You've been charged twice …"
  `${SO}you(?:'ve| have) ${list('en', 'youHave')}\\b`,
  // "You ordered a large jumper and …"
  `${SO}you ${list('en', 'youDid')}\\b`,
  // "Your parcel (with the birthday cake) arrived …": up to ten words between.
  `^your (?:[\\w'#&()\\-–:.]+ ){0,10}?${list('en', 'yourThing')}\\b`,
].map((c) => new RegExp(c, 'iu'));
/**
 * The customer's experience as the subject of a judgement on it: "Losing your phone is stressful
 * enough without …", "Paying in good faith and still getting a ticket … feels unfair", "Seeing the
 * same $9.99 come out twice is unsettling". A gerund opens the clause and a copula, "feel", "sound",
 * "mean" or "make" judges it; "Updating the app is the quickest fix" is advice, not the customer's story.
 */
const enGerundSubject = /^(?!(?:thing|nothing|something|anything|everything|morning|evening|during|bring|spring|string|king|ring|sing|wing|ceiling|wedding|pudding|sibling|offspring|regarding|according|including|following|concerning|pending|notwithstanding)\b)[a-z]{2,}ing\b[^,;:]*?\b(?:is|was|isn't|wasn't|feels|felt|sounds|means|meant|makes|made|must (?:be|feel|have been)|would (?:be|feel|make))\b(?! (?:the|your|a|our) (?:best|quickest|fastest|easiest|simplest|only|safest|surest) )/iu;
/**
 * An FAQ answer that restates the question as its opening condition: "If your monthly Direct Debit
 * has gone up, it's usually because …", "If the in-home display that came with your smart meter has
 * gone blank, …". The condition tells a situation (a verb of what happened); "If you'd like …",
 * "If you have any questions …" offer or invite and restate nothing.
 */
const enIfOpening = /^if (?!you(?:'d| would)? (?:like|want|need|prefer|wish|have any|ever|still|can|could|decide|choose|believe|think|feel|suspect)\b)(?:you|your|the)\b/iu;
const enConditionVerb = /\b(?:has|have|had|was|were|is|are|did|didn't|doesn't|don't|can't|won't|keeps|kept)\b|'ve\b|'re\b|\b[a-z]{3,}ed\b/iu;
/** The condition up to its comma tells a situation. */
function ifSituation(text: string): boolean {
  if (!enIfOpening.test(text)) return false;
  const comma = text.indexOf(',');
  return comma > 0 && enConditionVerb.test(text.slice(0, comma));
}
/** "If you'd like …", "when you want …": a condition, not a restatement. */
const conditional = /\b(?:if|when|whenever|unless|once|in case|should|whether)\b[^,]*$/iu;
/** A promise or instruction ("you'll get", "you can", "you need to") or "you're all set": never the situation. */
const enExcluded = [
  `${SO}you(?:'ll| will| can| could| may| might| should| must| need to (?!know)|'d need| would need| won't| will not)\\b`,
  `${SO}you(?:'re| are) (?:welcome|all set|good to go|now|able)\\b`,
  // "You were right to …": the agent's comment on the customer, not their situation.
  `${SO}you (?:were|was) (?:right|correct|able|welcome)\\b`,
].map((c) => new RegExp(c, 'iu'));

/** How many of the inquiry's content words a restatement must carry. */
const minimumOverlap = { strong: 2, situation: 3, folded: 3, confession: 3, sorryYou: 4, sorryAbout: 3, gerund: 2, condition: 3, heading: 2, notice: 99 };
/** Without an inquiry: how many content words make a restating form specific. */
const minimumSpecific = { strong: 3, situation: 4, sorryYou: 5, sorryAbout: 5, gerund: 4, condition: 5, heading: 3, notice: 5 };

/** A restating form found in a sentence: its kind and the tokens whose content words it restates. */
export interface RestatingForm {
  kind: 'strong' | 'situation' | 'sorryYou' | 'sorryAbout' | 'gerund' | 'condition' | 'folded' | 'confession' | 'heading' | 'notice';
  tokens: Sentence['tokens'];
}

/**
 * The restating forms of a sentence, before any check of their content: a
 * Japanese cue (「〜とのこと」「〜というご質問」) and the words before it, an
 * apology that folds the situation in, or an English clause that reads the
 * message back ("you mentioned", "So your …", "You've been charged …").
 */
export function restatingForms(sentence: Sentence): RestatingForm[] {
  const heading = headingForm(sentence);
  if (heading) return [heading];
  if (sentence.lang === 'ja') {
    // The last restating cue outside quotes closes the restated part (「〜とのことで、〜というご質問ですね」).
    const cues = jaCues(sentence);
    const m = cues[cues.length - 1];
    if (!m) {
      // A restatement folded into the apology: 「〜しようとしたところ、〜に阻まれてしまい、ご不安な思いをさせて申し訳ございません」,
      // in plain speech too: 「〜お知らせする形になってしまい、本当にごめんなさい」.
      const apology = jaApology.exec(sentence.text);
      if (apology) return [{ kind: 'folded', tokens: sentence.tokens.filter((t) => t.end <= sentence.start + apology.index) }];
      // What went wrong, told back as it happened with the regret of 〜てしまった: 「送迎バスが20分近く遅れて、
      // ひなたちゃんをロビーで待たせてしまいました」「プールサイドで足を滑らせて転倒し、前歯が欠けてしまいました」.
      if (jaConfession.test(sentence.text)) return [{ kind: 'confession', tokens: sentence.tokens }];
      if (jaNoticeEvent(sentence.text)) return [{ kind: 'notice', tokens: sentence.tokens }];
      return [];
    }
    const cueAt = sentence.start + m.index! + m[0].length;
    return [{ kind: 'strong', tokens: sentence.tokens.filter((t) => t.end <= cueAt) }];
  }
  const out: RestatingForm[] = [];
  const clauses = splitClauses(sentence);
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    // Emoji or punctuation left over from a previous line does not start a clause, nor does an
    // @handle or a greeting: "@marcusjt You were signed off at the counter …", "Hi Sam, you were …".
    const lead = afterGreeting(clause.text).replace(/^[^\p{L}\p{N}]+/u, '');
    const text = lead.replace(/^(?:and|but|also|now|so)\s+/iu, '');
    let kind: Exclude<RestatingForm['kind'], 'folded' | 'confession' | 'heading'> | undefined;
    const strong = enStrong.exec(text);
    if (strong && !conditional.test(text.slice(0, strong.index))) kind = 'strong';
    // "So the March bill came to $214 — nearly three times … — even though …": a lead-in restatement runs to the sentence end.
    // Only a sentence can open with "So …": a later "…, so you now have $2,025" is a result, not a restatement.
    else if (i === 0 && enLead.some((r) => r.test(lead))) kind = 'strong';
    // "So: 40 people, three of whom …", "So — your card …": the clauses split at the colon or dash,
    // and the lead-in is "So" with the clause after it.
    else if (i === 0 && /^so$/iu.test(lead) && clauses[1] && enLead.some((r) => r.test(`so ${clauses[1]!.text}`))) kind = 'strong';
    // "I'm sorry you were hit with a $50 fee after …": a restatement only when it carries more of the inquiry.
    else if (enSorryYou.test(text)) kind = 'sorryYou';
    else if (enSorryAbout.test(text) || enSorryName.test(text)) kind = 'sorryAbout';
    // Only the opening clause, after a greeting or an @handle: "Hi Marco, losing your phone is …".
    else if (i === 0 && enGerundSubject.test(lead)) kind = 'gerund';
    else if (i === 0 && ifSituation(lead)) kind = 'condition';
    // "Your streak has been restored": the answer, not a restatement of the problem.
    else if (!enExcluded.some((r) => r.test(text)) && (enSituation.some((r) => r.test(text)) || youDidPast(text)) && !enResolution.test(text)) kind = 'situation';
    else if (enNoticeEvent(text)) kind = 'notice';
    if (!kind) continue;
    // A cue that introduces what follows ("To confirm what happened: …") takes the next clause along.
    // A restating cue marks the whole sentence; a bare situation clause counts only its own words.
    out.push({ kind, tokens: kind === 'strong' ? sentence.tokens : sentence.tokens.filter((t) => t.start >= clause.start && t.end <= clause.end) });
  }
  return out;
}

/**
 * "You ended up with two copies …", "You rebooked for Friday and …", "You've spotted two £10 debits …": "you" and a verb in the past,
 * known by its form (a regular -ed, or an irregular past in WordNet's lists: bought, sent, lost),
 * where the verb lists above name only the common ones.
 */
function youDidPast(text: string): boolean {
  const m = /^(?:so,? )?you(?:'ve| have)? (?:just |already |accidentally |also |then |never |only )?([a-z]+)\b/iu.exec(text);
  if (!m) return false;
  const word = m[1]!.toLowerCase();
  return /[a-z]{2}ed$/u.test(word) || (lemmaOf(word) !== undefined && !/s$/u.test(word));
}

/**
 * A notice the company sends unasked says what happened to this customer: "an outage in the app signed
 * you out and removed the class bookings you'd made", "Your standing booking for this class has been
 * cancelled from that date", 「{{name}}様の11月23日のご予約が、別のお客様と重複して登録されていた」. The
 * customer (you, your; 〜様が/〜様の, お客様の) and an event told in the past or as a change
 * (〜となり, 〜されます). Counted only where no inquiry is known (with one, "your booking has been
 * cancelled" is the answer), and only with enough content words to be specific.
 */
function enNoticeEvent(text: string): boolean {
  // (An apology is the acknowledgement, not the news: "We're sorry for the disruption our incident caused your team".)
  if (!/\byou(?:r|rs)?\b/iu.test(text) || /\b(?:sorry|apologi[sz]e)/iu.test(text) || enExcluded.some((r) => r.test(text)) || /^(?:if|when|whenever|once|should|whether)\b/iu.test(text) || /\?\s*$/u.test(text)) return false;
  return /\b(?:has|have|had|was|were) (?:now |just |also )?(?:been )?[a-z]{3,}(?:ed|en)\b/iu.test(text) || /\b(?!(?:need|feed|speed|indeed|seed|bed|red|shed)\b)[a-z]{3,}ed\b/iu.test(text);
}
/** This customer by name or placeholder (〜様が, {{name}}様の, お客様の); not a group (保護者様, 会員様, 皆様: restatement.json's `group`). */
const jaAddressee = new RegExp(`(?<!${list('ja', 'group')})(?:様|さま)(?:が|の|に|は|を)|お客(?:様|さま)(?:が|の|に|は|を)`, 'u');
const jaEvent = /(?:ました|ていた|となり|となりました|されます|されました|ことがわかりました|こととなりました)/u;
function jaNoticeEvent(text: string): boolean {
  return jaAddressee.test(text) && jaEvent.test(text) && !/一部の/u.test(text);
}

/** The clause without an opening @handle or greeting ("Hi Sam, ", "@dan_okafor "). */
function afterGreeting(text: string): string {
  return text.replace(/^(?:@\w+[,:]?\s+)+/u, '').replace(/^(?:hi|hello|hey|dear)\b[^,!—–-]{0,30}[,!—–-]\s*/iu, '');
}

/** English verbs that tell the customer's situation (the restating grammar's lists), and modals. */
const enSituationVerbs = new Set([
  ...['youHave', 'youDid', 'yourThing'].flatMap((name) => lexicon.en.lists[name]!.entries.map((e) => e.term.toLowerCase())),
  ...['can', 'cannot', 'want', 'wants', 'need', 'needs', 'will', 'would', 'should'],
]);

/** A heading line: a Markdown heading, a bullet-mark heading (■ ◆ ●…) or an FAQ question (Q.). */
const headingMark = /^\s*(?:#{1,6}\s|[■◆●◇□▼▶]|Q[.．:：])/u;
/** A Japanese line addressed to the customers it concerns: 「〜でお困りのお客さまへ」. */
const addressedTo = /(?:方|お客様|お客さま|皆様|皆さま)へ[。.]?\s*$/u;

/**
 * An FAQ answer restates the question as its heading or its addressee: 「■ 届いたフォトブックの
 * 写真がぼやけて見える」, "## Your smart lock stopped responding after a power cut",
 * 「〜が届かなくなったお客さまへ」. It restates only when it says what is wrong or wanted, so the
 * heading must have a predicate (a verb or an adjective that carries content): 「■ 返金について」
 * or "**What to do now**" names a topic, not the customer's situation.
 */
function headingForm(sentence: Sentence): RestatingForm | undefined {
  if (!headingMark.test(sentence.text) && !(sentence.lang === 'ja' && addressedTo.test(sentence.text))) return undefined;
  // English tokens carry no part of speech: a past or -ing form, a modal or a negation, or one of the
  // situation verbs of the restating grammar (has, keeps, stopped, arrived… from restatement.json) stands for it.
  const predicate =
    sentence.lang === 'ja'
      ? sentence.tokens.some((t) => (t.pos === 'verb' || t.pos === 'adj') && contentKey(t, 'ja') !== undefined)
      : sentence.tokens.some((t) => /^[a-z]{3,}(?:ed|ing)$/u.test(t.base) || /n't$/u.test(t.base) || enSituationVerbs.has(t.base));
  return predicate ? { kind: 'heading', tokens: sentence.tokens } : undefined;
}

/**
 * Does this sentence restate the inquiry? `inquiry` undefined means no inquiry is known; `forms` when the caller already has them.
 * A quantity the inquiry gave ("30分", "£10", "4:30") counts as one more of its words, once: told back inside a restating
 * form it shows the specifics were read ("two £10 direct debits"), though on its own it never makes a restatement.
 */
export function restates(sentence: Sentence, inquiry: InquiryContent | undefined, forms: RestatingForm[] = restatingForms(sentence)): boolean {
  return forms.some((form) => {
    const keys = contentKeys(form.tokens, sentence.lang);
    if (!inquiry) {
      // Without a cue, a folded apology or a regretted event is only a restatement of what the customer said; with no inquiry it never counts.
      return form.kind !== 'folded' && form.kind !== 'confession' && keys.size >= minimumSpecific[form.kind];
    }
    // What happened, told in a notice, is the news itself where the customer wrote first.
    if (form.kind === 'notice') return false;
    const shared = overlap(keys, inquiry.keys).length;
    const span = form.tokens.length > 0 ? sentence.text.slice(form.tokens[0]!.start - sentence.start, form.tokens[form.tokens.length - 1]!.end - sentence.start) : '';
    const quantity = sharesQuantity(span, inquiry.quantities) ? 1 : 0;
    // Without a cue, a folded apology or a regretted event must carry more of the inquiry's words, however few it has.
    const needed = form.kind === 'folded' || form.kind === 'confession' ? minimumOverlap[form.kind] : Math.min(minimumOverlap[form.kind], inquiry.keys.size);
    return shared + quantity >= needed;
  });
}

/**
 * The part of a sentence that reports the customer's own words (before 「とのこと」,
 * after "you mentioned"), relative to the sentence start; undefined when none.
 * Wording there is the customer's, not the agent's framing.
 */
export function reportedSpan(sentence: Sentence): [number, number] | undefined {
  if (sentence.lang === 'ja') {
    const cues = jaCues(sentence).filter((m) => !/ですね|ますね/u.test(m[0]));
    const last = cues[cues.length - 1];
    return last ? [0, last.index!] : undefined;
  }
  const m = /\b(?:you (?:mentioned|said|wrote|told us|noted|reported)|you(?:'re| are) (?:asking|wondering)|you(?:'d| would) like|it (?:sounds|seems|looks) like|from what you (?:describe|said|wrote))\b/iu.exec(sentence.text);
  return m ? [m.index!, sentence.text.length] : undefined;
}

/** Japanese restating cues of a sentence, outside 「」 quotes, in order. */
function jaCues(sentence: Sentence): RegExpMatchArray[] {
  return [...matchAll(sentence.text, jaCue)].filter((m) => !insideQuote(sentence, m.index!));
}

function insideQuote(sentence: Sentence, index: number): boolean {
  return sentence.quotes.some(([s, e]) => index >= s && index < e);
}

function splitClauses(sentence: Sentence): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  const re = /[;:—–]|,\s+(?=(?:and|but|so)\s+you\b)/gu;
  let from = 0;
  const value = sentence.text;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value))) {
    if (insideQuote(sentence, m.index)) continue;
    out.push({ text: value.slice(from, m.index).trim(), start: sentence.start + from, end: sentence.start + m.index });
    from = m.index + m[0].length;
  }
  out.push({ text: value.slice(from).trim(), start: sentence.start + from, end: sentence.end });
  return out.filter((c) => c.text.length > 0);
}

