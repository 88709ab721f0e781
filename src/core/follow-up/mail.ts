// The follow-up emails in polite Japanese business style, as text and HTML,
// every value escaped. Pure: the link, dates and settings are given.
import { escapeHtml } from "../base/text";
import type { IssueRecord } from "../contracts/issues";
import { PROJECT, closingHtml, closingLines, type ComposedMail, type RequestMailContext } from "../mailing/mail";
import { formatWareki, formatWarekiWithWeekday } from "../wareki";
import { cycleLabel } from "./cycle";
import type { OwnerRequest } from "./recipients";

export interface MailContext extends RequestMailContext {
  cycle: string;
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

export function composeRequest(request: OwnerRequest, context: MailContext): ComposedMail {
  const addressee = `${[request.bureau, request.section].filter(Boolean).join(" ")}\nご担当者様`;
  const deadline = formatWarekiWithWeekday(context.deadline);
  const opening = context.kind === "再依頼"
    ? "先日お送りした継続検討課題の進捗確認について、まだご回答をいただいていないため、再度ご案内いたします。"
    : "プラチナ市役所プロジェクトの継続検討課題について、今月の進捗状況の確認をお願いいたします。";
  const lines = request.issues.map((issue, i) => [
    `${i + 1}. [${issue.ID}] ${issue.課題名}`,
    `   進捗分類：${issue.進捗分類 || "未設定"}／実施時期：${issue.実施時期 || "—"}`,
    `   前回のメモ：${issue.進捗メモ || "—"}（最終更新：${lastUpdate(issue)}）`,
  ].join("\n"));
  const test = context.test ? "※これはテスト送信です。回答は記録されない場合があります。\n\n" : "";
  const body = [
    `${test}${addressee}`,
    "",
    `いつもお世話になっております。${context.senderName}です。`,
    opening,
    "下記の回答フォームから、課題ごとに進捗分類・実施時期・進捗メモをご回答ください。変更がない場合も「変更なし」を選んでご回答をお願いいたします。",
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
  const rows = request.issues.map((issue) => `<tr>
<td style="padding:4px 8px;border:1px solid #ccc">${e(issue.ID)}</td>
<td style="padding:4px 8px;border:1px solid #ccc">${e(issue.課題名)}</td>
<td style="padding:4px 8px;border:1px solid #ccc">${e(issue.進捗分類 || "未設定")}</td>
<td style="padding:4px 8px;border:1px solid #ccc">${e(issue.実施時期 || "—")}</td>
<td style="padding:4px 8px;border:1px solid #ccc">${e(issue.進捗メモ || "—")}</td>
<td style="padding:4px 8px;border:1px solid #ccc">${e(lastUpdate(issue))}</td>
</tr>`).join("\n");
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${e(subjectOf(context))}</title></head>
<body style="font-family:sans-serif;color:#202124;line-height:1.6">
${context.test ? '<p style="color:#a50e0e;font-weight:bold">※これはテスト送信です。</p>' : ""}
<p>${e(request.bureau)} ${e(request.section)}<br>ご担当者様</p>
<p>いつもお世話になっております。${e(context.senderName)}です。<br>${e(opening)}</p>
<p>下記の回答フォームから、課題ごとに進捗分類・実施時期・進捗メモをご回答ください。変更がない場合も「変更なし」を選んでご回答をお願いいたします。</p>
<p><strong>回答期限：${e(deadline)}</strong></p>
<p><a href="${e(context.link)}" style="display:inline-block;padding:8px 16px;background:#1a73e8;color:#fff;text-decoration:none;border-radius:4px">回答フォームを開く</a></p>
<table style="border-collapse:collapse">
<caption style="text-align:left;font-weight:bold">ご担当の課題（${request.issues.length}件）</caption>
<thead><tr><th scope="col" style="padding:4px 8px;border:1px solid #ccc;background:#f1f3f4">ID</th><th scope="col" style="padding:4px 8px;border:1px solid #ccc;background:#f1f3f4">課題名</th><th scope="col" style="padding:4px 8px;border:1px solid #ccc;background:#f1f3f4">進捗分類</th><th scope="col" style="padding:4px 8px;border:1px solid #ccc;background:#f1f3f4">実施時期</th><th scope="col" style="padding:4px 8px;border:1px solid #ccc;background:#f1f3f4">前回のメモ</th><th scope="col" style="padding:4px 8px;border:1px solid #ccc;background:#f1f3f4">最終更新</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${closingHtml(context.senderName)}
</body></html>`;
}
