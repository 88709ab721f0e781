// The monthly はみだせサポート summary to a section head, in polite Japanese, as text
// and HTML (every value escaped): the 所属's PT members, their hours against the limit.
import { PROJECT, closingHtml, closingLines, type ComposedMail } from "../mailing/mail";
import { escapeHtml } from "../base/text";
import type { AffiliationSummary } from "./hours";

/** "2026-11" → 令和8年11月. */
export function monthLabel(month: string): string {
  const [year, m] = month.split("-").map(Number);
  const reiwa = year - 2018;
  return `令和${reiwa === 1 ? "元" : reiwa}年${m}月`;
}

export interface HoursMailContext {
  month: string;
  limitHours: number;
  senderName: string;
  /**
   * When the head's address is one 担当者 lists people for (a shared address nobody signs
   * in as): 「山田 太郎（担当）、佐藤 花子（代理）」, who act for it and so approve; else "".
   */
  approvers?: string;
}

/** Who approves for a shared address, under the request: the people 担当者 lists for it today. */
function approversLine(context: HoursMailContext): string {
  return context.approvers ? `このアドレスは担当者シートで ${context.approvers} が担当しています。ご承認は、このうちのどなたかからご返信ください。` : "";
}

export function composeHoursSummary(sections: readonly AffiliationSummary[], context: HoursMailContext): ComposedMail {
  const label = monthLabel(context.month);
  const rows = sections.flatMap((s) => s.rows);
  const over = rows.filter(([, , , , excess]) => excess > 0);
  const lines = sections.flatMap((s) => [
    `【${s.所属}】`,
    ...s.rows.map(([, name, hours, limit, excess]) => `・${name}　${hours}時間（上限${limit}時間${excess > 0 ? `、${excess}時間超過` : ""}）`),
  ]);
  const overNote = over.length > 0
    ? `上限を超えている職員がいます（${over.map(([, name]) => `${name}さん`).join("、")}）。超過分についても、業務への影響をご確認のうえご判断をお願いいたします。`
    : "いずれの職員も上限の範囲内です。";
  const body = [
    `${sections.map((s) => s.所属).join("・")}\n所属長様`,
    "",
    `いつもお世話になっております。${context.senderName}です。`,
    `若手職員プロジェクトチーム（${PROJECT}）に参加している所属職員の、${label}の活動時間をお知らせします。`,
    `はみだせサポート制度により、PTの活動は勤務時間の20%（月${context.limitHours}時間）までとし、所属の承認をいただくことになっています。内容をご確認のうえ、ご承認をお願いいたします。`,
    ...(context.approvers ? [approversLine(context)] : []),
    "",
    `■ ${label}の活動時間`,
    ...lines,
    "",
    overNote,
    "",
    ...closingLines(context.senderName),
  ].join("\n");
  return { subject: `【ご確認のお願い】若手職員PT はみだせサポートの活動時間（${label}分）`, body, htmlBody: summaryHtml(sections, context, label, overNote) };
}

function summaryHtml(sections: readonly AffiliationSummary[], context: HoursMailContext, label: string, overNote: string): string {
  const e = escapeHtml;
  const body = sections.flatMap((s) => s.rows.map(([section, name, hours, limit, excess]) =>
    `<tr><td>${e(section)}</td><th scope="row">${e(name)}</th><td style="text-align:right">${hours}</td><td style="text-align:right">${limit}</td><td style="text-align:right">${excess > 0 ? `<strong>${excess}</strong>` : "0"}</td></tr>`,
  )).join("\n");
  return `<p>${e(sections.map((s) => s.所属).join("・"))}<br>所属長様</p>
<p>いつもお世話になっております。${e(context.senderName)}です。<br>
若手職員プロジェクトチーム（${PROJECT}）に参加している所属職員の、${e(label)}の活動時間をお知らせします。<br>
はみだせサポート制度により、PTの活動は勤務時間の20%（月${context.limitHours}時間）までとし、所属の承認をいただくことになっています。内容をご確認のうえ、ご承認をお願いいたします。</p>${context.approvers ? `\n<p>${e(approversLine(context))}</p>` : ""}
<table border="1" cellpadding="4" style="border-collapse:collapse">
<caption>${e(label)}の活動時間（時間）</caption>
<thead><tr><th scope="col">所属</th><th scope="col">氏名</th><th scope="col">活動時間</th><th scope="col">上限</th><th scope="col">超過</th></tr></thead>
<tbody>
${body}
</tbody></table>
<p>${e(overNote)}</p>
${closingHtml(context.senderName)}`;
}
