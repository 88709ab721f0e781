// What every mailing's mails share: their shape, and the sign-off and closing
// lines of a mail to staff.
import { escapeHtml } from "../base/text";
import type { RequestKind } from "../contracts/send-log";

export interface ComposedMail {
  subject: string;
  body: string;
  htmlBody: string;
}

/** What every request or reminder needs besides its recipient's items. */
export interface RequestMailContext {
  deadline: Date;
  /** The recipient's personal link to the form. */
  link: string;
  senderName: string;
  kind: RequestKind;
}

export const PROJECT = "プラチナ市役所プロジェクト";

const CLOSING = ["行き違いの場合はご容赦ください。", "ご不明な点がございましたら、本メールにご返信ください。"];

/** The sign-off of every mail to staff. */
export function signature(senderName: string): string {
  return ["――――――――――――――――", senderName, `${PROJECT} 事務局`].join("\n");
}

/** The closing lines and sign-off of a request, as text lines. */
export function closingLines(senderName: string): string[] {
  return [...CLOSING, "", signature(senderName)];
}

/** The same in HTML. */
export function closingHtml(senderName: string): string {
  return `<p>${CLOSING.join("<br>")}</p>
<p style="color:#5f6368">――――――――――――――――<br>${escapeHtml(senderName)}<br>${PROJECT} 事務局</p>`;
}
