// How service objects look to the add-on's code: their names when printed, and
// the argument checks Apps Script makes before a method runs.
import { describe, expect, it } from "vitest";
import { fixtureBundle, testRuntime } from "../../support/runtime";

function run(code: string, entry: string, user = "tanaka@city.example") {
  const { runtime } = testRuntime({ bundleDir: fixtureBundle(code), demo: false });
  runtime.model.insertSheet("S");
  return runtime.run(entry, [], { user });
}

describe("service objects printed as text", () => {
  // gas-fakes' suite, run in live Apps Script: range.toString() is "Range", a DataValidation's "DataValidation",
  // a User's its email (test/testsheetsvui.js, test/testsheetsdatavalidations.js, test/testsession.js).
  it("prints the class name of a service object", () => {
    const code = `function names() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var sheet = ss.getSheetByName("S");
      var rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
      return [String(sheet.getRange("A1")), "" + sheet, String(rule), \`\${ss}\`, String(SpreadsheetApp), String(LockService.getScriptLock())];
    }`;
    expect(run(code, "names").result).toEqual(["Range", "Sheet", "DataValidation", "Spreadsheet", "SpreadsheetApp", "Lock"]);
  });

  it("prints a User as its email", () => {
    const code = `function users() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("S");
      var editors = sheet.protect().addEditor("sato@city.example").getEditors();
      return [String(Session.getActiveUser()), String(Session.getEffectiveUser()), editors.map(String)];
    }`;
    expect(run(code, "users").result).toEqual([
      "tanaka@city.example",
      "tanaka@city.example",
      ["tanaka@city.example", "sato@city.example"],
    ]);
  });
});

// Apps Script checks arguments against the method's overloads (the typings list them) and names the types it got:
// "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues." (a 1-D array),
// "(String,String,String) … Utilities.formatDate", "(null) … SpreadsheetApp.Sheet.deleteRow", "((class)) …" for undefined.
describe("arguments no overload takes", () => {
  const attempt = (call: string) => `function attempt() { try { ${call}; return "accepted"; } catch (e) { return e.message; } }`;
  const message = (call: string) => run(attempt(call), "attempt").result;

  it("refuses too many arguments, naming what was passed", () => {
    expect(message(`Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, "x", Utilities.Charset.UTF_8, "extra")`)).toBe(
      "The parameters (String,String,String,String) don't match the method signature for Utilities.computeDigest.",
    );
    expect(message(`SpreadsheetApp.getActiveSpreadsheet().getSheetByName("S").getRange(1, 1, 1, 1, 1)`)).toBe(
      "The parameters (number,number,number,number,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  it("refuses arguments of the wrong type", () => {
    expect(message(`SpreadsheetApp.getActiveSpreadsheet().getSheetByName("S").getRange("A1:C1").setValues([1, 2, 3])`)).toBe(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(message(`Utilities.computeHmacSha256Signature("value", [1, 2])`)).toBe(
      "The parameters (String,number[]) don't match the method signature for Utilities.computeHmacSha256Signature.",
    );
    expect(message(`SpreadsheetApp.getActiveSpreadsheet().toast(5)`)).toBe(
      "The parameters (number) don't match the method signature for SpreadsheetApp.Spreadsheet.toast.",
    );
    expect(message(`PropertiesService.getScriptProperties().setProperty("k", undefined)`)).toBe(
      "The parameters (String,(class)) don't match the method signature for PropertiesService.Properties.setProperty.",
    );
    expect(message(`Utilities.computeDigest("SHA_999", "x")`)).toBe(
      "The parameters (String,String) don't match the method signature for Utilities.computeDigest.",
    );
    expect(message(`SpreadsheetApp.getActiveSpreadsheet().getSheetByName("S").getRange("A1").setDataValidation("list")`)).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
    );
  });

  it("accepts every overload the typings list, service objects and null where they allow it", () => {
    const calls = [
      `Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, [1, -2])`,
      `Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, "x", Utilities.Charset.UTF_8)`,
      `SpreadsheetApp.getActiveSpreadsheet().getSheetByName("S").getRange(1, 1, 2)`,
      `SpreadsheetApp.getActiveSpreadsheet().getSheetByName("S").getRange("A1:B2").setValues([["a", 1], [new Date(), true]])`,
      `SpreadsheetApp.getActiveSpreadsheet().getSheetByName("S").getRange("A1").setDataValidation(null)`,
      `SpreadsheetApp.getActiveSpreadsheet().getSheetByName("S").getRange("A1:B1").setBackgrounds([["#ffffff", null]])`,
      `SpreadsheetApp.getActiveSpreadsheet().toast("保存しました", "プラチナ", -1)`,
      `SpreadsheetApp.getActiveSpreadsheet().getSheetByName("S").getRange("A1").setDataValidation(SpreadsheetApp.newDataValidation().requireValueInRange(SpreadsheetApp.getActiveSpreadsheet().getSheetByName("S").getRange("B1:B3")).build())`,
      `Utilities.formatString("%s は %d 件", "課題", 3)`,
    ];
    for (const call of calls) expect([call, message(call)]).toEqual([call, "accepted"]);
  });
});
