// Where 集計's spilled tables lie, so 初期設定 can frame each one and shade its
// header row in a fixed number of calls. Sized from the data at the time the sheet
// is made: the same computation as the custom functions that will fill them.
import { InputError } from "./base/sheet-table";
import { SUMMARY, type SummaryTable } from "./contracts/summary";
import type { GridArea } from "./report-layout";
import { resortingTable } from "./resorting";
import { bureauTable, directionTable, statusTable, type Table } from "./tables";
import { yearEndTable } from "./year-end";

export interface SummaryData {
  issues: unknown[][];
  reforms: unknown[][];
  bureaus: unknown[][];
  history: unknown[][];
  /** 集計's 基準日 (D2), when set: the year-end table has a column per year ended by it. */
  asOf: Date | null;
}

/** Each table's cells (header row first) for the focus year; a table whose data cannot be read is left out (its cell shows the error). */
export function summaryTables(focusYear: string, data: SummaryData): GridArea[] {
  const compute: Record<SummaryTable, () => Table | null> = {
    // As the custom functions compute them: a row they cannot read is left out, not a failure.
    status: () => statusTable(data.issues, undefined, []),
    direction: () => directionTable(data.issues, focusYear, []),
    bureau: () => bureauTable(data.reforms, data.bureaus, focusYear, []),
    groups: () => resortingTable(data.issues, focusYear, []),
    yearEnd: () => (data.asOf ? yearEndTable(data.issues, data.history, data.asOf, []) : null),
  };
  return SUMMARY.layout(focusYear).flatMap((cell) => {
    if (!cell.table) return [];
    const table = tableOrNull(compute[cell.table]);
    return table ? [{ row: cell.row, column: cell.column, numRows: table.length, numColumns: table[0].length }] : [];
  });
}

function tableOrNull(compute: () => Table | null): Table | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}
