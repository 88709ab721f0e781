import { describe, it, expect } from "vitest";
import { makeApp, recordingUi } from "./setup";

describe("SpreadsheetApp", () => {
  it("gives the same active spreadsheet either way, and flush reaches the runtime", () => {
    const { app, flushes } = makeApp();
    expect(app.getActive()).toBe(app.getActiveSpreadsheet());
    app.flush();
    expect(flushes()).toBe(1);
  });

  it("keeps the selection per execution: first sheet and A1 until set", () => {
    const { app, ss } = makeApp();
    expect(app.getActiveSheet().getName()).toBe("課題");
    expect(app.getActiveRange().getA1Notation()).toBe("A1");
    const choices = ss.getSheetByName("選択肢")!;
    app.setActiveRange(choices.getRange("B2:C3"));
    expect(app.getActiveSheet().getName()).toBe("選択肢");
    expect(ss.getActiveRange()!.getA1Notation()).toBe("B2:C3");
    expect(app.getCurrentCell().getA1Notation()).toBe("B2");
    ss.getSheetByName("課題")!.activate();
    expect(app.getActiveRange().getA1Notation()).toBe("A1");
  });

  it("offers the enums as their names", () => {
    const { app } = makeApp();
    expect(app.ProtectionType.RANGE).toBe("RANGE");
    expect(String(app.DataValidationCriteria.VALUE_IN_LIST)).toBe("VALUE_IN_LIST");
    expect(() => app.WrapStrategy).toThrow("SpreadsheetApp.WrapStrategy は未対応です");
  });
});

describe("Spreadsheet", () => {
  it("describes the workbook", () => {
    const { ss } = makeApp();
    expect(ss.getId()).toBe("sheet-123");
    expect(ss.getName()).toBe("プラチナ市役所プロジェクト進捗");
    expect(ss.getUrl()).toBe("https://docs.google.com/spreadsheets/d/sheet-123/edit");
    expect(ss.getSpreadsheetTimeZone()).toBe("Asia/Tokyo");
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["課題", "選択肢"]);
  });

  it("finds sheets by name (null when missing) and by id", () => {
    const { ss } = makeApp();
    expect(ss.getSheetByName("存在しない")).toBeNull();
    const tasks = ss.getSheetByName("課題")!;
    expect(ss.getSheetById(tasks.getSheetId())!.getName()).toBe("課題");
    expect(tasks.getIndex()).toBe(1);
    expect(tasks.getParent()).toBe(ss);
  });

  it("inserts sheets (all overloads) and makes the new one active", () => {
    const { ss } = makeApp();
    expect(ss.insertSheet("集計").getIndex()).toBe(3);
    expect(ss.getActiveSheet().getName()).toBe("集計");
    expect(ss.insertSheet("先頭", 0).getIndex()).toBe(1);
    expect(ss.insertSheet().getName()).toBe("シート5");
    expect(ss.insertSheet(1).getIndex()).toBe(2);
    expect(() => ss.insertSheet("課題")).toThrow('A sheet with the name "課題" already exists. Please enter another name.');
    expect(() => ss.insertSheet("複製", { template: ss.getSheetByName("課題")! })).toThrow("未対応");
  });

  it("deletes and moves sheets", () => {
    const { ss } = makeApp();
    const choices = ss.getSheetByName("選択肢")!;
    choices.activate();
    ss.moveActiveSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["選択肢", "課題"]);
    ss.deleteSheet(choices);
    expect(ss.getSheetByName("選択肢")).toBeNull();
    expect(ss.getActiveSheet().getName()).toBe("課題");
  });

  it("proxies the active sheet's methods", () => {
    const { ss } = makeApp();
    ss.appendRow(["R8-001", "オンライン申請"]);
    expect(ss.getLastRow()).toBe(1);
    expect(ss.getDataRange().getA1Notation()).toBe("A1:B1");
    ss.setFrozenRows(1);
    expect(ss.getActiveSheet().getFrozenRows()).toBe(1);
  });

  it("sends toasts to the UI and ignores them without one", () => {
    const ui = recordingUi();
    makeApp({ ui }).ss.toast("保存しました", "進捗");
    expect(ui.calls).toEqual([["toast", "保存しました", "進捗", 5]]);
    expect(() => makeApp().ss.toast("誰にも見えない")).not.toThrow();
  });
});

describe("Sheet", () => {
  it("appends after the last row with content, reading strings as typed input", () => {
    const { ss } = makeApp();
    const sheet = ss.getSheetByName("課題")!;
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
    sheet.appendRow(["番号", "課題", "期限"]);
    const returned = sheet.appendRow(["'001", "=LEN(B1)", "2026/5/26"]);
    expect(returned).toBe(sheet);
    expect(sheet.getRange("A2:C2").getValues()).toEqual([["001", 2, new Date(Date.UTC(2026, 4, 25, 15))]]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:C2");
  });

  it("inserts and deletes rows and columns, moving content", () => {
    const { ss } = makeApp();
    const sheet = ss.getSheetByName("課題")!;
    sheet.getRange("A1:A3").setValues([["一"], ["二"], ["三"]]);
    const maxRows = sheet.getMaxRows();
    expect(sheet.insertRowsAfter(1, 2)).toBe(sheet);
    expect(sheet.getRange("A1:A5").getValues().flat()).toEqual(["一", "", "", "二", "三"]);
    expect(sheet.getMaxRows()).toBe(maxRows + 2);
    sheet.insertRowBefore(1);
    expect(sheet.getRange("A2").getValue()).toBe("一");
    sheet.deleteRows(1, 3);
    expect(sheet.getRange("A1:A3").getValues().flat()).toEqual(["", "二", "三"]);
    expect(sheet.deleteRow(1)).toBe(sheet);
    expect(sheet.getRange("A1").getValue()).toBe("二");
    sheet.insertColumnsAfter(1, 1);
    sheet.getRange("B1").setValue("新列");
    sheet.deleteColumn(1);
    expect(sheet.getRange("A1").getValue()).toBe("新列");
    expect(() => sheet.deleteRows(0, 1)).toThrow("Those rows are out of bounds.");
    expect(() => sheet.deleteRows(1, sheet.getMaxRows())).toThrow("Sorry, it is not possible to delete all non-frozen rows.");
  });

  it("freezes, renames, hides, colours and sizes", () => {
    const { ss } = makeApp();
    const sheet = ss.getSheetByName("課題")!;
    expect(sheet.setFrozenRows(1)).toBeUndefined();
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    sheet.setName("課題一覧").setTabColor("#FF9900").hideSheet();
    expect([sheet.getName(), sheet.getTabColor(), sheet.isSheetHidden()]).toEqual(["課題一覧", "#ff9900", true]);
    sheet.showSheet();
    expect(sheet.getColumnWidth(1)).toBe(100);
    sheet.setColumnWidth(1, 240);
    expect(sheet.getColumnWidth(1)).toBe(240);
    sheet.getRange("B1").setValue("制度所管局による解決策の検討");
    sheet.autoResizeColumns(2, 1);
    expect(sheet.getColumnWidth(2)).toBeGreaterThan(150);
  });

  it("clears contents and formats", () => {
    const { ss } = makeApp();
    const sheet = ss.getSheetByName("課題")!;
    sheet.getRange("A1:B2").setValues([["a", "b"], ["c", "d"]]).setBackground("#ffff00");
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange("A1").getBackground()).toBe("#ffff00");
    sheet.clear();
    expect(sheet.getRange("A1").getBackground()).toBe("#ffffff");
  });

  it("keeps conditional format rules", () => {
    const { app, ss } = makeApp();
    const sheet = ss.getSheetByName("課題")!;
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo("完了")
      .setBackground("#D9EAD3")
      .setFontColor("#274E13")
      .setRanges([sheet.getRange("C2:C100")])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const [stored] = sheet.getConditionalFormatRules();
    const condition = stored.getBooleanCondition()!;
    expect(String(condition.getCriteriaType())).toBe("TEXT_EQUAL_TO");
    expect(condition.getCriteriaValues()).toEqual(["完了"]);
    expect([condition.getBackground(), condition.getFontColor()]).toEqual(["#d9ead3", "#274e13"]);
    expect(stored.getRanges().map((r) => r.getA1Notation())).toEqual(["C2:C100"]);
  });
});
