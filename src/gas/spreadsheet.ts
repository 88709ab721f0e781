// The one place the add-on opens its spreadsheet. A web app has no active
// spreadsheet (G-bound, R-ssapp: getActiveSpreadsheet() is null there), so every
// context without one opens the workbook by the ID 初期設定 stored.
import { STATE, readState, writeState } from "./script-state";
import { effectiveUserEmail } from "./session";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Opened once per execution: each execution loads the bundle afresh. */
let opened: Spreadsheet | null = null;

/**
 * The active spreadsheet where there is one (menus, sidebars, triggers), else
 * the one whose ID 初期設定 stored (web app). The active one comes first because
 * a copy of the spreadsheet carries the script's properties: opening by the
 * stored ID there would write into the original.
 */
export function spreadsheet(): Spreadsheet {
  if (opened) return opened;
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return (opened = active);
  const id = readState(STATE.spreadsheetId);
  if (!id) {
    throw new Error("スプレッドシートの ID が保存されていません。市政変革推進室がスプレッドシートでメニュー「プラチナ → 初期設定」を実行してください。");
  }
  opened = SpreadsheetApp.openById(id);
  noteOpenedById();
  return opened;
}

/** Noted at most hourly per account, so a web request costs one property read more, rarely a write. */
const NOTE_EVERY_MS = 60 * 60 * 1000;

function noteOpenedById(): void {
  const by = effectiveUserEmail();
  const last = readState(STATE.openedById);
  if (last && last.by === by && Date.now() - Date.parse(last.at) < NOTE_EVERY_MS) return;
  writeState(STATE.openedById, { by, at: new Date().toISOString() });
}

/** Who last opened the spreadsheet by its stored ID without an active one (the web app's deployer), and when. */
export function lastOpenedById(): { by: string; at: string } | null {
  return readState(STATE.openedById);
}

/** Opens the spreadsheet by the stored ID as the web app does, as the account running this. */
export function tryOpenStoredId(): { ok: true; id: string; name: string } | { ok: false; error: string } {
  const id = storedSpreadsheetId();
  if (!id) return { ok: false, error: "ID が保存されていません。" };
  try {
    const book = SpreadsheetApp.openById(id);
    return { ok: true, id: book.getId(), name: book.getName() };
  } catch (error) {
    return { ok: false, error: (error as Error)?.message ?? String(error) };
  }
}

/** The spreadsheet's own time zone (ファイル → 設定), which Sheets uses for its dates (R-ss). */
export function spreadsheetTimeZone(): string {
  return spreadsheet().getSpreadsheetTimeZone();
}

/** The ID contexts without an active spreadsheet open, as 初期設定 stored it (null before). */
export function storedSpreadsheetId(): string | null {
  return readState(STATE.spreadsheetId);
}

/** The active spreadsheet's ID, or null where there is none (web app). */
export function activeSpreadsheetId(): string | null {
  return SpreadsheetApp.getActiveSpreadsheet()?.getId() ?? null;
}

/** Stores the active spreadsheet's ID for the web app; true when it changed (first setup, or a copy). */
export function rememberSpreadsheetId(): boolean {
  const id = activeSpreadsheetId();
  if (!id || id === storedSpreadsheetId()) return false;
  writeState(STATE.spreadsheetId, id);
  return true;
}

export function sheetNamed(name: string): Sheet | null {
  return spreadsheet().getSheetByName(name);
}

export function requireSheetNamed(name: string): Sheet {
  const sheet = sheetNamed(name);
  if (!sheet) throw new Error(`シート「${name}」がありません。メニューの「プラチナ → 初期設定」を実行してください。`);
  return sheet;
}

export function sheetNames(): string[] {
  return spreadsheet().getSheets().map((s) => s.getName());
}

/** Every sheet's name and whether it is hidden, in one listing. */
export function sheetVisibility(): { name: string; hidden: boolean }[] {
  return spreadsheet().getSheets().map((s) => ({ name: s.getName(), hidden: s.isSheetHidden() }));
}

/** Makes every write so far final: later failures of the run cannot undo it. */
export function flush(): void {
  SpreadsheetApp.flush();
}

/** A new empty sheet named `name`, replacing any sheet of that name. */
export function replaceSheet(name: string): Sheet {
  const ss = spreadsheet();
  const existing = ss.getSheetByName(name);
  if (existing) ss.deleteSheet(existing);
  return ss.insertSheet(name);
}

/**
 * The sheet named `name`, created empty when missing; `created` says which. insertSheet
 * makes the new sheet the active one: the person at the spreadsheet is put back where
 * they were, so a log the add-on creates on the way (送信記録, 回答記録) never takes them away.
 */
export function ensureSheetNamed(name: string): { sheet: Sheet; created: boolean } {
  const existing = sheetNamed(name);
  if (existing) return { sheet: existing, created: false };
  const ss = spreadsheet();
  // No active spreadsheet (the web app): nobody is looking, nothing to put back.
  const where = SpreadsheetApp.getActiveSpreadsheet() ? ss.getActiveRange() : null;
  const sheet = ss.insertSheet(name);
  where?.activate();
  return { sheet, created: true };
}

/** The add-on's own bookkeeping sheet named `name`, created hidden when missing. */
export function ensureHiddenSheet(name: string): { sheet: Sheet; created: boolean } {
  const found = ensureSheetNamed(name);
  if (found.created) found.sheet.hideSheet();
  return found;
}
