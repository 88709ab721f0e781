// What a value written by setValue/setValues/appendRow becomes, read the way Sheets
// reads typed input: "=…" is a formula, a leading apostrophe forces text, "1,000"
// and "10%" are numbers, "TRUE" is a boolean, "2026/5/26" is a date at midnight in
// the spreadsheet's time zone. The workbench reuses this for cell edits.
import { isDate, serialToDate, utcFieldsDateToSerial } from "../../workbook/dates";
import type { CellInput } from "../../workbook/model";

export interface UserEntry {
  input: CellInput;
  /** The number format Sheets picks for the typed form ("10%" → "0%", "1,000" → "#,##0"). */
  numberFormat?: string;
}

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(?:[eE][+-]?\d+)?(%?)$/;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

export function parseUserEntered(value: unknown, timeZone: string): UserEntry {
  if (value === null || value === undefined || value === "") return { input: { kind: "empty" } };
  if (isDate(value)) return { input: { kind: "value", value: new Date(value.getTime()) } };
  if (typeof value === "number" || typeof value === "boolean") return { input: { kind: "value", value } };
  const text = String(value);
  if (text.startsWith("=") && text.length > 1) return { input: { kind: "formula", formula: text } };
  if (text.startsWith("'")) return { input: { kind: "value", value: text.slice(1) } };
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return { input: { kind: "value", value: trimmed.toLowerCase() === "true" } };
  return parseNumber(trimmed) ?? parseDate(trimmed, timeZone) ?? { input: { kind: "value", value: text } };
}

function parseNumber(text: string): UserEntry | null {
  const match = NUMBER.exec(text);
  if (!match || !/\d/.test(match[2] + (match[3] ?? ""))) return null;
  const [, , integer, decimals, percent] = match;
  const number = Number(text.replace(/[,%]/g, ""));
  if (!Number.isFinite(number)) return null;
  if (percent) return { input: { kind: "value", value: number / 100 }, numberFormat: decimals ? "0.00%" : "0%" };
  const entry: UserEntry = { input: { kind: "value", value: number } };
  if (integer.includes(",")) entry.numberFormat = decimals ? "#,##0.00" : "#,##0";
  return entry;
}

function parseDate(text: string, timeZone: string): UserEntry | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  // Midnight of that calendar day on the spreadsheet's wall clock.
  return { input: { kind: "value", value: serialToDate(utcFieldsDateToSerial(calendar), timeZone) } };
}
