// SpreadsheetApp offline: the one workbook of this execution as the active
// spreadsheet, over the workbook model. One SpreadsheetApp per execution, so the
// selection (active sheet and range) is per execution, as in Sheets.
import type { ExecutionEnv } from "../../runtime/env";
import type { WorkbookModel } from "../../workbook/model";
import { markUnsupported } from "../api-surface";
import { ConditionalFormatRuleBuilderImpl } from "./conditional-format";
import { WorkbookContext, type SpreadsheetOptions } from "./context";
import { DataValidationBuilderImpl } from "./data-validation";
import { BooleanCriteria, BorderStyle, DataValidationCriteria, ProtectionType, SheetType } from "./enums";
import type { RangeImpl } from "./range";
import type { SheetImpl } from "./sheet";
import type { SpreadsheetImpl } from "./spreadsheet";
import { UiImpl } from "./ui";

type GasApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const UNSUPPORTED_METHODS = [
  "create", "enableAllDataSourcesExecution", "enableBigQueryExecution", "getActiveRangeList", "getSelection",
  "newCellImage", "newColor", "newDataSourceSpec", "newFilterCriteria", "newRichTextValue", "newTextStyle", "open",
  "openById", "openByUrl", "setActiveRangeList", "setActiveSpreadsheet", "setCurrentCell",
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

  getActive(): SpreadsheetImpl {
    return this.ctx.spreadsheet;
  }

  getActiveSpreadsheet(): SpreadsheetImpl {
    return this.ctx.spreadsheet;
  }

  getActiveSheet(): SheetImpl {
    return this.ctx.sheet(this.ctx.activeSheet());
  }

  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): SheetImpl {
    this.ctx.setActiveSheet((sheet as SheetImpl).model);
    return sheet as SheetImpl;
  }

  getActiveRange(): RangeImpl {
    return this.ctx.activeRange();
  }

  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range): RangeImpl {
    this.ctx.setActiveRange(range as RangeImpl);
    return range as RangeImpl;
  }

  getCurrentCell(): RangeImpl {
    return this.ctx.currentCell();
  }

  /** Only an execution started from the open spreadsheet has a UI (not triggers, custom functions or the CLI). */
  getUi(): UiImpl {
    const { ui, authMode } = this.ctx.env;
    if (!ui || authMode === "CUSTOM_FUNCTION") throw new Error("Cannot call SpreadsheetApp.getUi() from this context.");
    return new UiImpl(ui);
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

markUnsupported(SpreadsheetAppImpl, "SpreadsheetApp", UNSUPPORTED_METHODS, UNSUPPORTED_ENUMS);

export function createSpreadsheetApp(env: ExecutionEnv, model: WorkbookModel, opts: SpreadsheetOptions): GasApp {
  return new SpreadsheetAppImpl(new WorkbookContext(env, model, opts));
}
