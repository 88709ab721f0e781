// A new Google Sheets file in the user's Drive (SpreadsheetApp.create): the X会議
// pack's file. Needs the full `spreadsheets` scope (spreadsheets.currentonly only
// reaches the open spreadsheet); the file goes to My Drive, not into a folder,
// since moving it would need a Drive scope too (docs/deploy.md).

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface NewFile {
  file: Spreadsheet;
  /** The file's first (and only) sheet, renamed `sheetName`. */
  sheet: Sheet;
  id: string;
  url: string;
}

export function createSpreadsheetFile(name: string, sheetName: string): NewFile {
  const file = SpreadsheetApp.create(name);
  const sheet = file.getSheets()[0].setName(sheetName);
  return { file, sheet, id: file.getId(), url: file.getUrl() };
}
