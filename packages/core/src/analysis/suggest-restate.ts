/**
 * A restatement of the inquiry for inquiry-summary's quick fix, built from the
 * inquiry's clauses by grammar, never by pasting the customer's message: what is
 * wrong (a statement of the problem, in the plain form a restatement takes, the
 * customer's side in keigo) and what they ask for (a request turned into 「〜をご希望」
 * / "you'd like us to …", a question into 「〜かどうか」 / "whether …"). A clause
 * that cannot be made clean (casual or angry wording, the customer's humble verbs,
 * the company as "you", fragments with no subject) is left out; when no clause is
 * left, there is no suggestion: an agent is better served by none than by a bad one
 * (suggestion reviews, fixtures/eval/suggestion-review/).
 */
import type { InquiryView } from '../rule.js';
import { buildDoc, chunks, type Sentence, type Token } from '../parse/document.js';
import { isJapaneseTokenizerReady, tokenizeJapanese } from '../parse/japanese.js';
import { matchKey } from '../text/normalize.js';
import { restates } from './restatement.js';
import type { Lang } from '../types.js';
import { contentKeys, inquiryContent } from './content.js';
import { describesProblem } from './problem.js';
import { enPattern, family, inquirySentences, jaTerms, plainJapanese, statesTrouble } from './suggest.js';

/**
 * The restatement sentence, or undefined when no clean clause can be built, or when the
 * reply analysis would not read the sentence as a restatement (a fix must remove its finding).
 */
export function restatement(inquiry: InquiryView | undefined, lang: Lang): string | undefined {
  const sentences = inquirySentences(inquiry, lang);
  if (sentences.length === 0 || !inquiry) return undefined;
  const built = lang === 'ja' ? japanese(sentences, inquiry.doc.raw) : english(sentences, inquiry.doc.raw);
  const text = built && lang === 'en' ? capitaliseNames(built) : built;
  return text && readAsRestatement(text, lang, inquiry) ? text : undefined;
}

/**
 * Days and months are capitalised in the agent's sentence even where the customer typed them
 * in lower case ("thursday" → "Thursday"; seventh suggestion review). "may" and "march" are
 * left alone: they are also a verb.
 */
function capitaliseNames(text: string): string {
  return text.replace(
    /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|april|june|july|august|september|october|november|december)\b/gu,
    (w) => w.charAt(0).toUpperCase() + w.slice(1),
  );
}

const posMap: Record<string, Token['pos']> = { 名詞: 'noun', 動詞: 'verb', 形容詞: 'adj', 副詞: 'adv', 助詞: 'particle', 助動詞: 'aux', 記号: 'symbol' };

/** Does the reply analysis's restatement detector read this sentence as restating the inquiry? */
function readAsRestatement(text: string, lang: Lang, inquiry: InquiryView): boolean {
  const content = inquiryContent(inquirySentences(inquiry, lang), lang);
  const doc = buildDoc(text, { flat: true, lang });
  for (const s of doc.sentences) {
    if (lang === 'ja') {
      if (!isJapaneseTokenizerReady()) return false;
      s.tokens = [];
      for (const [from, to] of chunks(s.text)) {
        for (const t of tokenizeJapanese(s.text.slice(from, to))) {
          if (t.surface.trim() === '') continue;
          const start = s.start + from + t.offset;
          s.tokens.push({ surface: t.surface, base: t.base, key: matchKey(t.base), pos: posMap[t.pos] ?? 'other', detail: t.pos1, start, end: start + t.surface.length });
        }
      }
    }
    if (restates(s, content.keys.size > 0 ? content : undefined)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- Japanese

/** Casual, angry or rhetorical wording that must not be read back in a keigo reply. */
const jaCasual =
  /よね|んだけど|だけど|じゃん|だよ|でしょ(?!う)|かよ|けど|けれど|笑|…|[！!]|[？?]{2}|ｗ|って(?![いおくしきたもかほみらすあげ])|ちょっと|とか|やつ|めっちゃ|すごく|マジ|まじ|ちゃっ|じゃな|なんで|なんか|どういうこと|どうなって|どうして|っす|ですよ|のに|正直|ひどい|最悪|ありえ|おかしい|納得|思いっきり|てて|ショック|残念|がっかり|不愉快|不快|腹が立|悲し|困って|困る|困った|意味ない|意味がない|イライラ|ムカ|っぽい|やばい|ヤバい|マジ/u;
/** The customer's humble or polite verbs (お願いした, いただいた): wrong in the agent's voice. */
const jaHumble = /お願い|いただ|頂|伺|申し上げ|申す|と申し|拝|参り|させて|おり(?:ます|まし)|ござい|下さ|ください|くださ/u;
/** The customer's first person, or the company addressed as "you", which a restatement must not keep. */
const jaPerson = /私|わたし|僕|ぼく|自分|うち|俺|弊社|当社|そちら|御社|貴社|こちら|御行|貴行|御店|貴店|御院|貴院|そっち|こっち|あっち/u;
/** Polite endings plainJapanese could not turn plain. */
const jaPolite = /ます|です|ません|でした|ました|でしょう/u;
const questionWord = /いつ|どこ|何時|何日|いくら|どれ|どの|誰|どちら|どのくらい|どれくらい|何分|何か月|何ヶ月|どう(?!か)/u;

/** The customer's own actions in the respectful form (買った → ご購入された). */
const jaHonorific: Array<[RegExp, string]> = [
  [/買った/gu, 'ご購入された'],
  [/購入した/gu, 'ご購入された'],
  [/注文した/gu, 'ご注文された'],
  [/予約した/gu, 'ご予約された'],
  [/契約した/gu, 'ご契約された'],
  [/申し込んだ/gu, 'お申し込みされた'],
  [/利用した/gu, 'ご利用された'],
  [/払った/gu, 'お支払いされた'],
];

/** Whitespace goes, except between two ASCII characters (「429 Too Many Requests」, 「v2.0 で」 → 「v2.0で」). */
function dropSpaces(text: string): string {
  return text.replace(/\s+/gu, (m, at: number, all: string) => (/[\x21-\x7e]/u.test(all[at - 1] ?? '') && /[\x21-\x7e]/u.test(all[at + m.length] ?? '') ? ' ' : ''));
}

/** The customer's own action as a listed Sa-verb noun, in the respectful form: 応募した → ご応募された, 電話をした → お電話をされた. */
const honorificActions = jaTerms('honorificAction');
const honorificAction = new RegExp(`(?<![ごお御\\p{Script=Han}])(${[...honorificActions.keys()].join('|')})(を)?し(た|ている|ていた|てい|ます|て)`, 'gu');
/** The customer's everyday words and a keigo reply's (今日 → 本日, 友達 → ご友人). */
const registerWords = jaTerms('register');
// (Not inside a compound: 手荷物, 相部屋, 男友達.)
const registerWord = new RegExp(`(?<![ごお御\\p{Script=Han}])(?:${[...registerWords.keys()].join('|')})`, 'gu');

function jaTidy(text: string): string {
  let t = dropSpaces(text)
    .replace(/^(?:[@＠][\w.]+)+/u, '')
    .replace(/^(?:でも|あと|それで|なので|ちなみに|ところで|実は|すみません|あの)、?/u, '')
    .replace(/[。．.!！?？…]+$/u, '')
    .replace(/てる(?=[^\p{Script=Hiragana}]|$|の|と|が|け|か)/gu, 'ている')
    .replace(/てた(?=[^\p{Script=Hiragana}]|$|の|と|が|け|か)/gu, 'ていた')
    .replace(/んでる(?=[^\p{Script=Hiragana}]|$|の|と|が|け|か)/gu, 'んでいる')
    .replace(/(よう|みたい|そう)(?=$|、)/gu, '$1だ')
    .replace(/全然/gu, 'まったく')
    .replace(/機種変(?!更)/gu, '機種変更')
    .replace(/(?:うち|我が家)(?:の|で)/gu, '')
    .replace(/いいか$/u, 'よいか')
    .replace(/もいい(?=か|$)/u, 'もよい');
  for (const [from, to] of jaHonorific) t = t.replace(from, to);
  t = t.replace(honorificAction, (_m, noun: string, o: string | undefined, tail: string) => `${honorificActions.get(noun)}${o ?? ''}され${tail}`);
  t = t.replace(registerWord, (w) => registerWords.get(w) ?? w);
  return t;
}

/** The customer's charged words (勝手に, 大量に), from suggest-words.json. */
const jaCharged = new RegExp([...jaTerms('casual').keys()].join('|'), 'u');

/**
 * What the clause's grammar shows about it (third suggestion review), read on its tokens:
 * - a dropped particle (「車乗って」「電源入らなく」): casual speech, not read back;
 * - a bare noun before a comma (「今日のドーム、」) or at the end (「〜したらエラー」): a fragment;
 * - the customer's own action told plainly (「納付書をなくした」「レンタカーを返すとき」): with an
 *   object and no subject of its own, the doer is the customer, and a keigo reply does not tell it
 *   in plain words; only a listed Sa-verb action (予約した → ご予約された) is made respectful.
 * True when the clause can be read back.
 */
function jaGrammarClean(tokens: Token[]): boolean {
  const content = tokens.filter((t) => !/^[\s。．.!！?？「」『』（）()]+$/u.test(t.surface));
  for (let i = 0; i < content.length; i++) {
    const t = content[i]!;
    const next = content[i + 1];
    if (t.pos === 'noun' && /^(?:一般|固有名詞)$/u.test(t.detail) && next?.pos === 'verb' && !/^(?:する|できる|出来る)$/u.test(next.base)) return false;
    if (t.pos === 'noun' && !/^(?:副詞可能|数|接尾)$/u.test(t.detail) && next?.surface === '、') return false;
  }
  const last = content[content.length - 1];
  if (last && last.pos === 'noun' && content.some((t) => t.pos === 'verb')) return false;
  let object = false;
  let subject = false;
  for (let i = 0; i < content.length; i++) {
    const t = content[i]!;
    if (t.surface === '、') {
      object = false;
      subject = false;
    }
    if (t.pos === 'particle' && t.surface === 'を') object = true;
    if (t.pos === 'particle' && (t.surface === 'が' || t.surface === 'は')) subject = true;
    if (t.pos !== 'verb' || !object || subject) continue;
    if (/^(?:ある|いる|なる|しまう|いく|くる|おく)$/u.test(t.base)) continue;
    // (Passive: 「待たされた」 is done to the customer.)
    if (/^(?:れる|られる|せる|させる)$/u.test(content[i + 1]?.base ?? '')) continue;
    if (t.base === 'する' && honorificActions.has(content[i - 1]?.surface === 'を' ? content[i - 2]?.surface ?? '' : content[i - 1]?.surface ?? '')) continue;
    return false;
  }
  // The customer's own action as a Sa-verb with no subject of its own (「ダウンロードした映画」
  // 「機種変更してから」): made respectful only when listed (予約した → ご予約された), else left out.
  let subjectBefore = false;
  for (let i = 1; i < content.length; i++) {
    const t = content[i]!;
    if (t.pos === 'particle' && (t.surface === 'が' || t.surface === 'は')) subjectBefore = true;
    const noun = content[i - 1]!;
    if (t.pos !== 'verb' || t.base !== 'する' || subjectBefore || noun.pos !== 'noun') continue;
    if (!(noun.detail === 'サ変接続' || /^[\p{Script=Katakana}ー]{2,}$/u.test(noun.surface))) continue;
    if (/^(?:れる|られる|せる|させる)$/u.test(content[i + 1]?.base ?? '')) continue;
    // (A compound — 機種変更 — is not made respectful by the table: ご goes before the whole.)
    const before = content[i - 2];
    if (!honorificActions.has(noun.surface) || (before?.pos === 'noun' && /^(?:一般|サ変接続|固有名詞)$/u.test(before.detail))) return false;
  }
  return true;
}

function jaClean(text: string): boolean {
  return (
    text.length >= 6 &&
    text.length <= 70 &&
    !jaCasual.test(text) &&
    !jaHumble.test(text) &&
    !jaPerson.test(text) &&
    !jaPolite.test(text) &&
    !/のだ|んだ|のです|んです/u.test(text) &&
    // A clause ending in て or a bare noun is a fragment (「心配になって」).
    !/[てで]$/u.test(text) &&
    !/[「『（(][^」』）)]*$/u.test(text) &&
    // A demonstrative pointing into the customer's message (そんな説明, そのせいで) means nothing on its own.
    !/そんな|こんな|あんな|そのせい|それで|それが|それは|それも|あれ|これ|(?:その|この|あの)(?!まま)/u.test(text) &&
    // A condition told with たら (「届いたら箱が潰れてて」「しようとしたらエラー」) is the customer's telling, not a restatement.
    !/(?:たら|だら)(?![しくきけいかな])/u.test(text) &&
    !jaCharged.test(text) &&
    // 「返却が遅れたのは配送業者のミス」: the customer's claim of a cause, which 「承知いたしました」
    // would seem to accept before the reply answers it.
    !/のは/u.test(text)
  );
}

const requestAfterTe = /^(?:ほしい|欲しい|もらえる|もらう|もらい|いただける|いただく|いただき|頂ける|くださる|ください|くれる|くれ)$/u;

/**
 * A request of a Sa-verb (記載してほしい, 交換してもらえますか, 予約したい), or a wish for a
 * thing (コピーがほしい), as a noun phrase for 「〜をご希望」: the verb's noun with the
 * arguments before it, their particles turned into の (を → の, に → への, で → での).
 */
function jaWish(s: Sentence): string | undefined {
  const t = s.tokens;
  for (let i = 1; i < t.length; i++) {
    const tok = t[i]!;
    let nounEnd = -1;
    // サ変 noun + し + (て + ほしい/もらえ…) or (たい)
    // (A katakana loanword works as a Sa-verb too: エクスポートしたい.)
    if (tok.pos === 'verb' && tok.base === 'する' && t[i - 1]!.pos === 'noun' && (t[i - 1]!.detail === 'サ変接続' || /^[\p{Script=Katakana}ー]{2,}$/u.test(t[i - 1]!.surface))) {
      const after = t[i + 1];
      const te = after?.surface === 'て' && t[i + 2] && requestAfterTe.test(t[i + 2]!.base);
      const tai = after?.pos === 'aux' && after.base === 'たい';
      if (te || tai) nounEnd = i - 1;
    }
    // noun + が + ほしい
    if (tok.pos === 'adj' && /^(?:ほしい|欲しい)$/u.test(tok.base) && t[i - 1]?.surface === 'が' && t[i - 2]?.pos === 'noun') nounEnd = i - 2;
    // noun + を + お願い (a request, not 「お願いしました」, which says it was asked for before)
    if (tok.surface === 'お願い' && t[i - 1]?.surface === 'を' && t[i - 2]?.pos === 'noun' && !/^(?:た|ました)$/u.test(t[i + 2]?.surface ?? '') && t[i + 2]?.base !== 'た' && t[i + 3]?.base !== 'た') nounEnd = i - 2;
    if (nounEnd < 0) continue;
    // The noun phrase: nouns joined by か/や/と/・/の going back.
    let k = nounEnd;
    while (k > 0 && (t[k - 1]!.pos === 'noun' || (/^(?:か|や|と|の|・)$/u.test(t[k - 1]!.surface) && t[k - 2]?.pos === 'noun'))) k--;
    // A prefix stays with its noun (再 + 発行).
    if (k > 0 && t[k - 1]!.pos === 'other' && t[k - 1]!.detail === '名詞接続') k--;
    if (t[k]?.pos !== 'noun' && !(t[k]?.pos === 'other' && t[k + 1]?.pos === 'noun')) return undefined;
    if (/^(?:お願い|依頼|相談|質問|連絡|対応|確認)$/u.test(s.text.slice(t[k]!.start - s.start, t[nounEnd]!.end - s.start))) return undefined;
    let phrase = s.text.slice(t[k]!.start - s.start, t[nounEnd]!.end - s.start);
    // Arguments before it: 「登録番号を請求書に記載」 → 「登録番号の請求書への記載」.
    let j = k - 1;
    // (An argument ends in an independent noun: 「届く前に解約」 has none to take.)
    while (j > 0 && /^(?:を|に|で)$/u.test(t[j]!.surface) && t[j - 1]!.pos === 'noun' && !/^(?:非自立|副詞可能|代名詞)$/u.test(t[j - 1]!.detail) && !(t[j]!.surface !== 'を' && /^(?:サ変接続|形容動詞語幹)$/u.test(t[j - 1]!.detail))) {
      const particle = t[j]!.surface;
      let m = j - 1;
      while (m > 0 && (t[m - 1]!.pos === 'noun' || (t[m - 1]!.surface === 'の' && t[m - 2]?.pos === 'noun'))) m--;
      const arg = s.text.slice(t[m]!.start - s.start, t[j - 1]!.end - s.start);
      phrase = arg + (particle === 'を' ? 'の' : particle === 'に' ? 'への' : 'での') + phrase;
      j = m - 1;
    }
    return familyInKeigo(phrase);
  }
  return undefined;
}

/** The customer's family named in keigo (父 → お父様) in a phrase taken as it stands. */
function familyInKeigo(text: string): string {
  return text.replace(/(?<![おご御])(母親|父親|子ども|子供|両親|家族|家内|主人|祖母|祖父|息子|母|父|娘|夫|妻|嫁|姉|兄|妹|弟)(?![親様さ])/gu, (w) => family[w] ?? w);
}

/** A question (「復元できますか」) in plain form, without its か: 「復元できる」, and whether it has a question word. */
function jaQuestion(s: Sentence, raw: string): { text: string; open: boolean } | undefined {
  const text = s.text.trim();
  if (!/(?:ます|です|でしょう|ある|できる|いい|よい)か[。？?]?$|[？?]$/u.test(text)) return undefined;
  if (/(?:ません|ない)か?[。？?]?$/u.test(text)) return undefined; // a negative question is a request or a complaint
  // (「…予約なんですけど、チャイルドシート追加できますか?」 was read as its last clause alone; the
  // clause left out carried what the question is about — 「通院の交通費も保険で出るって聞いた
  // んですけど、どこに請求すればいいですか」 became 「どこに請求すればよいか」 — so no question.)
  // A request put as a question of the customer's receiving (「振り替えてもらえますか」) is not a clean clause.
  if (/(?:もらえ|もらい|くれ|いただけ)/u.test(text)) return undefined;
  let plain = jaTidy(plainJapanese(s, raw)).replace(/か$/u, '').replace(/(?:でしょう|しょう)$/u, '');
  plain = plain.replace(/いい$/u, 'よい');
  if (!jaClean(plain)) return undefined;
  // A rhetorical question (「知らせるべきでは？」) or one that names nothing (「どうすればいいですか」).
  if (/(?:では|じゃ|べき|のでは|ない)$/u.test(plain) || /^(?:どう|何を)|どうすれば|どうしたら|どうやって/u.test(plain)) return undefined;
  return { text: plain, open: questionWord.test(plain) };
}

function jaRequestLike(text: string): boolean {
  return /(?:ほしい|欲しい|もらえ|いただけ|ください|下さい|お願い|たい|か[。？?]?$|[？?]$)/u.test(text);
}

/**
 * The sentence's last clause, when it alone says what is wrong and names the thing (3+ content
 * words), and what comes before it is only the setting (「来週泊まるんですが、部屋のエアコンが
 * 止まってます」); never when the part left out itself tells of the trouble or names more (「注文した
 * 化粧水が届いたら箱が潰れてて、…漏れてました」 lost the product and the box, third review).
 */
function lastClause(s: Sentence, raw: string): string | undefined {
  const lastComma = s.tokens.map((t) => t.surface).lastIndexOf('、');
  if (lastComma < 0) return undefined;
  const head = s.tokens.slice(0, lastComma);
  const headText = s.text.slice(0, s.tokens[lastComma]!.start - s.start);
  if (describesProblem(headText) || statesTrouble(headText, 'ja') || contentKeys(head, 'ja').size > 2) return undefined;
  const lastTokens = s.tokens.slice(lastComma + 1);
  const clause = { ...s, tokens: lastTokens, start: s.tokens[lastComma]!.end, text: s.text.slice(s.tokens[lastComma]!.end - s.start) };
  const last = jaTidy(plainJapanese(clause, raw));
  return jaClean(last) && jaGrammarClean(lastTokens) && contentKeys(lastTokens, 'ja').size >= 3 && !/^[^、。]{1,12}も/u.test(last) ? last : undefined;
}

/** Do two sentences share a content word? */
function sharesKeys(a: Sentence, b: Sentence | undefined): boolean {
  if (!b) return false;
  const keys = contentKeys(b.tokens, 'ja');
  return [...contentKeys(a.tokens, 'ja')].some((k) => keys.has(k));
}

/** A request that names nothing to restate (「よろしくお願いします」「至急対応お願いします」「ご確認ください」). */
function jaVagueAsk(text: string): boolean {
  return /よろしく|宜しく/u.test(text) || /^(?:至急|大至急|早急に|急ぎで?)?、?(?:対応|ご?対応|確認|ご?確認|連絡|ご?連絡|回答|ご?回答)(?:を)?(?:お願い|ください|下さい|して)/u.test(text.trim());
}

/**
 * Japanese: what is wrong and what they ask, or nothing (third suggestion review: a restatement
 * that leaves out the request the reply answers, or restates a side detail instead of the main
 * problem, was wrong). The main problem is the first statement of trouble; if it cannot be read
 * back cleanly, no restatement. A request or question must be read back too; two or more
 * requests cannot be put in one sentence, so then none either.
 */
function japanese(sentences: Sentence[], raw: string): string | undefined {
  // A review with four or five stars is praise: reading it back as 「〜とのこと、承知いたしました」 is wrong.
  if (/^\s*(?:[@＠][\w.]+\s*)?★{4,}/u.test(sentences[0]?.text ?? '')) return undefined;
  let wish: string | undefined;
  let question: { text: string; open: boolean } | undefined;
  let asks = 0;
  let troubleSeen = false;
  let substantive = 0;
  let problem: string | undefined;
  let context: { text: string; first: boolean; keys: number } | undefined;
  let firstTrouble: Sentence | undefined;
  let secondTrouble = false;
  for (const [index, s] of sentences.entries()) {
    const text = s.text.trim();
    if (jaRequestLike(text)) {
      // 「予約したいんですけど、電話がつながりません」: the clause after the request says what is wrong.
      const lastComma = s.tokens.map((t) => t.surface).lastIndexOf('、');
      if (lastComma >= 0) {
        const clauseTokens = s.tokens.slice(lastComma + 1);
        const clause = { ...s, tokens: clauseTokens, start: s.tokens[lastComma]!.end, text: s.text.slice(s.tokens[lastComma]!.end - s.start) };
        if (!jaRequestLike(clause.text) && (describesProblem(clause.text) || statesTrouble(clause.text, 'ja'))) {
          const plain = jaTidy(plainJapanese(clause, raw));
          if (!troubleSeen) {
            troubleSeen = true;
            if (jaClean(plain) && jaGrammarClean(clauseTokens) && contentKeys(clauseTokens, 'ja').size >= 2) problem = plain;
          }
          if (jaVagueAsk(s.text.slice(0, s.tokens[lastComma]!.start - s.start))) continue;
        }
      }
      if (jaVagueAsk(text)) continue;
      asks++;
      // 「無理なら注文キャンセルしたい」: a wish on a condition is not what they ask for.
      const w = /(?:なら|たら|れば|場合)[、は]?/u.test(text) ? undefined : jaWish(s);
      if (w && w.length <= 40 && !jaPerson.test(w) && !jaCasual.test(w) && !jaHumble.test(w) && !jaCharged.test(w)) wish ??= w;
      else if (!w) {
        const q = jaQuestion(s, raw);
        if (q && jaGrammarClean(s.tokens)) question ??= q;
      }
      continue;
    }
    const trouble = describesProblem(text) || statesTrouble(text, 'ja');
    const plain = jaTidy(plainJapanese(s, raw));
    const keys = contentKeys(s.tokens, 'ja').size;
    const clean =
      !/[!！]{2}|[?？]{2}/u.test(text) && jaClean(plain) && jaGrammarClean(s.tokens) &&
      // 「天井のカビもそのまま」: a statement that leans on an earlier one (も) is not one to restate alone.
      !/^[^、。]{1,12}も/u.test(plain);
    if (trouble) {
      // A second statement of trouble that names other things (the refund still not paid after the
      // cancelled cruise) is often what the customer is writing about: one sentence cannot read back
      // both, and the first alone left out the request (fifth suggestion review n=28).
      if (troubleSeen) {
        if (keys >= 2 && !sharesKeys(s, firstTrouble)) secondTrouble = true;
        continue;
      }
      troubleSeen = true;
      firstTrouble = s;
      // (Two content words, or one where the sentence says what is wrong: 「請求が二重になっています」.)
      if (clean && keys >= 1) problem = plain;
      else problem = lastClause(s, raw);
      continue;
    }
    // (Only the opening sentence: a later one is a side detail — 「コンビニで買いました」 after the
    // mistake that matters.)
    if (index === 0 && clean && keys >= 2) context = { text: plain, first: true, keys };
    else if (index > 0 && keys >= 3) substantive++;
  }
  // Every request they make is read back, and only one fits a sentence.
  const asked = wish ? 1 : question ? 1 : 0;
  if (asks > 1 || asks > asked) return undefined;
  // The main problem, when there is one, is read back, never a side detail in its place.
  if (troubleSeen && !problem) return undefined;
  if (secondTrouble) return undefined;
  // With no trouble, a statement of their situation restates only as context for the request, or
  // when it opens the inquiry and names enough (four content words: 「お子様が課金した」 needs the request).
  const told = problem ?? (context && (wish || question || (context.first && context.keys >= 4)) ? context.text : undefined);
  if (told && wish) return `${told}とのことで、${wish}をご希望と承りました。`;
  if (told && question) return `${told}とのことで、${question.text}${question.open ? 'か' : 'かどうか'}についてのお問い合わせと承りました。`;
  // (The opening statement alone, likewise, only where nothing else substantive follows it.)
  if (told && !problem && substantive > 0) return undefined;
  if (told) return `${told}とのこと、承知いたしました。`;
  // A request alone stands only where the inquiry says nothing more (no statement left unread).
  if (substantive > 0 || (context && !told)) return undefined;
  // A wish alone names the thing only with two content words (「株の移管」, not 「返金」).
  if (wish && /[のへで]/u.test(wish)) return `${wish}をご希望とのこと、承知いたしました。`;
  if (question) return `${question.text}${question.open ? 'か' : 'かどうか'}についてのお問い合わせ、承知いたしました。`;
  return undefined;
}

// ---------------------------------------------------------------- English

/** Missing apostrophes restored (arent → aren't); `its` and `wont` are words of their own and stay. */
const apostrophes: Record<string, string> = {
  arent: "aren't", dont: "don't", cant: "can't", isnt: "isn't", didnt: "didn't", doesnt: "doesn't", hasnt: "hasn't",
  havent: "haven't", wasnt: "wasn't", werent: "weren't", wouldnt: "wouldn't", couldnt: "couldn't", shouldnt: "shouldn't",
  im: "I'm", ive: "I've", id: "I'd", ill: "I'll",
};

/** Chat shorthand, shouting, fillers and angry wording that must not be read back. */
const enCasual =
  /\b(?:ugh|lol|lmao|omg|pls|plz|wtf|idk|u|ur|gonna|wanna|kinda|sorta|tho|btw|thru|cuz|coz|ya|yeah|yep|nope|like,|honestly|literally|seriously|ridiculous|insane|joke|sort it|what the|way (?:too|more|less|weaker|better|worse)|super|totally|basically|guys|anyone else|asap|stuff|ok so|so yeah|what's going on|what is going on|on fire|nightmare|through the roof|out of nowhere|for real|at all|not ok|not okay|dime|rip-off|ripoff|scam|unprofessional|unacceptable|disgrace\w*|pathetic)\b|!!|\?\?|\.\.\.|…|\b(?:[A-Z]{4,})\b/u;
const acronyms = /\b(?:ASAP|HTTPS?|HTML|JSON|UTC|GMT|API|URL|PDF|SIM|PIN|ETA|FAQ|VAT|USB|HDMI|IBAN|SWIFT|EU|UK|USA|LHR|JFK|SFO|VPS|DNS|SMTP|IMAP|SAML|SSO)\b/gu;

function enTidy(text: string): string {
  let t = text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(?:[@＠][\w.]+[\s,:]*)+/u, '')
    .replace(/^[★☆\s]+/u, '')
    // (Emoji are the customer's, never the agent's sentence: "…for your birthday 🥺" — eighth review.)
    .replace(/(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D)+/gu, '')
    .replace(/ ([,.!?])/gu, '$1')
    .trim()
    .replace(/^(?:(?:hi|hello|hey|dear)(?:\s+(?:there|team|all|support|[A-Z][a-z]+))?\s*[,!.:-]\s*)/iu, '')
    .replace(/^(?:hi|hello|hey)\s+(?=(?:can|could|would|i|i'm|i've|my|we|our|is|are|the|do|how|please)\b)/iu, '')
    .replace(/^(?:so|also|and|but|ok|okay|well|um|hmm)\s*,?\s+/iu, '')
    .replace(/\b(?:just|really|actually|even|still)\s+(?=(?:keep|change|send|give|refund|cancel|check|move|add|remove|let)\b)/giu, '')
    .replace(/\b([A-Za-z]+)\b/gu, (w) => apostrophes[w.toLowerCase()] ?? w)
    .replace(/(^|\s)i(?=\s|'|$)/gu, '$1I');
  return t;
}

function enCasualText(text: string): boolean {
  return enCasual.test(text.replace(acronyms, '')) || /,\s*like\b|\blike\s+(?:\d|half\b|a couple\b)/iu.test(text);
}

/**
 * The customer's words in the agent's voice: the customer's I/we → you, the company's
 * you/your → we/our (a "you" after a preposition or a verb → us), with agreement.
 */
export function swapPersons(text: string): string {
  return swapPersonsChecked(text).text;
}

/**
 * swapPersons, and whether a company "you" could not be placed: neither at the start of a clause
 * (we) nor after a verb or preposition that takes an object (us) — "your site said you service
 * Samsung" became "said us service" (third suggestion review), so such a clause is left out.
 */
function swapPersonsChecked(text: string): { text: string; uncertain: boolean } {
  let uncertain = false;
  const words = text.split(/(\s+)/u);
  const objectBefore = /^(?:with|to|from|for|at|by|through|about|contact|contacted|call|called|email|emailed|tell|told|ask|asked|thank|thanked|help|than|of|on|into|paid|pay|sent|messaged|phoned|reach|reached|joined|chose|trusted)$/iu;
  const out: string[] = [];
  let previous = '';
  for (const w of words) {
    if (/^\s+$/u.test(w)) {
      out.push(w);
      continue;
    }
    const m = /^([("'“]*)([A-Za-z']+)(.*)$/u.exec(w);
    if (!m) {
      out.push(w);
      previous = w;
      continue;
    }
    const [, pre, word, post] = m as unknown as [string, string, string, string];
    const lower = word.toLowerCase();
    const customer: Record<string, string> = {
      i: 'you', "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll", me: 'you', my: 'your', mine: 'yours',
      myself: 'yourself', we: 'you', "we're": "you're", "we've": "you've", "we'd": "you'd", "we'll": "you'll", us: 'you',
      our: 'your', ours: 'yours', ourselves: 'yourselves',
    };
    const company: Record<string, string> = {
      your: 'our', yours: 'ours', "you're": "we're", "you've": "we've", "you'll": "we'll", "you'd": "we'd",
    };
    let swapped: string | undefined = customer[lower] ?? company[lower];
    // The company's "you" is a subject (we) at the start of a clause, an object (us) after a verb or preposition.
    if (lower === 'you') {
      const prev = previous.replace(/[^A-Za-z']/gu, '').toLowerCase();
      const clauseStart = out.length === 0 || /[,;:(]$/u.test(previous) || /^(?:and|but|so|because|when|if|that|as|since|until|while|or|then|where|which|who|now)$/u.test(prev);
      if (!objectBefore.test(prev) && !clauseStart) uncertain = true;
      swapped = objectBefore.test(prev) || !clauseStart ? 'us' : 'we';
    }
    if (swapped && /^[A-Z]/u.test(word) && lower !== 'i' && out.length === 0) swapped = swapped.charAt(0).toUpperCase() + swapped.slice(1);
    out.push(pre + (swapped ?? word) + post);
    previous = word;
  }
  const swappedText = out
    .join('')
    .replace(/\byou am\b/gu, 'you are')
    .replace(/\byou was\b/gu, 'you were')
    .replace(/\byou wasn't\b/gu, "you weren't")
    .replace(/\bwe is\b/gu, 'we are')
    .replace(/\bwe was\b/gu, 'we were')
    .replace(/\bwe wasn't\b/gu, "we weren't")
    .replace(/\bwe has\b/gu, 'we have')
    .replace(/\bwe hasn't\b/gu, "we haven't")
    .replace(/\bwe doesn't\b/gu, "we don't")
    .replace(/\bwe does\b/gu, 'we do');
  return { text: swappedText, uncertain };
}

/** Words a fragment starts with ("got charged…", "been waiting…"): no subject, no clean clause. */
const fragmentStart =
  /^(?:(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)?)\s+time\b|lost|forgot|found|came|went|saw|told|said|gave|broke|kept|wrote|put|spent|made|took|looks|seems|feels|sounds|says|keeps|really|so|very|totally|absolutely|love|loved|great|they|it|this|that|these|those|he|she|got|been|had|has|have|want|wanted|need|needed|paid|ordered|bought|tried|still|just|called|sent|received|booked|waiting|trying|left|please|thanks|thank|any|is|are|was|were|can|could|do|does|did|will|would|should|how|what|why|when|where|who|which|no|not|nobody|never|sorry|help|urgent|re|fwd)\b/iu;

function enProblem(text: string): string | undefined {
  // (english() has already split at every sentence end, abbreviations aside.)
  let t = text.replace(/[.!?]+$/u, '');
  // A comma splice starts a second sentence: keep the first ("…isn't showing up, it's been 3 weeks").
  const splice = /,\s+(?:my|our|your|his|her|their|it|i|we|there|that|this|he|she|they|and now|now|someone|nobody|everyone|everything|nothing|haven't|hasn't|didn't|never|still|\d+\s+\w+\s+ago|(?:one|some|all|both|none|half|most|two|three)\s+of|[a-z]+\s+(?:just\s+|still\s+|now\s+)?(?:get|gets|got|keep|keeps|can't|won't|don't|doesn't|didn't|hear|hears|see|sees)|the\s+\w+(?:\s+\w+)?\s+(?:is|was|are|were|says|said|has|keeps|kept|(?:i|you|we)\s+\w+))\b/iu.exec(t);
  if (splice) t = t.slice(0, splice.index);
  // A tail of a few words after the last comma with no verb ("…on my terminal, every card") is the
  // customer's fragment, not part of the statement.
  const tail = /,\s+((?:\S+\s*){1,3})$/u.exec(t);
  if (tail && !/[()[\]]/u.test(tail[1]!) && !/\b(?:is|are|was|were|has|have|had|do|does|did|can|can't|won't|will|\w+ed|\w+s)\b/iu.test(tail[1]!)) t = t.slice(0, tail.index);
  const dash = /\s[—–-]\s/u.exec(t);
  if (dash) t = t.slice(0, dash.index).trim();
  // "Celiac here and I'd love to …", "Long-time customer here": the customer introducing themselves, no clause to read back.
  if (/^(?:[A-Za-z'-]+\s+){1,3}here\b/u.test(t)) return undefined;
  const firstWord = t.split(/\s+/u)[0]!;
  if (/[?]/u.test(t) || enCasualText(t) || fragmentStart.test(t) || (firstWord.length > 4 && /(?:ed|ing)$/iu.test(firstWord))) return undefined;
  // Evaluative words that name nothing ("a terrible experience", "nothing happened"): the customer
  // cannot see from them that they were understood (third suggestion review).
  if (enPattern('vague').test(t)) return undefined;
  // "v13 sunsets on Sept 30 but your client's migration won't be done": two facts, one of them
  // not the customer's to have mentioned (third suggestion review); not read back as one.
  // (Kept where the customer's own statement leads: "I bought passes but her trip got cancelled".)
  if (/\sbut\s/iu.test(t) && !/^(?:i|we|my|our)\b/iu.test(t)) return undefined;
  const words = t.split(/\s+/u);
  if (words.length < 5 || words.length > 26) return undefined;
  // The thing concerned must be named: three words that are not pronouns, auxiliaries or particles
  // ("you can't send or withdraw" names nothing that was limited).
  if (words.filter((w) => !enFunctionWord.test(w.replace(/[^A-Za-z']/gu, ''))).length < 3) return undefined;
  // A clause whose subject is a bare noun ("promo code SPRING20 says invalid", "landlord changed
  // things", "…, box was a bit crushed") or whose last conjunct has no verb ("… and still nothing")
  // is the customer's shorthand; read back, it is ungrammatical (fifth suggestion review).
  if (bareSubject.test(t.charAt(0).toLowerCase() + t.slice(1)) || /\band (?:still |yet )?(?:nothing|no (?:reply|answer|response|word|refund|update))(?: yet| at all)?$/iu.test(t)) return undefined;
  const checked = swapPersonsChecked(t);
  if (checked.uncertain) return undefined;
  let swapped = checked.text;
  // "you booked … and was supposed to": the customer's I became you, and so does its verb.
  if (/^you\b/iu.test(swapped)) swapped = swapped.replace(/\band was\b/gu, 'and were').replace(/\band wasn't\b/gu, "and weren't");
  // "You mentioned that …": a capital stays only on names and I-less words that are capitalised elsewhere.
  const first = /^[A-Z][a-z']+/u.exec(swapped)?.[0];
  if (first && !/^(?:I|[A-Z][a-z]+[A-Z]\w*)$/u.test(first) && !new RegExp(`\\s${first}\\b`, 'u').test(text)) {
    swapped = first.toLowerCase() + swapped.slice(first.length);
  }
  return swapped;
}

/** A clause opening on a bare lowercase noun then its verb: no determiner, the customer's shorthand. */
const bareSubject =
  /(?:^|,\s*|\band\s+)(?!(?:it|this|that|there|here|he|she|they|you|we|i|nothing|everything|something|someone|somebody|everyone|nobody|which|what|who|one|all|both|each|none|most|some|my|your|our|his|her|their|its|the|a|an|these|those|every|any|no|another|then|now|still|also|just|later|finally|again|today|yesterday)\b)[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?(?:\s+[A-Z0-9][\w-]*)?\s+(?:is|was|are|were|has|had|says|said|got|keeps|kept|won't|doesn't|didn't|isn't|wasn't|[a-z]{3,}ed)\b/u;

const enFunctionWord =
  /^(?:|i|i'm|i've|i'd|me|my|we|our|us|you|your|it|its|it's|they|them|their|this|that|these|those|a|an|the|and|or|but|so|to|of|in|on|at|for|with|from|by|up|out|is|are|was|were|be|been|am|do|does|did|don't|doesn't|didn't|can|can't|cannot|could|couldn't|will|won't|would|wouldn't|should|have|has|had|haven't|hasn't|not|no|just|still|now|then|there|here|any|some|all|every|get|got)$/iu;

interface EnAsk {
  kind: 'wish' | 'whether' | 'how';
  text: string;
}

/** A request or question as what the customer would like or asks ("Can you change my username?" → us to change your username). */
function enAsk(text: string): EnAsk | undefined {
  const a = enAskOf(text);
  return a && !a.more ? { kind: a.kind, text: a.text } : undefined;
}

function enAskOf(text: string): (EnAsk & { more?: boolean }) | undefined {
  // (A closing "please" is the customer's courtesy, not part of what they ask: "…to Saturday please".)
  const t = text.replace(/[?.!]+$/u, '').replace(/\s+/gu, ' ').trim().replace(/,? please$/iu, '');
  if (enCasualText(t)) return undefined;
  // "…and I'll collect it Friday": a second clause with its own subject is left out.
  let dropped = '';
  // (A company "you" that cannot be placed — "the personal data you hold on me" became "data us
  // hold on you" — leaves the ask unread.)
  let uncertain = false;
  const swapAsk = (v: string): string => {
    const c = swapPersonsChecked(v);
    if (c.uncertain) uncertain = true;
    return c.text;
  };
  const cut = (v: string) => {
    const second = /\s(?:and|but|so|because|as)\s+(?:i|i'll|i'm|we|we'll|it|it's|that|there)\b|\sor\s+(?:can|could|do|does|is|are|will|should|would)\s/iu.exec(v);
    const head = second ? v.slice(0, second.index) : v;
    const comma = head.indexOf(', ');
    dropped = v.slice((comma >= 0 ? comma : head.length));
    return (comma >= 0 ? head.slice(0, comma) : head).replace(/,$/u, '').trim();
  };
  // "I want to transfer my ISA, why is there a £25 exit fee?": the part cut off asks what the
  // complaint is about (third suggestion review), so the request alone is not what they ask.
  const asksMore = () => /[,;]\s*(?:why|how|what|who|when|where|is|are|can|could|will|would|do|does)\b/iu.test(dropped) && /\?\s*$/u.test(text);
  const pick = (re: RegExp) => re.exec(t);
  const withMore = (a: EnAsk) => ({ ...a, more: asksMore() || uncertain });
  let m: RegExpExecArray | null;
  if ((m = pick(/^(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(.+)$/iu))) return withMore({ kind: 'wish', text: 'us to ' + swapAsk(cut(m[1]!)) });
  if (/^please\s+(?:tell|let)\b/iu.test(t)) return undefined;
  if ((m = pick(/^please\s+(?:do not|don't)\s+(.+)$/iu))) return withMore({ kind: 'wish', text: 'us not to ' + swapAsk(cut(m[1]!)) });
  if ((m = pick(/^please\s+(?!help\b)(.+)$/iu))) return withMore({ kind: 'wish', text: 'us to ' + swapAsk(cut(m[1]!)) });
  if ((m = pick(/^(?:i|we)(?:'d| would)\s+like\s+(.+)$/iu))) return withMore({ kind: 'wish', text: swapAsk(cut(m[1]!)) });
  if ((m = pick(/^(?:i|we)\s+(?:want|need)\s+(to\s+.+|(?:a|an|the|my|our|some)\s+.+)$/iu))) return withMore({ kind: 'wish', text: swapAsk(cut(m[1]!)) });
  // "I expect a full refund and an explanation": a demand is an ask, not a statement of trouble (eighth review).
  if ((m = pick(/^(?:i|we)\s+(?:(?:expect|demand|request|am requesting|are requesting|insist on)\s+)((?:a|an|the|my|our|some)\s+.+)$/iu))) return withMore({ kind: 'wish', text: swapAsk(cut(m[1]!)) });
  if ((m = pick(/^(?:can|could|may)\s+(i|we)\s+(.+)$/iu))) return withMore({ kind: 'whether', text: `you can ${swapAsk(cut(m[2]!))}` });
  if ((m = pick(/^(?:will|would|should)\s+(i|we)\s+(.+)$/iu))) return withMore({ kind: 'whether', text: `you ${m[0]!.split(/\s/u)[0]!.toLowerCase()} ${swapAsk(cut(m[2]!))}` });
  if ((m = pick(/^do\s+(i|we)\s+(.+)$/iu))) return withMore({ kind: 'whether', text: `you ${swapAsk(cut(m[2]!))}` });
  if ((m = pick(/^do\s+you\s+(.+)$/iu))) return withMore({ kind: 'whether', text: `we ${swapAsk(cut(m[1]!))}` });
  if ((m = pick(/^is\s+(it|there)\s+(possible|a way)\s+(.+)$/iu))) return withMore({ kind: 'whether', text: `${m[1]!.toLowerCase() === 'it' ? "it's" : "there's"} ${m[2]!.toLowerCase()} ${swapAsk(cut(m[3]!))}` });
  // "Are we getting SLA credits?" → whether you are getting …; "Is there going to be an RCA?" → whether there is going to be …
  if ((m = pick(/^(is|are|was|were|has|have)\s+(i|we|there)\s+(.+)$/iu))) {
    const subject = m[2]!.toLowerCase();
    const aux = m[1]!.toLowerCase();
    return withMore({ kind: 'whether', text: swapAsk(`${subject === 'i' ? 'I' : subject} ${subject === 'i' && aux === 'are' ? 'am' : aux} ${cut(m[3]!)}`) });
  }
  if ((m = pick(/^how\s+(?:do|can|should)\s+(?:i|we)\s+(.+)$/iu))) return withMore({ kind: 'how', text: swapAsk(cut(m[1]!)) });
  return undefined;
}

/** A question or request that asks for nothing namable ("Can you help?", "Any update?", "What's going on?"). */
const enVagueAsk = /^(?:(?:can|could) (?:you|someone|anyone) (?:please )?(?:help|assist)(?: me| us)?(?: (?:out|with (?:this|that|it)))?|any (?:help|update|news|ideas?)|thanks?(?: you)?|what(?:'s| is) going on|is (?:anyone|someone) there|hello)\b[^a-z]*$/iu;

/** The inquiry's pieces (the parser keeps "…asking. the engineer…" together: split at every sentence end). */
function enPieces(sentences: Sentence[], raw: string): string[] {
  // (The parser's own sentences are joined first: it ends one at "booking no." too.)
  return [sentences.map((s) => raw.slice(s.start, s.end)).join(' ')].flatMap((value) =>
    value
      .split(/\r\n|\r|\n/u)
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' ')
      // (Not after an abbreviation — "booking no. 8841", "Mr. Lee" — nor before a digit or inside brackets.)
      .split(/(?<=(?<!\b(?:no|No|Mr|Mrs|Ms|Dr|St|vs|etc|approx|ref|Ref|[A-Z]))[.!?])\s+(?![\d(])/u)
      .reduce<string[]>((out, piece) => {
        const last = out[out.length - 1];
        if (last !== undefined && (last.split('(').length > last.split(')').length)) out[out.length - 1] = last + ' ' + piece;
        else out.push(piece);
        return out;
      }, []),
  );
}

interface EnReading {
  /** The main problem (the first statement of trouble), read back cleanly; undefined when there is none or it could not be. */
  problem?: string;
  troubleSeen: boolean;
  context?: { text: string; first: boolean; whole: boolean };
  ask?: EnAsk;
  /** Requests and questions that name something; each must be read back. */
  asks: number;
  /** Statements (not asks) naming three things or more, read back or not. */
  statements: number;
}

function readEnglish(sentences: Sentence[], raw: string): EnReading {
  const reading: EnReading = { troubleSeen: false, asks: 0, statements: 0 };
  enPieces(sentences, raw).forEach((piece, index) => {
    const text = enTidy(piece);
    if (!text) return;
    const a = enAsk(text);
    const question =
      /\?\s*$/u.test(text) ||
      /^(?:please|i want|we want|i need|we need|i'd like|we'd like|i would like|we would like|need|want|would like)\b/iu.test(text) ||
      // ("This is ridiculous, please remove it.": a request inside an angry sentence is still asked.)
      /(?:^|[,.;]\s*)please\s+(?!let me know|advise|help\b)\w+/iu.test(text) ||
      // ("Unsuspend it immediately.": a bare imperative is a request too.)
      new RegExp(`^(?:${enPattern('imperative').source.replace(/^\\b/u, '')})`, 'iu').test(text);
    if (a || question) {
      if (enVagueAsk.test(text.replace(/[?.!]+$/u, '').trim() + '?') || enVagueAsk.test(text)) return;
      reading.asks++;
      if (!a) return;
      // A vague ask ("can you help") names nothing.
      const words = a.text.split(/\s+/u).filter((w) => !/^(?:us|to|you|we|it|this|that|a|an|the|can|get|do|with|me|out|help|fix|sort|there|is|are|anything|something|any|way|possible|it's|there's|done|else)$/iu.test(w));
      // An ask whose object is a pronoun ("exchange it for a M") does not say what it is about.
      if (!reading.ask && words.length >= 1 && a.text.split(/\s+/u).length <= 18 && !/\b(?:this|that|it|them|those|these)\b/iu.test(a.text.replace(/^(?:it's|there's)\b/iu, ''))) reading.ask = a;
      return;
    }
    const trouble = describesProblem(text) || statesTrouble(text, 'en');
    if (text.split(/\s+/u).filter((w) => !enFunctionWord.test(w.replace(/[^A-Za-z']/gu, ''))).length >= 3) reading.statements++;
    if (trouble && reading.troubleSeen) return;
    const p = enProblem(text);
    // "You renewed it last week": a pronoun for a thing never named in the sentence says nothing.
    const usable = p !== undefined && !(/\b(?:it|them|they)\b/iu.test(p.split(/\s+/u).slice(0, 5).join(' ')) || /\b(?:it|them|this|that)$/iu.test(p));
    if (trouble) {
      reading.troubleSeen = true;
      // (Trouble is read in the part kept too: the part read back must itself say what is wrong.)
      if (usable && (describesProblem(p!) || statesTrouble(p!, 'en'))) reading.problem = p;
      return;
    }
    if (usable && !reading.context) reading.context = { text: p!, first: index === 0, whole: p!.split(/\s+/u).length >= text.replace(/[.!?]+$/u, '').split(/\s+/u).length };
  });
  return reading;
}

/** The main problem as a clause in the agent's voice ("your cards arrived with the wrong photo"), for an acknowledgement that names it. */
export function problemClause(inquiry: InquiryView | undefined, lang: Lang): string | undefined {
  if (lang !== 'en') return undefined;
  const sentences = inquirySentences(inquiry, lang);
  if (sentences.length === 0 || !inquiry) return undefined;
  const reading = readEnglish(sentences, inquiry.doc.raw);
  // (One fact only: "your install is set for Thursday but the heater died" is no apology's object.)
  return reading.problem && reading.problem.split(/\s+/u).length <= 22 && !/\sbut\s/iu.test(reading.problem) ? reading.problem : undefined;
}

/**
 * English: what is wrong and what they ask, or nothing (third suggestion review): the main
 * problem (the first statement of trouble) read back or no restatement; every request or
 * question that names something read back, and only one fits a sentence.
 */
function english(sentences: Sentence[], raw: string): string | undefined {
  if (/^\s*(?:[@＠][\w.]+\s*)?★{4,}/u.test(sentences[0]?.text ?? '')) return undefined;
  const { problem: trouble, troubleSeen, context, ask, asks, statements } = readEnglish(sentences, raw);
  if (asks > 1 || (asks === 1 && !ask)) return undefined;
  if (troubleSeen && !trouble) return undefined;
  // An ask that ends on its verb ("whether you can swap") leaves out what it is about (fifth suggestion review).
  if (ask && /\b(?:can|could|to|will|would)\s+(?:swap|change|exchange|get|use|move|cancel|return|refund|fix|have|do|switch|transfer|replace|upgrade|downgrade|reschedule|keep)$/iu.test(ask.text)) return undefined;
  const askText = ask && (ask.kind === 'wish' ? `you'd like ${ask.text}` : ask.kind === 'whether' ? `you're asking whether ${ask.text}` : `you're asking how to ${ask.text}`);
  // A statement of something else restates only as context for the ask, or when it is the whole
  // opening sentence ("someone got into your account last night").
  const problem = trouble ?? (context && (askText || (context.first && context.whole)) ? context.text : undefined);
  if (problem && askText && (problem + askText).split(/\s+/u).length <= 40) return `You mentioned that ${problem}, and ${askText}.`;
  if (problem && askText) return undefined;
  // The opening statement alone stands only where nothing else substantive follows it ("your wife
  // needs a knee replacement" without the pre-authorization nobody can trace).
  if (problem && !trouble && statements > 1) return undefined;
  if (problem) return `You mentioned that ${problem}.`;
  // A request alone stands only where the inquiry says nothing more ("You'd like the vet bill
  // covered" without the fleas after the stay was wrong, third suggestion review).
  if (statements > 0) return undefined;
  if (askText) return `${askText.charAt(0).toUpperCase()}${askText.slice(1)}.`;
  return undefined;
}
