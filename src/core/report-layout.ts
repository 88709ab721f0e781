// A report document as one rectangular block of sheet cells with its styles,
// so the sheet is written in a constant number of calls whatever its length.
import type { Cell, ReportDocument, ReportTable } from "./report-document";

type Weight = "bold" | "normal";
type Style = "title" | "heading" | "caption" | "header" | "body" | "text";

/** How generated tables look (報告 and 集計): shaded bold header row, thin grey grid. */
export const TABLE_STYLE = { header: "#e8eef7", border: "#999999" } as const;

const BACKGROUND: Partial<Record<Style, string>> = { heading: "#d9e2f3", header: TABLE_STYLE.header };
const BOLD: ReadonlySet<Style> = new Set(["title", "heading", "caption", "header"]);
const TOTALS = new Set(["計", "合計", "当初の課題件数", "当初課題件数"]);
/** At least the 局区 table's three pairs of columns. */
const MIN_COLUMNS = 6;
/** A column fits its widest table cell within these bounds; longer text (a long 課題名) wraps. */
const MIN_WIDTH = 60;
const MAX_WIDTH = 400;

export interface GridArea {
  /** 1-based, as Sheets addresses cells. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface SheetLayout {
  values: Cell[][];
  fontWeights: Weight[][];
  backgrounds: (string | null)[][];
  /** Table cells wrap; titles, headings and notes stay on one line and run on into the empty cells to their right. */
  wraps: boolean[][];
  columnWidths: number[];
  /** Each table's header row and body, to frame. */
  tables: GridArea[];
  /** Charts to build over these cells; empty when the sheet cannot have charts. */
  charts: { title: string; data: GridArea; anchor: { row: number; column: number } }[];
}

export function sheetLayout(doc: ReportDocument, options: { charts: boolean }): SheetLayout {
  const rows: { cells: Cell[]; style: Style }[] = [];
  const charts: SheetLayout["charts"] = [];
  const tables: GridArea[] = [];
  const push = (cells: Cell[], style: Style) => rows.push({ cells, style });
  push([doc.title], "title");
  push([doc.subtitle], "title");
  for (const note of doc.notes) push([note], "text");
  for (const section of doc.sections) {
    if (rows[rows.length - 1].cells.length > 0) push([], "text");
    push([section.heading], "heading");
    for (const block of section.blocks) {
      if ("text" in block) {
        push([block.text], "text");
        continue;
      }
      const table = folded(block.table);
      push([table.caption], "caption");
      const headerRow = rows.length + 1;
      push(table.header, "header");
      for (const row of table.rows) push(row, TOTALS.has(String(row[0])) ? "caption" : "body");
      tables.push({ row: headerRow, column: 1, numRows: table.rows.length + 1, numColumns: table.header.length });
      if (table.chart && options.charts) {
        // The chart reads years across and 分類 stacked: header and 分類 rows, without the 計 row and column.
        const data = { row: headerRow, column: 1, numRows: table.rows.length, numColumns: table.header.length - 1 };
        charts.push({ title: table.chart, data, anchor: { row: headerRow - 1, column: table.header.length + 2 } });
      } else if (table.chart) {
        push([`※ グラフ「${table.chart}」（積み上げ縦棒）は、この環境ではグラフを作れないため省略しました。Google スプレッドシートで作成すると表の右に入ります。`], "text");
      }
      push([], "text");
    }
  }
  const width = Math.max(MIN_COLUMNS, ...rows.map((r) => r.cells.length));
  const inTable = (r: number, c: number) => tables.some((t) => r + 1 >= t.row && r + 1 < t.row + t.numRows && c + 1 < t.column + t.numColumns);
  const columnWidths = Array.from({ length: width }, (_, c) => {
    const widest = Math.max(0, ...rows.flatMap((row, r) => (inTable(r, c) ? [textWidth(row.cells[c], BOLD.has(row.style))] : [])));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest));
  });
  return {
    values: rows.map((r) => [...r.cells, ...Array<Cell>(width - r.cells.length).fill("")]),
    fontWeights: rows.map((r) => Array<Weight>(width).fill(BOLD.has(r.style) ? "bold" : "normal")),
    // Section headings band the whole width; table headers only their own columns.
    backgrounds: rows.map((r) => Array.from({ length: width }, (_, c) => (r.style === "heading" || c < r.cells.length ? (BACKGROUND[r.style] ?? null) : null))),
    wraps: rows.map((_, r) => Array.from({ length: width }, (_, c) => inTable(r, c))),
    columnWidths,
    tables,
    charts,
  };
}

/**
 * Width in px a cell's text needs on one line, as Sheets draws the default 10 pt font:
 * about 7 px per narrow character and 13 px per wide (Japanese) one, bold a little wider, plus padding.
 */
export function textWidth(cell: Cell | undefined, bold: boolean): number {
  let px = 0;
  for (const char of String(cell ?? "")) px += char.codePointAt(0)! > 0x2e7f && !/[\uff61-\uff9f]/.test(char) ? 13 : 7;
  return Math.ceil(px * (bold ? 1.1 : 1)) + 12;
}

/** The seed prints its 29 局区 in three side-by-side pairs of columns. */
function folded(table: ReportTable): ReportTable {
  const groups = table.fold ?? 1;
  if (groups <= 1) return table;
  const height = Math.ceil(table.rows.length / groups);
  const blank = table.header.map(() => "");
  const rows = Array.from({ length: height }, (_, r) =>
    Array.from({ length: groups }, (_, g) => table.rows[g * height + r] ?? blank).flat(),
  );
  return { ...table, header: Array.from({ length: groups }, () => table.header).flat(), rows };
}
