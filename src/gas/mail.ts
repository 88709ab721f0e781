// Sending mail through MailApp, and the daily quota it counts in recipients.

export interface OutgoingMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo?: string;
}

export function sendMail(message: OutgoingMessage): void {
  MailApp.sendEmail({
    to: message.to,
    subject: message.subject,
    body: message.body,
    htmlBody: message.htmlBody,
    name: message.name,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
  });
}

export function remainingQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
