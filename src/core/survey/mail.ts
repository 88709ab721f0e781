// The survey request to a 局区's 代表メール, in polite Japanese business style,
// as text and HTML with every value escaped. Pure: the link and dates are given.
import { PROJECT, closingHtml, closingLines, type ComposedMail, type RequestMailContext } from "../mailing/mail";
import { reiwaYear } from "../progress-report";
import { escapeHtml } from "../base/text";
import { formatWarekiWithWeekday } from "../wareki";
import type { BureauContact, ReformRow } from "./reforms";

export interface SurveyMailContext extends RequestMailContext {
  /** Reiwa number of the surveyed year. */
  year: number;
}

export function surveySubject(year: number, kind: "依頼" | "再依頼" | "まとめ"): string {
  const tag = kind === "まとめ" ? "【回答状況】" : kind === "再依頼" ? "【再送・ご回答のお願い】" : "【ご回答のお願い】";
  return `${tag}${PROJECT} 各局区の自主改革の取組照会（${reiwaYear(year)}）`;
}

function paragraphs(context: SurveyMailContext, bureaus: string): string[] {
  const year = reiwaYear(context.year);
  const opening = context.kind === "再依頼"
    ? `先日お送りした${year}の自主改革の取組照会について、まだご回答をいただいていないため、再度ご案内いたします。`
    : `${PROJECT}では、各局区の自律的な変革の取組状況を年に1回把握し、好事例をプラチナレポート等で発信して横展開しています。`;
  return [
    opening,
    `つきましては、${bureaus}における${year}の自主改革（業務改善などの取組）について、下記の回答フォームからご回答をお願いいたします。`,
  ];
}

const STEPS = [
  "登録済みの取組は、内容をご確認のうえ、必要に応じて修正してください。",
  "新しい取組は、取組名と概要を追加してください。",
  "ほかの職場の参考になる取組は、「好事例の候補として推薦する」にチェックを入れてください。",
  "取組がない場合や変更がない場合も、そのまま「回答を送信する」を押してご回答ください。",
];

export function composeSurveyRequest(contact: BureauContact, rows: readonly ReformRow[], context: SurveyMailContext): ComposedMail {
  const bureaus = contact.bureaus.join("・");
  const deadline = formatWarekiWithWeekday(context.deadline);
  const listed = contact.bureaus.flatMap((bureau) => {
    const mine = rows.filter((r) => r.局区名 === bureau);
    return [
      `■ 登録済みの取組（${bureau}：${mine.length}件）`,
      ...(mine.length === 0 ? ["  登録済みの取組はありません。"] : mine.map((r, i) => `  ${i + 1}. ${r.取組名}${r.好事例 ? "【好事例候補】" : ""}`)),
      "",
    ];
  });
  const body = [
    `${bureaus}\nご担当者様`,
    "",
    `いつもお世話になっております。${context.senderName}です。`,
    ...paragraphs(context, bureaus),
    "",
    ...STEPS.map((s) => `・${s}`),
    "",
    `■ 回答期限：${deadline}`,
    `■ 回答フォーム：${context.link}`,
    "",
    ...listed,
    ...closingLines(context.senderName),
  ].join("\n");
  return { subject: surveySubject(context.year, context.kind), body, htmlBody: requestHtml(contact, rows, context, deadline) };
}

function requestHtml(contact: BureauContact, rows: readonly ReformRow[], context: SurveyMailContext, deadline: string): string {
  const e = escapeHtml;
  const cell = 'style="padding:4px 8px;border:1px solid #ccc;text-align:left"';
  const tables = contact.bureaus.map((bureau) => {
    const mine = rows.filter((r) => r.局区名 === bureau);
    if (mine.length === 0) return `<p><strong>${e(bureau)}</strong>：登録済みの取組はありません。</p>`;
    return `<table style="border-collapse:collapse;margin-bottom:12px">
<caption style="text-align:left;font-weight:bold">登録済みの取組（${e(bureau)}：${mine.length}件）</caption>
<thead><tr><th scope="col" ${cell}>取組名</th><th scope="col" ${cell}>概要</th><th scope="col" ${cell}>好事例候補</th></tr></thead>
<tbody>
${mine.map((r) => `<tr><td ${cell}>${e(r.取組名)}</td><td ${cell}>${e(r.概要 || "—")}</td><td ${cell}>${r.好事例 ? "推薦" : "—"}</td></tr>`).join("\n")}
</tbody></table>`;
  }).join("\n");
  const subject = surveySubject(context.year, context.kind);
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family:sans-serif;color:#202124;line-height:1.6">
<p>${e(contact.bureaus.join("・"))}<br>ご担当者様</p>
<p>いつもお世話になっております。${e(context.senderName)}です。<br>${paragraphs(context, contact.bureaus.join("・")).map(e).join("<br>")}</p>
<ul>${STEPS.map((s) => `<li>${e(s)}</li>`).join("")}</ul>
<p><strong>回答期限：${e(deadline)}</strong></p>
<p><a href="${e(context.link)}" style="display:inline-block;padding:8px 16px;background:#1a73e8;color:#fff;text-decoration:none;border-radius:4px">回答フォームを開く</a></p>
${tables}
${closingHtml(context.senderName)}
</body></html>`;
}
