// The one place the add-on opens its spreadsheet: a web-app or trigger context
// that must open it by ID changes only this function.

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function spreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
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

/** The sheet named `name`, created empty when missing; `created` says which. */
export function ensureSheetNamed(name: string): { sheet: Sheet; created: boolean } {
  const existing = sheetNamed(name);
  return existing ? { sheet: existing, created: false } : { sheet: spreadsheet().insertSheet(name), created: true };
}

/** The add-on's own bookkeeping sheet named `name`, created hidden when missing. */
export function ensureHiddenSheet(name: string): { sheet: Sheet; created: boolean } {
  const found = ensureSheetNamed(name);
  if (found.created) found.sheet.hideSheet();
  return found;
}
