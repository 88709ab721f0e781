// How service objects look to the add-on's code: their names when printed, and
// the argument checks Apps Script makes before a method runs.
import { describe, expect, it } from "vitest";
import { fixtureBundle, testRuntime } from "../../support/runtime";

function run(code: string, entry: string, user = "tanaka@platina.example") {
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
      var editors = sheet.protect().addEditor("sato@platina.example").getEditors();
      return [String(Session.getActiveUser()), String(Session.getEffectiveUser()), editors.map(String)];
    }`;
    expect(run(code, "users").result).toEqual([
      "tanaka@platina.example",
      "tanaka@platina.example",
      ["tanaka@platina.example", "sato@platina.example"],
    ]);
  });
});
