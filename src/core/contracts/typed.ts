// Contracts whose fields parse their cells into typed values (the PT sheets): each
// header with its parser, the hint shown when a value cannot be read, and the
// field rules every contract has. The headers are the fields' keys, in order.
import { column, readTable, requiredColumn, type TableRow } from "../base/sheet-table";
import { normalizeText } from "../base/text";
import { defineContract, type FieldRules, type SheetContract } from "./contract";

export interface Field<T, Required extends boolean = boolean> extends FieldRules {
  /** The value of a cell: null when blank, undefined when it cannot be read. */
  parse(value: unknown): T | null | undefined;
  /** What to type instead, appended to the error message. */
  expected: string;
  required: Required;
}

export function required<T, const R extends FieldRules = {}>(
  parse: (value: unknown) => T | null | undefined,
  expected: string,
  rules?: R,
): Field<T, true> & NoInfer<R> {
  return { ...(rules as R), parse, expected, required: true };
}

export function optional<T, const R extends FieldRules = {}>(
  parse: (value: unknown) => T | null | undefined,
  expected: string,
  rules?: R,
): Field<T, false> & NoInfer<R> {
  return { ...(rules as R), parse, expected, required: false };
}

export type Fields = Record<string, Field<unknown>>;

/** A row's values by header: required fields never null, optional ones null when blank. */
export type ParsedRecord<F extends Fields> = {
  [K in keyof F]: F[K] extends Field<infer T, true> ? T : F[K] extends Field<infer T, false> ? T | null : never;
};

export interface ReadRow<R> {
  /** Row number within the range read, header row = 1 (for messages naming the row). */
  rowNumber: number;
  record: R;
}

export interface TypedContract<F extends Fields> extends SheetContract<F> {
  /** Every non-blank row parsed; an unreadable or missing required value throws naming sheet, row, column and value. */
  read(values: unknown): ReadRow<ParsedRecord<F>>[];
}

export function defineTypedContract<const F extends Fields>(spec: { name: string; fields: F }): TypedContract<F> {
  const headers = Object.keys(spec.fields) as (keyof F & string)[];
  const contract = defineContract({ name: spec.name, fields: spec.fields, required: headers.filter((h) => spec.fields[h].required) });
  return { ...contract, read: (values) => readRecords(values, spec.name, spec.fields) };
}

/**
 * Reads every non-blank row of a sheet's values (header row first). Required fields
 * need their column and a value; an optional field's column may be absent (read as null).
 */
function readRecords<F extends Fields>(values: unknown, sheet: string, fields: F): ReadRow<ParsedRecord<F>>[] {
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
    return { rowNumber: row.rowNumber, record: record as ParsedRecord<F> };
  });
}
