// One sheet's contract: its name, its headers in order, which fields staff may
// edit, which edits 履歴 records, their limits — and reading rows into records
// and records back into rows, always by header (never by position).
import { InputError, column, readTable, requiredColumn, type SheetTable, type TableRow } from "../base/sheet-table";
import { isDateValue, normalizeText } from "../base/text";
import { tokyoDate } from "../base/tokyo-time";
import { ContractError, headerProblems, type HeaderProblem } from "./headers";

export interface FieldRules {
  /**
   * Staff change it through a form. An Input describes how (課題: the sidebar, the
   * web form, the follow-up mail, 回答記録 and 初期設定's dropdown all read it).
   */
  editable?: true | Input;
  /** A direct edit of the cell is recorded in 履歴. */
  logged?: true;
  /** Longest text a form accepts, in characters (code points: an emoji is one). */
  maxLength?: number;
}

/** What a form offers: one choice of several, free text, a calendar day, a number. */
export type InputKind = "choice" | "text" | "date" | "number";

export interface Choice {
  value: string;
  /** The full wording shown beside the choice. */
  help?: string;
  /** The cell's background when it holds the value (初期設定's colour rule). */
  colour?: string;
}

/** How staff enter an editable field: the one description every form and mail is built from. */
export interface Input {
  /** What forms, mails and messages call the field. */
  label: string;
  kind: InputKind;
  /** ASCII name of the field in the forms' element ids and posted fields (e.g. "memo"). */
  slug: string;
  /** choice: the values offered, in order (初期設定's dropdown too). */
  choices?: readonly Choice[];
  /** choice: any accepted spelling read as one of the choices' values; undefined when unreadable (default: the value as typed, NFKC). */
  parse?: (text: string) => string | null | undefined;
  /** One line under the input, and the cell's help on 初期設定's dropdown. A choice whose options carry their own wording shows only those in the forms. */
  help?: string;
  placeholder?: string;
  /** text: a box of this many lines, with a character counter; one line when not given. */
  lines?: number;
  /** What the follow-up mail calls the value it lists (the label when not given), e.g. 「前回のメモ」. */
  mailLabel?: string;
  /** choice: the follow-up form asks for it every cycle (「変更なし」 or a new value), and 回答記録 keeps that answer as 回答. */
  asked?: true;
}

export interface FieldSpec<V = string> extends FieldRules {
  /** The record's value of a cell; text (dates as ISO strings) when not given. */
  read?: (cell: unknown) => V;
  /** Column width in px that 初期設定 gives the column (Sheets' default is 100). */
  width?: number;
  /** Long text wraps inside the column instead of being cut off. */
  wrap?: true;
}

export type Specs = Record<string, FieldSpec<unknown>>;
type ValueOf<S> = S extends { read: (cell: unknown) => infer V } ? V : string;
export type RecordOf<S extends Specs> = { [F in keyof S]: ValueOf<S[F]> };
/** The fields of a contract that carry a rule, e.g. FieldsWith<typeof ISSUES, "editable">. */
export type FieldsWith<C extends { readonly fields: object }, Rule extends keyof FieldRules> = {
  [F in keyof C["fields"]]: C["fields"][F] extends { [K in Rule]: unknown } ? F : never;
}[keyof C["fields"]] & string;

export interface ColumnWidth {
  header: string;
  width: number;
  wrap: boolean;
}

export interface RecordRow<R> extends TableRow {
  record: R;
}

export interface RecordTable<F extends string, R> extends SheetTable {
  rows: RecordRow<R>[];
  /** 0-based column of a field; undefined when the sheet has no such header. */
  indexOf(field: F): number | undefined;
}

export interface SheetContract<S extends Specs> {
  readonly name: string;
  /** In the order 初期設定 writes them. */
  readonly headers: readonly (keyof S & string)[];
  /** Headers without which the add-on cannot read the sheet. */
  readonly required: readonly (keyof S & string)[];
  readonly fields: Readonly<S>;
  /** Field names carrying `rule`, in header order. */
  fieldsWith(rule: keyof FieldRules): (keyof S & string)[];
  /** The columns that have a width of their own, in header order. */
  readonly columnWidths: readonly ColumnWidth[];
  /**
   * The sheet's values (header row first) as records, blank rows skipped. Missing
   * optional columns read as blank; `required` (default: the contract's) missing
   * throws an InputError naming the sheet and the headers found.
   */
  fromRows(values: unknown, required?: readonly (keyof S & string)[]): RecordTable<keyof S & string, RecordOf<S>>;
  /** What keeps `headerRow` from serving the `needed` headers (default: the contract's required): missing, duplicated, renamed. */
  check(headerRow: readonly unknown[], needed?: readonly (keyof S & string)[]): HeaderProblem[];
  /** The record one row holds, given the table it came from. */
  recordOf(table: Pick<SheetTable, "columns">, cells: readonly unknown[]): RecordOf<S>;
  /** A row laid out under `headerRow` (the contract's headers when omitted); other columns blank. */
  toRow(record: Partial<Record<keyof S & string, unknown>>, headerRow?: readonly unknown[]): unknown[];
  /** Reads one field of each row through a parser: unreadable values throw naming sheet, row, column, value. */
  column<T>(table: SheetTable, field: keyof S & string, parse: (value: unknown) => T | null | undefined, expected: string): (row: TableRow) => T | null;
  /** Like column(), and a blank cell throws too. */
  requiredColumn<T>(table: SheetTable, field: keyof S & string, parse: (value: unknown) => T | null | undefined, expected: string): (row: TableRow) => T;
}

/** A row whose record is built on first use: the custom functions read a few columns of many rows. */
class LazyRow<R> implements RecordRow<R> {
  private built: R | undefined = undefined;
  constructor(
    readonly rowNumber: number,
    readonly cells: readonly unknown[],
    readonly columns: ReadonlyMap<string, number>,
    private readonly build: (table: { columns: ReadonlyMap<string, number> }, cells: readonly unknown[]) => R,
  ) {}

  get record(): R {
    if (this.built === undefined) this.built = this.build(this, this.cells);
    return this.built;
  }
}

/** Text of a cell as records and forms carry it: dates as ISO strings, blank as "". */
export function cellToText(value: unknown): string {
  if (typeof value === "string") return value;
  if (isDateValue(value)) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  if (value === null || value === undefined) return "";
  return String(value);
}

/** Values compare as staff see them: NFKC, trimmed; dates by instant. */
export function sameValue(a: unknown, b: unknown): boolean {
  return normalizeText(cellToText(a)) === normalizeText(cellToText(b));
}

/** A calendar-day field as forms carry it: a date cell as its Tokyo day "2026-05-01", anything else as text. */
export function dayText(cell: unknown): string {
  if (!isDateValue(cell) || Number.isNaN(cell.getTime())) return cellToText(cell);
  const { year, month, day } = tokyoDate(cell);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A date cell as a Date; anything else (blank, text) as null. */
export function dateCell(cell: unknown): Date | null {
  return isDateValue(cell) ? cell : null;
}

/** A checkbox cell: true when ticked (also the text TRUE, as pasted data may have it). */
export function checkboxCell(cell: unknown): boolean {
  return cell === true || normalizeText(cell).toUpperCase() === "TRUE";
}

/** A cell as it is, for fields whose type matters (dates, checkboxes, 変更前 of any kind). */
export function rawCell(cell: unknown): unknown {
  return cell ?? "";
}

/** Text, or a calendar day for a date input. */
function defaultReader(spec: FieldSpec<unknown>): (cell: unknown) => string {
  return typeof spec.editable === "object" && spec.editable.kind === "date" ? dayText : cellToText;
}

/** Row 1 of what fromRows accepts (as toGrid would read it), without copying the rest. */
function headerRowOf(values: unknown): readonly unknown[] {
  if (!Array.isArray(values)) return [values];
  const first: unknown = values[0];
  return Array.isArray(first) ? first : first === undefined ? [] : [first];
}

export function defineContract<const S extends Specs>(spec: {
  name: string;
  fields: S;
  required: readonly (keyof S & string)[];
}): SheetContract<S> {
  const headers = Object.keys(spec.fields) as (keyof S & string)[];
  type F = keyof S & string;
  // Tables key columns by NFKC text: a field named "目指す市民の実感（成果指標）" is found as "…(成果指標)".
  const keyOf = new Map(headers.map((field) => [field as string, normalizeText(field)]));
  const fieldOf = new Map(headers.map((field) => [normalizeText(field), field]));
  const key = (field: string) => keyOf.get(field) ?? normalizeText(field);
  const recordOf = (table: Pick<SheetTable, "columns">, cells: readonly unknown[]) => {
    const record = {} as Record<string, unknown>;
    for (const field of headers) {
      const index = table.columns.get(key(field));
      const read = spec.fields[field].read ?? defaultReader(spec.fields[field]);
      record[field] = read(index === undefined ? "" : cells[index]);
    }
    return record as RecordOf<S>;
  };
  return {
    name: spec.name,
    headers,
    required: spec.required,
    fields: spec.fields,
    fieldsWith: (rule) => headers.filter((f) => spec.fields[f][rule] !== undefined),
    columnWidths: headers.flatMap((f) => {
      const { width, wrap } = spec.fields[f];
      return width === undefined ? [] : [{ header: f, width, wrap: wrap === true }];
    }),
    fromRows(values, required = spec.required) {
      // A required header twice: reading either column could be the wrong one.
      const duplicated = headerProblems(spec.name, headers, headerRowOf(values), required).filter((p) => p.kind === "duplicated");
      if (duplicated.length > 0) throw new ContractError(duplicated);
      const table = readTable(values, spec.name, required.map(key), (rowNumber, cells, columns) => new LazyRow(rowNumber, cells, columns, recordOf));
      return { ...table, indexOf: (field: F) => table.columns.get(key(field)) };
    },
    check: (headerRow, needed = spec.required) => headerProblems(spec.name, headers, headerRow, needed),
    recordOf,
    toRow(record, headerRow = headers) {
      return headerRow.map((cell) => {
        const field = fieldOf.get(normalizeText(cell));
        return field !== undefined && record[field] !== undefined ? record[field] : "";
      });
    },
    column: (table, field, parse, expected) => column(table, key(field), parse, expected),
    requiredColumn: (table, field, parse, expected) => requiredColumn(table, key(field), parse, expected),
  };
}

export { ContractError, InputError, type HeaderProblem };
