/**
 * Suggestions an agent can send as they are: restatements built from the
 * inquiry with grammar (plain forms before 「とのこと」, the customer's family in
 * keigo, English agreement and capitals), never by pasting the inquiry's words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../src/index.js';

async function suggestion(rule: string, reply: string, inquiry: string): Promise<string> {
  const result = await lint(reply, { inquiry });
  const m = result.messages.find((x) => x.ruleId === rule);
  assert.ok(m, `${rule} did not fire on: ${reply}`);
  return m.suggestions[0]!.text.trim();
}

const cases: Array<{ why: string; rule: string; reply: string; inquiry: string; has: string[]; hasNot: string[] }> = [
  {
    why: 'ja: a polite negative becomes plain before とのこと (届きませんでした → 届かなかった), 娘 → お嬢様',
    rule: 'inquiry-summary',
    reply: 'お問い合わせありがとうございます。本日発送しました。',
    inquiry: '娘の誕生日に注文したケーキが届きませんでした。とても悲しかったです。',
    has: ['お嬢様', '届かなかったとのこと'],
    hasNot: ['ませんとのこと', 'でしたとのこと', '娘の'],
  },
  {
    why: 'ja: 〜ています / 〜たいです lose their polite endings',
    rule: 'inquiry-summary',
    reply: 'お問い合わせありがとうございます。確認いたします。',
    inquiry: '同じ月に2回請求されています。返金してください。',
    has: ['請求されているとのこと'],
    hasNot: ['ていますとのこと'],
  },
  {
    why: 'ja: colloquial polite forms become plain (止まってます → 止まっている); 泊まるんですが is not read back as 泊まるのだが',
    rule: 'inquiry-summary',
    reply: 'お問い合わせありがとうございます。確認いたします。',
    inquiry: '来週泊まるんですが、部屋のエアコンが止まってます。',
    // (「泊まるのだが」 read stiff in the second review, n=25: the clause is left out, not made plain.)
    has: ['止まっている'],
    hasNot: ['るんが', 'てますとのこと', 'のだが'],
  },
  {
    why: 'ja: a counter never starts the topic (2「回」請求 → not 「回請求の件」)',
    rule: 'empathy-acknowledgement',
    reply: 'お問い合わせありがとうございます。確認いたします。',
    inquiry: '同じ月に2回請求されています。返金してください。',
    has: [],
    hasNot: ['回請求の件'],
  },
  {
    why: 'en: "I was charged" becomes "you were charged", not "you was"',
    rule: 'inquiry-summary',
    reply: 'Thanks for writing in. The refund was issued today.',
    inquiry: 'I was charged twice for my March bill. Please refund one.',
    has: ['you were charged twice for your March bill'],
    hasNot: ['you was'],
  },
  {
    why: 'en: the inquiry\'s first word keeps no capital mid-sentence ("that someone got into")',
    rule: 'inquiry-summary',
    reply: 'Thanks for writing in. We have secured the account.',
    inquiry: 'Someone got into my account last night and changed my email.',
    has: ['You mentioned that someone got into your account'],
    hasNot: ['that Someone'],
  },
];

for (const c of cases) {
  test(`suggestion: ${c.why}`, async () => {
    const text = await suggestion(c.rule, c.reply, c.inquiry);
    for (const h of c.has) assert.ok(text.includes(h), `expected “${h}” in “${text}”`);
    for (const h of c.hasNot) assert.ok(!text.includes(h), `did not expect “${h}” in “${text}”`);
  });
}

/**
 * Regression tests of the causes the second suggestion review found
 * (fixtures/eval/suggestion-review/second/verdicts.jsonl, n = the review's case).
 * `applied` is the reply with the first suggestion applied; `none` means the
 * finding comes with no suggestion (no clean sentence could be built, or nothing
 * honest fits); `after`/`before` say what the inserted text must follow or precede.
 */
interface Case {
  why: string;
  rule: string;
  reply: string;
  inquiry?: string;
  none?: true;
  /** The replaced range, for replacements. */
  original?: string;
  has?: string[];
  hasNot?: string[];
  after?: string[];
  before?: string[];
}

const reviewCases: Case[] = [
  // Placement: after the greeting line, @mention, thanks line or self-introduction, never before them.
  {
    why: 'ja: inserted after the @mention, and the company\'s own handle is never copied (n=2)',
    rule: 'inquiry-summary',
    reply: '@mayu_mama0818 お問い合わせの件、確認いたしました。当日、空港カウンターにてお申し出ください。',
    inquiry: '@skylinkJ_info 明日の伊丹発仙台行きの便で、Webの座席指定ができません。',
    has: ['座席指定ができないとのこと'],
    hasNot: ['skylinkJ_info'],
    after: ['@mayu_mama0818'],
  },
  {
    why: 'en: inserted after the @mention and the thanks on the same line, inline (n=51)',
    rule: 'empathy-acknowledgement',
    reply: '@dee_mccann Thanks for getting in touch. Refunds go back to the original payment method within 7 working days.',
    inquiry: "@FlyNorthwind my refund for the cancelled LHR-DUB flight still isn't showing up, it's been 3 weeks.",
    after: ['@dee_mccann', 'Thanks for getting in touch.'],
    before: ['Refunds go back'],
  },
  {
    why: "ja: inserted after the company's self-introduction, not above it (n=21, n=30)",
    rule: 'inquiry-summary',
    reply: 'アジアンブリーズ旅行 お客様相談室でございます。\n\n返金は催行会社の規定に準じます。',
    inquiry: '先月のベトナム旅行で、オプションのクルーズが当日朝に中止になりました。帰国して2週間たっても何の連絡もありません。',
    after: ['お客様相談室でございます。'],
    before: ['返金は'],
  },
  {
    why: 'ja: a shop introducing itself with a bare name 「…店です。」 is an opening too (n=30)',
    rule: 'inquiry-summary',
    reply: 'カフェ・ド・リヨン 中目黒店です。当店ではお電話でのご予約は承っておりません。',
    inquiry: '土曜の18時から8人で予約したいんですけど、電話が全然つながりません。何回もかけてます',
    after: ['中目黒店です。'],
    hasNot: ['んですけど', '全然', 'のだ'],
  },
  {
    why: 'en: inserted after the agent\'s self-introduction ("Ollie here from Beatbox") (n=80)',
    rule: 'empathy-acknowledgement',
    reply: 'Hey, Ollie here from Beatbox. Try clearing the app cache in Settings.',
    inquiry: 'lyrics arent showing anymore on any song. android. premium user',
    after: ['Ollie here from Beatbox.'],
  },
  // What the acknowledgement says: no apology for "trouble" where nothing went wrong.
  {
    why: 'en: no apology on a how-to question (n=65)',
    rule: 'empathy-acknowledgement',
    reply: "Tap 'Where to?', then the + next to your destination to add up to 3 stops.",
    inquiry: 'how do i add a stop',
    none: true,
  },
  {
    why: 'en: no apology on a question about adding a card user (n=58)',
    rule: 'empathy-acknowledgement',
    reply: 'No credit check is needed for authorized users. You can add him in the app under Card settings.',
    inquiry: 'How do I add my husband as an authorized user on my card? Does he need his own credit check?',
    none: true,
  },
  {
    why: 'ja: no apology where the customer only asks for extra services (n=47)',
    rule: 'empathy-acknowledgement',
    reply: 'お世話になっております。くみたてドットコムの松本です。\n\n壁掛け設置は作業範囲外のため、お受けしておりません。',
    inquiry: '来週ソファとテレビボードの組み立てをお願いしています。ついでにテレビを壁に掛けるのと、古い本棚を2階から下ろしてもらうのもお願いできますか？料金がかかってもいいです。',
    none: true,
  },
  {
    why: 'ja: a customer closing their business gets an acknowledgement of their situation, not 「ご不便とご心配をおかけし」 (n=7)',
    rule: 'empathy-acknowledgement',
    reply: '来週は予定どおり伺います。',
    inquiry: '来月で会社を閉じることになりました。年間プランの残りを返金してもらえますか。',
    // (Fourth review: the stock 「ご事情、お察しいたします」 was judged formulaic or wrong, 0 of 3
    // sendable, so a life event with nothing specific to name now gets no sentence — still no apology.)
    none: true,
  },
  {
    why: 'en: condolence where a parent died, never "sorry for the trouble" (n=53)',
    rule: 'empathy-acknowledgement',
    reply: 'Hi Claire,\n\nWe discontinued bereavement fares in 2019.',
    inquiry: 'Hi, my dad passed away and I need to fly home for the funeral on Friday. Do you still do bereavement fares?',
    has: ['sorry for your loss'],
    hasNot: ['trouble'],
  },
  {
    why: 'ja: condolence after a bereavement (n=41)',
    rule: 'empathy-acknowledgement',
    reply: '木村 様\n\nお問い合わせいただきありがとうございます。\n\n入院費のお支払い期日の延長は承っておりません。',
    inquiry: '父が先月亡くなり、口座が凍結されています。入院費の支払いを待ってもらえますか。',
    has: ['お悔やみ'],
    after: ['お問い合わせいただきありがとうございます。'],
  },
  {
    why: 'en: an appliance that "died" is trouble, not a bereavement',
    rule: 'empathy-acknowledgement',
    reply: 'Hello,\n\nThank you for your email.\n\nAppointments within 48 hours cannot be moved.',
    inquiry: 'Our install is set for Thursday but the old water heater completely died last night and is leaking. Can you come sooner?',
    // (Never condolence. Since the third review the generic "sorry for the trouble" is not offered where the
    // reply restates nothing and the problem cannot be named in one fact, so here there may be no suggestion.)
    hasNot: ['loss'],
  },
  // A hedged apology is made plain where it stands, within its own range.
  {
    why: 'ja: 「おかけしたのであれば」 becomes 「おかけしたことを」, only those words change (n=38)',
    rule: 'empathy-acknowledgement',
    reply: '増田様\n\nいつもご利用ありがとうございます。\n\n本件に関しましては、ご迷惑をおかけしたのであればお詫び申し上げます。\n\n設定をご確認ください。',
    inquiry: '昨夜のメンテナンス後から、管理画面に入れなくなりました。注文も受けられていません。',
    original: 'おかけしたのであれば',
    has: ['ご迷惑をおかけしたことをお詫び申し上げます'],
  },
  {
    why: 'en: "any inconvenience caused" becomes "the inconvenience this has caused you" in place, no second apology (n=88)',
    rule: 'empathy-acknowledgement',
    reply: 'Dear Customer,\n\nWe apologize for any inconvenience caused.\n\nVPS instances over 90% CPU are suspended.',
    inquiry: 'You suspended my VPS at 3am. We lost a whole morning of orders.',
    original: 'any inconvenience caused',
    has: ['We apologize for the inconvenience this has caused you.'],
  },
  // Restatements built from the request clause, in keigo, never the customer's casual words.
  {
    why: 'ja: a request 「記載してほしい」 becomes 「記載をご希望」 (n=13)',
    rule: 'inquiry-summary',
    reply: 'お問い合わせありがとうございます。確認いたします。',
    inquiry: '適格請求書発行事業者の登録番号を請求書に記載してほしいです。経理から言われました。',
    has: ['登録番号の請求書への記載をご希望'],
    hasNot: ['てほしい'],
  },
  {
    // (Second review: 再発行 kept and 私から dropped. Third review, n=42: the plain 「なくしてしまった」 and
    // the husband's slip left out still needed an edit; the customer's own action is not told plainly
    // and every request is read back, so with two requests there is no suggestion: nothing bad is offered.)
    why: 'ja: the customer\'s 私から is never read back, nor their own action in plain words (n=33; third review n=42)',
    rule: 'inquiry-summary',
    reply: 'お問い合わせありがとうございます。市税収納課でございます。\n\n納付書の再発行は、ご本人からのお申し込みに限らせていただいております。',
    inquiry: '住民税の納付書（第2期分）をなくしてしまいました。夫の分も一緒に再発行してもらえますか？夫は出張が多くて連絡がとりづらいので私から申し込みたいです。',
    hasNot: ['私', '一緒への', 'なくして'],
  },
  {
    why: 'ja: a casual challenge (〜引き落とされてるんだけど、〜言われたよね) is not read back: no suggestion (n=10)',
    rule: 'inquiry-summary',
    reply: 'お問い合わせありがとうございます。確認いたします。',
    inquiry: '年会費11,000円引き落とされてるんだけど。入会のとき初年度無料って言われたよね？',
    none: true,
  },
  {
    why: 'ja: ありません becomes ない, never 「あらない」 (n=21)',
    rule: 'inquiry-summary',
    reply: '確認いたします。',
    inquiry: 'クルーズの返金について、帰国して2週間たっても何の連絡もありません。',
    has: ['連絡もない'],
    hasNot: ['あらない'],
  },
  {
    why: 'ja: the customer\'s family in keigo in a request phrase too (娘 → お嬢様)',
    rule: 'inquiry-summary',
    reply: '確認いたします。',
    inquiry: '娘のアカウントへの招待メールの再送をお願いします。',
    hasNot: ['娘の'],
  },
  {
    why: 'ja/en: no English template placeholder in a Japanese reply, and no placeholder at all (n=4)',
    rule: 'inquiry-summary',
    reply: '山本 様\n\nFRAME & Co. カスタマーサポートでございます。\n\n交換・修理はお受けいたしかねます。',
    inquiry: 'Instagramで何度かDMしてますが、返事がないのでこちらに。',
    hasNot: ['You mentioned', '[', '【'],
  },
  {
    why: 'en: the customer\'s "Hi," is not copied into the sentence (n=74)',
    rule: 'inquiry-summary',
    reply: 'Thanks for writing in. Here is how returns work.',
    inquiry: "Hi, I bought a 5 pack of guest passes through ClassPass for my sister's visit but her trip got cancelled. Can I get a refund?",
    has: ['you bought a 5 pack of guest passes'],
    hasNot: ['hi,', 'Hi,'],
  },
  {
    why: 'en: a question becomes "whether …", never "You mentioned that do you …" (n=79)',
    rule: 'inquiry-summary',
    reply: 'No packaging needed. Just fill in the form.',
    inquiry: 'do i need to keep the packaging for the crisps recall refund',
    has: ["You're asking whether you need to keep the packaging for the crisps recall refund."],
  },
  {
    why: 'en: the company\'s "you" becomes "us" ("banked with us"), the customer\'s "I" becomes "you" (n=76)',
    rule: 'inquiry-summary',
    reply: 'Dear Mrs Hughes,\n\nThe new overdraft pricing applies to all accounts.',
    inquiry: "I've banked with you for 11 years and the new overdraft fees have doubled my costs.",
    has: ["you've banked with us for 11 years"],
    hasNot: ['with you'],
  },
  {
    why: 'en: "Can you just keep it …" is not pasted as "You\'re asking: Can you …" (n=77)',
    rule: 'inquiry-summary',
    reply: 'Our depots do not hold parcels on request.',
    inquiry: 'Can you hold parcel 0098-3312-77 at the Kettering depot?',
    has: ["You'd like us to hold parcel 0098-3312-77 at the Kettering depot."],
    hasNot: ['Can you'],
  },
  {
    why: 'en: chat shorthand, missing apostrophes and shouting are never read back: no suggestion (n=71)',
    rule: 'inquiry-summary',
    reply: 'Thanks for your message. We will look into it.',
    inquiry: 'ugh my tickets arent showing in the app and the show is TONIGHT',
    none: true,
  },
  // Supplier-centred wording: never a placeholder or an invented reason.
  {
    why: 'en: no honest reason found, so the company-side phrase is removed and the next word capitalised, no "To [protect your …]" (n=60)',
    rule: 'supplier-centred-wording',
    reply: "Per our terms, we're not able to reverse fees that were correctly applied.",
    inquiry: 'why was i charged a $39 late fee, i paid on the due date',
    original: 'Per our terms, w',
    has: ["We're not able to reverse fees"],
    hasNot: ['['],
  },
  {
    why: 'ja: 「社内ルール上、」 is removed rather than replaced by 「お客様の〇〇を守るため」 (n=5)',
    rule: 'supplier-centred-wording',
    reply: '社内ルール上、例外的なお受けもいたしかねます。',
    inquiry: 'ワンピースを返品したいのですが、タグを切ってしまいました。',
    original: '社内ルール上、',
    has: ['例外的なお受けもいたしかねます。'],
    hasNot: ['〇〇'],
  },
  {
    why: 'en: a phrase in the middle of a sentence gets no fix rather than a broken one (n=85)',
    rule: 'supplier-centred-wording',
    reply: "In accordance with the University's Fee Regulations (section 4.3), late payment charges are applied automatically.",
    none: true,
  },
  {
    why: 'en: a reason the same sentence already gives is not repeated in the rewrite (In line with company policy … to protect shared infrastructure)',
    rule: 'supplier-centred-wording',
    reply: 'In line with company policy, VPS instances over 90% CPU are suspended to protect shared infrastructure.',
    hasNot: ['To protect shared infrastructure, VPS'],
  },
  // Causes found reading our own samples (fixtures/eval/writers, seed 2027), after the review's.
  {
    // The company itself as the reason (GUIDELINES: 「当社では〜いたしかねるため」); a bare 「当社では〜おりません。」
    // with no reason clause is a refusal without a reason, which the 28-writer model no longer reads as company-side.
    why: 'ja: 「当社では…」 gets no deletion: removing 「当社」 would leave 「では」',
    rule: 'supplier-centred-wording',
    reply: '当社では途中解約による返金をお受けしておりませんため、今回の返金はいたしかねます。',
    hasNot: ['では途中'],
  },
  {
    why: 'ja: 「欠けがあります」 is a chipped card, not an injury (けが): no 「大変な状況の中」',
    rule: 'empathy-acknowledgement',
    reply: 'ご連絡ありがとうございます。カードラボ通販の宮本です。\n\n返品・交換どちらも対応可能です。',
    inquiry: 'シングル購入したカード、状態Aって書いてあったのに角に白欠けがあります。',
    hasNot: ['大変な状況'],
  },
  {
    why: 'ja: a contrastive 「予定ですが、」 is not turned into 「予定は、」 (it stays out of the restatement)',
    rule: 'inquiry-summary',
    reply: 'お問い合わせいただきありがとうございます。\n\n工事日程の前倒しはお受けしておりません。',
    inquiry: 'エコキュートの交換工事、来週木曜の予定ですが、今の給湯器が完全に壊れてお湯が出ません。もっと早くできませんか。',
    hasNot: ['予定は、', '予定が、'],
  },
  {
    why: 'en: "booking no. 8841" does not end the sentence the restatement is built from',
    rule: 'inquiry-summary',
    reply: 'Thanks for your email. Cancellations follow the policy.',
    inquiry: 'Hello, we have a reservation at your ryokan for Aug 12-13 (2 adults, booking no. 8841). Is it possible to cancel without the fee?',
    has: ['booking no. 8841)'],
    hasNot: ['booking no,'],
  },
  {
    why: 'en: a rate change is not "trouble you\'ve had", and a performance question gets no apology',
    rule: 'empathy-acknowledgement',
    reply: 'Cold starts depend on package size. Here is how to reduce them.',
    inquiry: 'Cold starts on Nimbus Functions are 4-6 seconds for my Python function. How can I reduce them?',
    none: true,
  },
  {
    why: 'ja: a letter\'s 拝啓 and seasonal greeting, the thanks and the self-introduction all come before the inserted sentence',
    rule: 'empathy-acknowledgement',
    reply: '小林 健一 様\n\n拝啓 時下ますますご清栄のこととお慶び申し上げます。平素は丸栄百貨店をご愛顧賜り、厚く御礼申し上げます。\n婦人服売場マネージャーの石田でございます。\n\nこのたびのお申し出の件につきまして、担当者より報告を受けております。',
    inquiry: '販売員の対応が非常に不愉快でした。購入した服も縫製が破れていました。',
    after: ['厚く御礼申し上げます。', '石田でございます。'],
  },
  {
    why: 'en: "We apologize if you were unhappy with the service" is made plain in place, not followed by a second apology',
    rule: 'empathy-acknowledgement',
    reply: 'Hi Tom,\n\nYou reported a scratch on the floor.\n\nWe apologize if you were unhappy with the service. To open a claim, reply with photos.',
    inquiry: 'Your assembler left a long scratch on our hardwood floor.',
    original: 'if you were unhappy with the service',
    has: ['We apologize for the trouble this has caused you. To open a claim'],
  },
  {
    why: 'ja: a desk whose name the tokenizer splits oddly (こうなん…, ぽけっと…) still introduces itself: the insertion goes after it (review n=41)',
    // (The acknowledgement's insertion: the restatement of this inquiry is no longer offered, since its
    // request 「待ってもらえますか」 cannot be read back — third review: a request left out was an edit.)
    rule: 'empathy-acknowledgement',
    reply: '木村 様\n\nお問い合わせいただきありがとうございます。\nこうなん中央病院 医事課でございます。\n\n支払期日の延長は、原則として承っておりません。',
    inquiry: '入院費の請求書が届きましたが、口座が凍結されていて引き出せません。支払いを待ってもらえますか。',
    after: ['医事課でございます。'],
  },
];

for (const c of reviewCases) {
  test(`suggestion review: ${c.why}`, async () => {
    const result = await lint(c.reply, { inquiry: c.inquiry });
    const m = result.messages.find((x) => x.ruleId === c.rule);
    assert.ok(m, `${c.rule} did not fire on: ${c.reply}`);
    const s = m.suggestions[0];
    if (c.none) {
      assert.equal(s, undefined, `expected no suggestion, got ${JSON.stringify(s)}`);
      return;
    }
    // (hasNot-only cases may legitimately have no suggestion: then nothing bad was offered.)
    if (!s) {
      assert.ok(!c.has && !c.after && !c.original, `${c.rule} came with no suggestion on: ${c.reply}`);
      return;
    }
    const applied = c.reply.slice(0, s.start) + s.text + c.reply.slice(s.end);
    if (c.original !== undefined) assert.equal(c.reply.slice(s.start, s.end), c.original);
    for (const h of c.has ?? []) assert.ok(applied.includes(h), `expected “${h}” in “${applied}”`);
    for (const h of c.hasNot ?? []) assert.ok(!s.text.includes(h), `did not expect “${h}” in “${s.text}”`);
    const at = s.start;
    for (const a of c.after ?? []) {
      const i = c.reply.indexOf(a);
      assert.ok(i >= 0 && i + a.length <= at, `the suggestion (at ${at}) should come after “${a}” in “${applied}”`);
    }
    for (const b of c.before ?? []) assert.ok(c.reply.indexOf(b) >= s.end, `the suggestion should come before “${b}” in “${applied}”`);
  });
}

test('suggestion review: no headline suggestion ever inserts a placeholder ([…], 〇〇, 【…】) on the reviewed inquiries', async () => {
  // Why: a placeholder a customer could receive was the commonest wrong verdict on supplier wording and
  // restatements; the rules now offer no fix instead. Checked over every case above, in both languages.
  for (const c of reviewCases) {
    const result = await lint(c.reply, { inquiry: c.inquiry });
    for (const m of result.messages.filter((x) => ['empathy-acknowledgement', 'inquiry-summary', 'supplier-centred-wording'].includes(x.ruleId))) {
      for (const s of m.suggestions) assert.ok(!/[［\[][^\]］]*[\]］]|〇〇|【[^】]*】/u.test(s.text), `${m.ruleId}: ${s.text}`);
    }
  }
});
