// 動作確認: what the self-test found, as the rows of its sheet. Each check says
// what was checked, how it came out, what was seen and what to do about it —
// and, where Apps Script cannot tell, that it could not check and why.
import { tokyoMidnight } from "./base/tokyo-time";

/** 未確認: Apps Script gives this run no way to see it (e.g. another account's triggers). */
export type CheckResult = "OK" | "要対応" | "注意" | "未確認";

export interface Check {
  /** What was checked, e.g. 「シート「課題」の見出し」. */
  item: string;
  result: CheckResult;
  /** What was seen (or, for 未確認, why it could not be seen). */
  detail: string;
  /** What to do when the result is not OK ("" for OK). */
  action: string;
}

export const SELF_TEST_SHEET = "動作確認";
export const SELF_TEST_HEADERS = ["確認項目", "結果", "詳細", "対処"] as const;

export const ok = (item: string, detail: string): Check => ({ item, result: "OK", detail, action: "" });
export const needsAction = (item: string, detail: string, action: string): Check => ({ item, result: "要対応", detail, action });
export const caution = (item: string, detail: string, action: string): Check => ({ item, result: "注意", detail, action });
export const unverified = (item: string, detail: string, action: string): Check => ({ item, result: "未確認", detail, action });

/** The run's line: how many need action, and how many could not be checked. */
function tally(checks: readonly Check[]): string {
  const failed = checks.filter((c) => c.result === "要対応").length;
  const open = checks.filter((c) => c.result === "未確認").length;
  if (failed === 0 && open === 0) return "すべて確認できました";
  return [failed > 0 ? `要対応 ${failed}件` : "", open > 0 ? `確認できなかった項目 ${open}件` : ""].filter(Boolean).join("・");
}

/** The sheet's rows: the headers, the run (when, by whom, how many need action), one row per check. */
export function selfTestRows(checks: readonly Check[], ranAt: string, by: string): string[][] {
  const failed = checks.some((c) => c.result === "要対応");
  return [
    [...SELF_TEST_HEADERS],
    ["実行日時・実行者", failed ? "要対応" : "OK", `${ranAt}（${by || "不明"}）: ${tally(checks)}`, ""],
    ...checks.map((c) => [c.item, c.result, c.detail, c.action]),
  ];
}

/** The dialog's summary: the count, then each check that needs something done or could not be made. */
export function selfTestSummary(checks: readonly Check[]): string {
  const open = checks.filter((c) => c.result !== "OK");
  if (open.length === 0) return `${checks.length}項目をすべて確認できました。結果はシート「${SELF_TEST_SHEET}」にあります。`;
  return [
    `${checks.length}項目のうち ${open.length}項目に対処または確認が必要です（シート「${SELF_TEST_SHEET}」に詳細）。`,
    ...open.map((c) => `・【${c.result}】${c.item}: ${c.action}`),
  ].join("\n");
}

/** Apps Script fires an hourly-window trigger some time within its hour; after this, a run that did not happen is missed. */
const GRACE_MS = 2 * 60 * 60 * 1000;

/**
 * The latest monthly firing (day `day` at `hour`, Tokyo) that should have run by
 * `now`, if it falls after the trigger was installed (`since`); months without
 * that day are skipped. Null when none is due yet.
 */
export function dueMonthlyRun(day: number, hour: number, since: Date, now: Date): Date | null {
  const tokyo = new Date(now.getTime() + 9 * 3600_000);
  for (let back = 0; back < 3; back++) {
    const month = tokyo.getUTCMonth() - back;
    const year = tokyo.getUTCFullYear() + Math.floor(month / 12);
    const m = ((month % 12) + 12) % 12;
    if (new Date(Date.UTC(year, m, day)).getUTCMonth() !== m) continue;
    const at = new Date(tokyoMidnight(year, m + 1, day).getTime() + hour * 3600_000);
    if (at.getTime() + GRACE_MS > now.getTime()) continue;
    return at >= since ? at : null;
  }
  return null;
}

/** A run due at `due` that left no record since (the mailing's last run is older): the trigger did not fire. */
export function missedRun(due: Date, lastRunAt: string | null, now: Date): boolean {
  if (due.getTime() + GRACE_MS > now.getTime()) return false;
  return lastRunAt === null || Date.parse(lastRunAt) < due.getTime();
}
