// After the deadline: per 局区, who answered and who did not, and every change
// received this cycle — mailed to the secretariat and kept as a sheet.
import { escapeHtml, normalizeText } from "../base/text";
import { ANSWER_STATUS } from "../contracts/answer-status";
import { ISSUES } from "../contracts/issues";
import type { ReceivedChange } from "../mailing/changes";
import type { ComposedMail } from "../mailing/mail";
import { formatWareki } from "../wareki";
import { cycleLabel } from "./cycle";
import type { OwnerRequest } from "./recipients";
import { compareText } from "../order";

/** A change with its issue's 課題名, which the digest lists beside the ID. */
export interface TitledChange extends ReceivedChange {
  title: string;
}

/** 課題名 by ID, from 課題's values (header row first): also issues no longer asked, e.g. answered 完了. */
export function withTitles(changes: readonly ReceivedChange[], issueValues: unknown[][]): TitledChange[] {
  const titles = new Map(ISSUES.fromRows(issueValues, []).rows.map(({ record }) => [normalizeText(record.ID), record.課題名]));
  return changes.map((c) => ({ ...c, title: titles.get(normalizeText(c.id)) ?? "" }));
}

export interface DigestInput {
  cycle: string;
  requests: OwnerRequest[];
  answered: ReadonlySet<string>;
  changes: TitledChange[];
  senderName: string;
}

/** Rows of the 回答状況_YYYY-MM sheet: one per owner, then the changes. */
export function digestRows(input: DigestInput): unknown[][] {
  const { answers, changes } = ANSWER_STATUS.followUp;
  const rows: unknown[][] = [[...answers]];
  for (const r of sortedRequests(input.requests)) {
    rows.push([r.bureau, r.section, r.owner, r.issues.length, input.answered.has(r.owner) ? "回答済" : "未回答"]);
  }
  rows.push(answers.map(() => ""));
  rows.push([...changes]);
  for (const c of input.changes) rows.push([c.at, c.id, c.title, c.field, `${c.before || "（空欄）"} → ${c.after || "（空欄）"}`]);
  return rows;
}

function sortedRequests(requests: OwnerRequest[]): OwnerRequest[] {
  return [...requests].sort((a, b) => compareText(a.bureau, b.bureau) || compareText(a.owner, b.owner));
}

export function composeDigest(input: DigestInput): ComposedMail {
  const label = cycleLabel(input.cycle);
  const total = input.requests.length;
  const done = input.requests.filter((r) => input.answered.has(r.owner)).length;
  const byBureau = new Map<string, OwnerRequest[]>();
  for (const r of sortedRequests(input.requests)) byBureau.set(r.bureau || "（局区未設定）", [...(byBureau.get(r.bureau || "（局区未設定）") ?? []), r]);
  const text: string[] = [
    "市政変革推進室 各位",
    "",
    `${label}の継続検討課題の進捗確認について、回答期限を過ぎましたので回答状況をお知らせします。`,
    `回答済 ${done}名 ／ 依頼 ${total}名（未回答 ${total - done}名）`,
    "",
  ];
  const html: string[] = [];
  for (const [bureau, requests] of byBureau) {
    text.push(`■ ${bureau}`);
    html.push(`<h2>${escapeHtml(bureau)}</h2><ul>`);
    for (const r of requests) {
      const state = input.answered.has(r.owner) ? "回答済" : "未回答";
      text.push(`  ${state}：${r.section} ${r.owner}（${r.issues.length}件）`);
      html.push(`<li><strong>${state}</strong>：${escapeHtml(r.section)} ${escapeHtml(r.owner)}（${r.issues.length}件）</li>`);
    }
    html.push("</ul>");
  }
  text.push("", `■ 今回受け付けた変更（${input.changes.length}件）`);
  html.push(`<h2>今回受け付けた変更（${input.changes.length}件）</h2>`);
  if (input.changes.length === 0) {
    text.push("  ありません。");
    html.push("<p>ありません。</p>");
  } else {
    html.push('<table style="border-collapse:collapse"><thead><tr><th scope="col">日付</th><th scope="col">ID</th><th scope="col">課題名</th><th scope="col">項目</th><th scope="col">変更前 → 変更後</th></tr></thead><tbody>');
    for (const c of input.changes) {
      text.push(`  ${formatWareki(c.at)} [${c.id}] ${c.title}：${c.field} ${c.before || "（空欄）"} → ${c.after || "（空欄）"}（${c.by}）`);
      html.push(`<tr><td>${formatWareki(c.at)}</td><td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.title)}</td><td>${escapeHtml(c.field)}</td><td>${escapeHtml(c.before || "（空欄）")} → ${escapeHtml(c.after || "（空欄）")}</td></tr>`);
    }
    html.push("</tbody></table>");
  }
  text.push("", `詳細はスプレッドシートの「${ANSWER_STATUS.nameFor(input.cycle)}」シートをご覧ください。`, "", `――――――――――――――――\n${input.senderName}`);
  const subject = `【回答状況】プラチナ市役所プロジェクト 継続検討課題の進捗確認（${label}）`;
  const htmlBody = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.6">
<p>市政変革推進室 各位</p><p>${escapeHtml(label)}の継続検討課題の進捗確認について、回答期限を過ぎましたので回答状況をお知らせします。<br>回答済 ${done}名 ／ 依頼 ${total}名（未回答 ${total - done}名）</p>
${html.join("\n")}
<p>詳細はスプレッドシートの「${escapeHtml(ANSWER_STATUS.nameFor(input.cycle))}」シートをご覧ください。</p></body></html>`;
  return { subject, body: text.join("\n"), htmlBody };
}
