// The add-on's custom functions as a HyperFormula plugin. HyperFormula sizes an
// array result when the formula is entered, so the size method already calls
// the function (the host memoises it, so it runs once per recalculation); when
// a result later comes back in another shape the host re-enters the formula.

import {
  ArraySize,
  CellError,
  CellValueDetailedType,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type SimpleCellAddress,
} from "hyperformula";
import { hasTimePart, isDate } from "./dates";

/** A memoised call: the normalised 2-D result, or the thrown message. */
export type CallOutcome = { rows: unknown[][] } | { error: string };

/**
 * A cell named by sheet name: sheet ids of a rebuilding engine (setCustomFunctions
 * rebuilds it) are not the ids of the engine the workbook holds.
 */
export interface CellRef {
  sheetName: string;
  row: number;
  col: number;
}

export interface CustomFunctionHost {
  /** False while the workbook waits for its bundle: sizing a formula then skips reading its arguments. */
  canCall(): boolean;
  /** A copy's carried outcome for the formula at `cell` when its arguments cannot have changed (read none), else null. */
  unchangedOutcome(name: string, cell: CellRef): CallOutcome | null;
  /** The size of the result a workbook copy carried for the formula at `cell`, if any (CustomFunctionBridge.carry). */
  carriedSize(cell: CellRef): [rows: number, columns: number] | null;
  /** `cell`: the formula's own cell. */
  call(name: string, args: unknown[], cell: CellRef): CallOutcome;
  /** A value read by the engine at `cell` as Apps Script passes it (Date for date-formatted cells). */
  argumentValue(value: unknown, cell: CellRef | null): unknown;
  /** A range's values read by the engine, its top-left cell at `origin`, as argumentValue passes each. */
  rangeValues(values: unknown[][], origin: CellRef | null): unknown[][];
  /** Rows a whole-column reference spans (Sheets passes every row, blanks as ""). */
  sheetRowCount(sheetName: string): number;
  dateToSerial(date: Date): number;
  /** The formula's predicted array size, kept to name the blocking cell of a failed spill. */
  recordSpill(origin: CellRef, rows: number, columns: number): void;
  /** The result no longer fits the predicted size: re-enter the formula after this evaluation. */
  requestReentry(origin: CellRef): void;
}

// Just the AST fields used here; HyperFormula does not export its AST types.
interface AstNode {
  type: string;
  reference?: { toSimpleCellAddress(base: SimpleCellAddress): SimpleCellAddress };
}
interface CallNode {
  procedureName: string;
  args: AstNode[];
}
interface EvalState {
  formulaAddress: SimpleCellAddress;
}

/** OFFSET and VERSION cannot be overridden by plugins. */
const PROTECTED = new Set(["OFFSET", "VERSION"]);

export function createCustomFunctionPlugin(names: string[], host: CustomFunctionHost): FunctionPluginDefinition {
  const declared = new Map<string, string>();
  for (const name of names) {
    const id = name.toUpperCase();
    if (!PROTECTED.has(id)) declared.set(id, name);
  }

  // Sizes predicted per call site (an AST node may be shared by cells with the same relative formula).
  const predictions = new WeakMap<CallNode, Map<string, [rows: number, columns: number]>>();
  const siteKey = (a: SimpleCellAddress) => `${a.sheet}:${a.row}:${a.col}`;

  class CustomFunctions extends FunctionPlugin {
    call(ast: CallNode, state: EvalState) {
      const outcome = this.invoke(ast, state);
      if (outcome instanceof CellError) return outcome;
      if ("error" in outcome) return new CellError(ErrorType.ERROR, outcome.error);
      const rows = this.fitToReserved(ast, state.formulaAddress, outcome.rows);
      if (rows.length === 1 && rows[0].length === 1) return this.toEngine(rows[0][0]);
      return SimpleRangeValue.onlyValues(rows.map((row) => row.map((v) => this.toEngine(v))));
    }

    size(ast: CallNode, state: EvalState): ArraySize {
      // Unbound, the call would fail after reading every argument (whole columns): the size a copy
      // carried from its source, else one cell; evaluation corrects either once bound.
      if (!host.canCall()) {
        const [height, width] = host.carriedSize(this.ref(state.formulaAddress)) ?? [1, 1];
        return height === 1 && width === 1 ? ArraySize.scalar() : new ArraySize(width, height);
      }
      try {
        const outcome = this.invoke(ast, state);
        if (outcome instanceof CellError || "error" in outcome) return ArraySize.scalar();
        const height = outcome.rows.length;
        const width = outcome.rows[0].length;
        host.recordSpill(this.ref(state.formulaAddress), height, width);
        if (!predictions.has(ast)) predictions.set(ast, new Map());
        predictions.get(ast)!.set(siteKey(state.formulaAddress), [height, width]);
        return height === 1 && width === 1 ? ArraySize.scalar() : new ArraySize(width, height);
      } catch {
        // Arguments not computed yet (engine build): guess one cell; evaluation corrects it.
        return ArraySize.scalar();
      }
    }

    /**
     * The engine reserved cells for the size predicted when the formula was entered; a result of
     * another shape is cut or padded to it (a larger one would throw inside the engine) and the
     * formula is re-entered so the next evaluation reserves the right size.
     */
    private fitToReserved(ast: CallNode, address: SimpleCellAddress, rows: unknown[][]): unknown[][] {
      const vertex = this.dependencyGraph.getCell(address) as { formula?: unknown; width?: number; height?: number } | undefined;
      let reserved: [number, number] | undefined;
      if (vertex?.formula === ast) {
        reserved = [vertex.height ?? 1, vertex.width ?? 1];
      } else {
        reserved = predictions.get(ast)?.get(siteKey(address));
        // Never sized (e.g. inside SUM): only an array formula around it could overflow.
        if (!reserved && (vertex?.width ?? 1) * (vertex?.height ?? 1) > 1) host.requestReentry(this.ref(address));
      }
      if (!reserved || (rows.length === reserved[0] && rows[0].length === reserved[1])) return rows;
      host.requestReentry(this.ref(address));
      return fit(rows, reserved[0], reserved[1]);
    }

    private invoke(ast: CallNode, state: EvalState): CallOutcome | CellError {
      const name = declared.get(ast.procedureName) ?? ast.procedureName;
      const unchanged = host.unchangedOutcome(name, this.ref(state.formulaAddress));
      if (unchanged) return unchanged;
      const args: unknown[] = [];
      for (const arg of ast.args) {
        const value = this.evaluateAst(arg as never, state as never);
        if (value instanceof SimpleRangeValue) {
          args.push(this.rangeArgument(value, arg));
        } else if (value instanceof CellError) {
          return value; // Sheets does not call the function when an argument is an error.
        } else {
          const address = arg.type === "CELL_REFERENCE" && arg.reference ? arg.reference.toSimpleCellAddress(state.formulaAddress) : null;
          args.push(host.argumentValue(value, address && this.ref(address)));
        }
      }
      return host.call(name, args, this.ref(state.formulaAddress));
    }

    private rangeArgument(value: SimpleRangeValue, ast: AstNode): (readonly unknown[])[] {
      const range = value.range;
      const origin = range ? this.ref(range.start) : null;
      const rows: (readonly unknown[])[] = host.rangeValues(value.data, origin);
      if (ast.type === "COLUMN_RANGE" && origin && range) {
        const wanted = host.sheetRowCount(origin.sheetName) - origin.row;
        const blank = blankRow(range.width());
        while (rows.length < wanted) rows.push(blank);
      }
      return rows;
    }

    private ref(address: SimpleCellAddress): CellRef {
      const sheetName = this.dependencyGraph.sheetMapping.getSheetNameOrThrowError(address.sheet);
      return { sheetName, row: address.row, col: address.col };
    }

    private toEngine(value: unknown) {
      if (value === null || value === undefined || value === "") return EmptyValue;
      if (typeof value === "number") return Number.isFinite(value) ? value : new CellError(ErrorType.NUM);
      if (typeof value === "string" || typeof value === "boolean") return value;
      if (isDate(value)) {
        if (Number.isNaN(value.getTime())) return new CellError(ErrorType.VALUE);
        const serial = host.dateToSerial(value);
        const type = hasTimePart(serial) ? CellValueDetailedType.NUMBER_DATETIME : CellValueDetailedType.NUMBER_DATE;
        return this.arithmeticHelper.ExtendedNumberFactory(serial, { type });
      }
      return String(value);
    }
  }

  CustomFunctions.implementedFunctions = Object.fromEntries(
    [...declared.keys()].map((id) => [id, { method: "call", sizeOfResultArrayMethod: "size" }]),
  );
  // The engine only resolves names its language lists; custom names translate to themselves.
  HyperFormula.getLanguage("enGB").extendFunctions(Object.fromEntries([...declared.keys()].map((id) => [id, id])));
  return CustomFunctions;
}

/**
 * The rows of a whole-column range past the data, one shared frozen row per width: a sheet's
 * thousand rows would otherwise be a thousand new arrays per call. The script never sees it
 * shared, as every argument is copied into its realm (service-proxy toVm).
 */
function blankRow(width: number): readonly unknown[] {
  let row = blankRows.get(width);
  if (!row) blankRows.set(width, (row = Object.freeze(new Array<unknown>(width).fill(""))));
  return row;
}
const blankRows = new Map<number, readonly unknown[]>();

/** What a custom function returned, as rows × columns (a scalar is 1×1; a flat array is a column). */
export function normalizeResult(result: unknown): unknown[][] {
  if (!Array.isArray(result)) return [[result]];
  if (result.length === 0) return [[""]];
  const rows = result.map((row) => (Array.isArray(row) ? row : [row]));
  const width = rows.reduce((w, row) => Math.max(w, row.length), 1);
  return rows.map((row) => (row.length === width ? row : [...row, ...new Array<unknown>(width - row.length).fill("")]));
}

function fit(rows: unknown[][], height: number, width: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < height; r++) {
    const row = rows[r] ?? [];
    out.push(Array.from({ length: width }, (_, c) => (c < row.length ? row[c] : "")));
  }
  return out;
}
