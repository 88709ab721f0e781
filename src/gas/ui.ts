// The spreadsheet UI when there is one: menu runs have it, triggers and the CLI do not.

export function uiOrNull(): GoogleAppsScript.Base.Ui | null {
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
