// A1 and R1C1 notation as SpreadsheetApp accepts it: column letters, sheet-qualified
// ranges ('課題'!A1:B2), whole columns (A:C), whole rows (2:5), open-ended A2:C and
// R1C1:R2C3 — plus the relative-reference shift Sheets applies when one formula
// is written into many cells.

export interface A1Range {
  sheetName: string | null;
  /** 1-based start; rows/columns that the notation leaves open start at 1. */
  row: number;
  column: number;
  /** 1-based inclusive end; null = up to the sheet's last row/column (A:C, 2:5, A2:C). */
  endRow: number | null;
  endColumn: number | null;
}

/** The grid a range covers once the sheet's size is known, plus how to print it again. */
export interface ResolvedRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** Notation left the rows (A:C) or columns (2:5) open: getA1Notation prints it that way. */
  open: { rows: boolean; columns: boolean };
}

export { quoteSheetName } from "../../../core/base/a1";
import { closingQuote, columnLetter, columnNumber } from "../../../core/base/a1";

const ENDPOINT = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;
const R1C1 = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i;
const QUOTED_SHEET = /^'((?:[^']|'')+)'!(.+)$/;
const BARE_SHEET = /^([^!']+)!(.+)$/;

interface Endpoint {
  row: number | null;
  column: number | null;
}

function endpoint(text: string): Endpoint | null {
  const match = ENDPOINT.exec(text);
  if (!match || (!match[1] && !match[2])) return null;
  const row = match[2] ? Number(match[2]) : null;
  if (row === 0) return null;
  return { row, column: match[1] ? columnNumber(match[1]) : null };
}

/** Parses A1 or R1C1 notation; null when it is neither (SpreadsheetApp then says "Range not found"). */
export function parseA1(notation: string): A1Range | null {
  let text = notation.trim();
  let sheetName: string | null = null;
  const sheet = QUOTED_SHEET.exec(text) ?? BARE_SHEET.exec(text);
  if (sheet) {
    sheetName = sheet[1].replace(/''/g, "'");
    text = sheet[2];
  } else if (text.startsWith("!")) {
    // "!C2:E5": no sheet name, so the sheet asked (gas-fakes' test/testsheetssets.js, run in live Apps Script).
    text = text.slice(1);
  }
  const r1c1 = R1C1.exec(text);
  if (r1c1) {
    const [r1, c1, r2, c2] = r1c1.slice(1).map((n) => (n === undefined ? undefined : Number(n)));
    if (!r1 || !c1 || r2 === 0 || c2 === 0) return null;
    return ordered(sheetName, { row: r1, column: c1 }, { row: r2 ?? r1, column: c2 ?? c1 });
  }
  const parts = text.split(":");
  if (parts.length > 2) return null;
  const start = endpoint(parts[0]);
  if (!start) return null;
  if (parts.length === 1) {
    return start.row === null || start.column === null ? null : ordered(sheetName, start, start);
  }
  const end = endpoint(parts[1]);
  // A part the start leaves open must stay open at the end ("A:C5" is not a range).
  if (!end || (start.row === null && end.row !== null) || (start.column === null && end.column !== null)) return null;
  return ordered(sheetName, start, end);
}

function ordered(sheetName: string | null, a: Endpoint, b: Endpoint): A1Range {
  const rows = [a.row ?? 1, b.row].filter((n): n is number => n !== null);
  const columns = [a.column ?? 1, b.column].filter((n): n is number => n !== null);
  return {
    sheetName,
    row: Math.min(...rows),
    column: Math.min(...columns),
    endRow: b.row === null ? null : Math.max(...rows),
    endColumn: b.column === null ? null : Math.max(...columns),
  };
}

export function resolveA1(range: A1Range, maxRows: number, maxColumns: number): ResolvedRange {
  const endRow = range.endRow ?? Math.max(maxRows, range.row);
  const endColumn = range.endColumn ?? Math.max(maxColumns, range.column);
  return {
    row: range.row,
    column: range.column,
    numRows: endRow - range.row + 1,
    numColumns: endColumn - range.column + 1,
    open: { rows: range.endRow === null, columns: range.endColumn === null },
  };
}

/** "A1", "A1:C2", or the open forms "A:C", "A2:C", "2:5" for ranges read that way. */
export function formatA1(range: ResolvedRange): string {
  const { row, column, numRows, numColumns, open } = range;
  const first = columnLetter(column);
  const last = columnLetter(column + numColumns - 1);
  const endRow = row + numRows - 1;
  if (open.rows) return row === 1 ? `${first}:${last}` : `${first}${row}:${last}`;
  if (open.columns) return `${row}:${endRow}`;
  const start = `${first}${row}`;
  return numRows === 1 && numColumns === 1 ? start : `${start}:${last}${endRow}`;
}


// A reference token in a formula: A1 / $A$1, whole columns A:C, whole rows 2:5.
const REFERENCE = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d+):(\$?)(\d+)/y;

/**
 * Moves the relative references of `formula` by (rows, columns), as Sheets does
 * when one formula is written into a multi-cell range. Absolute ($) parts stay;
 * a reference moved off the sheet becomes #REF!. Text in quotes is left alone.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = closingQuote(formula, i) + 1;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    REFERENCE.lastIndex = i;
    const match = /[A-Za-z0-9_.$]/.test(formula[i - 1] ?? "") ? null : REFERENCE.exec(formula);
    if (match && !/[A-Za-z0-9_(!]/.test(formula[i + match[0].length] ?? "")) {
      out += shiftReference(match, rows, columns);
      i += match[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}


function shiftReference(m: RegExpExecArray, rows: number, columns: number): string {
  const col = (abs: string, letters: string) => {
    const n = abs ? columnNumber(letters) : columnNumber(letters) + columns;
    return n < 1 ? null : abs + columnLetter(n);
  };
  const row = (abs: string, digits: string) => {
    const n = abs ? Number(digits) : Number(digits) + rows;
    return n < 1 ? null : abs + n;
  };
  const parts =
    m[2] !== undefined
      ? [col(m[1], m[2]), row(m[3], m[4])]
      : m[6] !== undefined
        ? [col(m[5], m[6]), ":", col(m[7], m[8])]
        : [row(m[9], m[10]), ":", row(m[11], m[12])];
  return parts.includes(null) ? "#REF!" : parts.join("");
}
