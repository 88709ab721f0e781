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

/** A formula's call: the function, its arguments and what came back. */
export interface RememberedCall {
  name: string;
  args: unknown[];
  outcome: CallOutcome;
}

export class CustomFunctionBridge {
  /** Calls made since the last outermost change, by name and scalar arguments: arguments and outcome. */
  private readonly memo = new Map<string, { args: unknown[]; outcome: CallOutcome }[]>();
  /** Each formula cell's latest call (by cellKey), for a copy of the workbook. */
  private readonly latest = new Map<string, RememberedCall>();
  /** A copy's calls taken from its source: used, while the same arguments come, until cleared. */
  private carried: ReadonlyMap<string, RememberedCall> | null = null;
  /** The copy is still its source's cells, with no volatile formula: its arguments need not be read to know them unchanged. */
  private unchanged = false;
  private reentries: CellRef[] = [];

  constructor(private readonly workbook: BridgedWorkbook) {}

  /** A new outermost change: results remembered from the last one may be stale. */
  forgetResults(): void {
    this.memo.clear();
  }

  /** Each formula cell's latest call, by cellKey. */
  latestCalls(): ReadonlyMap<string, RememberedCall> {
    return this.latest;
  }

  /**
   * Outcomes a copy shows instead of calling again, for the same function with equal arguments
   * at the same cell (a copied file shows the values it was made with); null stops using them.
   */
  carry(calls: ReadonlyMap<string, RememberedCall> | null): void {
    this.carried = calls;
    this.unchanged = false;
  }

  /**
   * The copy holds exactly its source's cells and no volatile formula (RAND, NOW…): each formula's
   * arguments are what they were in the source, so its carried outcome is used without reading them,
   * until a change (changed()) or the end of the first evaluation (carry(null)).
   */
  assumeUnchanged(): void {
    this.unchanged = this.carried !== null;
  }

  /** The workbook changed: carried outcomes are used again only for arguments compared equal. */
  changed(): void {
    this.unchanged = false;
  }

  /** Formulas to enter again because their result changed shape; the queue is emptied. */
  takeReentries(): CellRef[] {
    const reentries = this.reentries;
    this.reentries = [];
    return reentries;
  }

  /** `canCall`: false until `invoke` can run (a workbook built before its bundle is bound). */
  plugin(names: string[], invoke: CustomFunctionInvoker, canCall: () => boolean = () => true): ReturnType<typeof createCustomFunctionPlugin> {
    const workbook = this.workbook;
    const timeZone = () => workbook.getTimeZone();
    return createCustomFunctionPlugin(names, {
      canCall,
      unchangedOutcome: (name, cell) => {
        if (!this.unchanged || !canCall()) return null;
        const at = cellKey(cell);
        const carried = this.carried?.get(at);
        if (!carried || carried.name !== name) return null;
        this.latest.set(at, carried);
        return carried.outcome;
      },
      carriedSize: (cell) => {
        const outcome = this.carried?.get(cellKey(cell))?.outcome;
        return outcome && "rows" in outcome ? [outcome.rows.length, outcome.rows[0].length] : null;
      },
      call: (name, args, cell) => {
        const key = `${name}\u0000${scalarKey(args)}`;
        let calls = this.memo.get(key);
        if (!calls) this.memo.set(key, (calls = []));
        let outcome = calls.find((call) => sameValue(call.args, args))?.outcome;
        const at = cellKey(cell);
        if (!outcome) {
          const carried = this.carried?.get(at);
          if (carried && carried.name === name && sameValue(carried.args, args)) outcome = carried.outcome;
          else outcome = callOnce(invoke, name, args);
          calls.push({ args, outcome });
        }
        // Not the refusal of a workbook whose bundle is not bound yet: a copy calls again.
        if (canCall()) this.latest.set(at, { name, args, outcome });
        return outcome;
      },
      argumentValue: (value, cell) => {
        const sheet = cell && workbook.getSheetByName(cell.sheetName);
        return sheet ? sheet.argumentValue(value, cell.row, cell.col) : engineValueToArgument(value, timeZone());
      },
      rangeValues: (values, origin) => {
        const sheet = origin && workbook.getSheetByName(origin.sheetName);
        if (!sheet) return values.map((row) => row.map((value) => engineValueToArgument(value, timeZone())));
        return values.map((row, i) => row.map((value, j) => sheet.argumentValue(value, origin.row + i, origin.col + j)));
      },
      sheetRowCount: (sheetName) => workbook.getSheetByName(sheetName)?.getMaxRows() ?? 0,
      dateToSerial: (date) => dateToSerial(date, timeZone()),
      recordSpill: (origin, rows, columns) => workbook.getSheetByName(origin.sheetName)?.recordSpill(origin.row, origin.col, rows, columns),
      requestReentry: (origin) => this.reentries.push(origin),
    });
  }
}

function callOnce(invoke: CustomFunctionInvoker, name: string, args: unknown[]): CallOutcome {
  try {
    return { rows: normalizeResult(invoke(name, args)) };
  } catch (error) {
    // Errors from the bundle's vm realm are not `instanceof Error`; a thrown string is its own message.
    const message = typeof error === "object" && error !== null && "message" in error ? error.message : error;
    return { error: String(message) };
  }
}

const cellKey = (cell: CellRef) => `${cell.sheetName}\u0000${cell.row}\u0000${cell.col}`;

/** The scalar arguments and the ranges' heights: calls filled down a column land in different buckets. */
function scalarKey(args: unknown[]): string {
  return args.map((a) => (Array.isArray(a) ? `[${a.length}]` : isDate(a) ? `d${a.getTime()}` : `${typeof a}:${String(a)}`)).join("\u0000");
}

/**
 * Range arguments compared in place (whole-column ranges hold thousands of cells, and a
 * serialised key cost more than the call it saved); Dates are equal by instant, never to a string.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (isDate(a)) return isDate(b) && Object.is(a.getTime(), b.getTime());
  return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}
