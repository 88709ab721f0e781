// Loading and saving the offline workbook as .xlsx with exceljs. What xlsx can
// express is written natively (values, formulas with cached results, formats,
// frozen panes, list validations, conditional fills) so Excel, LibreOffice and
// Sheets open the file; the rest goes in a very hidden "_platina" sheet.

import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import ExcelJS from "exceljs";
import { parseRangeA1, quoteSheetName, rangeA1 } from "./a1";
import { writeFileAtomic, type AtomicWriteOptions } from "./atomic-file";
import { isDate, utcFieldsDateToSerial } from "./dates";
import type { LoadedSheet, RawValue } from "./file-cells";
import type { HfSheet } from "./hf-sheet";
import { createWorkbook, HfWorkbook } from "./hf-workbook";
import type { BorderLine, BorderStyleName, CellBorders, CellInput, CellStyle, ConditionalRule, GridRange, ValidationRule, WorkbookModel } from "./model";
import { isGeneral } from "./number-format";

/** Very hidden sheet holding what xlsx cannot say: rows of [kind, sheet, A1 range, JSON]. */
const META_SHEET = "_platina";
/** .xlsx allows 31 characters in a sheet name (Sheets: 100); exceljs would cut the rest silently. */
const XLSX_NAME_LIMIT = 31;
const RESERVED_NAMES = new Set([META_SHEET, "history"]);
const EXCEL_ERRORS = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);

/** Spilled cells of custom functions: saved as values, but not content when loaded back. */
interface SpillRecord {
  kind: "spill";
  sheet: string;
  range: string;
}
/** A validation rule with no faithful xlsx form (checkbox, helpers' own criteria…). */
interface ValidationRecord {
  kind: "validation";
  sheet: string;
  range: string;
  rule: ValidationRule;
}
/**
 * A sheet whose Sheets name .xlsx cannot hold (over 31 characters, or one of * ? : \\ / [ ]):
 * the file names it `sheet`, and this keeps its real name, so it is never cut.
 */
interface NameRecord {
  kind: "name";
  sheet: string;
  name: string;
}
type MetaRecord = SpillRecord | ValidationRecord | NameRecord;

// exceljs parses these but its typings omit them.
interface WorksheetExtras {
  dataValidations: { model: Record<string, ExcelJS.DataValidation>; add(address: string, rule: ExcelJS.DataValidation): void };
  conditionalFormattings?: { ref: string; rules: (ExcelJS.ConditionalFormattingRule & { formulae?: unknown[]; text?: string; operator?: string })[] }[];
}

// ---------------------------------------------------------------- load

/** `customFunctions`: the bundle's names, bound next by the runtime (see createWorkbook). */
export async function loadWorkbook(path: string, timeZone = "Asia/Tokyo", customFunctions?: string[]): Promise<WorkbookModel> {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`ブック「${path}」が見つかりません。`);
    throw new Error(`ブック「${path}」を読めません: ${(error as Error).message}`);
  }
  const unreadable = (reason: string) => new Error(`ブック「${path}」は .xlsx として読めません: ${reason}`);
  const file = new ExcelJS.Workbook();
  let meta: MetaRecord[];
  try {
    await file.xlsx.load(buffer as unknown as ExcelJS.Buffer); // exceljs declares its own Buffer type
    meta = readMeta(file);
  } catch (error) {
    throw unreadable((error as Error).message);
  }
  const worksheets = file.worksheets.filter((ws) => ws.name !== META_SHEET);
  if (worksheets.length === 0) throw unreadable("シートがありません");

  const names = new Map(meta.flatMap((m) => (m.kind === "name" ? [[m.sheet, m.name] as const] : [])));
  const named = worksheets.map((ws) => ({ ws, name: names.get(ws.name) ?? ws.name }));
  const model = createWorkbook({ name: basename(path, extname(path)), timeZone, customFunctions });
  const sheets = model.loadSheets(named.map(({ ws, name }) => readCells(ws, name, meta)));
  model.batch(() => named.forEach(({ ws, name }, i) => readLayout(ws, name, sheets[i], meta)));
  return model;
}

function readMeta(file: ExcelJS.Workbook): MetaRecord[] {
  const ws = file.getWorksheet(META_SHEET);
  if (!ws) return [];
  const records: MetaRecord[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return; // header
    const [kind, sheet, range, json] = [1, 2, 3, 4].map((c) => String(row.getCell(c).text ?? ""));
    if (kind === "spill") records.push({ kind, sheet, range });
    if (kind === "validation") records.push({ kind, sheet, range, rule: JSON.parse(json) as ValidationRule });
    if (kind === "name") records.push({ kind, sheet, name: json });
  });
  return records;
}

/** Whether a cell was filled by a custom function's spill when the file was saved. */
function spillTest(meta: MetaRecord[], sheetName: string): (row: number, column: number) => boolean {
  const spills = meta
    .filter((m): m is SpillRecord => m.kind === "spill" && m.sheet === sheetName)
    .map((m) => parseRangeA1(m.range))
    .filter((g): g is GridRange => g !== null);
  return (row, column) => spills.some((g) => row >= g.row && row < g.row + g.numRows && column >= g.column && column < g.column + g.numColumns);
}

function readCells(ws: ExcelJS.Worksheet, name: string, meta: MetaRecord[]): LoadedSheet {
  const inSpill = spillTest(meta, name);
  const cells: LoadedSheet["cells"] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const loaded = readCell(cell);
      if (!loaded) return;
      const at = { row: rowNumber - 1, column: columnNumber - 1 };
      if (inSpill(at.row, at.column)) {
        const shown = loaded.cached !== undefined ? loaded.cached : inputAsRaw(loaded.input);
        const format = cell.numFmt && !isGeneral(cell.numFmt) ? cell.numFmt : undefined;
        cells.push({ ...at, input: { kind: "empty" }, cached: shown, spilled: true, format });
      } else {
        cells.push({ ...at, ...loaded });
      }
    });
  });
  return { name, cells };
}

function readCell(cell: ExcelJS.Cell): { input: CellInput; cached?: RawValue } | null {
  const value = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Number:
    case ExcelJS.ValueType.Boolean:
      return { input: { kind: "value", value: value as number | boolean } };
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
    case ExcelJS.ValueType.RichText:
    case ExcelJS.ValueType.Hyperlink:
      return { input: { kind: "value", value: cell.text } };
    case ExcelJS.ValueType.Date:
      // exceljs Dates carry the wall clock in their UTC fields; keep it as the serial.
      return { input: { kind: "value", value: utcFieldsDateToSerial(value as Date) } };
    case ExcelJS.ValueType.Error:
      return { input: { kind: "value", value: (value as ExcelJS.CellErrorValue).error } };
    case ExcelJS.ValueType.Formula: {
      if (!cell.formula) return null;
      const formula = `=${cell.formula.replace(/_xlfn\.|_xlws\./g, "")}`;
      const cached = resultAsRaw(cell.result);
      return cached === undefined ? { input: { kind: "formula", formula } } : { input: { kind: "formula", formula }, cached };
    }
    default:
      return null;
  }
}

function resultAsRaw(result: unknown): RawValue | undefined {
  if (result === undefined || result === null) return undefined;
  if (isDate(result)) return utcFieldsDateToSerial(result);
  if (typeof result === "object" && "error" in result) return { error: String((result as { error: unknown }).error) };
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean") return result;
  return undefined;
}

function inputAsRaw(input: CellInput): RawValue {
  return input.kind === "value" && !isDate(input.value) ? input.value : null;
}

function readLayout(ws: ExcelJS.Worksheet, name: string, sheet: HfSheet, meta: MetaRecord[]): void {
  const inSpill = spillTest(meta, name);
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      const at: GridRange = { row: rowNumber - 1, column: columnNumber - 1, numRows: 1, numColumns: 1 };
      const format = cell.numFmt;
      if (format && !isGeneral(format) && !inSpill(at.row, at.column)) sheet.setNumberFormat(at, format);
      const style = readStyle(cell);
      if (style) sheet.setStyle(at, style);
    });
  });

  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  if (view?.state === "frozen") {
    sheet.setFrozenRows(view.ySplit ?? 0);
    sheet.setFrozenColumns(view.xSplit ?? 0);
  }
  (ws.columns ?? []).forEach((column, i) => {
    if (column.width) sheet.setColumnWidth(i, Math.round(column.width * 7 + 5));
  });
  sheet.setHidden(ws.state !== "visible");
  const tab = (ws.properties.tabColor as { argb?: string } | undefined)?.argb;
  sheet.setTabColor(tab ? argbToHex(tab) : null);

  readValidations(ws, sheet);
  for (const record of meta) {
    const range = record.kind === "validation" && record.sheet === name ? parseRangeA1(record.range) : null;
    if (range && record.kind === "validation") sheet.setValidation(range, record.rule);
  }
  sheet.setConditionalRules(readConditionalRules(ws));
}

function readStyle(cell: ExcelJS.Cell): CellStyle | null {
  const style: CellStyle = {};
  if (cell.font?.bold) style.bold = true;
  const fontColor = cell.font?.color?.argb;
  if (fontColor) style.fontColor = argbToHex(fontColor);
  const fill = cell.fill;
  if (fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb) style.background = argbToHex(fill.fgColor.argb);
  const horizontal = cell.alignment?.horizontal;
  if (horizontal === "left" || horizontal === "center" || horizontal === "right") style.horizontalAlignment = horizontal;
  if (cell.alignment?.wrapText) style.wrap = true;
  const borders = readBorders(cell.border);
  if (borders) style.borders = borders;
  return Object.keys(style).length ? style : null;
}

const BORDER_SIDES = ["top", "left", "bottom", "right"] as const;
/** Sheets' border styles as xlsx line styles, and back (xlsx has more: each reads as the nearest). */
const XLSX_BORDER: Record<BorderStyleName, ExcelJS.BorderStyle> = {
  DOTTED: "dotted", DASHED: "dashed", SOLID: "thin", SOLID_MEDIUM: "medium", SOLID_THICK: "thick", DOUBLE: "double",
};
const SHEETS_BORDER: Partial<Record<ExcelJS.BorderStyle, BorderStyleName>> = {
  hair: "SOLID", thin: "SOLID", dotted: "DOTTED", dashDot: "DASHED", dashDotDot: "DASHED", dashed: "DASHED",
  mediumDashDotDot: "DASHED", slantDashDot: "DASHED", mediumDashed: "DASHED", mediumDashDot: "DASHED",
  medium: "SOLID_MEDIUM", thick: "SOLID_THICK", double: "DOUBLE",
};

function readBorders(border: Partial<ExcelJS.Borders> | undefined): CellBorders | null {
  const borders: CellBorders = {};
  for (const side of BORDER_SIDES) {
    const line = border?.[side];
    const style = line?.style && SHEETS_BORDER[line.style];
    if (style) borders[side] = { style, color: line.color?.argb ? argbToHex(line.color.argb) : "#000000" };
  }
  return Object.keys(borders).length ? borders : null;
}

function writeBorders(borders: CellBorders): Partial<ExcelJS.Borders> {
  const xlsx: Partial<ExcelJS.Borders> = {};
  for (const side of BORDER_SIDES) {
    const line: BorderLine | undefined = borders[side];
    if (line) xlsx[side] = { style: XLSX_BORDER[line.style], color: { argb: hexToArgb(line.color) } };
  }
  return xlsx;
}

function readValidations(ws: ExcelJS.Worksheet, sheet: HfSheet): void {
  const rules = new Map<string, ValidationRule>();
  // exceljs lists a range's rule once per cell, the same object each time: serialise it once.
  const keys = new Map<object, string>();
  // Set per rule over whole runs of cells, so the cells of a run share one stored rule (saving
  // serialises each distinct rule once).
  const cells = new Map<ValidationRule, [number, number][]>();
  for (const [address, dv] of Object.entries((ws as unknown as WorksheetExtras).dataValidations.model)) {
    const range = parseRangeA1(address.replace(/^range:/, ""));
    const formula = String(dv.formulae?.[0] ?? "");
    if (!range || dv.type !== "list" || !formula) continue;
    let key = keys.get(dv);
    if (key === undefined) keys.set(dv, (key = JSON.stringify(dv)));
    let rule = rules.get(key);
    if (!rule) {
      const args = formula.startsWith('"') ? [formula.slice(1, -1).split(","), true] : [formula.replace(/^=/, "").replace(/\$/g, ""), true];
      rule = {
        criteria: formula.startsWith('"') ? "VALUE_IN_LIST" : "VALUE_IN_RANGE",
        args,
        allowInvalid: dv.showErrorMessage === false || dv.errorStyle === "warning" || dv.errorStyle === "information",
        helpText: dv.prompt ?? null,
      };
      rules.set(key, rule);
      cells.set(rule, []);
    }
    const list = cells.get(rule)!;
    for (let r = range.row; r < range.row + range.numRows; r++) {
      for (let c = range.column; c < range.column + range.numColumns; c++) list.push([r, c]);
    }
  }
  for (const [rule, list] of cells) for (const range of cellsToRanges(list)) sheet.setValidation(range, rule);
}

function readConditionalRules(ws: ExcelJS.Worksheet): ConditionalRule[] {
  const rules: ConditionalRule[] = [];
  for (const cf of (ws as unknown as WorksheetExtras).conditionalFormattings ?? []) {
    const ranges = cf.ref
      .split(/\s+/)
      .map(parseRangeA1)
      .filter((g): g is GridRange => g !== null);
    for (const rule of cf.rules) {
      const parsed = conditionOf(rule);
      if (!parsed || ranges.length === 0) continue;
      const fill = rule.style?.fill as { bgColor?: { argb?: string }; fgColor?: { argb?: string } } | undefined;
      const background = fill?.bgColor?.argb ?? fill?.fgColor?.argb;
      const fontColor = rule.style?.font?.color?.argb;
      rules.push({
        ranges: ranges.map((g) => ({ ...g })),
        ...parsed,
        background: background ? argbToHex(background) : null,
        fontColor: fontColor ? argbToHex(fontColor) : null,
        bold: rule.style?.font?.bold ?? null,
      });
    }
  }
  return rules;
}

function conditionOf(rule: { type: string; operator?: string; formulae?: unknown[]; text?: string }): Pick<ConditionalRule, "condition" | "value"> | null {
  const formula = String(rule.formulae?.[0] ?? "");
  if (rule.type === "cellIs" && rule.operator === "equal" && /^".*"$/.test(formula)) {
    return { condition: "TEXT_EQ", value: formula.slice(1, -1).replace(/""/g, '"') };
  }
  if (rule.type === "expression" && formula) return { condition: "CUSTOM_FORMULA", value: `=${formula}` };
  if (rule.type === "containsText") {
    if (rule.operator === "containsBlanks") return { condition: "CELL_EMPTY", value: "" };
    if (rule.operator === "notContainsBlanks") return { condition: "CELL_NOT_EMPTY", value: "" };
    // exceljs reads the rule back as its formula: NOT(ISERROR(SEARCH("text",A1))).
    const text = rule.text ?? /SEARCH\("((?:[^"]|"")*)"/.exec(formula)?.[1]?.replace(/""/g, '"');
    if (rule.operator === "containsText" && text !== undefined) return { condition: "TEXT_CONTAINS", value: text };
  }
  return null;
}

// ---------------------------------------------------------------- save

export async function saveWorkbook(model: WorkbookModel, path: string, options: AtomicWriteOptions = {}): Promise<void> {
  if (!(model instanceof HfWorkbook)) throw new Error("saveWorkbook() saves workbooks made by createWorkbook() or loadWorkbook().");
  const file = new ExcelJS.Workbook();
  // Excel and LibreOffice recompute on open; the cached results are there for everything else.
  file.calcProperties.fullCalcOnLoad = true;
  const sheets = model.getSheets() as HfSheet[];
  const fileNames = xlsxSheetNames(sheets.map((sheet) => sheet.getName()));
  const meta: MetaRecord[] = [];
  sheets.forEach((sheet, i) => {
    if (fileNames[i] !== sheet.getName()) meta.push({ kind: "name", sheet: fileNames[i], name: sheet.getName() });
  });
  const renamed = new Set(meta.map((m) => (m as NameRecord).name));
  sheets.forEach((sheet, i) => writeSheet(file, sheet, fileNames[i], renamed, meta));
  if (meta.length) writeMeta(file, meta);
  const buffer = await file.xlsx.writeBuffer();
  writeFileAtomic(path, new Uint8Array(buffer), options);
}

/** Sheets' names, made valid and unique (case-insensitively) in .xlsx; those that already are keep theirs. */
function xlsxSheetNames(names: string[]): string[] {
  const valid = (name: string) =>
    name.length <= XLSX_NAME_LIMIT && !/[*?:/\\[\]]|^'|'$/.test(name) && !RESERVED_NAMES.has(name.toLowerCase());
  const taken = new Set(names.filter(valid).map((name) => name.toLowerCase()));
  const seen = new Set<string>();
  return names.map((name) => {
    if (valid(name) && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      return name;
    }
    const stem = name.replace(/[*?:/\\[\]']/g, "_").slice(0, XLSX_NAME_LIMIT - 4).replace(/[\uD800-\uDBFF]$/, "");
    let n = 1;
    while (taken.has(`${stem}~${n}`.toLowerCase())) n++;
    taken.add(`${stem}~${n}`.toLowerCase());
    return `${stem}~${n}`;
  });
}

function writeSheet(file: ExcelJS.Workbook, sheet: HfSheet, fileName: string, renamed: Set<string>, meta: MetaRecord[]): void {
  const tabColor = sheet.getTabColor();
  const frozenRows = sheet.getFrozenRows();
  const frozenColumns = sheet.getFrozenColumns();
  const ws = file.addWorksheet(fileName, {
    state: sheet.isHidden() ? "hidden" : "visible",
    properties: tabColor ? { tabColor: { argb: hexToArgb(tabColor) } } : {},
    views: frozenRows || frozenColumns ? [{ state: "frozen", xSplit: frozenColumns, ySplit: frozenRows }] : [],
  });

  const spilled: [number, number][] = [];
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  for (let r = 0; r < lastRow; r++) {
    for (let c = 0; c < lastColumn; c++) {
      const stored = sheet.exportCell(r, c);
      if (stored.format) ws.getCell(r + 1, c + 1).numFmt = stored.format;
      if (stored.formula) {
        const result = excelValue(stored.value);
        ws.getCell(r + 1, c + 1).value = (
          result === null ? { formula: stored.formula.slice(1) } : { formula: stored.formula.slice(1), result }
        ) as ExcelJS.CellValue;
      } else if (stored.value !== null) {
        ws.getCell(r + 1, c + 1).value = excelValue(stored.value) as ExcelJS.CellValue;
        if (stored.spilled) spilled.push([r, c]);
      }
    }
  }
  for (const range of cellsToRanges(spilled)) meta.push({ kind: "spill", sheet: sheet.getName(), range: rangeA1(range) });

  for (const [r, c, format] of sheet.formatEntries()) ws.getCell(r + 1, c + 1).numFmt = format;
  for (const [r, c, style] of sheet.styleEntries()) writeStyle(ws.getCell(r + 1, c + 1), style);
  for (let c = 0; c < sheet.getMaxColumns(); c++) {
    const px = sheet.getColumnWidth(c);
    if (px !== null) ws.getColumn(c + 1).width = Math.round(((px - 5) / 7) * 100) / 100;
  }
  writeValidations(ws, sheet, renamed, meta);
  writeConditionalRules(ws, sheet.getConditionalRules());
}

/** Dates stay serial numbers (their cells carry a date format), so no time zone is involved. */
function excelValue(value: RawValue): ExcelJS.CellValue | null {
  if (value !== null && typeof value === "object") return { error: (EXCEL_ERRORS.has(value.error) ? value.error : "#VALUE!") as ExcelJS.ErrorValue };
  return value;
}

function writeStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.fontColor) {
    cell.font = { ...(style.bold ? { bold: true } : {}), ...(style.fontColor ? { color: { argb: hexToArgb(style.fontColor) } } : {}) };
  }
  if (style.background) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: hexToArgb(style.background) } };
  if (style.horizontalAlignment || style.wrap) {
    cell.alignment = { ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}), ...(style.wrap ? { wrapText: true } : {}) };
  }
  if (style.borders) cell.border = writeBorders(style.borders);
}

function writeValidations(ws: ExcelJS.Worksheet, sheet: HfSheet, renamed: Set<string>, meta: MetaRecord[]): void {
  const groups = new Map<string, { rule: ValidationRule; cells: [number, number][] }>();
  // A rule set on a range is one object shared by its cells: serialise it once, not per cell.
  const keys = new Map<ValidationRule, string>();
  for (const [r, c, rule] of sheet.validationEntries()) {
    let key = keys.get(rule);
    if (key === undefined) keys.set(rule, (key = JSON.stringify(rule)));
    if (!groups.has(key)) groups.set(key, { rule, cells: [] });
    groups.get(key)!.cells.push([r, c]);
  }
  for (const { rule, cells } of groups.values()) {
    const native = nativeValidation(rule, renamed);
    for (const range of cellsToRanges(cells)) {
      if (native) (ws as unknown as WorksheetExtras).dataValidations.add(rangeA1(range), native);
      else meta.push({ kind: "validation", sheet: sheet.getName(), range: rangeA1(range), rule });
    }
  }
}

/** The xlsx form of a rule, when it reads back as the same rule (and names no sheet the file calls otherwise). */
function nativeValidation(rule: ValidationRule, renamed: Set<string>): ExcelJS.DataValidation | null {
  const [source, showDropdown] = rule.args;
  if (showDropdown === false) return null;
  let formula: string;
  if (rule.criteria === "VALUE_IN_LIST" && Array.isArray(source)) {
    const items = source.map(String);
    formula = `"${items.join(",")}"`;
    if (items.some((item) => /[,"]/.test(item)) || formula.length > 257) return null;
  } else if (rule.criteria === "VALUE_IN_RANGE" && typeof source === "string") {
    const bang = source.lastIndexOf("!");
    const target = parseRangeA1(source.slice(bang + 1));
    const sheetName = source.slice(0, Math.max(0, bang)).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    if (!target || renamed.has(sheetName)) return null;
    const sheetPart = bang >= 0 ? `${quoteSheetName(sheetName)}!` : "";
    formula = `${sheetPart}${absoluteA1(target)}`;
  } else {
    return null;
  }
  return {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: rule.allowInvalid ? "warning" : "stop",
    ...(rule.helpText ? { showInputMessage: true, prompt: rule.helpText } : {}),
  };
}

function absoluteA1(range: GridRange): string {
  return rangeA1(range)
    .split(":")
    .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

function writeConditionalRules(ws: ExcelJS.Worksheet, rules: ConditionalRule[]): void {
  rules.forEach((rule, i) => {
    const style: Partial<ExcelJS.Style> = {};
    if (rule.background) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: hexToArgb(rule.background) } };
    if (rule.fontColor || rule.bold) {
      style.font = { ...(rule.bold ? { bold: true } : {}), ...(rule.fontColor ? { color: { argb: hexToArgb(rule.fontColor) } } : {}) };
    }
    const base = { priority: i + 1, style };
    let xlsxRule: ExcelJS.ConditionalFormattingRule;
    switch (rule.condition) {
      case "TEXT_EQ":
        xlsxRule = { ...base, type: "cellIs", operator: "equal", formulae: [`"${rule.value.replace(/"/g, '""')}"`] };
        break;
      case "TEXT_CONTAINS":
        xlsxRule = { ...base, type: "containsText", operator: "containsText", text: rule.value };
        break;
      case "CUSTOM_FORMULA":
        xlsxRule = { ...base, type: "expression", formulae: [toExcelFormula(rule.value)] };
        break;
      case "CELL_EMPTY":
        xlsxRule = { ...base, type: "containsText", operator: "containsBlanks" };
        break;
      case "CELL_NOT_EMPTY":
        xlsxRule = { ...base, type: "containsText", operator: "notContainsBlanks" };
        break;
    }
    ws.addConditionalFormatting({ ref: rule.ranges.map(rangeA1).join(" "), rules: [xlsxRule] });
  });
}

function toExcelFormula(formula: string): string {
  return formula.replace(/^=/, "");
}

function writeMeta(file: ExcelJS.Workbook, records: MetaRecord[]): void {
  const ws = file.addWorksheet(META_SHEET, { state: "veryHidden" });
  ws.addRow(["kind", "sheet", "range", "data"]);
  for (const record of records) {
    if (record.kind === "name") ws.addRow([record.kind, record.sheet, "", record.name]);
    else ws.addRow([record.kind, record.sheet, record.range, record.kind === "validation" ? JSON.stringify(record.rule) : ""]);
  }
}

// ---------------------------------------------------------------- helpers

/** Groups cells into rectangles: vertical runs per column, merged across columns with equal runs. */
function cellsToRanges(cells: [number, number][]): GridRange[] {
  const byColumn = new Map<number, number[]>();
  for (const [r, c] of cells) {
    if (!byColumn.has(c)) byColumn.set(c, []);
    byColumn.get(c)!.push(r);
  }
  const runs: GridRange[] = [];
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = byColumn.get(column)!.sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      const numRows = rows[i - 1] - start + 1;
      const left = runs.find((g) => g.row === start && g.numRows === numRows && g.column + g.numColumns === column);
      if (left) left.numColumns++;
      else runs.push({ row: start, column, numRows, numColumns: 1 });
      start = rows[i];
    }
  }
  return runs;
}

function hexToArgb(color: string): string {
  const hex = color.replace(/^#/, "");
  const full = hex.length === 3 ? [...hex].map((ch) => ch + ch).join("") : hex;
  return `FF${full.toUpperCase()}`;
}

function argbToHex(argb: string): string {
  return `#${argb.slice(-6).toLowerCase()}`;
}
