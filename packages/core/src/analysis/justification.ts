/**
 * Justification by the company's side: phrases that give the company's rules,
 * convenience, systems, desk, channel or precedent as the reason for something
 * (「規定により」「システムの仕様上」, "per our policy"), unless the same
 * sentence gives the customer's benefit. Also team phrases (plain text, never
 * patterns). Shared through the reply analysis (`acts.ts`).
 */
import type { Sentence } from '../parse/document.js';
import type { Lang, SupplierPhrase } from '../types.js';
import { fold } from '../text/normalize.js';
import { reportedSpan } from './restatement.js';
import { oneOf, termSource } from './terms.js';
import { reassuresOnly } from './reassurance.js';
import data from './justification.json' with { type: 'json' };
import { matchAll } from '../text/match-all.js';

interface Pattern {
  id: string;
  kind: string;
  re: RegExp;
  rewrite: string;
}

// ---------------------------------------------------------------------------
// The lexicon (justification.json) and the small compiler that builds the
// detection patterns from it.
//
// The JSON holds vocabulary, one reviewable entry per term with an example
// sentence (a test: the example must produce a justification of the entry's
// kind) and a note: the company-side sources (規約, システム, 当社, 本部,
// "policy", "terms"…), the connectors and frames around them (により, 上,
// "per", "according to"…), and the context guards (examples that must not
// produce one). The grammar that joins them — the optional owner in front,
// the article number, which words may stand between — is written here, one
// commented part at a time. Every list keeps the file's order: in an
// alternation the first alternative that leads to a match wins, so a longer
// term is listed before its prefix (利用規約 before 規約, "that's in" before
// "that's").
// ---------------------------------------------------------------------------

/** One term of a list. */
interface Entry {
  /** The term as written (matched literally, regex-escaped). */
  term: string;
  /** Written forms matched instead of the term (inflections), each escaped. */
  forms?: string[];
  /** A short regular expression matched instead of the term, when its forms have optional parts (「担当(?:の)?部署」, "polic(?:y|ies)"). */
  pattern?: string;
  /** A context condition from `follow` below that must hold right after the term (only in connector lists). */
  then?: keyof typeof follow;
  /** The parts of the grammar that use the term (every part when absent). */
  uses?: string[];
  example: string;
  note: string;
}

interface TermList {
  /** The kind of justification the list's examples must produce. */
  kind: string;
  note: string;
  entries: Entry[];
}

/** A detection pattern: what it finds, its rewrite, and its example and note. */
interface PatternEntry {
  id: string;
  kind: string;
  rewrite: string;
  example: string;
  note: string;
}

/** A context guard's example: a sentence that must produce no justification. */
interface GuardEntry {
  id: string;
  example: string;
  note: string;
}

interface LangLexicon {
  lists: Record<string, TermList>;
  patterns: PatternEntry[];
  guards: GuardEntry[];
}

const lexicon = data as unknown as Record<Lang, LangLexicon>;

/** Characters of a Japanese compound word: kanji, katakana and the long-vowel mark. */
const HAN_KANA = '[\\p{sc=Han}\\p{sc=Katakana}ー]';

/** A digit as written in an article number: ASCII, full-width or kanji (第3条, 第１２条, 第五条). */
const NUMERAL = '[0-9０-９一二三四五六七八九十]';

/**
 * 上 as 「〜上」 'as far as … is concerned' (規約上, 仕様上), not the first
 * kanji of a word of its own: 上記, 上限, 上位, 上部, 上回る, 上手, 上層,
 * 上司, 上昇, 上げる, 上がる, 上り, 上る.
 */
const UE_WORDS = ['上記', '上限', '上位', '上部', '上回る', '上手', '上層', '上司', '上昇', '上げる', '上がる', '上り', '上る'];
const NOT_A_UE_WORD = `(?![${UE_WORDS.map((w) => w[1]).join('')}])`;

/**
 * Context conditions a connector can require right after it (an entry's
 * `then`). 「規約で」 is a source only when a comma follows or a restriction
 * comes within 50 characters (「規約で、」「規約で返品はお受けできません」),
 * not in 「規約でご確認ください」; 「規約では」 only when a reason or a
 * refusal comes within 80 characters.
 */
const follow = {
  notAUeWord: NOT_A_UE_WORD,
  // 「で」: a comma, or within the sentence a limit or a refusal: のみ, 限ら(れ), かね(ます), できません, できない, おりません, ません.
  restrictionFollows: `(?=[、,，]|[^。]{0,50}${oneOf('のみ', '限ら', 'かね', 'できません', 'できない', 'おりません', 'ません')})`,
  // 「では」: within the sentence a reason (ので, ため), a refusal (かね, できません…, 不可, 限ら) or the company's framing (となって, こととして, させていただ).
  reasonFollows: `(?=[、,，]?[^。]{0,80}${oneOf('ので', 'ため', 'かね', 'できません', 'できない', 'おりません', 'ません', '限ら', '不可', 'となって', 'こととして', 'ことと', 'させていただ')})`,
} as const;

/** One entry as a regular expression: its pattern, its forms or its escaped term, then its context condition. */
const entrySource = (e: Entry): string => termSource(e) + (e.then ? follow[e.then] : '');

/** A list (or the entries of it a part uses) as one alternation, in the file's order. */
const list = (lang: Lang, name: string, use?: string): string => {
  const found = lexicon[lang].lists[name];
  if (!found) throw new Error(`justification.json: no ${lang} list ${name}`);
  return oneOf(...found.entries.filter((e) => !use || !e.uses || e.uses.includes(use)).map(entrySource));
};

/**
 * English grammar is written as raw text (`r\`\b(?:per|under)\s+\``: backslashes as in the
 * pattern). ASCII only: the CLI bundle rewrites every non-ASCII character as a
 * \uXXXX escape, which a raw template would keep as text, so a non-ASCII
 * character here fails as soon as the module loads (and with it every test).
 */
const r = (strings: TemplateStringsArray, ...parts: string[]): string => {
  if (strings.raw.some((s) => /[^\x00-\x7f]/u.test(s))) throw new Error(`justification.ts: non-ASCII text in r\`${strings.raw.join('…')}\``);
  return String.raw(strings, ...parts);
};

/** 「上」 as 〜上 (see NOT_A_UE_WORD). */
const UE = `上${NOT_A_UE_WORD}`;

/** Japanese patterns, by id (justification.json gives each one's kind, rewrite and example). */
const jaGrammar: Record<string, () => string> = {
  // 「(当社の)(返品)規定(第3条)により」: an optional owner (「当社の」), the rest of a
  // compound (「返品」), a rule noun, an optional article number, a connector.
  'ja-rule': () =>
    `(?:${HAN_KANA}{1,8}の)?${HAN_KANA}{0,6}?` +
    list('ja', 'ruleSource') +
    `(?:第${NUMERAL}{1,4}条(?:${NUMERAL}{1,3}項)?)?` +
    list('ja', 'ruleConnector'),
  'ja-system-spec': () =>
    [
      // 「システム(の)(仕様)上」「サービスの都合上」
      `${list('ja', 'systemSource', 'spec')}の?(?:仕様|都合)?${UE}`,
      // 「(システムの)仕様により」「仕様となっております」
      `${list('ja', 'systemSource', 'specOwner')}?の?仕様` + oneOf(UE, 'により', 'によって', 'のため', 'ですので', 'となっております'),
      // 「(予約の)システムでは…できません」: a refusal within 20 characters.
      `(?:${HAN_KANA}{1,6}の)?${list('ja', 'systemSource', 'cannot')}では[^。]{0,20}?` +
        oneOf('しておりません', 'できません', 'できかねます', 'いたしかねます', 'しかねます', 'おりません', '不可'),
    ].join('|'),
  // 「システム(上)の制約により」
  'ja-system-constraint': () =>
    `${list('ja', 'systemSource', 'constraint')}(?:の|上の)?` + oneOf('関係', '都合', '制約', '制限') + oneOf('で', UE, 'により', 'のため'),
  'ja-convenience': () =>
    [
      // 「当社(側)(の業務上)の都合により」: up to 12 characters may stand between the company and 都合/事情.
      `${list('ja', 'companySelf', 'convenience')}(?:側)?(?:の[^、。]{1,12}?)?の?(?:都合|事情)`,
      // 「当社の判断により」
      `${list('ja', 'companySelf', 'judgement')}(?:側)?の?判断`,
    ]
      .map((head) => head + oneOf(UE, 'により', 'によって', 'で', 'のため'))
      .join('|'),
  // 「前例がございませんので」
  'ja-precedent': () => '前例(?:が|は)(?:ございません|ありません|ない)(?:ので|ため|ことから)?|前例がないため',
  'ja-department': () =>
    [
      // 「担当部署が異なるため」
      list('ja', 'deskSource') + '(?:が|は)' + oneOf('異なる', '違う', '別') + '(?:ため|ので|ことから)?',
      // 「他の部署の管轄となります」
      oneOf('別の', '他の', '他') + oneOf('部署', '部門', '担当', '窓口') + 'の' + oneOf('管轄', '担当', '業務') +
        '(?:となりますので|となります|となっております|ですので|のため)?',
      // 「担当外のため」「管轄ではございません」
      oneOf('担当外', '管轄外', '管轄では(?:ございません|ありません)') + '(?:のため|ですので|となります|となっております)?',
      // 「当社の責任ではございません」「弊社関知外」
      `${list('ja', 'companySelf', 'responsibility')}の?(?:責任|関知)(?:ではございません|ではありません|外)`,
      // 「カスタマーサポート部の管轄となります」: a named desk (…部, …課, …センター) and its remit.
      `${HAN_KANA}{1,10}${list('ja', 'deskSuffix')}の(?:管轄|担当|所管)` +
        oneOf('となりますので', 'となります', 'となっておりますので', 'となっております', 'ですので', 'のため'),
    ].join('|'),
  // 「本社の指示により」: someone above the writer, their decision, a connector.
  'ja-authority': () =>
    `${list('ja', 'authority')}の?${list('ja', 'decision')}` + oneOf('により', 'によって', 'で', 'のため', 'ですので', 'となります', 'となっております'),
};

/**
 * Not a document's reference or number: "per our policy #12", "under the terms:",
 * "the policy no. 4", "the policy number", "policy AB-12" name a document the
 * customer holds, not the company's reason.
 */
const NOT_A_REFERENCE = r`(?!\s*(?:[#:]|no\.?\s|number|[a-z]{1,4}-?\d))`;

/** Up to two words between an owner and its document ("our returns policy", "our standard delivery terms"). */
const UP_TO_TWO_WORDS = r`(?:[a-z-]+\s+){0,2}?`;

/** English patterns, by id (justification.json gives each one's kind, rewrite and example). */
const enGrammar: Record<string, () => string> = {
  // "per our (returns) policy", "that's company policy": a frame, an owner, a document.
  'en-frame-owner-document': () =>
    r`\b${list('en', 'frameBeforeOwner')}\s+(?:the\s+)?${list('en', 'owner')}(?:'s)?\s+${UP_TO_TWO_WORDS}${list('en', 'document')}\b${NOT_A_REFERENCE}`,
  // "under section 4.2 of the terms", "according to the shipping guidelines": a frame and any document
  // that is not the customer's ("per your terms", "under this policy" are left alone).
  'en-frame-document': () =>
    r`\b${list('en', 'frameBeforeDocument')}\s+(?:(?:section|clause|article|paragraph|part|rule)\s+[\w.]+\s+of\s+)?(?:the\s+)?(?:(?!your\b|you\b|this\b|that\b)[\w&'-]+\s+){0,3}?${list('en', 'document')}\b${NOT_A_REFERENCE}`,
  // "our policy requires", "company rules don't allow": an owner's document and what it says.
  'en-owner-document-says': () =>
    r`\b${list('en', 'owner')}(?:'s)?\s+${UP_TO_TWO_WORDS}${list('en', 'document')}\s+${list('en', 'documentVerb')}\b`,
  // "company policy", "store rules" standing alone.
  'en-company-policy': () => r`\b(?:company|store|shop|bank|corporate|internal)\s+(?:polic(?:y|ies)|rules|procedures?|practice)\b`,
  // "it's against our policy", "that would be outside the rules".
  'en-against-policy': () =>
    r`\b(?:it's|it is|that's|that is|this is|that would be|it would be)\s+(?:against|not within|outside(?: of)?|beyond)\s+(?:our|company|the company's|the)\s+(?:polic(?:y|ies)|rules|guidelines|terms)\b`,
  // "rules are rules", "those are just the rules".
  'en-rules-are-rules': () => r`\brules are rules\b|\b(?:those are|these are|that's|that is|it's|it is)\s+(?:just\s+)?(?:the|our)\s+(?:rules|policy|procedure)\b`,
  // "our booking system only allows", "the platform doesn't let": a system and what it will (not) do.
  'en-system-only': () =>
    r`\b(?:our|the)\s+${UP_TO_TWO_WORDS}(?:system|platform|software|database|tool)\s+(?:` +
    r`(?:can\s+)?only\s+(?:lets?|allows?|permits?|supports?|accepts?|issues?|handles?|processes|do|does)\b` +
    r`|(?:just\s+|simply\s+)?(?:doesn't|does not|won't|will not|can't|cannot|isn't|is not)\s+(?:allow|let|permit|accept|set up|built|designed|configured|able)\b)`,
  'en-how-the-system-works': () => r`\bthat's (?:just )?how (?:our|the) system works\b`,
  // "that's not our department", "isn't really my responsibility".
  'en-not-our-department': () =>
    r`\b(?:isn't|is not|aren't|are not|it's not|that's not|not)\s+(?:really\s+)?(?:our|my)\s+(?:department|responsibility|problem|fault|area|job|remit|call)\b`,
  'en-out-of-our-hands': () =>
    r`\b(?:out of our hands|our hands are tied|not something we (?:handle|deal with|cover)|not (?:our|my) (?:concern|issue)|above my pay grade|not up to me)\b`,
  'en-another-department': () =>
    r`\b(?:handled|dealt with|managed|looked after|covered|decided)\s+by\s+(?:another|a different|a separate|the other)\s+(?:department|team|division)(?:,?\s+not us)?\b`,
  'en-head-office-decided': () =>
    r`\b(?:head office|headquarters|upper management|management|corporate|the company)\s+(?:has\s+|have\s+)?(?:decided|ruled|insists|requires|won't allow|doesn't allow|says)\b`,
  'en-no-exceptions': () =>
    r`\b(?:we|i)\s+(?:don't|do not|can't|cannot|won't|will not|never)\s+(?:do|make|grant|give|offer|allow)\s+exceptions\b|\bno exceptions\b`,
  'en-internal-reasons': () =>
    r`\b(?:for|due to|because of|owing to)\s+(?:internal|administrative|operational|business|logistical|organi[sz]ational)\s+reasons\b`,
  'en-not-allowed': () => r`\bwe(?:'re| are)\s+not\s+(?:allowed|permitted|authori[sz]ed)\s+to\b`,
  'en-management-decision': () =>
    r`\b(?:head[- ]office|management|corporate|headquarters|the board|trustees|senior management|upper management)(?:'s)?\s+(?:decision|call|rule|instruction|directive)\b`,
  'en-set-by-the-board': () =>
    r`\b(?:set|decided|determined|made|imposed)\s+by\s+(?:our|the)\s+(?:trustees|board|management|head office|headquarters|directors|owners|corporate)\b`,
  'en-not-set-up': () =>
    r`\bwe(?:'re| are)\s+(?:just\s+|simply\s+)?not\s+set\s+up\s+(?:for|to)\b|\b(?:outside|beyond)\s+(?:of\s+)?(?:our|my)\s+(?:remit|scope|area)\b`,
  'en-i-dont-make-the-rules': () => r`\bi\s+(?:don't|do not|didn't)\s+make\s+the\s+rules\b`,
  'en-how-we-operate': () =>
    [
      // "that's just how we operate", "it's the way things have always been done"
      r`\b(?:that's|that is|this is|it's|it is)\s+(?:simply\s+|just\s+)?(?:how|the way)\s+(?:we|things|it)(?:'ve|\s+have)?(?:\s+always)?\s+` +
        r`(?:operate[sd]?|work(?:s|ed)?|run|ran|do (?:things|it)|done|been done|are done|handled?|been)\b`,
      // "that's how our booking system is built"
      r`\b(?:that's|that is|it's|it is|this is)\s+(?:just\s+|simply\s+)?(?:how|the way)\s+(?:the|our)\s+(?:[a-z-]+\s+)?(?:system|platform|software|process)\s+` +
        r`(?:is built|works|is set up|is designed|operates)\b`,
    ].join('|'),
  'en-unable-to-make-exceptions': () => r`\b(?:unable|not able)\s+to\s+(?:make|grant|offer|allow)\s+(?:any\s+)?exceptions?\b`,
  'en-not-handled-by': () =>
    [
      // "is not handled by the billing team"
      r`\b(?:is|are)\s+not\s+handled\s+by\s+(?:the|our|this)\s+(?:[\w-]+\s+){0,3}?(?:team|department|office|desk)\b`,
      // "that falls under the responsibility of our logistics team"
      r`\b(?:that|this|it)(?:'s| is| falls)\s+(?:under\s+)?the\s+responsibility\s+of\s+(?:our|the|another)\s+(?:[\w-]+\s+){0,3}?(?:team|department|office)\b`,
    ].join('|'),
  'en-as-a-rule': () => r`\bas\s+a\s+(?:general\s+|strict\s+)?rule,?\s+we\s+(?:don't|do not|can't|cannot|never|won't|will not)\b`,
  'en-never-made-an-exception': () =>
    r`\b(?:we(?:'ve| have)\s+)?never\s+(?:made|make|making|granted)\s+(?:an|any)\s+exceptions?\b|\bthere(?:'s| is)\s+no\s+precedent\b`,
  // "our regional manager has decided", "the owners refused".
  'en-manager-decided': () =>
    r`\b(?:our|the|my)\s+(?:[a-z-]+\s+)?(?:partners?|directors?|manager|owners?|management|boss|supervisor|ceo|founder|principal|lead|head|superiors?)\s+(?:has\s+|have\s+)?` +
    r`(?:decided|ruled|insists|insisted|requires|won't allow|doesn't allow|does not allow|said no|declined|refused)\b`,
  'en-easier-for-us': () =>
    r`\b(?:easier|simpler|more convenient|more efficient|quicker|less work)\s+for\s+(?:us|our\s+(?:team|staff|office|side))\b|\bto\s+keep\s+our\s+(?:[a-z-]+\s+){0,2}running\s+smoothly\b`,
  'en-if-we-made-an-exception': () =>
    r`\bif\s+we\s+(?:made|make|did|do|allowed|allow|granted|grant)\s+(?:an|one|this|that)\s+exception\b|\bwe(?:'ve|\s+have)\s+never\s+(?:done|allowed|made|agreed\s+to)\s+(?:so|that|this|it|one)\b`,
  'en-not-something-we-handle': () =>
    r`\b(?:aren't|isn't|is\s+not|are\s+not)\s+something\s+(?:our|my|we)\s+(?:[a-z-]+\s+)?(?:handles?|deals?\s+with|covers?|does|manages?)\b` +
    r`|\bthat(?:'s|\s+is)\s+on\s+(?:our|the)\s+(?:[a-z-]+\s+){0,2}(?:partner|team|department|provider|vendor|supplier)s?\b`,
};

/**
 * The customer's benefit, stated in the sentence: a sentence that gives it is
 * not company-centred even when it names a rule (「お客様の個人情報を守るため、
 * 規約により…」, "To protect your account, our policy requires…").
 */
const benefit = {
  ja: new RegExp(
    [
      // 「お客様(の情報)を守る」: the customer, then within 24 characters what is protected for them.
      oneOf('お客様', 'お客さま', 'ご利用者様?', '皆様', '皆さま') + '[^。]{0,24}' + oneOf('守る', '守り', '保護', '安全', '安心', 'プライバシー', '個人情報', '公平'),
      // 「安全のため」「不正防止のため」: safety, then within 8 characters ため/よう.
      oneOf('安全', '安心', '保護', '不正', 'プライバシー', '個人情報') + '[^。]{0,8}' + oneOf('ため', 'よう'),
    ].join('|'),
    'u',
  ),
  en: new RegExp(
    [
      // "to keep your account safe", "in order to protect customers"
      r`\b(?:to|so as to|in order to)\s+(?:keep|protect|secure|safeguard)\s+(?:your|you|customers'?|every customer)\b`,
      // "for your safety"
      r`\bfor your (?:safety|security|protection|privacy)\b`,
      // "so that your details are never shared"
      r`\bso (?:that )?(?:your|you)\b[^.]{0,40}\b(?:safe|secure|protected|never shared|private)\b`,
    ].join('|'),
    'iu',
  ),
};

/**
 * The customer's side, right before or in a match: 「ご都合により」「お客様の判断で」
 * and "per your …" are the customer's convenience or documents, not the company's.
 */
const notSupplier = { ja: new RegExp('(?:ご|お客様の)(?:都合|判断|事情)', 'u'), en: new RegExp(r`\bper your\b`, 'iu') };

/** Builds each language's patterns in the file's order (the order they are tried in). */
const build = (lang: Lang, grammar: Record<string, () => string>, flags: string): Pattern[] =>
  lexicon[lang].patterns.map((p) => {
    const source = grammar[p.id];
    if (!source) throw new Error(`justification.json: no grammar for ${p.id}`);
    return { id: p.id, kind: p.kind, re: new RegExp(source(), flags), rewrite: p.rewrite };
  });

const patterns = { ja: build('ja', jaGrammar, 'gu'), en: build('en', enGrammar, 'giu') };

/** A company-side justification inside a sentence (offsets relative to the reply). */
export interface Justification {
  start: number;
  end: number;
  /** The phrase as written. */
  phrase: string;
  /** A customer-centred rewrite, when one is known. */
  rewrite?: string;
  /** Language of the phrase (a mixed sentence is judged by each of its parts). */
  lang: Lang;
  /** What the company-side source is: rule, system, convenience, department, team… */
  kind: string;
}

/** Every company-side justification in an agent sentence, in order, never overlapping. */
export function companyJustifications(sentence: Sentence, team: SupplierPhrase[] = []): Justification[] {
  const out: Justification[] = [];
  const lang = sentence.lang;
  const text = sentence.text;
  // The customer's benefit given as the purpose.
  if (benefit[lang].test(text)) return out;
  // A rule named only to grant the customer something (reassurance.ts), asked at most once per language and
  // only once a company-side source is found: most sentences have none, and the gain patterns cost time.
  const grants: Partial<Record<Lang, boolean>> = {};
  const grantsOnly = (l: Lang): boolean => (grants[l] ??= reassuresOnly(text, l));
  // 「規約により返金できないと書いてあるとのこと」: the customer's words, restated, not the agent's framing.
  const customersWords = reportedSpan(sentence);
  const add = (s: number, e: number, rewriteText: string | undefined, phrase: string, kind: string, phraseLang: Lang = lang) => {
    // "Per our policy, …" → "To [protect your …], …": never double the comma that follows.
    const rewrite = rewriteText && /[,、]$/u.test(rewriteText) && /^\s*[,、]/u.test(text.slice(e)) ? rewriteText.slice(0, -1) : rewriteText;
    if (out.some((j) => sentence.start + s < j.end && sentence.start + e > j.start)) return;
    if (sentence.quotes.some(([a, b]) => s >= a && e <= b)) return;
    if (customersWords && s >= customersWords[0] && e <= customersWords[1]) return;
    out.push({ start: sentence.start + s, end: sentence.start + e, phrase, rewrite, lang: phraseLang, kind });
  };
  const phrases = team.filter((p) => p.phrase.trim() !== '');
  // Team phrases first, so a team's wording and rewrite win over a built-in match: plain text, matched width- and case-insensitively (never as patterns).
  if (phrases.length) {
    // Fold width and case when that keeps offsets; otherwise match case-insensitively only.
    const widthFolded = fold(text).length === text.length;
    const haystack = widthFolded ? fold(text) : text.toLowerCase();
    if (haystack.length === text.length) {
      for (const p of phrases) {
        const needle = widthFolded ? fold(p.phrase) : p.phrase.toLowerCase();
        let from = 0;
        let at: number;
        while ((at = haystack.indexOf(needle, from)) !== -1) {
          add(at, at + needle.length, p.rewrite, text.slice(at, at + needle.length), 'team');
          from = at + Math.max(1, needle.length);
        }
      }
    }
  }
  // Both languages' patterns run on every sentence: a mixed sentence
  // (「システムの仕様上、per our policy …」) is judged by each of its parts.
  for (const patternLang of [lang, lang === 'ja' ? 'en' : 'ja'] as const) {
    // A script the sentence does not contain cannot match that language's patterns.
    if (patternLang === 'en' ? !/[A-Za-z]/u.test(text) : !/[\u3040-\u30ff\u4e00-\u9fff]/u.test(text)) continue;
    if (benefit[patternLang].test(text)) continue;
    const before = out.length;
    for (const p of patterns[patternLang]) {
      for (const m of matchAll(text, p.re)) {
        const s = m.index!;
        const e = s + m[0].length;
        if (notSupplier[patternLang].test(text.slice(Math.max(0, s - 6), e))) continue;
        add(s, e, p.rewrite, m[0], p.kind, patternLang);
      }
    }
    if (out.length > before && grantsOnly(patternLang)) out.length = before;
  }
  if (out.length > 0 && grantsOnly(lang)) return [];
  return out.sort((a, b) => a.start - b.start);
}
