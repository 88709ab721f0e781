// Between the workbook and the custom-function plugin: each (name, arguments)
// call runs once per change (the engine asks twice: to size the array, then to
// fill it), arguments arrive as Apps Script passes them, and formulas whose
// result changed shape are queued to be entered again.

import { createCustomFunctionPlugin, normalizeResult, type CallOutcome, type CellRef } from "./custom-functions";
import { dateToSerial, isDate } from "./dates";
import { engineValueToArgument } from "./formula-engine";
import type { CustomFunctionInvoker } from "./model";

/** What the bridge needs of a sheet (HfSheet). */
export interface BridgedSheet {
  argumentValue(value: unknown, row: number, column: number): unknown;
  getMaxRows(): number;
  recordSpill(row: number, column: number, rows: number, columns: number): void;
}

/** What the bridge needs of the workbook. */
export interface BridgedWorkbook {
  getSheetByName(name: string): BridgedSheet | null;
  getTimeZone(): string;
}

export class CustomFunctionBridge {
  private readonly memo = new Map<string, CallOutcome>();
  private reentries: CellRef[] = [];

  constructor(private readonly workbook: BridgedWorkbook) {}

  /** A new outermost change: results remembered from the last one may be stale. */
  forgetResults(): void {
    this.memo.clear();
  }

  /** Formulas to enter again because their result changed shape; the queue is emptied. */
  takeReentries(): CellRef[] {
    const reentries = this.reentries;
    this.reentries = [];
    return reentries;
  }

  plugin(names: string[], invoke: CustomFunctionInvoker): ReturnType<typeof createCustomFunctionPlugin> {
    const workbook = this.workbook;
    const timeZone = () => workbook.getTimeZone();
    return createCustomFunctionPlugin(names, {
      call: (name, args) => {
        const key = `${name}\u0000${memoKey(args)}`;
        let outcome = this.memo.get(key);
        if (!outcome) {
          try {
            outcome = { rows: normalizeResult(invoke(name, args)) };
          } catch (error) {
            // Errors from the bundle's vm realm are not `instanceof Error`; a thrown string is its own message.
            const message = typeof error === "object" && error !== null && "message" in error ? error.message : error;
            outcome = { error: String(message) };
          }
          this.memo.set(key, outcome);
        }
        return outcome;
      },
      argumentValue: (value, cell) => {
        const sheet = cell && workbook.getSheetByName(cell.sheetName);
        return sheet ? sheet.argumentValue(value, cell.row, cell.col) : engineValueToArgument(value, timeZone());
      },
      sheetRowCount: (sheetName) => workbook.getSheetByName(sheetName)?.getMaxRows() ?? 0,
      dateToSerial: (date) => dateToSerial(date, timeZone()),
      recordSpill: (origin, rows, columns) => workbook.getSheetByName(origin.sheetName)?.recordSpill(origin.row, origin.col, rows, columns),
      requestReentry: (origin) => this.reentries.push(origin),
    });
  }
}

/** Memo key for argument values; Dates are keyed by instant so they never equal a string. */
function memoKey(args: unknown[]): string {
  return JSON.stringify(args, function (this: Record<string, unknown>, key, value) {
    const original = this[key];
    return isDate(original) ? { $date: original.getTime() } : value;
  });
}
