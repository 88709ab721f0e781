// What the secretariat reads about a follow-up cycle: which cycle 送信状況 shows,
// times in 和暦 and Tokyo time, and what 今すぐ送信 is about to send and why.
import { parseDirection } from "../contracts/classes";
import { SENT, type SendRecord } from "../contracts/send-log";
import { formatWarekiWithWeekday } from "../wareki";
import { cycleLabel, cycleMonth, cycleOf } from "./cycle";
import type { OwnerRequest } from "./recipients";

/** "令和8年12月11日（金） 0:00" — Tokyo time, as staff read it. */
export function formatTokyoDateTime(instant: Date | number | string): string {
  const ms = new Date(instant).getTime();
  const minutes = Math.floor((ms + 9 * 3600_000) / 60_000) % (24 * 60);
  return `${formatWarekiWithWeekday(ms)} ${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

export function previousCycle(cycle: string): string {
  const { year, month } = cycleMonth(cycle);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

/**
 * The cycle 送信状況 shows: the one a continuation is carrying on; else last
 * month's while its requests went out and its まとめ has not, so its answers
 * stay in view until the secretariat has them; else this month's.
 */
export function shownCycle(now: Date, pending: string | null, log: readonly SendRecord[]): { cycle: string; waitingForDigest: boolean } {
  const sent = (cycle: string, kind: SendRecord["種別"]) => log.some((r) => r.サイクル === cycle && r.種別 === kind && r.結果 === SENT);
  const current = cycleOf(now);
  const previous = previousCycle(current);
  const cycle = pending ?? (sent(previous, "依頼") && !sent(previous, "まとめ") ? previous : current);
  return { cycle, waitingForDigest: cycle !== current && !sent(cycle, "まとめ") };
}

/**
 * The question before 今すぐ送信: who gets mail, how many issues, and which
 * issues are included and why — so 「課題 53件」 beside 集計's 34 is explained
 * (集計 counts only the tracked issues; ⑥ ones are asked in the months 設定 names).
 */
export function sendConfirmation(cycle: string, pending: readonly OwnerRequest[], sixMonths: readonly number[]): string {
  const reachable = pending.filter((r) => !r.badAddress);
  const issues = reachable.flatMap((r) => r.issues);
  const six = issues.filter((i) => parseDirection(i.整理区分) === "⑥").length;
  const month = cycleMonth(cycle).month;
  const months = sixMonths.length ? sixMonths.map((m) => `${m}月`).join("・") : "なし";
  const lines = [`${cycleLabel(cycle)}の進捗確認メールを、まだ送っていない ${reachable.length}名（課題 ${issues.length}件）に送信します。`, ""];
  lines.push(`対象の課題: 継続検討課題（整理区分が継続または⑦）のうち完了していないもの ${issues.length - six}件`);
  if (sixMonths.includes(month)) {
    lines.push(`　＋ 整理区分⑥（所管課で継続検討）の課題 ${six}件 — ${month}月は設定「⑥の照会月」（${months}）にあたるため、⑥も照会します。`);
    lines.push("集計の「進捗確認課題数」は継続検討課題だけを数えるため、⑥の分だけ件数が異なります。");
  } else {
    lines.push(`整理区分⑥の課題は、設定「⑥の照会月」（${months}）にだけ照会します。`);
  }
  lines.push("送信済みの方には送りません。", ...badAddressWarning(pending, reachable.length), "", "よろしいですか？");
  return lines.join("\n");
}


/** Before the send, not after it: the addresses no mail can go to, the cells that hold them, and what 「はい」 does. */
function badAddressWarning(pending: readonly OwnerRequest[], reachable: number): string[] {
  const bad = pending.filter((r) => r.badAddress);
  if (bad.length === 0) return [];
  return [
    "",
    `【ご注意】次の担当者メール ${bad.length}件はメールアドレスとして正しくないため、送信できません。`,
    ...bad.map((r) => `・「${r.owner}」— ${r.badAddress}（課題 ${r.issues.length}件）`),
    "課題シートで正しいアドレスに直してから、もう一度「今すぐ送信」を実行してください。",
    `「はい」を選ぶと、これらを除く ${reachable}名に送信します（除いた宛先は送信記録に「失敗」として残ります）。`,
  ];
}
