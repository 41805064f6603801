/**
 * Seeded corpus of customer-support replies for the benchmark: the same seed
 * gives the same bytes on every machine (mulberry32, no Math.random, no dates).
 *
 * Replies are assembled from slots the way support replies are written
 * (greeting, agent intro, acknowledgement, summary of the inquiry, the answer,
 * the next step, closing, signature, sometimes the quoted original), with
 * wording drawn from several services and scenarios, so the linter sees the
 * same mix of sentences it meets in real audits: some replies acknowledge the
 * customer and some do not, some hide behind policy and some explain.
 */

/** mulberry32: small, fast, good enough for picking templates. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

/** `{name}` from vars; `[[a|b|c]]` one of the alternatives (so that replies vary the way people's wording does). */
const fill = (template, vars, r) =>
  template
    .replace(/\[\[([^\]]*)\]\]/g, (_, alternatives) => r.pick(alternatives.split('|')))
    .replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));

// ---------------------------------------------------------------- Japanese

const jaServices = [
  { name: 'シネマパス', team: 'カスタマーサポート', id: 'CP' },
  { name: 'まんぷく便', team: 'カスタマーサポート', id: 'MP' },
  { name: 'くらしモール', team: 'カスタマーセンター', id: 'KM' },
  { name: 'ことのはモバイル', team: 'お客さま窓口', id: 'KT' },
  { name: 'さくら会計クラウド', team: 'サポートデスク', id: 'SK' },
  { name: 'はやめしGO', team: 'カスタマーサポート', id: 'HM' },
];
const jaFamily = ['石田', '井上', '加藤', '松本', '佐々木', '山口', '中村', '小林', '高橋', '渡辺', '森本', '清水'];
const jaGiven = ['健太', '美咲', '誠', '拓也', '由美', '翔太', '陽子', '大輔', '舞', '直樹'];
const jaAgents = ['田村', '北村', '森', '杉本', '岡田', '藤井', '原', '村上'];

const jaScenarios = [
  {
    topic: '配達の遅れ',
    services: [1, 5],
    inquiry: '注文してから届くまで{mins}分かかりました。アプリでは「30分で到着」と表示されていたのに。お昼休みが終わってしまい、ほとんど食べられませんでした。配達料だけでも返してもらえませんか。',
    empathy: ['限られたお昼休みの時間を無駄にさせてしまい、[[大変申し訳ございませんでした|誠に申し訳ございませんでした|申し訳ありませんでした]]。', 'お待ちいただいている間、さぞご不安でお困りだったことと存じます。心よりお詫び申し上げます。'],
    summary: '{date}のご注文（注文番号 {order}）が、表示されていた到着予定より{late}分遅れてお届けとなり、配達料の返金をご希望とのこと、[[承知いたしました|かしこまりました|確認いたしました]]。',
    answers: [
      '[[確認いたしましたところ|お調べしたところ|調査いたしましたところ]]、当日は雨天により配達員の手配が遅れ、ご注文の受付からお届けまでに{mins}分を要しておりました。到着予定の表示が実際の状況に追いついておらず、誤ったご案内となりましたことをお詫びいたします。',
      '当社規定により、配達料の返金は「商品の誤配・未着」の場合に限らせていただいております。',
    ],
    actions: [
      '今回は配達料{fee}円を、ご注文時のお支払い方法へ[[返金いたしました|ご返金しました|返金の手続きをいたしました]]。カード会社のご請求に反映されるまで、1〜2週間ほどかかる場合がございます。',
      '今回は、次回以降のご注文でご利用いただける{fee}円分のクーポンを、お客様のアカウントへお付けいたしました。有効期限は発行日から30日間です。',
    ],
  },
  {
    topic: 'アカウントの停止',
    services: [0],
    inquiry: '寮にいる息子が自分のスマホで見ていたら、急にアカウントが停止されました。「不正利用の疑い」とはどういうことですか？毎月きちんと払っているのに、犯罪者扱いされたようで本当に腹が立ちます。すぐに元に戻してください。',
    empathy: ['ご家族でお楽しみいただいていた中で突然ご利用いただけなくなり、ご不快な思いをおかけして申し訳ございません。', '毎月お支払いいただいているにもかかわらず、疑われたように感じられたことと存じます。[[ご心配をおかけしております|ご不安な思いをおかけしております]]。'],
    summary: 'ご子息が寮でご視聴中に、アカウントが「不正利用の疑い」として停止され、すぐに元に戻してほしいとのお問い合わせ、[[承知いたしました|かしこまりました|確認いたしました]]。',
    answers: [
      'お客様のアカウントでは、{date}に、ご登録の住所と異なる複数の地域からの同時ログインが確認されました。第三者による不正なログインからお客様の大切なアカウントとお支払い情報を守るため、一時的にご利用を制限しております。',
      '利用規約第8条により、ご契約世帯以外の方とのアカウント共有は禁止されておりますため、一時的にご利用を停止しております。',
    ],
    actions: [
      'ご利用を再開される場合は、マイページの「本人確認」から[[お手続きください|お手続きをお願いいたします|お手続きいただけます]]。確認完了後、24時間以内に停止を解除いたします。ご子息の端末も、同じご契約の中でご登録いただけます。',
      'マイページの「ご利用端末の管理」から、ご子息のスマートフォンを登録端末に追加いただくと、寮からでも引き続きご視聴いただけます。',
    ],
  },
  {
    topic: '返品・交換',
    services: [2],
    inquiry: '届いたソファの脚が一本折れていました。引っ越したばかりで家具がこれしかないのに、座ることもできません。交換はいつになりますか。',
    empathy: ['新しいお住まいで楽しみにされていたソファがこのような状態で届き、さぞがっかりされたことと存じます。', 'お引っ越し直後のお忙しい時期に、[[ご不便をおかけして|ご迷惑をおかけして]]誠に申し訳ございません。'],
    summary: 'ご注文のソファ（注文番号 {order}）の脚が一本折れた状態で届き、交換の時期をお知りになりたいとのこと、[[承知いたしました|かしこまりました|確認いたしました]]。',
    answers: [
      '配送時の破損と判断いたしましたので、送料を含めて当社の負担で新しい商品と交換いたします。交換品は{date}に出荷できる見込みです。',
      '当社の規定では、破損品の交換は商品の返送を確認してからの手配となっております。',
    ],
    actions: [
      '交換品のお届けの際に、配送員が破損したソファをお引き取りいたしますので、梱包のご準備は不要です。お届け希望日を[[本メールに|このメールに]]ご返信いただけましたら、その日に合わせて手配いたします。',
      '同封の返送伝票で商品をお送りください。到着確認後、5営業日以内に交換品を発送いたします。',
    ],
  },
  {
    topic: '二重請求',
    services: [0, 3, 4],
    inquiry: '今月のカード明細に{fee}円が二回請求されています。一回しか申し込んでいないのに、どうなっているんですか。きちんと説明してください。',
    empathy: ['身に覚えのない請求が明細に並んでいて、驚かれたことと存じます。ご心配をおかけして申し訳ございません。', 'ご説明が遅くなり、ご不安な時間をお過ごしいただいたことをお詫び申し上げます。'],
    summary: '今月のカード明細で、月額料金{fee}円が二回請求されているとのお問い合わせ、[[承知いたしました|かしこまりました|確認いたしました]]。',
    answers: [
      '[[確認いたしましたところ|お調べしたところ|調査いたしましたところ]]、{date}のお支払い処理で決済システムの再試行が重複し、同じ金額が二回請求されておりました。こちらの不具合によるもので、お客様のお手続きに問題はございません。',
      'システムの仕様上、決済の再試行が行われた場合に請求が重複して表示されることがございます。',
    ],
    actions: [
      '重複していた{fee}円は、本日付でご返金の手続きを完了いたしました。カード会社の処理により、翌月または翌々月の明細でご確認いただけます。',
      '重複分は自動的に取り消されますので、しばらくお待ちください。',
    ],
  },
  {
    topic: '領収書',
    services: [1, 5],
    inquiry: '会社の会議用に注文したお弁当の領収書が必要です。宛名を会社名にできますか。経費精算の締め切りが明日なので急いでいます。',
    empathy: ['締め切りが迫る中でのご確認、お急ぎのことと存じます。', ''],
    summary: '{date}の会議用にご注文いただいたお弁当{count}個（注文番号 {order}）について、宛名を会社名とした領収書の発行をご希望とのこと、[[承知いたしました|かしこまりました|確認いたしました]]。',
    answers: [
      '領収書は、アプリの「注文履歴」から該当のご注文を選び、「領収書を発行」を押すと、宛名を入力のうえPDFでダウンロードいただけます。但し書きには「飲食代として」が自動で入ります。',
      '適格請求書発行事業者の登録番号も記載されておりますので、そのまま経費精算にお使いいただけます。',
    ],
    actions: ['アプリでの発行がうまくいかない場合は、[[本メールに|このメールに]]宛名をご返信いただければ、こちらで作成したPDFを本日中に[[お送りいたします|お送りします|送付いたします]]。', ''],
  },
  {
    topic: '海外での利用',
    services: [0],
    inquiry: '海外赴任中で、日本で契約したサービスを使おうとしたら「お住まいの地域ではご利用いただけません」と出ます。日本のカードで毎月払っているのに使えないのはおかしくないですか。家族も楽しみにしていたのでショックです。',
    empathy: ['ご家族で楽しみにされていた中でご利用いただけず、残念なお気持ちにさせてしまい申し訳ございません。', '慣れない海外での生活の中、[[ご不便をおかけして|ご迷惑をおかけして]]おります。'],
    summary: '海外へのご赴任中に、日本でご契約のサービスが「お住まいの地域ではご利用いただけません」と表示され、ご利用いただけないとのお問い合わせ、[[承知いたしました|かしこまりました|確認いたしました]]。',
    answers: [
      '配信作品の権利契約が国ごとに結ばれているため、作品をお届けできる地域が日本国内に限られております。そのため、日本のクレジットカードでお支払いの場合でも、海外からはご視聴いただけません。',
      '利用規約第12条により、配信は日本国内でのご視聴に限らせていただいております。',
    ],
    actions: [
      '海外滞在中のご利用料金が不要な場合は、マイページの「一時停止」から最長6か月までご契約を停止いただけます。停止中は料金が発生いたしません。',
      'ご帰国後は、同じアカウントでそのまま[[ご利用いただけます|お使いいただけます]]。',
    ],
  },
];

const jaIntros = [
  'いつも{service}をご利用いただき[[誠にありがとうございます|ありがとうございます|心より御礼申し上げます]]。\n{service} {team}の{agent}でございます。',
  'いつも{service}をご利用いただき、[[誠にありがとうございます|ありがとうございます|心より御礼申し上げます]]。\n{service} {team}の{agent}です。',
  'お問い合わせいただき、ありがとうございます。\n{service} {team}の{agent}と申します。',
];
const jaClosings = [
  'ご不明な点がございましたら、[[本メールに|このメールに]]そのままご返信ください。\n[[今後ともよろしくお願い申し上げます|今後ともよろしくお願いいたします|引き続きよろしくお願い申し上げます]]。',
  '今後とも{service}をよろしくお願い申し上げます。',
  '[[今後ともよろしくお願い申し上げます|今後ともよろしくお願いいたします|引き続きよろしくお願い申し上げます]]。',
  'この度はご迷惑をおかけし、誠に申し訳ございませんでした。引き続きよろしくお願いいたします。',
];

/** Sentences with the specifics of one case (numbers, times, addresses), as real replies have. */
const jaDetails = [
  'お問い合わせ番号は{ticket}です。',
  '{date}{hh}時{mm}分にいただいたお問い合わせについて、ご案内いたします。',
  'ご登録のメールアドレス（{mail}）宛てにも、同じ内容をお送りしております。',
  '{date}までにご返信がない場合も、お手続きはそのまま進めさせていただきます。',
  'ご注文金額は{amount}円（税込）でございます。',
  'なお、{date}{hh}時以降のお問い合わせは翌営業日のご案内となります。',
];

function jaReply(r, index, only) {
  const c = only !== undefined ? r.pick(jaScenarios.filter((x) => x.services.includes(only))) : r.pick(jaScenarios);
  const s = jaServices[only ?? r.pick(c.services)];
  const vars = {
    service: s.name,
    team: s.team,
    agent: r.pick(jaAgents),
    customer: `${r.pick(jaFamily)} ${r.pick(jaGiven)}`,
    order: `${s.id}-${String(10_000_000 + ((index * 7919 + r.int(90_000)) % 90_000_000)).slice(0, 8)}`,
    date: `${1 + r.int(12)}月${1 + r.int(28)}日`,
    mins: 60 + r.int(40),
    late: 20 + r.int(50),
    fee: [300, 390, 550, 990, 1480][r.int(5)],
    count: 5 + r.int(30),
    ticket: `#${100_000 + r.int(900_000)}`,
    hh: 9 + r.int(10),
    mm: String(r.int(60)).padStart(2, '0'),
    mail: `${['k', 'm', 'y', 't', 's'][r.int(5)]}${r.int(10_000)}@example.jp`,
    amount: (1 + r.int(300)) * 110,
  };
  const parts = [`${vars.customer} 様`, fill(r.pick(jaIntros), vars, r)];
  if (r.chance(0.5)) parts.push(fill('[[ご連絡ありがとうございます。|ご連絡いただき、ありがとうございます。|お問い合わせありがとうございます。]]', vars, r));
  const empathy = r.chance(0.7) ? fill(r.pick(c.empathy), vars, r) : '';
  const summary = r.chance(0.75) ? fill(c.summary, vars, r) : '';
  if (r.chance(0.5)) {
    if (summary) parts.push(summary);
    if (empathy) parts.push(empathy);
  } else {
    if (empathy) parts.push(empathy);
    if (summary) parts.push(summary);
  }
  const answers = r.chance(0.6) ? [c.answers[0]] : r.chance(0.5) ? [c.answers[1]] : c.answers;
  const details = jaDetails.filter(() => r.chance(0.35)).map((d) => fill(d, vars, r));
  parts.push([...answers.map((a) => fill(a, vars, r)), ...details].join(''));
  const action = r.pick(c.actions);
  if (action) parts.push(fill(action, vars, r));
  parts.push(fill(r.pick(jaClosings), vars, r));
  parts.push(`${s.name} ${s.team} ${vars.agent}`);
  if (r.chance(0.35)) {
    const quoted = fill(c.inquiry, vars, r).match(/[^。？！]+[。？！]?/g) ?? [];
    parts.push(
      `${vars.date} ${vars.customer} <customer${index}@example.jp>:\n` +
        [`> ${s.name}御中`, '>', ...quoted.map((q) => `> ${q}`), '>', `> ${vars.customer.split(' ')[0]}`].join('\n'),
    );
  }
  return {
    id: `ja-bench-${String(index + 1).padStart(4, '0')}`,
    lang: 'ja',
    channel: 'email',
    inquiry: r.chance(0.3) ? fill(c.inquiry, vars, r) : null,
    reply: parts.filter(Boolean).join('\n\n'),
  };
}

// ---------------------------------------------------------------- English

const enServices = [
  { name: 'Pinecrest Home', team: 'Support', id: 'PH' },
  { name: 'StreamBox', team: 'Support', id: 'SB' },
  { name: 'DashEats', team: 'Customer Care', id: 'DE' },
  { name: 'Ledgerly', team: 'Help Desk', id: 'LG' },
  { name: 'Northwind Outdoor', team: 'Customer Service', id: 'NW' },
];
const enCustomers = ['Karen', 'Melissa', 'Rachel', 'David', 'Priya', 'Tom', 'Aisha', 'Marco', 'Hannah', 'Lucas', 'Sofia', 'Ben'];
const enAgents = ['Owen', 'Fiona', 'Jordan', 'Maya', 'Sam', 'Elena', 'Chris'];

const enScenarios = [
  {
    inquiry: "My order {order} was supposed to arrive on Monday for my daughter's birthday and it still hasn't shipped. Where is it?",
    empathy: ["[[I'm sorry|I am sorry|I'm really sorry|I'm so sorry]] for the stress this has caused, especially with your daughter's birthday this week.", "I know how much you were counting on this arriving in time, and [[I'm sorry|I am sorry|I'm really sorry|I'm so sorry]] it hasn't."],
    summary: "You'd like to know where order {order} is, since it was due on Monday and still hasn't shipped.",
    answers: [
      "Your order {order} left our warehouse this morning and is with FedEx under tracking number {tracking}. It's scheduled for delivery on Thursday by 8 pm.",
      '[[Per our policy|Under our policy|As per our policy]], delivery dates are estimates and are not guaranteed.',
    ],
    actions: ["[[I've also|I have also|We've also]] refunded the ${fee} express shipping fee to your original payment method; it should appear [[within 3-5 business days|in 3 to 5 business days|within a week]].", '[[You can |You are able to |Please ]]follow the parcel under Orders > Track package.'],
  },
  {
    inquiry: 'Two of the six plates in order {order} arrived shattered. Do I really have to send the broken pieces back at my own cost?',
    empathy: ["I'm so sorry the plates arrived broken; that's a disappointing box to open.", ''],
    summary: 'Two of the six plates in order {order} arrived broken and you want to know whether you have to return them.',
    answers: [
      "You don't need to send anything back. Broken pieces are hard to pack safely, so a photo of the plates and the outer box is all we need to send replacements.",
      '[[Per our terms|Under our terms|As stated in our terms]], damage claims must include photos of the item and the outer packaging, and damaged items must be returned before a replacement or refund is issued.',
    ],
    actions: ['Once you reply with the photo, two new plates will ship [[the same day|within a day|right away]] at no cost to you.', 'The return label is attached; the return shipping cost will be deducted from your refund.'],
  },
  {
    inquiry: 'I forgot to cancel the trial and got charged ${fee}. Money is really tight right now. Can I get a refund?',
    empathy: ["[[I'm sorry|I am sorry|I'm really sorry|I'm so sorry]]; I know every dollar counts when money is tight.", "That's a frustrating surprise to find on a statement, and I understand why you reached out."],
    summary: "You were charged ${fee} after the trial ended and you'd like a refund.",
    answers: [
      "Since the membership hasn't been used since the trial ended, I've refunded the ${fee} in full. [[It should|This should|The money should]] be back on your card within 5 business days.",
      "Membership fees are non-refundable once a billing period starts, and we don't do exceptions.",
    ],
    actions: ["[[I've also|I have also|We've also]] cancelled the membership so you won't be charged again.", '[[You can |You are able to |Please ]]cancel under Account > Membership so you will not be charged again.'],
  },
  {
    inquiry: "I've renamed the main profile several times, but it keeps switching back to the old name the next day. Can you change it for me?",
    empathy: ["That must be a painful reminder every time you open the app, and [[I'm sorry|I am sorry|I'm really sorry|I'm so sorry]] you've had to deal with it.", ''],
    summary: "You've renamed the main profile several times, but it keeps switching back the next day, and you'd like us to change it for you.",
    answers: [
      'The name keeps reverting because a device that is still signed in syncs the old settings back. Here is how to fix it:\n1. Go to Account > Security and choose Sign out of all devices.\n2. Sign back in on your own devices only.\n3. Rename the profile under Manage Profiles.',
      "[[Our system doesn't allow|Our system does not allow|The system won't allow]] support agents to edit profile names, so the change has to be made from your account.",
    ],
    actions: ["After step 1, the old name won't come back.", ''],
  },
  {
    inquiry: 'Can I switch my login email from my personal address to my work address? All the invoices are going to the wrong inbox.',
    empathy: ['Invoices landing in the wrong inbox is a real hassle at month end.', ''],
    summary: "You'd like to switch your login email to your work address so invoices reach the right inbox.",
    answers: [
      '[[You can |You are able to |Please ]]change it under Settings > Profile > Email. We send a confirmation link to the new address, and invoices go there as soon as you confirm it.',
      "[[Our system doesn't allow|Our system does not allow|The system won't allow]] changing the primary email once invoices have been issued from the account.",
    ],
    actions: ['If the link does not arrive within ten minutes, reply here and I will confirm the change for you.', '[[You can |You are able to |Please ]]add your work address as a secondary contact under Settings > Profile instead.'],
  },
];

const enGreetings = ['Hi {customer},', 'Hello {customer},', 'Dear {customer},'];
const enOpeners = ['Thanks for reaching out.', 'Thank you for contacting {service}.', 'Regarding your inquiry, I have looked into this for you.', ''];
const enClosings = ['If you need anything else, [[just reply to this email|reply here|let me know]].', 'Let me know if there is anything else I can help with.', 'Thank you for your patience.', ''];
const enSignoffs = ['Kind regards,', 'Best,', 'Take care,', 'Regards,'];

const enDetails = [
  'Your reference number is {ticket}.',
  'I have noted this on case {ticket}, opened on {day} April at {hh}:{mm}.',
  'A copy of this message has also gone to {mail}.',
  'The order total was ${amount}.',
  'If you call us, quote case {ticket} and we will pick up from here.',
];

function enReply(r, index) {
  const s = r.pick(enServices);
  const c = r.pick(enScenarios);
  const vars = {
    service: s.name,
    customer: r.pick(enCustomers),
    agent: r.pick(enAgents),
    order: `#${s.id}-${10_000 + ((index * 7919 + r.int(80_000)) % 89_999)}`,
    tracking: `${1000 + r.int(9000)} ${1000 + r.int(9000)} ${1000 + r.int(9000)}`,
    fee: ['9.99', '18.50', '24.00', '4.99'][r.int(4)],
    ticket: `${100_000 + r.int(900_000)}`,
    day: 1 + r.int(28),
    hh: 9 + r.int(10),
    mm: String(r.int(60)).padStart(2, '0'),
    mail: `${['k', 'm', 'j', 't', 's'][r.int(5)]}${r.int(10_000)}@example.com`,
    amount: `${10 + r.int(300)}.${String(r.int(100)).padStart(2, '0')}`,
  };
  const chat = r.chance(0.3);
  const parts = chat ? [] : [fill(r.pick(enGreetings), vars, r)];
  const opener = chat ? '' : fill(r.pick(enOpeners), vars, r);
  const empathy = r.chance(0.7) ? fill(r.pick(c.empathy), vars, r) : '';
  const summary = r.chance(0.7) ? fill(c.summary, vars, r) : '';
  const first = [opener, r.chance(0.5) ? empathy : summary].filter(Boolean).join(' ');
  if (first) parts.push(first);
  const second = r.chance(0.5) ? summary : empathy;
  if (second && !first.includes(second)) parts.push(second);
  const answers = r.chance(0.6) ? [c.answers[0]] : r.chance(0.5) ? [c.answers[1]] : c.answers;
  const details = enDetails.filter(() => r.chance(0.3)).map((d) => fill(d, vars, r));
  parts.push([...answers.map((a) => fill(a, vars, r)), ...details].join(' '));
  const action = fill(r.pick(c.actions), vars, r);
  if (action) parts.push(action);
  if (!chat) {
    const closing = fill(r.pick(enClosings), vars, r);
    if (closing) parts.push(closing);
    parts.push(`${r.pick(enSignoffs)}\n${vars.agent}\n${s.name} ${s.team}`);
    if (r.chance(0.3)) {
      parts.push(`On Mon, 6 Apr 2026 at 18:22, ${vars.customer} <customer${index}@example.com> wrote:\n` + fill(c.inquiry, vars, r).replace(/(.{1,70})(\s|$)/g, '> $1\n').trimEnd());
    }
  }
  return {
    id: `en-bench-${String(index + 1).padStart(4, '0')}`,
    lang: 'en',
    channel: chat ? 'chat' : 'email',
    inquiry: r.chance(0.3) ? fill(c.inquiry, vars, r) : null,
    reply: parts.filter(Boolean).join(chat ? ' ' : '\n\n'),
  };
}

// ---------------------------------------------------------------- corpus

/** N Japanese and N English replies, the same for the same seed. */
export function makeCorpus(n, seed = 20260407) {
  const r = rng(seed);
  const ja = [];
  const en = [];
  for (let i = 0; i < n; i++) ja.push(jaReply(r, i));
  for (let i = 0; i < n; i++) en.push(enReply(r, i));
  return { ja, en };
}

/** The first reply of a seeded run whose length is within [min, max] (deterministic). */
export function replyOfLength(lang, min, max, seed = 7) {
  const r = rng(seed);
  for (let i = 0; i < 10_000; i++) {
    const reply = lang === 'ja' ? jaReply(r, i) : enReply(r, i);
    if (reply.reply.length >= min && reply.reply.length <= max) return reply;
  }
  throw new Error(`no ${lang} reply between ${min} and ${max} characters`);
}

/** A long Japanese reply (~2,000 characters) for the editor benchmark: several answers to one customer. */
export function longJapaneseReply(target = 2000, seed = 11) {
  const r = rng(seed);
  // One customer writing about several orders at once; each answer is a paragraph.
  const head = jaReply(r, 0, 0).reply.split('\n\n');
  const body = [];
  let length = head.join('\n\n').length;
  for (let i = 1; length < target && i < 500; i++) {
    const extra = jaReply(r, i).reply.split('\n\n').filter((p) => p.length > 60 && !p.includes('>') && !p.endsWith('様') && !head.includes(p));
    const paragraph = extra[r.int(extra.length)];
    if (!paragraph || body.some((p) => p.slice(0, 12) === paragraph.slice(0, 12))) continue;
    body.push(paragraph);
    length += paragraph.length + 2;
  }
  // Greeting and intro first, the extra answers in the middle, closing and signature last.
  const closing = head.findIndex((p) => p.includes('よろしくお願い'));
  const cut = closing > 2 ? closing : head.length - 1;
  return [...head.slice(0, cut), ...body, ...head.slice(cut)].join('\n\n');
}
