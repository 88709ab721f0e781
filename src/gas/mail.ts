// Sending mail through MailApp, and the daily quota it counts in recipients.

export interface OutgoingMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo?: string;
}

/** Throws in Japanese (送信記録 and 送信状況 show it to staff), never MailApp's English alone. */
export function sendMail(message: OutgoingMessage): void {
  try {
    MailApp.sendEmail({
      to: message.to,
      subject: message.subject,
      body: message.body,
      htmlBody: message.htmlBody,
      name: message.name,
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    });
  } catch (error) {
    throw new Error(sendFailure(message.to, error instanceof Error ? error.message : String(error)));
  }
}

/** MailApp's messages as staff can act on them; an unknown one keeps its text after the Japanese, for whoever investigates. */
function sendFailure(to: string, raw: string): string {
  if (/^Invalid email/i.test(raw)) return `宛先「${to}」はメールアドレスとして受け付けられませんでした。宛先のアドレスを確認して直してください。`;
  if (/too many times for one day: email/i.test(raw)) return "本日のメール送信数の上限に達したため、送信できませんでした。翌日に送信してください。";
  if (/Recipients Per Message/i.test(raw)) return `宛先が多すぎるため、送信できませんでした（1通に50件まで）。宛先: ${to}`;
  return `宛先「${to}」へのメールを送信できませんでした。しばらくしてから、もう一度お試しください。（詳細: ${raw}）`;
}

export function remainingQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
