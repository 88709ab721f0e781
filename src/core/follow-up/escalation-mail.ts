// The 督促 mail to a 局区's representative, in polite Japanese as text and HTML,
// every value escaped: the sections that have not answered, their issues, and the
// people listed for each section in 担当者.
import { escapeHtml } from "../base/text";
import { listedNames } from "../delegation";
import { PROJECT, closingHtml, closingLines, type ComposedMail } from "../mailing/mail";
import { formatWarekiWithWeekday } from "../wareki";
import { cycleLabel } from "./cycle";
import type { EscalationMail, UnansweredSection } from "./escalation";

export interface EscalationMailContext {
  cycle: string;
  deadline: Date;
  senderName: string;
}

const NOBODY = "担当者シートに登録がありません";

/** 「山田 太郎（担当） taro.jinji@…、佐藤 花子（代理） hanako.jinji@…」, or that nobody is listed. */
export function peopleText(section: UnansweredSection): string {
  return section.people.length ? section.people.map((d) => `${listedNames([d])} ${d.person}`).join("、") : NOBODY;
}

export function composeEscalation(mail: EscalationMail, context: EscalationMailContext): ComposedMail {
  const label = cycleLabel(context.cycle);
  const deadline = formatWarekiWithWeekday(context.deadline);
  const bureaus = mail.bureaus.map((b) => b.bureau).join("・");
  const subject = `【督促】${PROJECT} 継続検討課題の進捗確認（${label}）未回答の所管課について`;
  const opening = `${label}の継続検討課題の進捗確認について、回答期限（${deadline}）を過ぎましたが、次の所管課からまだご回答をいただいていません。`;
  const ask = "恐れ入りますが、各所管課のご担当者へご回答をお声がけいただけますでしょうか。ご担当者は、スプレッドシートの「プラチナ」メニュー「状況を入力」から進捗を入力できます。";
  const text: string[] = [`${bureaus} 代表者様`, "", `いつもお世話になっております。${context.senderName}です。`, opening, ask, ""];
  const html: string[] = [];
  for (const bureau of mail.bureaus) {
    text.push(`■ ${bureau.bureau}（未回答 ${bureau.sections.length}課）`);
    html.push(`<h2 style="font-size:1.05em">${escapeHtml(bureau.bureau)}（未回答 ${bureau.sections.length}課）</h2><ul>`);
    for (const s of bureau.sections) {
      text.push(`・${s.section}（${s.address}）課題 ${s.issues.length}件`, `   担当者：${peopleText(s)}`);
      text.push(...s.issues.map((i) => `   [${i.ID}] ${i.課題名}`));
      html.push(`<li><strong>${escapeHtml(s.section)}</strong>（${escapeHtml(s.address)}）課題 ${s.issues.length}件<br>担当者：${escapeHtml(peopleText(s))}<br>${s.issues.map((i) => `[${escapeHtml(i.ID)}] ${escapeHtml(i.課題名)}`).join("<br>")}</li>`);
    }
    text.push("");
    html.push("</ul>");
  }
  text.push(...closingLines(context.senderName));
  const htmlBody = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:sans-serif;color:#202124;line-height:1.6">
<p>${escapeHtml(bureaus)} 代表者様</p>
<p>いつもお世話になっております。${escapeHtml(context.senderName)}です。<br>${escapeHtml(opening)}</p>
<p>${escapeHtml(ask)}</p>
${html.join("\n")}
${closingHtml(context.senderName)}
</body></html>`;
  return { subject, body: text.join("\n"), htmlBody };
}
