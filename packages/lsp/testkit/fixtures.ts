/** Replies shared by the LSP tests, the Neovim test and the benchmark. */

/** Japanese: supplier-centred wording (規定により) and no acknowledgement of the customer's trouble. */
export const jaReply = `山田 様

いつもご利用いただきありがとうございます。
サポート担当の佐藤でございます。

規定により返金はできかねます。
ご理解のほどよろしくお願いいたします。

サポートセンター 佐藤
`;

/** English: "Per our policy" and no acknowledgement. */
export const enReply = `Hi Alex,

Thank you for contacting us.

Per our policy, refunds are not available after 30 days.

Best regards,
Sam
`;

/** The customer's message behind jaReply. */
export const jaInquiry = '先週購入したヘッドホンの右側から音が出ません。返金してもらえますか？';

/** The customer's message behind enReply. */
export const enInquiry = 'My headphones stopped working after two weeks, the left ear is silent. Can I get a refund?';

/** Two supplier-centred phrases in one reply (for "fix all"). */
export const enTwoPolicies = `Hi Alex,

I'm sorry to hear that your headphones stopped working, I understand how frustrating that is.

Per our policy, refunds are not available after 30 days. Per our policy, we can offer a repair instead.

Best regards,
Sam
`;

/** A Japanese reply that quotes the customer's email (the quoted original is the inquiry). */
export const jaQuotedReply = `山田 様

いつもご利用いただきありがとうございます。

規定により返金はできかねます。

サポートセンター 佐藤

> 先週購入したヘッドホンの右側から音が出ません。
> 返金してもらえますか？
`;
