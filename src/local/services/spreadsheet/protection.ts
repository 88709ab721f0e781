// Protected ranges and sheets offline. Records live in the runtime state (the
// sidecar JSON), so they survive executions; Protection objects are views over them.
// Editors: an empty list means "not restricted yet" — Sheets mirrors the file's
// permissions until a script changes the editors — and once restricted, the
// protecting user always stays an editor (Sheets never lets them lock themselves out).
import { randomUUID } from "node:crypto";
import type { ExecutionEnv, ProtectionRecord, RuntimeState } from "../../execution/env";
import type { SheetModel } from "../../workbook/model";
import { enumValue, markUnsupported } from "../api-surface";
import { formatA1, parseA1, resolveA1, type A1Range, type ResolvedRange } from "./a1";
import type { LocalRange, WorkbookContext } from "./context";
import { UserImpl } from "./user";

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;
type User = GoogleAppsScript.Base.User;

const UNSUPPORTED = ["setNamedRange", "setRange", "setRangeName"] as const satisfies readonly (keyof GasProtection)[];

export interface ProtectionImpl extends Pick<GasProtection, (typeof UNSUPPORTED)[number]> {}

export class ProtectionImpl implements GasProtection {
  constructor(
    private readonly ctx: WorkbookContext,
    private readonly record: ProtectionRecord,
  ) {}

  addEditor(user: string | User): ProtectionImpl {
    this.ctx.guard("Protection.addEditor");
    return this.addEmails([emailOf(user)]);
  }

  addEditors(emailAddresses: string[]): ProtectionImpl {
    this.ctx.guard("Protection.addEditors");
    return this.addEmails(emailAddresses.map(String));
  }

  removeEditor(user: string | User): ProtectionImpl {
    this.ctx.guard("Protection.removeEditor");
    return this.removeEmails([emailOf(user)]);
  }

  removeEditors(users: string[] | User[]): ProtectionImpl {
    this.ctx.guard("Protection.removeEditors");
    return this.removeEmails(users.map(emailOf));
  }

  /** None for a warning-only protection: "Editors are not supported with warning_only protection" (Sheets API, ProtectedRange). */
  getEditors(): User[] {
    if (this.record.warningOnly) return [];
    const { effectiveUser } = this.ctx.env;
    const editors = this.record.editors.length > 0 ? this.record.editors : effectiveUser ? [effectiveUser] : [];
    return editors.map((email) => new UserImpl(email));
  }

  canEdit(): boolean {
    return !blocksEdit(this.record, this.ctx.env);
  }

  canDomainEdit(): boolean {
    return this.record.domainEdit;
  }

  setDomainEdit(editable: boolean): ProtectionImpl {
    this.ctx.guard("Protection.setDomainEdit");
    this.record.domainEdit = Boolean(editable);
    return this;
  }

  getDescription(): string {
    return this.record.description;
  }

  setDescription(description: string): ProtectionImpl {
    this.ctx.guard("Protection.setDescription");
    this.record.description = String(description);
    return this;
  }

  isWarningOnly(): boolean {
    return this.record.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): ProtectionImpl {
    this.ctx.guard("Protection.setWarningOnly");
    this.record.warningOnly = Boolean(warningOnly);
    return this;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return enumValue<GoogleAppsScript.Spreadsheet.ProtectionType>(this.record.type);
  }

  /** The protected range; for a sheet protection, the whole sheet. */
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const sheet = this.sheet();
    if (this.record.range === null) return this.ctx.range(sheet, 1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    return this.ctx.rangeFromA1(this.record.range, sheet);
  }

  /** Named ranges are not kept offline, so a protection never has one. */
  getRangeName(): string | null {
    return null;
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    const sheet = this.sheet();
    return this.record.unprotected.map((a1) => this.ctx.rangeFromA1(a1, sheet));
  }

  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): ProtectionImpl {
    this.ctx.guard("Protection.setUnprotectedRanges");
    this.record.unprotected = (ranges as LocalRange[]).map((range) => formatA1(range.area));
    return this;
  }

  remove(): void {
    this.ctx.guard("Protection.remove");
    const all = this.ctx.env.state.protections;
    const index = all.indexOf(this.record);
    if (index >= 0) all.splice(index, 1);
  }

  private sheet(): SheetModel {
    const sheet = this.ctx.model.getSheetByName(this.record.sheet);
    if (!sheet) throw new Error(`Sheet ${this.record.sheet} not found`);
    return sheet;
  }

  private addEmails(emails: string[]): ProtectionImpl {
    const editors = restricted(this.record, this.ctx.env);
    for (const email of emails) if (!includesEmail(editors, email)) editors.push(email);
    return this;
  }

  private removeEmails(emails: string[]): ProtectionImpl {
    const keep = this.ctx.env.effectiveUser.toLowerCase();
    const drop = new Set(emails.map((e) => e.toLowerCase()).filter((e) => e !== keep));
    this.record.editors = restricted(this.record, this.ctx.env).filter((e) => !drop.has(e.toLowerCase()));
    return this;
  }
}

markUnsupported(ProtectionImpl, "Protection", UNSUPPORTED);

export function createProtection(
  ctx: WorkbookContext,
  sheet: SheetModel,
  type: ProtectionRecord["type"],
  range: string | null,
): ProtectionImpl {
  const record: ProtectionRecord = {
    id: randomUUID(),
    type,
    sheet: sheet.getName(),
    range,
    description: "",
    warningOnly: false,
    editors: [],
    domainEdit: false,
    unprotected: [],
  };
  ctx.env.state.protections.push(record);
  return new ProtectionImpl(ctx, record);
}

function emailOf(user: string | User): string {
  return typeof user === "string" ? user : user.getEmail();
}

function includesEmail(list: string[], email: string): boolean {
  return list.some((e) => e.toLowerCase() === email.toLowerCase());
}

/** The editor list once a script changes it: the protecting user first. */
function restricted(record: ProtectionRecord, env: ExecutionEnv): string[] {
  if (record.editors.length === 0 && env.effectiveUser) record.editors = [env.effectiveUser];
  return record.editors;
}

export function blocksEdit(record: ProtectionRecord, env: ExecutionEnv): boolean {
  return !record.warningOnly && record.editors.length > 0 && !includesEmail(record.editors, env.effectiveUser);
}

/** Whether the record stops the effective user from editing `area`. */
export function blocksRange(record: ProtectionRecord, env: ExecutionEnv, sheet: SheetModel, area: ResolvedRange): boolean {
  return blocksEdit(record, env) && coversRange(record, sheet, area);
}

/** Whether `area` touches what the record protects (a sheet protection spares its unprotected ranges). */
export function coversRange(record: ProtectionRecord, sheet: SheetModel, area: ResolvedRange): boolean {
  const resolve = (a1: string) => resolveA1(parseA1(a1)!, sheet.getMaxRows(), sheet.getMaxColumns());
  if (record.range !== null) return overlaps(resolve(record.range), area);
  return !record.unprotected.some((a1) => contains(resolve(a1), area));
}

function overlaps(a: ResolvedRange, b: ResolvedRange): boolean {
  return (
    a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns
  );
}

function contains(outer: ResolvedRange, inner: ResolvedRange): boolean {
  return (
    outer.row <= inner.row &&
    outer.column <= inner.column &&
    outer.row + outer.numRows >= inner.row + inner.numRows &&
    outer.column + outer.numColumns >= inner.column + inner.numColumns
  );
}

/** Rows or columns inserted (count > 0) after `at`, or deleted (count < 0) starting at `at + 1`; 1-based. */
export interface GridShift {
  dimension: "ROWS" | "COLUMNS";
  at: number;
  count: number;
}

/**
 * Keeps protections on the cells they protected when rows/columns move, as Sheets
 * does; a protected range whose cells were all deleted goes away with them.
 */
export function shiftProtections(state: RuntimeState, sheetName: string, shift: GridShift): void {
  removeWhere(state.protections, (record) => {
    if (record.sheet !== sheetName) return false;
    record.unprotected = record.unprotected.map((a1) => shiftA1(a1, shift)).filter((a1): a1 is string => a1 !== null);
    if (record.range === null) return false;
    const moved = shiftA1(record.range, shift);
    if (moved !== null) record.range = moved;
    return moved === null;
  });
}

function shiftA1(a1: string, shift: GridShift): string | null {
  const range = parseA1(a1);
  if (!range) return a1;
  const rows = shift.dimension === "ROWS";
  const [start, end] = rows ? [range.row, range.endRow] : [range.column, range.endColumn];
  if (end === null) return a1; // whole columns (rows) stay whole when rows (columns) move
  const moved = shiftInterval(start, end, shift);
  if (!moved) return null;
  const next: A1Range = rows
    ? { ...range, row: moved[0], endRow: moved[1] }
    : { ...range, column: moved[0], endColumn: moved[1] };
  return formatA1(resolveA1(next, 0, 0));
}

function shiftInterval(start: number, end: number, { at, count }: GridShift): [number, number] | null {
  if (count > 0) return [start > at ? start + count : start, end > at ? end + count : end];
  const first = at + 1;
  const last = at - count;
  const newStart = start < first ? start : start > last ? start + count : first;
  const newEnd = end < first ? end : end > last ? end + count : first - 1;
  return newEnd < newStart ? null : [newStart, newEnd];
}

export function renameProtections(state: RuntimeState, from: string, to: string): void {
  for (const record of state.protections) if (record.sheet === from) record.sheet = to;
}

export function dropProtections(state: RuntimeState, sheetName: string): void {
  removeWhere(state.protections, (record) => record.sheet === sheetName);
}

/** In place: the state object is shared with the runtime, which saves it after the execution. */
function removeWhere<T>(list: T[], predicate: (item: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i])) list.splice(i, 1);
}
