// 履歴シート: 進捗分類の変更の記録。報告書の年度末の状況を、履歴から戻して再現できるようにする。
// - R6 年度末（2025-03-31）: 47件 = 完了14（年度内完了）・実施中14・検討中19（継続の33件）
// - R7 年度末（2026-03-31）: 77件 = 完了43・実施中11・検討中23（継続の33件と R7 の⑦44件。現在の値のまま）
// 継続の33件は R6 年度末に完了0・実施中14・検討中19で、R7 年度中の変更で現在の 完了21・実施中8・検討中4 になった。
import { HISTORY } from "../core/contracts/history";
import { ISSUES } from "../core/contracts/issues";

/** [ID, 変更前, 変更後, 日 "YYYY-MM-DD"]: one 進捗分類 change, recorded at 10:00 Tokyo. */
type Change = readonly [string, string, string, string];

const id = (n: number) => `R6-${String(n).padStart(3, "0")}`;

// 年度内完了の14件（R6-034〜R6-047）: R6 年度中に完了。
const COMPLETED_IN_R6: readonly Change[] = [
  ["2024-07-10", "実施中"], ["2024-06-21", "検討中"], ["2024-09-13", "実施中"], ["2024-10-04", "実施中"], ["2024-11-15", "実施中"],
  ["2024-08-23", "検討中"], ["2024-10-25", "実施中"], ["2024-12-13", "実施中"], ["2024-06-07", "検討中"], ["2024-09-27", "検討中"],
  ["2025-01-17", "実施中"], ["2025-02-14", "検討中"], ["2025-02-28", "実施中"], ["2025-03-14", "実施中"],
].map(([day, before], i) => [id(34 + i), before, "完了", day] as const);

// 継続の33件のうち、R7 年度中に分類が変わったもの（R6 年度末の分類 → 現在の分類）。
const MOVED_IN_R7: readonly Change[] = [
  // R6 年度末に実施中 → 完了（8件）
  [id(1), "実施中", "完了", "2026-03-25"], [id(2), "実施中", "完了", "2026-03-25"], [id(4), "実施中", "完了", "2025-07-18"],
  [id(7), "実施中", "完了", "2025-06-20"], [id(14), "実施中", "完了", "2025-08-22"], [id(16), "実施中", "完了", "2025-09-19"],
  [id(17), "実施中", "完了", "2025-10-17"], [id(18), "実施中", "完了", "2025-11-21"],
  // R6 年度末に検討中 → 完了（13件。うち2件は実施中を経て）
  [id(3), "検討中", "完了", "2025-04-18"], [id(5), "検討中", "実施中", "2025-05-20"], [id(5), "実施中", "完了", "2025-10-17"],
  [id(6), "検討中", "完了", "2025-04-18"], [id(8), "検討中", "完了", "2025-04-18"], [id(9), "検討中", "完了", "2025-04-18"],
  [id(10), "検討中", "完了", "2025-04-18"], [id(11), "検討中", "完了", "2025-04-18"], [id(12), "検討中", "完了", "2025-05-23"],
  [id(13), "検討中", "完了", "2025-04-18"], [id(15), "検討中", "完了", "2025-04-18"], [id(19), "検討中", "完了", "2025-05-23"],
  [id(20), "検討中", "実施中", "2025-05-20"], [id(20), "実施中", "完了", "2025-07-18"], [id(21), "検討中", "完了", "2025-04-18"],
  // R6 年度末に検討中 → 実施中（2件）
  [id(25), "検討中", "実施中", "2025-06-16"], [id(28), "検討中", "実施中", "2025-06-16"],
];

/** 10:00 Tokyo of a day. */
function at(day: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date, 1, 0));
}

/** Header row + the changes in time order, each by the issue's owner through the follow-up mail. */
export function historySheet(issues: unknown[][]): unknown[][] {
  const table = ISSUES.fromRows(issues, ["ID", "担当者メール"]);
  const owners = new Map(table.rows.map((row) => [row.record.ID, row.record.担当者メール]));
  const changes = [...COMPLETED_IN_R6, ...MOVED_IN_R7].sort((a, b) => a[3].localeCompare(b[3]));
  return [
    [...HISTORY.headers],
    ...changes.map(([issue, before, after, day]) =>
      HISTORY.toRow({ 日時: at(day), 利用者: owners.get(issue) ?? "", ID: issue, 項目: "進捗分類", 変更前: before, 変更後: after, 経路: "メール回答" }),
    ),
  ];
}
