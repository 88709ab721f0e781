// The objects as the add-on sees them: behind the runtime's service bridge, in their own vm realm.
import { describe, it, expect } from "vitest";
import vm from "node:vm";
import { CallCounter } from "../../../../src/local/runtime/call-counter";
import { ServiceBridge } from "../../../../src/local/runtime/service-proxy";
import { createAddonContext } from "../../../../src/local/runtime/vm-context";
import { makeApp } from "./setup";

describe("SpreadsheetApp behind the service bridge", () => {
  it("chains, round-trips Dates and Ranges, and counts calls per class", () => {
    const { app, env } = makeApp();
    const addon = createAddonContext(() => Date.UTC(2026, 4, 26));
    const counter = new CallCounter();
    addon.global.SpreadsheetApp = new ServiceBridge(addon.realm, counter, () => env.authMode).expose("SpreadsheetApp", app);
    const result = vm.runInContext(
      `(function () {
        var sheet = SpreadsheetApp.getActive().getSheetByName("課題");
        sheet.getRange("A1:B1").setValues([["期限", new Date(Date.UTC(2026, 4, 25, 15))]]).setFontWeight("bold");
        var rule = SpreadsheetApp.newDataValidation().requireValueInRange(sheet.getRange("A1:A3")).build();
        sheet.getRange("C1").setDataValidation(rule);
        var source = sheet.getRange("C1").getDataValidation().getCriteriaValues()[0];
        return {
          isDate: sheet.getRange("B1").getValue() instanceof Date,
          source: source.getA1Notation(),
          same: sheet.getRange("C1").getSheet().getName() === sheet.getName(),
          criteria: String(rule.getCriteriaType()) === String(SpreadsheetApp.DataValidationCriteria.VALUE_IN_RANGE),
        };
      })()`,
      addon.context,
    );
    expect({ ...result }).toEqual({ isDate: true, source: "A1:A3", same: true, criteria: true });
    expect(counter.counts.SpreadsheetApp).toMatchObject({
      getActive: 1,
      "Spreadsheet.getSheetByName": 1,
      "Range.setValues": 1,
      "Range.setFontWeight": 1,
      "DataValidationBuilder.requireValueInRange": 1,
      "Range.getDataValidation": 1,
    });
  });
});
