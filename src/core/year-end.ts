// The seed's year-end headlines: 「47の課題について…対応済（完了）14件…」. For each
// closed fiscal year, the issues the 制度所管局 worked on that year — the year's own
// issues followed or completed within it, plus those carried in unfinished — counted
// by their 進捗分類 at the end of the year (31 March, Tokyo), replayed from 履歴.
import { PROGRESS_CLASSES, isTracked, parseDirection, parseProgress, type Progress, type Sorting } from "./contracts/classes";
import { fiscalYearLabel, fiscalYearOfDate, parseFiscalYear } from "./base/fiscal-year";
import { tokyoMidnight } from "./base/tokyo-time";
import { cellToText } from "./contracts/contract";
import { ISSUES } from "./contracts/issues";
import { replayer } from "./replay";
import { readRow, type SkippedRow, type Table } from "./tables";
import { normalizeText } from "./base/text";

const REIWA_FIRST_YEAR = 2019;
const UNSET = "未設定";
type Class = Progress | typeof UNSET;

/** The seed's wording of each class in the headline (「対応済(完了) 14件」). */
export const HEADLINE_WORDING: Record<Class, string> = {
  完了: "対応済（完了）",
  実施中: "具体的な解決策を一部実施又は試行の段階",
  検討中: "具体的な解決策を検討中、又は実施準備の段階",
  未設定: "進捗分類が未設定",
};

export interface YearEnd {
  /** Reiwa number of the fiscal year. */
  year: number;
  /** Issues under consideration in the year (the seed's 47 and 77). */
  total: number;
  /** Of them, earlier years' issues carried in unfinished (R7: the 33 R6 issues). */
  carried: number;
  /** By 進捗分類 at the end of the year; 未設定 only when some are blank. */
  counts: Partial<Record<Class, number>>;
}

/** The last instant's day of fiscal year `year`: 31 March of the next calendar year, as a Tokyo midnight (replay reads the whole day). */
export function fiscalYearEnd(year: number): Date {
  return tokyoMidnight(REIWA_FIRST_YEAR + year, 3, 31);
}

/** A year's own issues count when followed (継続・⑦) or completed within the year (年度内完了). */
function worked(sorting: Sorting | null): boolean {
  return isTracked(sorting) || sorting === "年度内完了";
}

interface Read {
  id: string;
  year: number;
  sorting: Sorting | null;
  progress: Progress | null;
}

const EXPECT_YEAR = "「R7」「令和7年度」「2025」のように入力してください。";
const EXPECT_DIRECTION = "①〜⑦（または1〜7）・継続・年度内完了のいずれかを入力するか、空欄（未整理）にしてください。";
const EXPECT_PROGRESS = "「完了」「実施中」「検討中」（または分類1〜3）のいずれかを入力してください。";

/** The replayed rows by ID; with `skipped`, a row that cannot be read is listed there and left out. */
function readIssues(values: unknown[][], skipped?: SkippedRow[]): Map<string, Read> {
  const table = ISSUES.fromRows(values, ["ID", "年度", "整理区分", "進捗分類"]);
  const year = ISSUES.requiredColumn(table, "年度", parseFiscalYear, EXPECT_YEAR);
  const sorting = ISSUES.column(table, "整理区分", parseDirection, EXPECT_DIRECTION);
  const progress = ISSUES.column(table, "進捗分類", parseProgress, EXPECT_PROGRESS);
  // The ID cell alone, as its record would read it: the other fields of a row are not needed here.
  const idAt = table.indexOf("ID")!;
  const result = new Map<string, Read>();
  for (const row of table.rows) {
    readRow(skipped, () => {
      // Rows without an ID are keyed by row number: replays keep rows in place.
      const id = normalizeText(cellToText(row.cells[idAt])) || `#${row.rowNumber}`;
      result.set(id, { id, year: year(row), sorting: sorting(row), progress: progress(row) });
    });
  }
  return result;
}

/**
 * The headline of every fiscal year that has ended by `asOf`, from the first 年度 in
 * 課題 on. A carried issue is one of an earlier year that was followed and not 完了
 * at the end of the previous year, and is still followed at the end of this one.
 */
export function yearEnds(issues: unknown[][], history: unknown[][], asOf: Date, skipped?: SkippedRow[]): YearEnd[] {
  const current = readIssues(issues, skipped);
  const years = [...current.values()].map((r) => r.year);
  if (years.length === 0) return [];
  const lastClosed = fiscalYearOfDate(asOf) - 1;
  // Only rows 履歴 names can differ from today's values: the rest are not replayed (集計 recalculates
  // this on every edit of 課題). Skipped rows are listed once, from the current values.
  const named = idsIn(history);
  const idColumn = (issues[0] ?? []).findIndex((h) => normalizeText(h) === "ID");
  const changing = [issues[0] ?? [], ...issues.slice(1).filter((row) => idColumn >= 0 && named.has(normalizeText(row[idColumn])))];
  const replay = replayer(history);
  const asOfEnd = (year: number) => {
    const replayed = readIssues(replay(changing, fiscalYearEnd(year)).values, []);
    const end = new Map<string, Read>();
    // A replayed row missing from `replayed` did not exist yet at the year's end.
    for (const [id, issue] of current) if (!named.has(id)) end.set(id, issue);
    for (const [id, issue] of replayed) if (current.has(id)) end.set(id, issue);
    return end;
  };
  const result: YearEnd[] = [];
  // Nothing is carried into the first year.
  let before = new Map<string, Read>();
  for (let year = Math.min(...years); year <= lastClosed; year++) {
    const end = asOfEnd(year);
    const counts: Partial<Record<Class, number>> = {};
    let total = 0;
    let carried = 0;
    for (const issue of end.values()) {
      if (!current.has(issue.id)) continue;
      const was = before.get(issue.id);
      const own = issue.year === year && worked(issue.sorting);
      const carriedIn = issue.year < year && isTracked(issue.sorting) && !!was && isTracked(was.sorting) && was.progress !== "完了";
      if (!own && !carriedIn) continue;
      const cls: Class = issue.progress ?? UNSET;
      counts[cls] = (counts[cls] ?? 0) + 1;
      total += 1;
      if (carriedIn) carried += 1;
    }
    result.push({ year, total, carried, counts });
    before = end;
  }
  return result;
}

/** PLATINA_YEAR_END_TABLE: years as columns, 課題数 / うち前年度からの継続 / the three classes (and 未設定 when any). */
export function yearEndTable(issues: unknown, history: unknown, asOf: Date, skipped?: SkippedRow[]): Table {
  const ends = yearEnds(grid(issues), grid(history), asOf, skipped);
  const classes: Class[] = [...PROGRESS_CLASSES];
  if (ends.some((e) => e.counts.未設定)) classes.push(UNSET);
  return [
    ["年度末の状況", ...ends.map((e) => fiscalYearLabel(e.year))],
    ["検討した課題数", ...ends.map((e) => e.total)],
    ["うち前年度からの継続", ...ends.map((e) => e.carried)],
    ...classes.map((cls) => [HEADLINE_WORDING[cls], ...ends.map((e) => e.counts[cls] ?? 0)]),
  ];
}

/** The seed's sentence: 「47の課題について、制度所管局としての解決策を検討」. */
export function headlineSentence(end: YearEnd): string {
  return `${end.total}の課題について、制度所管局としての解決策を検討`;
}

/** The IDs 履歴 has rows for (by its 「ID」 header); none when 履歴 has no such column. */
function idsIn(history: unknown[][]): Set<string> {
  const column = (history[0] ?? []).findIndex((h) => normalizeText(h) === "ID");
  return new Set(column < 0 ? [] : history.slice(1).map((row) => normalizeText(row[column])).filter((id) => id !== ""));
}

function grid(values: unknown): unknown[][] {
  if (values === undefined || values === null || values === "") return [];
  return Array.isArray(values) ? (values as unknown[][]) : [[values]];
}
