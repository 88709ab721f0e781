// After the deadline: per 局区, who answered and who did not, and every change
// received this cycle — mailed to the secretariat and kept as a sheet.
import { escapeHtml, normalizeText } from "../base/text";
import { ANSWER_STATUS } from "../contracts/answer-status";
import { SENT, type SendRecord } from "../contracts/send-log";
import { ISSUES } from "../contracts/issues";
import type { ReceivedChange } from "../mailing/changes";
import type { ComposedMail } from "../mailing/mail";
import { formatWareki } from "../wareki";
import { cycleLabel } from "./cycle";
import type { EscalationPlan } from "./escalation";
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
  /** When 設定 turns the 督促 on: whom it was for, and this cycle's 督促 in 送信記録. */
  escalation?: { plan: EscalationPlan; log: readonly SendRecord[] } | null;
}

/** One bureau's 督促 as the digest reports it. */
interface EscalatedBureau {
  bureau: string;
  to: string;
  sections: number;
  /** 督促済, 送信失敗（…）, or why there was nobody to write to. */
  state: string;
}

function escalatedBureaus(input: DigestInput): EscalatedBureau[] {
  if (!input.escalation) return [];
  const { plan, log } = input.escalation;
  const stateOf = (to: string) => {
    const record = log.find((r) => r.宛先 === to);
    return !record ? "未送信" : record.結果 === SENT ? "督促済" : `送信失敗（${record.エラー}）`;
  };
  return [
    ...plan.mails.flatMap((m) => m.bureaus.map((b) => ({ bureau: b.bureau, to: m.to, sections: b.sections.length, state: stateOf(m.to) }))),
    ...plan.unreachable.map((b) => ({ bureau: b.bureau, to: "", sections: b.sections.length, state: "代表メールが局区シートにないため督促できません" })),
  ].sort((a, b) => compareText(a.bureau, b.bureau));
}

/** The 督促 column of an owner's row: for each bureau of theirs that was escalated, how. */
function escalationCell(owner: string, input: DigestInput, answered: boolean): string {
  if (!input.escalation || answered) return "";
  const { plan } = input.escalation;
  const states = escalatedBureaus(input);
  const bureaus = [...plan.mails.flatMap((m) => m.bureaus), ...plan.unreachable].filter((b) => b.sections.some((s) => s.address === owner)).map((b) => b.bureau);
  return states.filter((s) => bureaus.includes(s.bureau)).map((s) => `${s.bureau}: ${s.state}`).join("、");
}

/** Rows of the 回答状況_YYYY-MM sheet: one per owner, then the changes. */
export function digestRows(input: DigestInput): unknown[][] {
  const { answers, changes } = ANSWER_STATUS.followUp;
  const rows: unknown[][] = [[...answers]];
  for (const r of sortedRequests(input.requests)) {
    const answered = input.answered.has(r.owner);
    rows.push([r.bureau, r.section, r.owner, r.issues.length, answered ? "回答済" : "未回答", escalationCell(r.owner, input, answered)]);
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
  const escalated = escalatedBureaus(input);
  if (input.escalation) {
    const sent = escalated.filter((b) => b.state === "督促済").length;
    text.push(`■ 局区代表への督促（督促済 ${sent}局区 ／ 未回答のある局区 ${escalated.length}）`);
    html.push(`<h2>局区代表への督促（督促済 ${sent}局区 ／ 未回答のある局区 ${escalated.length}）</h2><ul>`);
    if (escalated.length === 0) {
      text.push("  未回答の所管課がないため、督促はしていません。");
      html.push("<li>未回答の所管課がないため、督促はしていません。</li>");
    }
    for (const b of escalated) {
      const to = b.to ? ` → ${b.to}` : "";
      text.push(`  ${b.state}：${b.bureau}${to}（未回答 ${b.sections}課）`);
      html.push(`<li><strong>${escapeHtml(b.state)}</strong>：${escapeHtml(b.bureau)}${escapeHtml(to)}（未回答 ${b.sections}課）</li>`);
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
