// The formula engine (HyperFormula) set up as Sheets behaves, and its values
// as Sheets shows them: error texts, and the date formats implied by results.

import {
  CellError as EngineCellError,
  CellValueDetailedType,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  HyperFormula,
  type ConfigParams,
  type FunctionPluginDefinition,
} from "hyperformula";
import { serialToDate } from "./dates";
import { DEFAULT_DATE_FORMAT, DEFAULT_DATE_TIME_FORMAT, DEFAULT_TIME_FORMAT } from "./number-format";

const parseDefault = HyperFormula.defaultConfig.parseDateTime;

const ENGINE_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  nullDate: { year: 1899, month: 12, day: 30 },
  // Sheets spills ranges and array expressions; so does the engine with this on.
  useArrayArithmetic: true,
  // Values come back at full double precision, as Sheets' getValues() does (dates keep their seconds).
  smartRounding: false,
  dateFormats: ["YYYY/MM/DD", "YYYY-MM-DD", "MM/DD/YYYY"],
  // Cell text is stored with a leading apostrophe (HfSheet) and is never a date; the engine would
  // otherwise try every date and time format on each text cell written.
  parseDateTime: (text, dateFormat, timeFormat) => (text.startsWith("'") ? undefined : parseDefault(text, dateFormat, timeFormat)),
  maxRows: 1_000_000,
};

/** An engine with HyperFormula's functions and, when given, the add-on's custom-function plugin. */
export function createEngine(customFunctions?: FunctionPluginDefinition): HyperFormula {
  return HyperFormula.buildEmpty(customFunctions ? { ...ENGINE_CONFIG, functionPlugins: withAllFunctions(customFunctions) } : ENGINE_CONFIG);
}

/** Whether an engine formula calls a volatile function (RAND, NOW, TODAY…: a new value at each evaluation). */
export function callsVolatile(formula: string): boolean {
  for (const [, name] of formula.matchAll(/([A-Za-z_][\w.]*)\s*\(/g)) {
    const id = name.toUpperCase();
    if (HyperFormula.getFunctionPlugin(id)?.implementedFunctions[id]?.isVolatile) return true;
  }
  return false;
}

export function withAllFunctions(customFunctions: FunctionPluginDefinition): FunctionPluginDefinition[] {
  return [...HyperFormula.getAllFunctionPlugins(), customFunctions];
}

const DATE_TYPES: Record<string, string> = {
  [CellValueDetailedType.NUMBER_DATE]: DEFAULT_DATE_FORMAT,
  [CellValueDetailedType.NUMBER_DATETIME]: DEFAULT_DATE_TIME_FORMAT,
  [CellValueDetailedType.NUMBER_TIME]: DEFAULT_TIME_FORMAT,
};

/** The number format a date-typed result implies (by the engine's detailed value type), or null. */
export function impliedDateFormat(detailedType: string): string | null {
  return DATE_TYPES[detailedType] ?? null;
}

/** Error texts as Sheets shows them: blocked spills and circular references are #REF!. */
const ERROR_DISPLAY: Record<string, string> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.CYCLE]: "#REF!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.SPILL]: "#REF!",
  [ErrorType.ERROR]: "#ERROR!",
};
export function errorDisplay(error: { type: string }): string {
  return ERROR_DISPLAY[error.type] ?? "#ERROR!";
}

export function isSpillError(value: unknown): boolean {
  return value instanceof DetailedCellError && value.type === ErrorType.SPILL;
}

/** An engine value as a custom function receives it when no cell format applies. */
export function engineValueToArgument(value: unknown, timeZone: string): unknown {
  if (value === EmptyValue || value === null || value === undefined) return "";
  if (value instanceof DetailedCellError || value instanceof EngineCellError) return errorDisplay(value);
  if (typeof value === "object" && "val" in value) {
    // A RichNumber: dates computed by formulas (TODAY(), DATE()) carry their type.
    const rich = value as { val: number; getDetailedType(): string };
    return impliedDateFormat(rich.getDetailedType()) !== null ? serialToDate(rich.val, timeZone) : rich.val;
  }
  return value;
}
