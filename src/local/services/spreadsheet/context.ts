// One execution's view of the spreadsheet, shared by every SpreadsheetApp object
// it hands out: the workbook, the execution's identity and mode, the selection,
// and the checks Sheets makes before building a Range. Kept off the API classes
// so these helpers are neither visible to nor counted as add-on calls.
// The classes reach each other (a Range its Sheet, a Sheet its Ranges) through
// the context, which makes them with the constructors spreadsheet-app.ts gives
// it: no class file needs one above it.
import type { ExecutionEnv } from "../../execution/env";
import type { GridRange, SheetModel, WorkbookModel } from "../../workbook/model";
import { parseA1, resolveA1, type ResolvedRange } from "./a1";

/** A Range this runtime made (range.ts): Apps Script's interface, and where it is. */
export interface LocalRange extends GoogleAppsScript.Spreadsheet.Range {
  readonly sheetModel: SheetModel;
  readonly area: ResolvedRange;
}

/** A Sheet this runtime made (sheet.ts): Apps Script's interface, and its tab in the model. */
export interface LocalSheet extends GoogleAppsScript.Spreadsheet.Sheet {
  readonly model: SheetModel;
}

/** The constructors of the objects the context hands out. */
export interface SpreadsheetClasses {
  spreadsheet(ctx: WorkbookContext): GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet(ctx: WorkbookContext, model: SheetModel): LocalSheet;
  range(ctx: WorkbookContext, sheet: SheetModel, area: ResolvedRange): LocalRange;
}

export interface SpreadsheetOptions {
  id: string;
  url?: string;
  /** SpreadsheetApp.flush(): where the runtime persists or notifies. */
  onFlush?: () => void;
  /** What the user has selected in the open spreadsheet when the execution starts (none in triggers and the CLI). */
  selection?: ActiveSelection | null;
  /** Told when the execution moves the selection; `read` gives where it is then or later (the first tab's A1 once its sheet is gone). */
  onSelect?: (read: () => ActiveSelection) => void;
  /** SpreadsheetApp.create: a new workbook file (the runtime keeps and saves it); absent where files cannot be made. */
  createFile?: (name: string) => CreatedFile;
  /** The manifest's oauthScopes; null when it declares none (Apps Script then grants what the code uses). */
  oauthScopes?: readonly string[] | null;
}

/** A workbook SpreadsheetApp.create made: where it is and how to open it. */
export interface CreatedFile {
  id: string;
  url: string;
  model: WorkbookModel;
}

/** A selection as the workbench shows it: the sheet, the selected block and the current cell, 0-based. */
export interface ActiveSelection {
  sheet: string;
  range: GridRange;
  current: { row: number; column: number };
}

export class WorkbookContext {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  private readonly sheets = new Map<SheetModel, LocalSheet>();
  private active: SheetModel | null = null;
  private selection: { sheet: SheetModel; area: ResolvedRange; current: { row: number; column: number } } | null = null;

  constructor(
    readonly env: ExecutionEnv,
    readonly model: WorkbookModel,
    readonly options: SpreadsheetOptions,
    private readonly classes: SpreadsheetClasses,
  ) {
    this.spreadsheet = classes.spreadsheet(this);
    if (options.selection) this.startFrom(options.selection);
  }

  /** Custom functions may only read: every workbook change is refused, as in Sheets. */
  guard(member: string): void {
    if (this.env.authMode === "CUSTOM_FUNCTION") throw new Error(`You do not have permission to call ${member}`);
  }

  sheet(model: SheetModel): LocalSheet {
    let sheet = this.sheets.get(model);
    if (!sheet) {
      sheet = this.classes.sheet(this, model);
      this.sheets.set(model, sheet);
    }
    return sheet;
  }

  /** The active sheet; the first tab when none was chosen or the chosen one was deleted. */
  activeSheet(): SheetModel {
    const sheets = this.model.getSheets();
    if (this.active && sheets.includes(this.active)) return this.active;
    this.active = sheets[0];
    return this.active;
  }

  setActiveSheet(sheet: SheetModel): void {
    if (this.active !== sheet) this.selection = null;
    this.active = sheet;
    this.moved();
  }

  /** The selection on the active sheet; A1 when nothing was selected there. */
  activeRange(): LocalRange {
    const sheet = this.activeSheet();
    if (this.selection !== null && this.selection.sheet === sheet) return this.classes.range(this, sheet, this.selection.area);
    return this.range(sheet, 1, 1, 1, 1);
  }

  /** The current cell: inside the active range, its top-left unless the user started the selection elsewhere. */
  currentCell(): LocalRange {
    const sheet = this.activeSheet();
    if (this.selection === null || this.selection.sheet !== sheet) return this.range(sheet, 1, 1, 1, 1);
    return this.range(sheet, this.selection.current.row, this.selection.current.column, 1, 1);
  }

  /** As Range.activate(): the range's sheet becomes active, its top-left cell the current cell. */
  setActiveRange(range: LocalRange): void {
    this.active = range.sheetModel;
    this.selection = { sheet: range.sheetModel, area: range.area, current: { row: range.area.row, column: range.area.column } };
    this.moved();
  }

  /** The user's selection when the execution started; ignored when its sheet or cells are gone. */
  private startFrom(start: ActiveSelection): void {
    const sheet = this.model.getSheetByName(start.sheet);
    if (!sheet) return;
    const { row, column, numRows, numColumns } = start.range;
    const fits = row >= 0 && column >= 0 && numRows >= 1 && numColumns >= 1 && row + numRows <= sheet.getMaxRows() && column + numColumns <= sheet.getMaxColumns();
    this.active = sheet;
    if (!fits) return;
    const inRange = (value: number, from: number, count: number) => (value >= from && value < from + count ? value : from);
    this.selection = {
      sheet,
      area: { row: row + 1, column: column + 1, numRows, numColumns, open: { rows: false, columns: false } },
      current: { row: inRange(start.current.row, row, numRows) + 1, column: inRange(start.current.column, column, numColumns) + 1 },
    };
  }

  private moved(): void {
    this.options.onSelect?.(() => this.selectionView());
  }

  private selectionView(): ActiveSelection {
    const sheet = this.activeSheet();
    const area = this.activeRange().area;
    const current = this.currentCell().area;
    return {
      sheet: sheet.getName(),
      range: { row: area.row - 1, column: area.column - 1, numRows: area.numRows, numColumns: area.numColumns },
      current: { row: current.row - 1, column: current.column - 1 },
    };
  }

  /** A Range from 1-based coordinates, with Apps Script's argument checks. */
  range(sheet: SheetModel, row: number, column: number, numRows: number, numColumns: number): LocalRange {
    if (!(row >= 1)) throw new Error("The starting row of the range is too small.");
    if (!(column >= 1)) throw new Error("The starting column of the range is too small.");
    if (!(numRows >= 1)) throw new Error("The number of rows in the range must be at least 1.");
    if (!(numColumns >= 1)) throw new Error("The number of columns in the range must be at least 1.");
    return this.classes.range(this, sheet, inside(sheet, { row, column, numRows, numColumns, open: { rows: false, columns: false } }));
  }

  /** A Range from A1/R1C1 notation; a sheet name in it wins over `sheet`. */
  rangeFromA1(notation: string, sheet: SheetModel): LocalRange {
    const parsed = parseA1(String(notation));
    const target = parsed?.sheetName ? this.model.getSheetByName(parsed.sheetName) : sheet;
    if (!parsed || !target) throw new Error("Range not found");
    return this.classes.range(this, target, inside(target, resolveA1(parsed, target.getMaxRows(), target.getMaxColumns())));
  }
}

function inside(sheet: SheetModel, area: ResolvedRange): ResolvedRange {
  if (area.row + area.numRows - 1 > sheet.getMaxRows() || area.column + area.numColumns - 1 > sheet.getMaxColumns()) {
    throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
  }
  return area;
}
