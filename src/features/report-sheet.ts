// A report document written onto a sheet — the 報告_ sheets and the X会議 pack's
// file: one block of values and styles in a fixed number of calls whatever its
// length, table borders, and the charts where the sheet can have them.
import type { ReportDocument } from "../core/report-document";
import { sheetLayout, type SheetLayout } from "../core/report-layout";
import { drawTableBorders } from "../gas/sheet-format";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Writes the document from A1 of an empty sheet; true when the charts were built. */
export function writeDocument(sheet: Sheet, document: ReportDocument): boolean {
  const layout = sheetLayout(document, { charts: canChart(sheet) });
  const height = layout.values.length;
  const width = layout.values[0].length;
  if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const range = sheet.getRange(1, 1, height, width);
  // A leading apostrophe keeps text as typed: an ID or 実施時期 like "4/1" must not become a date.
  range.setValues(layout.values.map((row) => row.map((cell) => (typeof cell === "string" && cell !== "" ? `'${cell}` : cell))));
  range.setFontWeights(layout.fontWeights);
  range.setBackgrounds(layout.backgrounds);
  range.setWraps(layout.wraps);
  layout.columnWidths.forEach((px, i) => sheet.setColumnWidth(i + 1, px));
  for (const table of layout.tables) drawTableBorders(sheet, table);
  insertCharts(sheet, layout.charts);
  return layout.charts.length > 0;
}

/** Whether this Sheet can hold charts: the local runtime's Sheet.newChart throws 未対応. */
function canChart(sheet: Sheet): boolean {
  try {
    sheet.newChart();
    return true;
  } catch {
    return false;
  }
}

function insertCharts(sheet: Sheet, charts: SheetLayout["charts"]): void {
  for (const chart of charts) {
    const { row, column, numRows, numColumns } = chart.data;
    const built = sheet
      .newChart()
      .asColumnChart()
      .setStacked()
      .setTitle(chart.title)
      .addRange(sheet.getRange(row, column, numRows, numColumns))
      .setTransposeRowsAndColumns(true)
      .setNumHeaders(1)
      .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
      .build();
    sheet.insertChart(built);
  }
}
