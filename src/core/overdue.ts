// Overdue issues: those the follow-up asks about (tracked, not 完了) whose 実施時期
// names a period that ended before the as-of day. The day always comes from the
// caller — a custom function's argument, a feature's today — never from a clock here.
import { memoize } from "./base/text";
import { isTracked, parseDirection, parseProgress, type Progress } from "./contracts/classes";
import { cellToText } from "./contracts/contract";
import { ISSUES, type IssueRecord } from "./contracts/issues";
import { asOfArgument, type Day } from "./contracts/pt-values";
import { isPast, parseTiming, type Timing } from "./timing";

export interface FollowedTiming {
  /** Row number within the range read (header = 1). */
  rowNumber: number;
  /** 1-based column of 実施時期. */
  column: number;
  id: string;
  title: string;
  /** null: 進捗分類 is blank (未設定). */
  progress: Exclude<Progress, "完了"> | null;
  /** The cell as it is (text, or a date). */
  value: unknown;
  timing: Timing;
}

/**
 * Every issue the follow-up asks about, with what its 実施時期 reads as. Rows whose
 * 整理区分 or 進捗分類 cannot be read are left out: データ点検 names them already.
 */
export function followedTimings(issueValues: unknown): FollowedTiming[] {
  const table = ISSUES.fromRows(issueValues, ["整理区分", "進捗分類", "実施時期"]);
  const [id, title, sorting, klass, column] = (["ID", "課題名", "整理区分", "進捗分類", "実施時期"] as const).map((f) => table.indexOf(f));
  const [direction, progress, timing] = [memoize(parseDirection), memoize(parseProgress), memoize(parseTiming)];
  const result: FollowedTiming[] = [];
  for (const { rowNumber, cells } of table.rows) {
    const cell = (index: number | undefined) => (index === undefined ? "" : cells[index]);
    const d = direction(cell(sorting));
    if (d === undefined || !isTracked(d)) continue;
    const p = progress(cell(klass));
    if (p === undefined || p === "完了") continue;
    const value = cell(column);
    result.push({
      // ID and 課題名 as typed (NFKC would turn a title's ⑦ into 7).
      rowNumber, column: (column as number) + 1, id: cellToText(cell(id)).trim(), title: cellToText(cell(title)).trim(), progress: p, value, timing: timing(value),
    });
  }
  return result;
}

/** The followed issues overdue at `asOf`. */
export function overdueTimings(issueValues: unknown, asOf: Day): FollowedTiming[] {
  return followedTimings(issueValues).filter((f) => isPast(f.timing, asOf));
}

/** PLATINA_OVERDUE_COUNT: an unreadable 実施時期 is not counted, and never an error. */
export function overdueCount(issueValues: unknown, asOfArg: unknown): number {
  return overdueTimings(issueValues, asOfArgument(asOfArg)).length;
}

/** The period an issue record's 実施時期 names, when the issue is followed and that period has ended before `asOf`. */
export function overdueOf(issue: Pick<IssueRecord, "整理区分" | "進捗分類" | "実施時期">, asOf: Day): string | null {
  const direction = parseDirection(issue.整理区分);
  const progress = parseProgress(issue.進捗分類);
  if (direction === undefined || !isTracked(direction) || progress === undefined || progress === "完了") return null;
  const timing = parseTiming(issue.実施時期);
  return timing.kind === "due" && isPast(timing, asOf) ? timing.named : null;
}

/** What the owner reads beside an overdue issue (sidebar, follow-up mail): polite, and what to do. */
export function overdueNotice(named: string): string {
  return `実施時期（${named}）を過ぎています。現在の状況をお知らせください（予定が変わった場合は、実施時期の更新をお願いいたします）。`;
}
