// SpreadsheetApp offline: the one workbook of this execution as the active
// spreadsheet, over the workbook model. One SpreadsheetApp per execution, so the
// selection (active sheet and range) is per execution, as in Sheets.
import type { ExecutionEnv } from "../../execution/env";
import type { SheetModel, WorkbookModel } from "../../workbook/model";
import { markUnsupported } from "../api-surface";
import { ConditionalFormatRuleBuilderImpl } from "./conditional-format";
import { WorkbookContext, type LocalRange, type LocalSheet, type SpreadsheetClasses, type SpreadsheetOptions } from "./context";
import { DataValidationBuilderImpl } from "./data-validation";
import { BooleanCriteria, BorderStyle, DataValidationCriteria, ProtectionType, SheetType } from "./enums";
import { RangeImpl } from "./range";
import { SheetImpl } from "./sheet";
import { SpreadsheetImpl } from "./spreadsheet";
import { UiImpl } from "./ui";

type GasApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const UNSUPPORTED_METHODS = [
  "enableAllDataSourcesExecution", "enableBigQueryExecution", "getActiveRangeList", "getSelection",
  "newCellImage", "newColor", "newDataSourceSpec", "newFilterCriteria", "newRichTextValue", "newTextStyle", "open",
  "openByUrl", "setActiveRangeList", "setActiveSpreadsheet", "setCurrentCell",
] as const satisfies readonly (keyof GasApp)[];

const UNSUPPORTED_ENUMS = [
  "AutoFillSeries", "BandingTheme", "ColorType", "CopyPasteType", "DataExecutionErrorCode", "DataExecutionState",
  "DataSourceParameterType", "DataSourceType", "DeveloperMetadataLocationType", "DeveloperMetadataVisibility",
  "Dimension", "Direction", "GroupControlTogglePosition", "InterpolationType", "PivotTableSummarizeFunction",
  "PivotValueDisplayType", "RecalculationInterval", "RelativeDate", "TextDirection", "TextToColumnsDelimiter",
  "ThemeColorType", "ValueType", "WrapStrategy",
] as const satisfies readonly (keyof GasApp)[];

export interface SpreadsheetAppImpl
  extends Pick<GasApp, (typeof UNSUPPORTED_METHODS)[number] | (typeof UNSUPPORTED_ENUMS)[number]> {}

export class SpreadsheetAppImpl implements GasApp {
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = BorderStyle;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly SheetType = SheetType;

  constructor(private readonly ctx: WorkbookContext) {}

  /** Null where the execution has no active container: a web app, or a simple trigger in AuthMode.NONE (R-ssapp, G-bound). */
  getActive(): GasSpreadsheet {
    // The typings say non-null; the reference says null (R-ssapp).
    return (this.ctx.env.rules.activeSpreadsheet ? this.ctx.spreadsheet : null) as GasSpreadsheet;
  }

  getActiveSpreadsheet(): GasSpreadsheet {
    return this.getActive();
  }

  getActiveSheet(): LocalSheet {
    return this.ctx.sheet(withActive(this.ctx, "getActiveSheet").activeSheet());
  }

  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): LocalSheet {
    withActive(this.ctx, "setActiveSheet").setActiveSheet((sheet as LocalSheet).model);
    return sheet as LocalSheet;
  }

  getActiveRange(): LocalRange {
    return withActive(this.ctx, "getActiveRange").activeRange();
  }

  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range): LocalRange {
    withActive(this.ctx, "setActiveRange").setActiveRange(range as LocalRange);
    return range as LocalRange;
  }

  getCurrentCell(): LocalRange {
    return withActive(this.ctx, "getCurrentCell").currentCell();
  }

  /** Only an execution in front of the open spreadsheet has a UI: not custom functions, time-driven triggers or web apps. */
  getUi(): UiImpl {
    const { ui, rules } = this.ctx.env;
    if (!ui || !rules.ui) throw new Error("Cannot call SpreadsheetApp.getUi() from this context.");
    return new UiImpl(ui);
  }

  /**
   * The workbook's own ID opens it wherever the script is authorized (not in custom
   * functions or simple triggers, G-cf, G-trig); offline there is no other file to open.
   */
  openById(id: string): GasSpreadsheet {
    if (this.ctx.env.authMode !== "FULL") {
      throw new Error("You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets");
    }
    if (String(id) !== this.ctx.options.id) {
      throw new Error(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.（ID「${id}」のスプレッドシートはありません。ローカル実行環境で開けるのはこのブック「${this.ctx.options.id}」だけです）`,
      );
    }
    return this.ctx.spreadsheet;
  }

  /**
   * A new spreadsheet file with one empty sheet (シート1, `rows` × `columns`, default 1000 × 26), not
   * the active one. It needs the full spreadsheets scope (R-ssapp create: Authorization); currentonly
   * reaches only the open spreadsheet (guides/services/authorization), so a manifest that lists its
   * scopes without it is refused, as Apps Script refuses (docs/apps-script-contexts.md). The runtime keeps the file and saves it as .xlsx once the execution ends, failed or not:
   * Drive does not take back a file already made.
   */
  create(name: string, rows?: number, columns?: number): GasSpreadsheet {
    const { env, options } = this.ctx;
    const scopes = options.oauthScopes ?? null;
    if (env.authMode !== "FULL" || (scopes !== null && !scopes.includes(SPREADSHEETS_SCOPE))) {
      throw new Error(`You do not have permission to call SpreadsheetApp.create. Required permissions: ${SPREADSHEETS_SCOPE}`);
    }
    if (!options.createFile) throw new Error("この実行環境では新しいスプレッドシートのファイルを作れません（保存先のフォルダが指定されていません）。");
    if (String(name).trim() === "") throw new Error("Invalid argument: name");
    const file = options.createFile(String(name));
    file.model.insertSheet("シート1");
    const sheet = file.model.getSheets()[0];
    if (rows !== undefined && columns !== undefined) resize(sheet, rows, columns);
    const ctx = new WorkbookContext(env, file.model, { id: file.id, url: file.url, oauthScopes: scopes }, CLASSES);
    return ctx.spreadsheet;
  }

  flush(): void {
    this.ctx.options.onFlush?.();
  }

  newDataValidation(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl();
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilderImpl {
    return new ConditionalFormatRuleBuilderImpl();
  }
}

const SPREADSHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets";

/** create(name, rows, columns): the new sheet's size (at least 1 × 1). */
function resize(sheet: SheetModel, rows: number, columns: number): void {
  if (!(rows >= 1) || !(columns >= 1)) throw new Error("Invalid argument: rows and columns must be at least 1");
  const [r, c] = [Math.floor(rows), Math.floor(columns)];
  if (r > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows() - 1, r - sheet.getMaxRows());
  else if (r < sheet.getMaxRows()) sheet.deleteRows(r, sheet.getMaxRows() - r);
  if (c > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns() - 1, c - sheet.getMaxColumns());
  else if (c < sheet.getMaxColumns()) sheet.deleteColumns(c, sheet.getMaxColumns() - c);
}

/** The selection belongs to the active spreadsheet: without one there is none. Kept off the class, so add-on code cannot call it. */
function withActive(ctx: WorkbookContext, method: string): WorkbookContext {
  if (!ctx.env.rules.activeSpreadsheet) {
    throw new Error(`Cannot call SpreadsheetApp.${method}() from this context: there is no active spreadsheet. Open it with SpreadsheetApp.openById(id).`);
  }
  return ctx;
}

markUnsupported(SpreadsheetAppImpl, "SpreadsheetApp", UNSUPPORTED_METHODS, UNSUPPORTED_ENUMS);

/** What the context makes when the add-on reaches a spreadsheet, a sheet or a range. */
const CLASSES: SpreadsheetClasses = {
  spreadsheet: (ctx) => new SpreadsheetImpl(ctx),
  sheet: (ctx, model) => new SheetImpl(ctx, model),
  range: (ctx, sheet, area) => new RangeImpl(ctx, sheet, area),
};

export function createSpreadsheetApp(env: ExecutionEnv, model: WorkbookModel, opts: SpreadsheetOptions): GasApp {
  return new SpreadsheetAppImpl(new WorkbookContext(env, model, opts, CLASSES));
}
