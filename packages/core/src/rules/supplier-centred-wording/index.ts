/**
 * supplier-centred-wording: a phrase that justifies something by the company's
 * rules, convenience or systems (「規定により」「システムの仕様上」, "per our policy")
 * instead of the customer's situation or benefit. Reported on each phrase the
 * reply analysis finds (`analysis/justification.ts`).
 */
import { defineRule } from '../../rule.js';
import { customerSideReason, enPattern, jaTerms } from '../../analysis/suggest.js';

const jaRuleFraming = [...jaTerms('ruleFraming').keys()];

export default defineRule(
  {
    id: 'supplier-centred-wording',
    langs: ['ja', 'en'],
    description: {
      ja: '会社の規則・都合・システムを理由にしている（お客様にとっての理由ではない）',
      en: "Justifies something by the company's rules, convenience or systems instead of the customer's benefit",
    },
    why: {
      ja: '「規定により」「システムの仕様上」は会社側の事情で、お客様には突き放された印象を与えます。同じ制約でも、お客様にとっての理由（安全、公平、確実さ）で説明すると受け入れてもらえます。',
      en: "'Per our policy' or 'our system doesn't allow it' speaks from the company's side and shuts the customer out. The same constraint explained by what it protects for them is accepted far more readily.",
    },
    bad: {
      ja: "ログインできずパスワードの再設定をご希望とのこと、ご不便をおかけしております。規定により、ご本人確認をお願いしております。",
      en: "I understand you're locked out of your account and need to reset your password, and I'm sorry for the hassle. Per our policy, we need to verify your identity.",
    },
    good: {
      ja: "ログインできずパスワードの再設定をご希望とのこと、ご不便をおかけしております。お客様の個人情報を守るため、ご本人確認をお願いしております。",
      en: "I understand you're locked out of your account and need to reset your password, and I'm sorry for the hassle. To keep your account safe, we need to verify your identity first.",
    },
    inquiry: {
      ja: "ログインできなくなりました。パスワードを再設定したいです。",
      en: "I'm locked out of my account and need to reset my password.",
    },
  },
  (context) => {
    const reasons = { ja: customerSideReason(context.agent, 'ja'), en: customerSideReason(context.agent, 'en') };
    // Removing one company-side phrase while the refusal still rests on another was wrong in 5 of
    // 9 supplier fixes (third suggestion review). So a fix is offered only where every company-side
    // justification in the reply has one (fixing them all leaves none: "Per our policy, …" twice),
    // and nothing else in the agent's words, with those phrases gone, still frames the matter as a
    // fixed rule («いかなる理由でも», «原則として», "no exceptions to this policy").
    const candidates = context.analysis.justifications.map((j) => {
      // A rewrite replaces the phrase only where it opens its sentence («規定により、…», "Per our
      // policy, …"); dropped into the middle of a sentence it breaks it (suggestion review), so there
      // the finding comes without one.
      const acts = context.analysis.sentences.find((a) => a.sentence.start <= j.start && j.end <= a.sentence.end);
      const opens = acts !== undefined && /^[\s「『"“(（]*$/u.test(context.doc.text.slice(acts.sentence.start, j.start));
      // A reason the sentence already gives is not repeated in its place ("To protect shared
      // infrastructure, … are suspended to protect shared infrastructure").
      const reason = reasons[j.lang] && !acts!.sentence.text.toLowerCase().includes(reasons[j.lang]!.toLowerCase()) ? reasons[j.lang] : undefined;
      return { j, fix: opens ? fixFor(context.doc.text, j, reason, j.kind === 'team') : [] };
    });
    const everyFixed = candidates.every((c) => c.fix.length > 0);
    const rest = context.agent
      .map((s) => {
        let text = '';
        let cursor = s.start;
        for (const { j } of candidates.filter((c) => s.start <= c.j.start && c.j.end <= s.end).sort((x, y) => x.j.start - y.j.start)) {
          text += context.doc.text.slice(cursor, Math.max(cursor, j.start));
          cursor = Math.max(cursor, j.end);
        }
        return text + context.doc.text.slice(cursor, s.end);
      })
      .join('\n');
    const stillRule = { ja: jaRuleFraming.some((t) => rest.includes(t)), en: enPattern('ruleFraming').test(rest) };
    for (const { j, fix } of candidates) {
      // (A team's own house wording is theirs to offer as it stands.)
      const offered = j.kind === 'team' || (everyFixed && !stillRule[j.lang]) ? fix : [];
      context.report({
        start: j.start,
        end: j.end,
        lang: j.lang,
        reason: {
          ja: `「${j.phrase}」は会社側の都合や規則を理由にしています。お客様にとっての理由（何を守るためか）で説明しましょう`,
          en: `“${j.phrase}” justifies this by the company's rules or systems. Explain it by what it does for the customer instead`,
        },
        suggestions: offered,
      });
    }
  },
);

/**
 * A purpose-shaped rewrite with a slot (「お客様の〇〇を守るため」「〇〇のため」, "To [protect your …],")
 * names the customer-side reason the reply already gives, when it gives one; otherwise the slot
 * stays, marked, for the agent to fill (unfilled-placeholder keeps it from being sent).
 */
function withReason(rewrite: string, reason: string | undefined): string {
  if (!reason) return rewrite;
  if (/〇〇[^〇]*ため$/u.test(rewrite)) return reason;
  const slot = /^To \[[^\]]*\](,?)$/u.exec(rewrite);
  if (slot) return `${reason}${slot[1]}`;
  return rewrite;
}

/** A slot a customer must never receive: 〇〇, [reason], …. */
const placeholder = /〇〇|[［\[][^\]］]*[\]］]|…/u;

/**
 * The fix for a phrase that opens its sentence (suggestion reviews): the rewrite naming the
 * customer-side reason when the reply gives one; otherwise, where the phrase is an adverbial
 * set off by a comma («規定により、…», "Per our policy, we …"), the phrase removed so the
 * sentence states the fact neutrally (the range takes in the comma and, in English, the next
 * letter, which becomes a capital); otherwise none. A placeholder is never offered: no honest
 * customer benefit can be invented for a refusal.
 */
function fixFor(text: string, j: { start: number; end: number; lang: 'ja' | 'en'; rewrite?: string }, reason: string | undefined, team: boolean) {
  if (j.rewrite && reason) {
    const rewritten = withReason(j.rewrite, reason);
    if (!placeholder.test(rewritten)) return [rephrase(rewritten, j.start, j.end)];
  }
  // A team's own rewrite is its house wording; a built-in rewrite with no slot and no claimed
  // reason (「大変申し訳ございませんが」, "we can't") is neutral. Either is offered as it stands.
  if (j.rewrite && !placeholder.test(j.rewrite) && (team || !/ため|because|to protect|so that/iu.test(j.rewrite))) return [rephrase(j.rewrite, j.start, j.end)];
  const after = text.slice(j.end);
  // The phrase's own reference ("Per our Terms of Service, Section 7.2, …", 「約款第12条により」) is part
  // of it: removing the phrase alone would leave the citation dangling (fifth suggestion review).
  if (/^[、,，]?\s*(?:section|clause|article|paragraph|part|§|¶|第?[0-9０-９]+\s*(?:条|項|章)|\(?[0-9]+(?:\.[0-9]+)*\)?[,\s])/iu.test(after)) return [];
  // What follows must be the statement the phrase justified; a greeting or thanks after it
  // (generated text, a phrase glued to the opening line) would change how the reply is read.
  const rest = after.slice(0, Math.max(0, after.search(/[。.!?！？\n]|$/u)) + 1);
  if (/ありがとう|お世話になって|thank/iu.test(rest)) return [];
  // A sentence that, once the phrase is gone, still gives a rule or a period as the reason for
  // a refusal ("Cancellations must be made 7 days before …, so the box is non-refundable",
  // 「〜となっておりますため、返金はいたしかねます」) still rests on the company's side: GUIDELINES
  // counts "a period or rule named as the reason" (seventh suggestion review, 4 of 100).
  if (restsOnRule(rest, j.lang)) return [];
  if (j.lang === 'ja') {
    // 「規定により、返金は…」 and 「規定により返金は…」: the phrase (and its comma) goes, the statement stays.
    const m = /^[、,，]?\s*/u.exec(after)!;
    if (/^[。．.!！?？\s]*$/u.test(after.slice(m[0].length, m[0].length + 2))) return [];
    // Without a comma, only an adverbial phrase (…により, …上, …として) can go: 「当社では」 would leave 「では」.
    const phrase = text.slice(j.start, j.end);
    if (!/^[、,，]/u.test(after) && !/(?:により|によって|上|として|に基づき|に基づいて|に従い|に従って|に沿って)$/u.test(phrase)) return [];
    // 「SNS上での個別の…」: a particle after the phrase ties it to what follows, which would be left starting on 「での」 (eighth review).
    if (/^[でのにはをがとへもや]/u.test(after)) return [];
    return [remove(j.start, j.end + m[0].length, '')];
  }
  // Only an adverbial phrase goes ("Per our policy, …", "Under the terms, …"); a clause of its own
  // ("That's simply how our system works, and …") would leave "And …" behind.
  if (!/^(?:per|as per|under|in line with|in accordance with|according to|due to|because of|based on|pursuant to|as stated in|as set out in|in keeping with|following)\b/iu.test(text.slice(j.start, j.end))) return [];
  const m = /^,\s*([A-Za-z])/u.exec(after);
  if (!m || /^,\s*(?:and|but|so|or|which|because)\b/iu.test(after)) return [];
  return [remove(j.start, j.end + m[0].length, m[1]!.toUpperCase())];
}

/** A reason and then a refusal or a loss in what stays of the sentence, or the company's own side given as the reason. */
function restsOnRule(rest: string, lang: 'ja' | 'en'): boolean {
  if (lang === 'ja') return /(?:ため|ので|から)[、,]?[^。]*?(?:かね|できません|できない|いたしません|致しません|不可|対象外|お受けして(?:おりません|いない))/u.test(rest);
  // "…within 21 business days, as our finance team batch-processes returns on a set schedule": the company's own side as the reason (eighth review).
  if (/\b(?:as|because|since|due to)\s+(?:of\s+)?(?:our|we)\b/iu.test(rest)) return true;
  return (
    /\b(?:so|therefore|which means|meaning|as a result|because|since)\b/iu.test(rest) &&
    /\bnon-?refundable\b|\bno (?:credit|refund|exceptions?)\b|\bnot (?:eligible|possible|available|refundable)\b|\b(?:can't|cannot|won't|doesn't|isn't|aren't|don't)\b|\bstands\b|\bforfeit\w*|\bminimum\b/iu.test(rest)
  );
}

function remove(start: number, end: number, text: string) {
  return { title: { ja: '会社側の理由づけを削除する', en: 'Remove the company-side justification' }, start, end, text };
}

function rephrase(text: string, start: number, end: number) {
  return { title: { ja: `「${text}」に言い換える`, en: `Rephrase as “${text}”` }, start, end, text };
}
