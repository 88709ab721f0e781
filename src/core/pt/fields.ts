// One sheet's columns as data: each header with its parser and the hint shown when a
// value cannot be read. Kept declarative so the sheet-contract framework can wrap it.
import { column, readTable, requiredColumn, type TableRow } from "../base/sheet-table";
import { normalizeText } from "../base/text";

export interface Field<T, Required extends boolean = boolean> {
  /** The value of a cell: null when blank, undefined when it cannot be read. */
  parse(value: unknown): T | null | undefined;
  /** What to type instead, appended to the error message. */
  expected: string;
  required: Required;
}

export function required<T>(parse: (value: unknown) => T | null | undefined, expected: string): Field<T, true> {
  return { parse, expected, required: true };
}

export function optional<T>(parse: (value: unknown) => T | null | undefined, expected: string): Field<T, false> {
  return { parse, expected, required: false };
}

export type Fields = Record<string, Field<unknown>>;

/** A row's values by header: required fields never null, optional ones null when blank. */
export type RecordOf<F extends Fields> = {
  [K in keyof F]: F[K] extends Field<infer T, true> ? T : F[K] extends Field<infer T, false> ? T | null : never;
};

export interface ReadRow<R> {
  /** Row number within the range read, header row = 1 (for messages naming the row). */
  rowNumber: number;
  record: R;
}

/**
 * Reads every non-blank row of a sheet's values (header row first). Required fields
 * need their column and a value; an optional field's column may be absent (read as null).
 */
export function readRecords<F extends Fields>(values: unknown, sheet: string, fields: F): ReadRow<RecordOf<F>>[] {
  const headers = Object.keys(fields);
  // readTable finds headers NFKC-normalized: "（成果指標）" in a sheet is found as "(成果指標)".
  const key = (header: string) => normalizeText(header);
  const table = readTable(values, sheet, headers.filter((h) => fields[h].required).map(key));
  const readers = headers.map((header) => {
    const field = fields[header];
    if (!field.required && !table.columns.has(key(header))) return [header, () => null] as const;
    const read = field.required
      ? requiredColumn(table, key(header), field.parse, field.expected)
      : column(table, key(header), field.parse, field.expected);
    return [header, read] as const;
  });
  return table.rows.map((row: TableRow) => {
    const record: Record<string, unknown> = {};
    for (const [header, read] of readers) record[header] = read(row);
    return { rowNumber: row.rowNumber, record: record as RecordOf<F> };
  });
}
