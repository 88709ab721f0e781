// 動作確認: what the self-test found, as the rows of its sheet. Each check says
// what was checked, how it came out, what was seen and what to do about it.

export type CheckResult = "OK" | "要対応" | "注意";

export interface Check {
  /** What was checked, e.g. 「シート「課題」の見出し」. */
  item: string;
  result: CheckResult;
  /** What was seen. */
  detail: string;
  /** What to do when the result is not OK ("" for OK). */
  action: string;
}

export const SELF_TEST_SHEET = "動作確認";
export const SELF_TEST_HEADERS = ["確認項目", "結果", "詳細", "対処"] as const;

export const ok = (item: string, detail: string): Check => ({ item, result: "OK", detail, action: "" });
export const needsAction = (item: string, detail: string, action: string): Check => ({ item, result: "要対応", detail, action });
export const caution = (item: string, detail: string, action: string): Check => ({ item, result: "注意", detail, action });

/** The sheet's rows: the headers, the run (when, by whom, how many need action), one row per check. */
export function selfTestRows(checks: readonly Check[], ranAt: string, by: string): string[][] {
  const failed = checks.filter((c) => c.result === "要対応").length;
  return [
    [...SELF_TEST_HEADERS],
    ["実行日時・実行者", failed === 0 ? "OK" : "要対応", `${ranAt}（${by || "不明"}）: ${failed === 0 ? "すべて確認できました" : `要対応 ${failed}件`}`, ""],
    ...checks.map((c) => [c.item, c.result, c.detail, c.action]),
  ];
}

/** The dialog's summary: the count, then each check that needs something done. */
export function selfTestSummary(checks: readonly Check[]): string {
  const open = checks.filter((c) => c.result !== "OK");
  if (open.length === 0) return `${checks.length}項目をすべて確認できました。結果はシート「${SELF_TEST_SHEET}」にあります。`;
  return [
    `${checks.length}項目のうち ${open.length}項目に対処が必要です（シート「${SELF_TEST_SHEET}」に詳細）。`,
    ...open.map((c) => `・【${c.result}】${c.item}: ${c.action}`),
  ].join("\n");
}
