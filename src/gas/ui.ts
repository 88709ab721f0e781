// The spreadsheet UI when there is one: menu runs have it, triggers and the CLI do not.

type Ui = GoogleAppsScript.Base.Ui;

export function uiOrNull(): Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    return null;
  }
}

/** Shows a message in a dialog when a UI is there; always returns the message for callers and logs. */
export function tell(title: string, message: string): string {
  uiOrNull()?.alert(title, message, SpreadsheetApp.getUi().ButtonSet.OK);
  return message;
}

/** Asks a yes/no question; true only for an explicit yes. */
export function confirm(ui: Ui, title: string, question: string): boolean {
  return ui.alert(title, question, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

export interface MenuItem<Name extends string = string> {
  caption: string;
  functionName: Name;
}

/** The add-on's menu; before the add-on is enabled in a document only the add-on menu may be created. */
export function addMenu(title: string, items: readonly (MenuItem | null)[], authModeNone: boolean): void {
  const ui = SpreadsheetApp.getUi();
  const menu = authModeNone ? ui.createAddonMenu() : ui.createMenu(title);
  for (const item of items) {
    if (item) menu.addItem(item.caption, item.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function showSidebar(output: GoogleAppsScript.HTML.HtmlOutput): void {
  SpreadsheetApp.getUi().showSidebar(output);
}

/** A short note in the spreadsheet's corner: the edit triggers' way to warn the person typing. */
export function toast(title: string, message: string): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, title, 15);
}
