// After the survey's deadline: per 局区, answered or not, how many reforms it
// has for the year and which it recommends as 好事例 — mailed to the
// secretariat, who choose what the プラチナレポート shows, and kept as a sheet.
import { ANSWER_STATUS } from "../contracts/answer-status";
import type { ReceivedChange } from "../mailing/changes";
import type { ComposedMail } from "../mailing/mail";
import { escapeHtml } from "../base/text";
import { reiwaYear } from "../progress-report";
import { formatWareki } from "../wareki";
import { surveySubject } from "./mail";
import type { BureauContact, ReformRow } from "./reforms";

export interface SurveyDigestInput {
  year: number;
  /** The sheet the rows are written to, named in the mail. */
  sheetName: string;
  contacts: BureauContact[];
  unreachable: string[];
  /** 代表メール that answered. */
  answered: ReadonlySet<string>;
  /** The year's rows of every 局区 asked. */
  rows: ReformRow[];
  changes: ReceivedChange[];
  senderName: string;
}

interface BureauLine {
  bureau: string;
  email: string;
  answered: boolean;
  count: number;
  good: string[];
}

function bureauLines(input: SurveyDigestInput): BureauLine[] {
  return input.contacts.flatMap((c) => c.bureaus.map((bureau) => {
    const mine = input.rows.filter((r) => r.局区名 === bureau);
    return { bureau, email: c.email, answered: input.answered.has(c.email), count: mine.length, good: mine.filter((r) => r.好事例).map((r) => r.取組名) };
  }));
}

function change(c: ReceivedChange): string {
  return `${c.field}：${c.before || "（空欄）"} → ${c.after || "（空欄）"}`;
}

/** Rows of the digest sheet: one per 局区, then the changes received. */
export function surveyDigestRows(input: SurveyDigestInput): unknown[][] {
  const { answers, changes } = ANSWER_STATUS.survey;
  const rows: unknown[][] = [[...answers]];
  for (const line of bureauLines(input)) rows.push([line.bureau, line.email, line.answered ? "回答済" : "未回答", line.count, line.good.join("、")]);
  for (const bureau of input.unreachable) rows.push([bureau, "", "代表メール未設定", "", ""]);
  rows.push(answers.map(() => ""));
  rows.push([...changes]);
  for (const c of input.changes) rows.push([c.at, c.id, change(c), c.by, ""]);
  return rows;
}

export function composeSurveyDigest(input: SurveyDigestInput): ComposedMail {
  const year = reiwaYear(input.year);
  const lines = bureauLines(input);
  const done = lines.filter((l) => l.answered).length;
  const total = lines.reduce((n, l) => n + l.count, 0);
  const good = lines.flatMap((l) => l.good.map((name) => ({ bureau: l.bureau, name })));
  const summary = `回答済 ${done}局区 ／ 照会 ${lines.length}局区（未回答 ${lines.length - done}局区）、取組 合計${total}件`;
  const intro = `${year}の各局区の自主改革の取組照会について、回答期限を過ぎましたので回答状況をお知らせします。`;
  const text: string[] = ["市政変革推進室 各位", "", intro, summary, "", "■ 局区ごとの状況"];
  text.push(...lines.map((l) => `  ${l.answered ? "回答済" : "未回答"}：${l.bureau}（取組${l.count}件${l.good.length ? `、好事例候補${l.good.length}件` : ""}） ${l.email}`));
  if (input.unreachable.length) text.push(`  代表メールが未設定のため照会していない局区：${input.unreachable.join("、")}`);
  text.push("", `■ 好事例の候補（${good.length}件）— プラチナレポートに載せる前に内容をご確認ください`);
  text.push(...(good.length ? good.map((g) => `  【${g.bureau}】${g.name}`) : ["  ありません。"]));
  text.push("", `■ 回答フォームで受け付けた変更（${input.changes.length}件）`);
  text.push(...(input.changes.length ? input.changes.map((c) => `  ${formatWareki(c.at)} [${c.id}] ${change(c)}（${c.by}）`) : ["  ありません。"]));
  text.push("", `詳細はスプレッドシートの「${input.sheetName}」シートをご覧ください。`, "", `――――――――――――――――\n${input.senderName}`);

  const e = escapeHtml;
  const subject = surveySubject(input.year, "まとめ");
  const htmlBody = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${e(subject)}</title></head><body style="font-family:sans-serif;line-height:1.6">
<p>市政変革推進室 各位</p><p>${e(intro)}<br>${e(summary)}</p>
<h2>局区ごとの状況</h2><ul>
${lines.map((l) => `<li><strong>${l.answered ? "回答済" : "未回答"}</strong>：${e(l.bureau)}（取組${l.count}件${l.good.length ? `、好事例候補${l.good.length}件` : ""}） ${e(l.email)}</li>`).join("\n")}
</ul>
${input.unreachable.length ? `<p>代表メールが未設定のため照会していない局区：${e(input.unreachable.join("、"))}</p>` : ""}
<h2>好事例の候補（${good.length}件）</h2><p>プラチナレポートに載せる前に内容をご確認ください。</p>
${good.length ? `<ul>${good.map((g) => `<li>【${e(g.bureau)}】${e(g.name)}</li>`).join("")}</ul>` : "<p>ありません。</p>"}
<h2>回答フォームで受け付けた変更（${input.changes.length}件）</h2>
${input.changes.length ? `<ul>${input.changes.map((c) => `<li>${formatWareki(c.at)} ${e(c.id)} ${e(change(c))}（${e(c.by)}）</li>`).join("")}</ul>` : "<p>ありません。</p>"}
<p>詳細はスプレッドシートの「${e(input.sheetName)}」シートをご覧ください。</p></body></html>`;
  return { subject, body: text.join("\n"), htmlBody };
}
