import { describe, it, expect } from "vitest";
import { makeApp, otherExecution } from "./setup";

const MAY_26_TOKYO = new Date(Date.UTC(2026, 4, 25, 15));

function setupTasks() {
  const setup = makeApp();
  return { ...setup, sheet: setup.ss.getSheetByName("課題")! };
}

describe("Range values", () => {
  it("reads blanks as \"\" and date cells as Date", () => {
    const { sheet } = setupTasks();
    sheet.getRange("A1:C2").setValues([
      ["課題名", "", 3],
      ["2026/5/26", true, MAY_26_TOKYO],
    ]);
    const values = sheet.getRange("A1:C2").getValues();
    expect(values).toEqual([
      ["課題名", "", 3],
      [MAY_26_TOKYO, true, MAY_26_TOKYO],
    ]);
    expect(values[1][0]).toBeInstanceOf(Date);
    expect(sheet.getRange("D5").getValue()).toBe("");
  });

  it("stores '0123 as the text 0123", () => {
    const { sheet } = setupTasks();
    const cell = sheet.getRange("A1").setValue("'0123");
    expect(cell.getValue()).toBe("0123");
    expect(cell.getDisplayValue()).toBe("0123");
    expect(cell.getFormula()).toBe("");
  });

  it("stores =1+2 as a formula whose value is 3", () => {
    const { sheet } = setupTasks();
    const cell = sheet.getRange(2, 2).setValue("=1+2");
    expect(cell.getFormula()).toBe("=1+2");
    expect(cell.getValue()).toBe(3);
    expect(sheet.getRange("A1:B2").getFormulas()).toEqual([["", ""], ["", "=1+2"]]);
  });

  it("reads typed numbers, percentages and booleans", () => {
    const { sheet } = setupTasks();
    sheet.getRange("A1:D1").setValues([["1,000", "10%", "TRUE", "3.5"]]);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([[1000, 0.1, true, 3.5]]);
    expect(sheet.getRange("B1").getDisplayValue()).toBe("10%");
  });

  it("setValue fills every cell of the range", () => {
    const { sheet } = setupTasks();
    sheet.getRange("A1:B2").setValue("未着手");
    expect(sheet.getRange("A1:B2").getValues()).toEqual([["未着手", "未着手"], ["未着手", "未着手"]]);
  });

  it("rejects mismatched data with Apps Script's messages and writes nothing", () => {
    const { sheet } = setupTasks();
    const range = sheet.getRange("A1:B2");
    expect(() => range.setValues([["a", "b"]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => range.setValues([["a", "b"], ["c"]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
    expect(range.getValues()).toEqual([["", ""], ["", ""]]);
  });

  it("setFormula moves relative references cell by cell, as filling does", () => {
    const { sheet } = setupTasks();
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.getRange("B1:B3").setFormula("=A1*10+$A$1");
    expect(sheet.getRange("B1:B3").getFormulas()).toEqual([["=A1*10+$A$1"], ["=A2*10+$A$1"], ["=A3*10+$A$1"]]);
    expect(sheet.getRange("B1:B3").getValues()).toEqual([[11], [21], [31]]);
  });

  it("clearContent empties values but keeps formats; clear drops both", () => {
    const { sheet } = setupTasks();
    const range = sheet.getRange("A1").setValue(5).setBackground("#FF0000");
    range.clearContent();
    expect(range.getValue()).toBe("");
    expect(range.getBackground()).toBe("#ff0000");
    range.setValue(5).clear();
    expect([range.getValue(), range.getBackground()]).toEqual(["", "#ffffff"]);
  });

  it("isBlank sees values and formulas", () => {
    const { sheet } = setupTasks();
    expect(sheet.getRange("A1:B2").isBlank()).toBe(true);
    sheet.getRange("B2").setFormula('=""');
    expect(sheet.getRange("A1:B2").isBlank()).toBe(false);
  });
});

describe("Range geometry", () => {
  it("covers the getRange overloads", () => {
    const { sheet } = setupTasks();
    expect(sheet.getRange(2, 3).getA1Notation()).toBe("C2");
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe("C2:C5");
    expect(sheet.getRange(1, 1, 2, 5).getA1Notation()).toBe("A1:E2");
    expect(sheet.getRange("R2C3:R3C4").getA1Notation()).toBe("C2:D3");
    const columns = sheet.getRange("A:C");
    expect([columns.getA1Notation(), columns.getNumRows(), columns.getNumColumns()]).toEqual(["A:C", sheet.getMaxRows(), 3]);
  });

  it("reads sheet-qualified notation from the spreadsheet, whatever sheet is active", () => {
    const { ss } = setupTasks();
    ss.setActiveSheet(ss.getSheetByName("選択肢")!);
    const range = ss.getRange("'課題'!A1:B2");
    expect([range.getSheet().getName(), range.getA1Notation()]).toEqual(["課題", "A1:B2"]);
    const columns = ss.getRange("課題!A:C");
    expect([columns.getSheet().getName(), columns.getColumn(), columns.getNumColumns()]).toEqual(["課題", 1, 3]);
    expect(ss.getRange("B2").getSheet().getName()).toBe("選択肢");
    expect(() => ss.getRange("存在しない!A1")).toThrow("Range not found");
    expect(() => ss.getRange("A0")).toThrow("Range not found");
  });

  it("refuses empty sizes and coordinates below 1 with Apps Script's messages", () => {
    const { sheet } = setupTasks();
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow("The number of columns in the range must be at least 1.");
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sheet.getRange(1, 0)).toThrow("The starting column of the range is too small.");
    expect(() => sheet.getRange(sheet.getMaxRows(), 1, 2, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
  });

  it("lets appendRow grow a full sheet", () => {
    const { sheet } = setupTasks();
    const maxRows = sheet.getMaxRows();
    sheet.getRange(maxRows, 1).setValue("最終行");
    sheet.appendRow(["追加"]);
    expect([sheet.getMaxRows(), sheet.getRange(maxRows + 1, 1).getValue()]).toEqual([maxRows + 1, "追加"]);
  });

  it("offsets, picks cells and reports its bounds", () => {
    const { sheet } = setupTasks();
    const range = sheet.getRange("B2:D4");
    expect(range.offset(1, 1).getA1Notation()).toBe("C3:E5");
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe("B2");
    expect(range.getCell(2, 3).getA1Notation()).toBe("D3");
    expect(() => range.getCell(4, 1)).toThrow("Cell reference out of range");
    expect([range.getRow(), range.getColumn(), range.getLastRow(), range.getLastColumn()]).toEqual([2, 2, 4, 4]);
  });
});

describe("Range formats", () => {
  it("keeps number formats and styles in the model", () => {
    const { sheet, model } = setupTasks();
    const range = sheet.getRange("A1:B1").setValues([[0.25, 1234.5]]);
    range.setNumberFormat("0.0%");
    expect(range.getNumberFormats()).toEqual([["0.0%", "0.0%"]]);
    expect(range.getValues()).toEqual([[0.25, 1234.5]]);
    range.setBackground("#E8EEF7").setFontColor("#333333").setFontWeight("bold").setHorizontalAlignment("center").setWrap(true);
    expect(model.getSheetByName("課題")!.getStyle(0, 1)).toMatchObject({
      background: "#e8eef7",
      fontColor: "#333333",
      bold: true,
      horizontalAlignment: "center",
      wrap: true,
    });
    expect(range.getFontWeights()).toEqual([["bold", "bold"]]);
  });
});

describe("getRange notation", () => {
  it("reads \"!C2:E5\" on the sheet it is called on", () => {
    const { ss } = setupTasks();
    const choices = ss.getSheetByName("選択肢")!;
    const range = choices.getRange("!c2:e5");
    expect([range.getSheet().getName(), range.getA1Notation()]).toEqual(["選択肢", "C2:E5"]);
  });

  // Stricter than Apps Script, which was seen to accept notation past the last column (docs/apps-script-contexts.md).
  it("refuses A1 and R1C1 notation beyond the sheet's columns", () => {
    const { sheet } = setupTasks();
    expect(sheet.getRange("R2C2:R4C26").getA1Notation()).toBe("B2:Z4");
    for (const a1 of ["R1C1:R2C27", "RC1", "AA1"]) {
      expect(() => sheet.getRange(a1)).toThrow("The coordinates of the range are outside the dimensions of the sheet.");
    }
  });
});

describe("Range colours", () => {
  // gas-fakes' test/testsheetssets.js "Color Name Support", run in live Apps Script: all 147 CSS names read.
  it("reads CSS colour names as Sheets does", () => {
    const { sheet } = setupTasks();
    const range = sheet.getRange("A1:C1").setBackgrounds([["CornflowerBlue", "darkslategrey", "papayawhip"]]);
    expect(range.getBackgrounds()).toEqual([["#6495ed", "#2f4f4f", "#ffefd5"]]);
    expect(sheet.getRange("D1").setBackground("lightgoldenrodyellow").setFontColor("navy").getBackground()).toBe("#fafad2");
  });

  it("refuses what is not a colour (Apps Script ignores it silently: stricter here)", () => {
    const { sheet } = setupTasks();
    for (const color of ["constructor", "rebeccapurple", "blue-ish"]) {
      expect(() => sheet.getRange("A1").setBackground(color)).toThrow("#rrggbb 形式で指定してください");
    }
  });
});

describe("custom functions", () => {
  it("may read but every write is refused with Apps Script's message", () => {
    const setup = makeApp();
    setup.ss.getSheetByName("課題")!.getRange("A1").setValue("元の値");
    const app = otherExecution(setup, { authMode: "CUSTOM_FUNCTION", activeUser: "", effectiveUser: "" });
    const range = app.getActive().getSheetByName("課題")!.getRange("A1");
    expect(range.getValue()).toBe("元の値");
    expect(() => range.setValue("x")).toThrow("You do not have permission to call Range.setValue");
    expect(() => range.getSheet().appendRow(["x"])).toThrow("You do not have permission to call Sheet.appendRow");
    expect(() => app.getActive().insertSheet("新")).toThrow("You do not have permission to call Spreadsheet.insertSheet");
    expect(() => app.getUi()).toThrow("Cannot call SpreadsheetApp.getUi() from this context.");
    expect(range.getValue()).toBe("元の値");
  });
});

describe("unsupported members", () => {
  it("throw instead of doing nothing", () => {
    const { sheet } = setupTasks();
    expect(() => sheet.getRange("A1").merge()).toThrow("platina のローカル実行環境では Range.merge は未対応です");
    expect(() => sheet.getRange("A1").getSheet().sort(1)).toThrow("Sheet.sort は未対応です");
  });
});
