import { describe, it, expect } from "vitest";
import { makeApp, otherExecution, OWNER } from "./setup";

const STATUSES = ["対応済(完了)", "一部実施・試行", "検討中・準備"];

describe("data validation", () => {
  it("round-trips a list rule through the workbook", () => {
    const { app, ss } = makeApp();
    const rule = app.newDataValidation().requireValueInList(STATUSES, false).setAllowInvalid(false).setHelpText("区分を選択").build();
    const range = ss.getSheetByName("課題")!.getRange("C2:C50").setDataValidation(rule);
    const stored = range.getCell(3, 1).getDataValidation()!;
    expect(String(stored.getCriteriaType())).toBe("VALUE_IN_LIST");
    expect(stored.getCriteriaValues()).toEqual([STATUSES, false]);
    expect([stored.getAllowInvalid(), stored.getHelpText()]).toEqual([false, "区分を選択"]);
    const copy = stored.copy().setAllowInvalid(true).build();
    expect([copy.getAllowInvalid(), copy.getCriteriaValues()[0]]).toEqual([true, STATUSES]);
  });

  it("defaults to a dropdown that only warns", () => {
    const { app } = makeApp();
    const rule = app.newDataValidation().requireValueInList(STATUSES).build();
    expect(rule.getCriteriaValues()[1]).toBe(true);
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule.getHelpText()).toBe("");
  });

  it("gives back a range rule's source as a Range", () => {
    const { app, ss } = makeApp();
    const source = ss.getSheetByName("選択肢")!.getRange("A1:A3");
    const rule = app.newDataValidation().requireValueInRange(source).build();
    const cell = ss.getSheetByName("課題")!.getRange("D2").setDataValidation(rule);
    const [range, dropdown] = cell.getDataValidation()!.getCriteriaValues();
    expect([range.getSheet().getName(), range.getA1Notation(), dropdown]).toEqual(["選択肢", "A1:A3", true]);
  });

  it("builds the other criteria", () => {
    const { app } = makeApp();
    const b = () => app.newDataValidation();
    expect(String(b().requireCheckbox().build().getCriteriaType())).toBe("CHECKBOX");
    expect(b().requireNumberBetween(1, 5).build().getCriteriaValues()).toEqual([1, 5]);
    expect(String(b().requireTextIsEmail().build().getCriteriaType())).toBe("TEXT_IS_VALID_EMAIL");
    expect(b().requireFormulaSatisfied("=A1>0").build().getCriteriaValues()).toEqual(["=A1>0"]);
    expect(String(b().requireDate().build().getCriteriaType())).toBe("DATE_IS_VALID_DATE");
    const custom = b().withCriteria(app.DataValidationCriteria.NUMBER_GREATER_THAN, [0]).build();
    expect([String(custom.getCriteriaType()), custom.getCriteriaValues()]).toEqual(["NUMBER_GREATER_THAN", [0]]);
  });

  it("has no criteria type until one is required", () => {
    const { app } = makeApp();
    const builder = app.newDataValidation();
    expect(builder.getCriteriaType()).toBeNull();
    expect(builder.getCriteriaValues()).toEqual([]);
    expect(String(builder.requireCheckbox().getCriteriaType())).toBe("CHECKBOX");
  });

  // gas-fakes' test/testsheetsdatavalidations.js (live Apps Script): [9, false, "z"] comes back as ["9", "false", "z"].
  it("keeps list items as text", () => {
    const { app } = makeApp();
    const items = [9, false, "z"] as unknown as string[];
    expect(app.newDataValidation().requireValueInList(items).build().getCriteriaValues()).toEqual([["9", "false", "z"], true]);
  });

  it("refuses lists over 500 items with Apps Script's message", () => {
    const { app } = makeApp();
    const items = Array.from({ length: 501 }, (_, i) => `項目${i}`);
    expect(() => app.newDataValidation().requireValueInList(items)).toThrow(
      'The data validation rule has more items than the limit of 500. Use the "List from a range" criteria instead.',
    );
  });

  it("does not block script writes, and null removes the rule", () => {
    const { app, ss } = makeApp();
    const cell = ss.getSheetByName("課題")!.getRange("C2");
    cell.setDataValidation(app.newDataValidation().requireValueInList(STATUSES).setAllowInvalid(false).build());
    cell.setValue("どれでもない");
    expect(cell.getValue()).toBe("どれでもない");
    cell.setDataValidation(null);
    expect(cell.getDataValidation()).toBeNull();
  });
});

describe("protections", () => {
  it("range.protect() adds a new protection each time; sheet.protect() reuses its own", () => {
    const { app, ss, env } = makeApp();
    const sheet = ss.getSheetByName("課題")!;
    const first = sheet.getRange("A1:C1").protect().setDescription("見出し");
    sheet.getRange("A1:C1").protect();
    expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(2);
    expect(first.getDescription()).toBe("見出し");
    expect(String(first.getProtectionType())).toBe("RANGE");
    expect(first.getRange().getA1Notation()).toBe("A1:C1");
    const whole = sheet.protect().setWarningOnly(true);
    expect(sheet.protect().isWarningOnly()).toBe(true);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(whole.getRange().getNumRows()).toBe(sheet.getMaxRows());
    expect(env.state.protections.map((p) => [p.type, p.range])).toEqual([
      ["RANGE", "A1:C1"],
      ["RANGE", "A1:C1"],
      ["SHEET", null],
    ]);
  });

  it("restricts editors once changed, never locking out the protecting user", () => {
    const setup = makeApp();
    const sheet = setup.ss.getSheetByName("課題")!;
    const protection = sheet.getRange("A1:C1").protect();
    expect(protection.canEdit()).toBe(true);
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    protection.addEditor("tanaka@city.platina.example");
    protection.removeEditors(protection.getEditors());
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    protection.addEditors(["sato@city.platina.example"]);

    const asSato = otherExecution(setup, { effectiveUser: "sato@city.platina.example" });
    const asTanaka = otherExecution(setup, { effectiveUser: "tanaka@city.platina.example" });
    const [forSato] = asSato.getActive().getProtections(asSato.ProtectionType.RANGE);
    const [forTanaka] = asTanaka.getActive().getProtections(asTanaka.ProtectionType.RANGE);
    expect([forSato.canEdit(), forTanaka.canEdit()]).toEqual([true, false]);
    expect(asTanaka.getActive().getSheetByName("課題")!.getRange("B1").canEdit()).toBe(false);
    expect(asTanaka.getActive().getSheetByName("課題")!.getRange("B2").canEdit()).toBe(true);
    forSato.setWarningOnly(true);
    expect(forTanaka.canEdit()).toBe(true);
  });

  // Sheets API, ProtectedRange.editors: "Editors are not supported with warning_only protection."
  it("has no editors while it only warns", () => {
    const { ss } = makeApp();
    const protection = ss.getSheetByName("課題")!.protect().setWarningOnly(true);
    expect(protection.getEditors()).toEqual([]);
    const range = ss.getSheetByName("課題")!.getRange("A1").protect().addEditor("sato@city.platina.example").setWarningOnly(true);
    expect(range.getEditors()).toEqual([]);
    expect(range.setWarningOnly(false).getEditors().map((u) => u.getEmail())).toEqual([OWNER, "sato@city.platina.example"]);
  });

  it("moves with inserted rows, follows renames and can be removed", () => {
    const { ss, env } = makeApp();
    const sheet = ss.getSheetByName("課題")!;
    const protection = sheet.getRange("A2:B3").protect();
    sheet.insertRowsBefore(1, 2);
    expect(protection.getRange().getA1Notation()).toBe("A4:B5");
    sheet.deleteRow(5);
    expect(protection.getRange().getA1Notation()).toBe("A4:B4");
    sheet.setName("課題一覧");
    expect(protection.getRange().getSheet().getName()).toBe("課題一覧");
    protection.remove();
    expect(env.state.protections).toEqual([]);
  });

  it("keeps a sheet protection's unprotected ranges", () => {
    const { ss } = makeApp();
    const sheet = ss.getSheetByName("課題")!;
    const protection = sheet.protect().setUnprotectedRanges([sheet.getRange("C2:C50")]);
    expect(protection.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(["C2:C50"]);
  });
});
