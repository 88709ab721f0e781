// The programme's summary tables, computed from the 課題 and 局区改革 sheets.
import {
  AUDIENCES,
  DIRECTIONS,
  PROGRESS_CLASSES,
  isDirection,
  isTracked,
  parseAudience,
  parseDirection,
  parseProgress,
  type Audience,
  type Progress,
} from "./contracts/classes";
import { fiscalYearLabel, parseFiscalYear } from "./base/fiscal-year";
import { BUREAUS } from "./contracts/bureaus";
import { ISSUES } from "./contracts/issues";
import { REFORMS } from "./contracts/reforms";
import { CellError, InputError, toGrid, type SheetTable, type TableRow } from "./base/sheet-table";
import { isBlank, normalizeText } from "./base/text";

const EXPECT_YEAR = "「R7」「令和7年度」「2025」のように入力してください。";
const EXPECT_PROGRESS = "「完了」「実施中」「検討中」（または分類1〜3）のいずれかを入力してください。";
const EXPECT_DIRECTION = "①〜⑦（または1〜7）・継続・年度内完了のいずれかを入力するか、空欄（未整理）にしてください。";
const EXPECT_AUDIENCE = "「ユーザー」または「職員」を入力してください。";

export type Table = (string | number)[][];

/** Years named by a custom function's argument: one cell, or a row or column of cells. */
export function parseYearList(arg: unknown): number[] | null {
  if (arg === undefined || arg === null || arg === "") return null;
  const years: number[] = [];
  for (const value of toGrid(arg).flat()) {
    if (isBlank(value)) continue;
    const year = parseFiscalYear(value);
    if (year === undefined || year === null) {
      throw new InputError(`年度の指定「${normalizeText(value)}」を解釈できません。${EXPECT_YEAR}`);
    }
    if (!years.includes(year)) years.push(year);
  }
  return years.length > 0 ? years : null;
}

function issueReaders(table: SheetTable, withYear: boolean) {
  return {
    year: withYear ? ISSUES.requiredColumn(table, "年度", parseFiscalYear, EXPECT_YEAR) : () => 0,
    direction: ISSUES.column(table, "整理区分", parseDirection, EXPECT_DIRECTION),
  };
}

/** A row a table left out because a cell it needs cannot be read. */
export interface SkippedRow {
  sheet: string;
  /** Row within the range (header = 1): the sheet's row when the range starts at row 1. */
  row: number;
  header: string;
  /** The cell as staff see it; "" when blank. */
  value: string;
}

/**
 * Reads one row. Without `skipped`, a cell it cannot read fails the whole table (the
 * reports stop and name it); with it, the row is listed there and left out, so a
 * custom function's table never fails for one bad row. Each caller reads every cell
 * of a row before it counts any, so a skipped row counts nowhere.
 */
export function readRow(skipped: SkippedRow[] | undefined, read: () => void): void {
  if (!skipped) return read();
  try {
    read();
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    skipped.push({ sheet: error.sheet, row: error.row, header: error.header, value: error.value });
  }
}

/** Tracked issues (整理区分 継続 or ⑦) of the chosen years, with their year (unless `withYear` is false) and 進捗分類. */
function trackedIssues(values: unknown, years: number[] | null, skipped?: SkippedRow[], withYear = true) {
  const table = ISSUES.fromRows(values, ["整理区分", "進捗分類", ...(withYear ? (["年度"] as const) : [])]);
  const read = issueReaders(table, withYear);
  const progress = ISSUES.column(table, "進捗分類", parseProgress, EXPECT_PROGRESS);
  const result: { row: TableRow; year: number; progress: Progress | null }[] = [];
  for (const row of table.rows) {
    readRow(skipped, () => {
      if (!isTracked(read.direction(row))) return;
      const year = read.year(row);
      if (years && !years.includes(year)) return;
      result.push({ row, year, progress: progress(row) });
    });
  }
  return result;
}

/** 完了/実施中/検討中 by year over tracked issues, with 計 row and column. */
export function statusTable(issues: unknown, yearsArg?: unknown, skipped?: SkippedRow[]): Table {
  const years = parseYearList(yearsArg);
  const rows = trackedIssues(issues, years, skipped);
  const columns = years ?? [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const labels: (Progress | "未設定")[] = [...PROGRESS_CLASSES];
  if (rows.some((r) => r.progress === null)) labels.push("未設定");
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.progress ?? "未設定"}|${r.year}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const table: Table = [["", ...columns.map(fiscalYearLabel), "計"]];
  for (const label of labels) {
    const cells = columns.map((y) => counts.get(`${label}|${y}`) ?? 0);
    table.push([label, ...cells, sum(cells)]);
  }
  table.push(totalRow(table));
  return table;
}

/** Tracked issues not yet 完了: the secretariat's follow-up list (whatever their 年度). */
export function followUpCount(issues: unknown, skipped?: SkippedRow[]): number {
  return trackedIssues(issues, null, skipped, false).filter((r) => r.progress !== "完了").length;
}

/** 整理区分 ①–⑦ by 区分 (ユーザー/職員), over sorted rows (継続・年度内完了 and 未整理 are no row of it). */
export function directionTable(issues: unknown, yearArg?: unknown, skipped?: SkippedRow[]): Table {
  const years = parseYearList(yearArg);
  const table = ISSUES.fromRows(issues, ["整理区分", "区分", ...(years ? (["年度"] as const) : [])]);
  const direction = ISSUES.column(table, "整理区分", parseDirection, EXPECT_DIRECTION);
  const audience = ISSUES.requiredColumn(table, "区分", parseAudience, EXPECT_AUDIENCE);
  const year = years ? ISSUES.requiredColumn(table, "年度", parseFiscalYear, EXPECT_YEAR) : null;
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    readRow(skipped, () => {
      const d = direction(row);
      if (!isDirection(d)) return;
      if (year && years && !years.includes(year(row))) return;
      const key = `${d}|${audience(row)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
  }
  const result: Table = [["整理区分", ...AUDIENCES, "計"]];
  for (const d of DIRECTIONS) {
    const cells = AUDIENCES.map((a: Audience) => counts.get(`${d}|${a}`) ?? 0);
    result.push([d, ...cells, sum(cells)]);
  }
  result.push(totalRow(result));
  return result;
}

/** 取組件数 per 局区, in the 局区 sheet's order when given, with 合計. */
export function bureauTable(reforms: unknown, bureausArg?: unknown, yearArg?: unknown, skipped?: SkippedRow[]): Table {
  const years = parseYearList(yearArg);
  const table = REFORMS.fromRows(reforms, ["局区名", ...(years ? (["年度"] as const) : [])]);
  const bureau = REFORMS.requiredColumn(table, "局区名", (v) => normalizeText(v) || null, "局区名を入力してください。");
  const year = years ? REFORMS.requiredColumn(table, "年度", parseFiscalYear, EXPECT_YEAR) : null;
  const counts = new Map<string, number>(bureauNames(bureausArg).map((name) => [name, 0]));
  for (const row of table.rows) {
    readRow(skipped, () => {
      if (year && years && !years.includes(year(row))) return;
      const name = bureau(row);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    });
  }
  const result: Table = [["局区名", "取組件数"]];
  for (const [name, count] of counts) result.push([name, count]);
  result.push(["合計", sum([...counts.values()])]);
  return result;
}

/** 局区名 in sheet order from the 局区 range (header included); [] when not given. */
function bureauNames(arg: unknown): string[] {
  if (arg === undefined || arg === null || arg === "") return [];
  const names = BUREAUS.fromRows(arg, ["局区名"]).rows.map((row) => normalizeText(row.record.局区名)).filter((n) => n !== "");
  return [...new Set(names)];
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function totalRow(table: Table): (string | number)[] {
  const body = table.slice(1);
  return ["計", ...table[0].slice(1).map((_, i) => sum(body.map((row) => row[i + 1] as number)))];
}

/** The tables a note on 集計 can speak for, by their custom function's name. */
const NOTED_TABLES: Record<string, (skipped: SkippedRow[], args: unknown[]) => unknown> = {
  PLATINA_STATUS_TABLE: (skipped, [issues, years]) => statusTable(issues, years, skipped),
  PLATINA_FOLLOWUP_COUNT: (skipped, [issues]) => followUpCount(issues, skipped),
  PLATINA_DIRECTION_TABLE: (skipped, [issues, year]) => directionTable(issues, year, skipped),
  PLATINA_BUREAU_TABLE: (skipped, [reforms, bureaus, year]) => bureauTable(reforms, bureaus, year, skipped),
};

/** The rows the named table, given the same arguments, leaves out. */
export function skippedRows(tableName: unknown, args: unknown[]): SkippedRow[] {
  const name = normalizeText(tableName).toUpperCase();
  const table = NOTED_TABLES[name];
  if (!table) {
    throw new InputError(`表の名前「${normalizeText(tableName)}」が正しくありません。${Object.keys(NOTED_TABLES).map((n) => `"${n}"`).join("・")} のいずれかを指定してください。`);
  }
  const skipped: SkippedRow[] = [];
  table(skipped, args);
  return skipped;
}

/** How many rows are not counted, where, and what to do; "" when every row was read. Lists the first few. */
export function skippedNote(skipped: readonly SkippedRow[]): string {
  if (skipped.length === 0) return "";
  const shown = 3;
  const where = skipped.slice(0, shown).map((s) => `${s.sheet} ${s.row}行目 ${s.header}${s.value === "" ? "が空欄" : `「${s.value}」`}`);
  const more = skipped.length > shown ? ` ほか${skipped.length - shown}行` : "";
  return `読み取れない行が${skipped.length}行あります（${where.join("、")}${more}）。表には数えていません。セルを直すと数えます（メニュー「データ点検」で一覧できます）。`;
}
