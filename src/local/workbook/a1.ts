// A1 notation for 0-based grid coordinates, and the sheet-name quoting rules
// that differ between Sheets and the formula engine.

import { closingQuote, columnLetter, columnNumber, quoteSheetName } from "../../core/base/a1";
import type { GridRange } from "./model";

export { quoteSheetName };

/** "B3" for 0-based row 2, column 1. */
export function cellA1(row: number, column: number): string {
  return `${columnLetter(column + 1)}${row + 1}`;
}

export function rangeA1(range: GridRange): string {
  const start = cellA1(range.row, range.column);
  if (range.numRows === 1 && range.numColumns === 1) return start;
  return `${start}:${cellA1(range.row + range.numRows - 1, range.column + range.numColumns - 1)}`;
}

/** "B2" or "B2:D9" (optionally with $) → grid range; null when it is not a cell range. */
export function parseRangeA1(a1: string): GridRange | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a1.trim());
  if (!match) return null;
  const r1 = Number(match[2]) - 1;
  const c1 = columnNumber(match[1]) - 1;
  const r2 = match[4] ? Number(match[4]) - 1 : r1;
  const c2 = match[3] ? columnNumber(match[3]) - 1 : c1;
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numColumns: Math.abs(c2 - c1) + 1,
  };
}

/** Sheets writes a sheet name bare when it is a plain identifier that cannot be read as a cell. */
const NAME_DELIMITERS = new Set(" \t\r\n+-*/^&=<>,;(){}%:!\"'".split(""));

/**
 * The engine only accepts ASCII sheet names bare, so every `Name!` reference
 * is quoted on the way in (`課題!A:M` → `'課題'!A:M`).
 */
export function toEngineFormula(formula: string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = closingQuote(formula, i);
      out += formula.slice(i, end + 1);
      i = end + 1;
    } else if (ch === "!") {
      let start = out.length;
      while (start > 0 && !NAME_DELIMITERS.has(out[start - 1])) start--;
      const name = out.slice(start);
      if (name) out = `${out.slice(0, start)}'${name}'`;
      out += ch;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The reverse for display: drop quotes Sheets would not show (`'課題'!A:M` → `課題!A:M`). */
export function fromEngineFormula(formula: string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = closingQuote(formula, i);
      const quoted = formula.slice(i, end + 1);
      if (ch === "'" && formula[end + 1] === "!") {
        out += quoteSheetName(quoted.slice(1, -1).replace(/''/g, "'"));
      } else {
        out += quoted;
      }
      i = end + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

