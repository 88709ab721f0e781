// A report document as one rectangular block of sheet cells with its styles,
// so the sheet is written in a constant number of calls whatever its length.
import type { Cell, ReportDocument, ReportTable } from "./report-document";

type Weight = "bold" | "normal";
type Style = "title" | "heading" | "caption" | "header" | "body" | "text";

/** How generated tables look (報告 and 集計): shaded bold header row, thin grey grid. */
export const TABLE_STYLE = { header: "#e8eef7", border: "#999999" } as const;

const BACKGROUND: Partial<Record<Style, string>> = { heading: "#d9e2f3", header: TABLE_STYLE.header };
const BOLD: ReadonlySet<Style> = new Set(["title", "heading", "caption", "header"]);
const TOTALS = new Set(["計", "合計", "当初の課題件数"]);
/** ID / label, 年度 / number, 課題名, 実施時期, then the 局区 table's third pair. */
const COLUMN_WIDTHS = [120, 70, 380, 200, 120, 70];

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
  columnWidths: number[];
  /** Charts to build over these cells; empty when the sheet cannot have charts. */
  charts: { title: string; data: GridArea; anchor: { row: number; column: number } }[];
}

export function sheetLayout(doc: ReportDocument, options: { charts: boolean }): SheetLayout {
  const rows: { cells: Cell[]; style: Style }[] = [];
  const charts: SheetLayout["charts"] = [];
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
  const width = Math.max(COLUMN_WIDTHS.length, ...rows.map((r) => r.cells.length));
  return {
    values: rows.map((r) => [...r.cells, ...Array<Cell>(width - r.cells.length).fill("")]),
    fontWeights: rows.map((r) => Array<Weight>(width).fill(BOLD.has(r.style) ? "bold" : "normal")),
    // Section headings band the whole width; table headers only their own columns.
    backgrounds: rows.map((r) => Array.from({ length: width }, (_, c) => (r.style === "heading" || c < r.cells.length ? (BACKGROUND[r.style] ?? null) : null))),
    columnWidths: COLUMN_WIDTHS,
    charts,
  };
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
