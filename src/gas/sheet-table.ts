/**
 * @deprecated used by follow-up/survey until the mailing engine moves to contracts:
 * read and write through ./table (readRecords, writeRecordFields, appendRecords).
 */
import { normalizeText } from "../core/base/text";
import { sheetNamed, spreadsheet } from "./spreadsheet";
import { appendRows, storedValue, writeFieldColumns } from "./table";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export { appendRows, spreadsheet, storedValue };

export interface SheetData {
  sheet: Sheet;
  /** The data range's values, header row first ([] for an empty sheet). */
  values: unknown[][];
  /** Column index (0-based) by normalized header. */
  columns: Map<string, number>;
}

/** @deprecated see readRecords in ./table */
export function readSheet(name: string): SheetData | null {
  const sheet = sheetNamed(name);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const columns = new Map<string, number>();
  (values[0] ?? []).forEach((h, i) => {
    const text = normalizeText(h);
    if (text && !columns.has(text)) columns.set(text, i);
  });
  return { sheet, values, columns };
}

/** @deprecated see requireRecords in ./table */
export function requireSheet(name: string): SheetData {
  const data = readSheet(name);
  if (!data) throw new Error(`シート「${name}」がありません。メニューの「プラチナ → 初期設定」を実行してください。`);
  return data;
}

/** @deprecated see writeFieldColumns in ./table; columns here are 0-based indexes. */
export function writeColumns(sheet: Sheet, firstRow: number, columns: Map<number, unknown[]>): void {
  writeFieldColumns(sheet, { indexOf: Number }, firstRow, Object.fromEntries(columns));
}
