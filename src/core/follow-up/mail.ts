// The follow-up emails in polite Japanese business style, as text and HTML,
// every value escaped. Pure: the link, dates and settings are given.
import { escapeHtml } from "../base/text";
import { INPUTS, type FieldInput, type IssueRecord } from "../contracts/issues";
import type { Day } from "../contracts/pt-values";
import { displayText } from "../issue-fields";
import { overdueNotice, overdueOf } from "../overdue";
import { PROJECT, closingHtml, closingLines, type ComposedMail, type RequestMailContext } from "../mailing/mail";
import { formatWareki, formatWarekiWithWeekday } from "../wareki";
import { cycleLabel } from "./cycle";
import type { OwnerRequest } from "./recipients";

export interface MailContext extends RequestMailContext {
  cycle: string;
  /** The Tokyo day the mail is written: an issue whose 実施時期 ended before it gets a notice. */
  asOf: Day;
  /** テスト送信: marked as a test in the subject and body. */
  test?: boolean;
}

function subjectOf(context: MailContext): string {
  const tag = context.kind === "再依頼" ? "【再送・ご回答のお願い】" : "【ご回答のお願い】";
  return `${context.test ? "【テスト送信】" : ""}${tag}${PROJECT} 継続検討課題の進捗確認（${cycleLabel(context.cycle)}）`;
}

function lastUpdate(issue: IssueRecord): string {
  return issue.最終更新日 ? formatWareki(new Date(issue.最終更新日)) : "—";
}

/** The editable fields as the mail lists them: one-line values together, each long one (the memo) on a line of its own. */
const SHORT = INPUTS.filter((input) => !input.lines);
const LONG = INPUTS.filter((input) => input.lines);
const ASK = `下記の回答フォームから、課題ごとに${INPUTS.map((input) => input.label).join("・")}をご回答ください。変更がない場合も「変更なし」を選んでご回答をお願いいたします。`;

function mailLabel(input: FieldInput): string {
  return input.mailLabel ?? input.label;
}

/** The notice under an issue whose 実施時期 has passed; null when it has not, or cannot be read. */
function noticeOf(issue: IssueRecord, asOf: Day): string | null {
  const named = overdueOf(issue, asOf);
  return named === null ? null : overdueNotice(named);
}

function issueLines(issue: IssueRecord, i: number, asOf: Day): string {
  const updated = `（最終更新：${lastUpdate(issue)}）`;
  const lines = [
    `${i + 1}. [${issue.ID}] ${issue.課題名}`,
    `   ${SHORT.map((input) => `${mailLabel(input)}：${displayText(input, issue[input.field])}`).join("／")}`,
    ...LONG.map((input) => `   ${mailLabel(input)}：${displayText(input, issue[input.field])}`),
  ];
  lines[lines.length - 1] += updated;
  const notice = noticeOf(issue, asOf);
  if (notice) lines.push(`   ※${notice}`);
  return lines.join("\n");
}

export function composeRequest(request: OwnerRequest, context: MailContext): ComposedMail {
  const addressee = `${[request.bureau, request.section].filter(Boolean).join(" ")}\nご担当者様`;
  const deadline = formatWarekiWithWeekday(context.deadline);
  const opening = context.kind === "再依頼"
    ? "先日お送りした継続検討課題の進捗確認について、まだご回答をいただいていないため、再度ご案内いたします。"
    : "プラチナ市役所プロジェクトの継続検討課題について、今月の進捗状況の確認をお願いいたします。";
  const lines = request.issues.map((issue, i) => issueLines(issue, i, context.asOf));
  const test = context.test ? "※これはテスト送信です。回答は記録されない場合があります。\n\n" : "";
  const body = [
    `${test}${addressee}`,
    "",
    `いつもお世話になっております。${context.senderName}です。`,
    opening,
    ASK,
    "",
    `■ 回答期限：${deadline}`,
    `■ 回答フォーム：${context.link}`,
    "",
    `■ ご担当の課題（${request.issues.length}件）`,
    ...lines,
    "",
    ...closingLines(context.senderName),
  ].join("\n");
  return { subject: subjectOf(context), body, htmlBody: requestHtml(request, context, opening, deadline) };
}

function requestHtml(request: OwnerRequest, context: MailContext, opening: string, deadline: string): string {
  const e = escapeHtml;
  const cell = (text: string) => `<td style="padding:4px 8px;border:1px solid #ccc">${e(text)}</td>`;
  const head = (text: string) => `<th scope="col" style="padding:4px 8px;border:1px solid #ccc;background:#f1f3f4">${e(text)}</th>`;
  const columns = [...SHORT, ...LONG];
  const width = columns.length + 3;
  const rows = request.issues.map((issue) => {
    const notice = noticeOf(issue, context.asOf);
    // Under its issue's row, across the table, in the dark red of the notes on 集計.
    const noticeRow = notice ? `\n<tr><td colspan="${width}" style="padding:4px 8px;border:1px solid #ccc;color:#a50e0e">※${e(notice)}</td></tr>` : "";
    return `<tr>
${[issue.ID, issue.課題名, ...columns.map((input) => displayText(input, issue[input.field])), lastUpdate(issue)].map(cell).join("\n")}
</tr>${noticeRow}`;
  }).join("\n");
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${e(subjectOf(context))}</title></head>
<body style="font-family:sans-serif;color:#202124;line-height:1.6">
${context.test ? '<p style="color:#a50e0e;font-weight:bold">※これはテスト送信です。</p>' : ""}
<p>${e(request.bureau)} ${e(request.section)}<br>ご担当者様</p>
<p>いつもお世話になっております。${e(context.senderName)}です。<br>${e(opening)}</p>
<p>${e(ASK)}</p>
<p><strong>回答期限：${e(deadline)}</strong></p>
<p><a href="${e(context.link)}" style="display:inline-block;padding:8px 16px;background:#1a73e8;color:#fff;text-decoration:none;border-radius:4px">回答フォームを開く</a></p>
<table style="border-collapse:collapse">
<caption style="text-align:left;font-weight:bold">ご担当の課題（${request.issues.length}件）</caption>
<thead><tr>${["ID", "課題名", ...columns.map(mailLabel), "最終更新"].map(head).join("")}</tr></thead>
<tbody>
${rows}
</tbody></table>
${closingHtml(context.senderName)}
</body></html>`;
}
