// The selection an execution sees and moves: it starts from what the user has
// selected, getActiveRange/getCurrentCell/getActiveSheet agree with every move,
// and where the execution left it is reported for the UI to show.
import { describe, expect, it } from "vitest";
import type { ActiveSelection } from "../../../src/local/services/spreadsheet/context";
import { fixtureBundle, testRuntime } from "../../support/runtime";

const CODE = String.raw`
function describe_() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  return [SpreadsheetApp.getActiveSheet().getName(), ss.getActiveRange().getA1Notation(), SpreadsheetApp.getCurrentCell().getA1Notation(),
    ss.getActiveCell().getA1Notation(), ss.getActiveSheet().getActiveRange().getA1Notation()].join(" ");
}
function where() { return describe_(); }
function activateCell() {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName("局区").getRange("B7").activate();
  return describe_();
}
function setRanges() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var issues = ss.getSheetByName("課題");
  ss.setActiveRange(issues.getRange("C3:D4"));
  var afterSpreadsheet = describe_();
  issues.setActiveSelection("E5");
  var afterSheet = describe_();
  SpreadsheetApp.setActiveRange(issues.getRange("A2:B2"));
  return [afterSpreadsheet, afterSheet, describe_()];
}
function switchSheet() {
  SpreadsheetApp.getActiveSpreadsheet().setActiveSheet(SpreadsheetApp.getActiveSpreadsheet().getSheetByName("集計"));
  return describe_();
}
function activateThenFail() {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName("課題").getRange("D9").activate();
  throw new Error("失敗");
}
`;

const userSelection: ActiveSelection = { sheet: "課題", range: { row: 4, column: 1, numRows: 3, numColumns: 2 }, current: { row: 6, column: 2 } };

describe("the active selection of an execution", () => {
  const bundleDir = fixtureBundle(CODE);

  it("starts from the user's selection, with the user's current cell", () => {
    const { runtime } = testRuntime({ bundleDir });
    const run = runtime.run("where", [], { user: "a@city.example", selection: userSelection });
    expect(run.result).toBe("課題 B5:C7 C7 C7 B5:C7");
    expect(run.selection).toBeUndefined(); // it did not move
  });

  it("starts at A1 of the first sheet without one (a trigger, the CLI)", () => {
    const { runtime } = testRuntime({ bundleDir });
    expect(runtime.run("where").result).toBe(`${runtime.model.getSheets()[0].getName()} A1 A1 A1 A1`);
  });

  it("follows Range.activate to another sheet, with its top-left cell current, and reports it", () => {
    const { runtime } = testRuntime({ bundleDir });
    const run = runtime.run("activateCell", [], { selection: userSelection });
    expect(run.result).toBe("局区 B7 B7 B7 B7");
    expect(run.selection).toEqual({ sheet: "局区", range: { row: 6, column: 1, numRows: 1, numColumns: 1 }, current: { row: 6, column: 1 } });
  });

  it("follows Spreadsheet/Sheet/SpreadsheetApp setActiveRange and setActiveSelection; the last one is reported", () => {
    const { runtime } = testRuntime({ bundleDir });
    const run = runtime.run("setRanges", [], { selection: userSelection });
    expect(run.result).toEqual(["課題 C3:D4 C3 C3 C3:D4", "課題 E5 E5 E5 E5", "課題 A2:B2 A2 A2 A2:B2"]);
    expect(run.selection).toEqual({ sheet: "課題", range: { row: 1, column: 0, numRows: 1, numColumns: 2 }, current: { row: 1, column: 0 } });
  });

  it("selects A1 of a sheet made active with setActiveSheet", () => {
    const { runtime } = testRuntime({ bundleDir });
    const run = runtime.run("switchSheet", [], { selection: userSelection });
    expect(run.result).toBe("集計 A1 A1 A1 A1");
    expect(run.selection?.sheet).toBe("集計");
  });

  it("keeps each execution's selection to itself", () => {
    const { runtime } = testRuntime({ bundleDir });
    runtime.run("activateCell", [], { selection: userSelection });
    expect(runtime.run("where", [], { selection: userSelection }).result).toBe("課題 B5:C7 C7 C7 B5:C7");
  });

  it("reports a move made before the execution failed (the selection is not rolled back, as in Sheets)", () => {
    const { runtime } = testRuntime({ bundleDir });
    const run = runtime.run("activateThenFail", [], { selection: userSelection });
    expect(run.ok).toBe(false);
    expect(run.selection).toEqual({ sheet: "課題", range: { row: 8, column: 3, numRows: 1, numColumns: 1 }, current: { row: 8, column: 3 } });
  });

  it("ignores a selection on a sheet that is gone or outside the sheet", () => {
    const { runtime } = testRuntime({ bundleDir });
    const first = runtime.model.getSheets()[0].getName();
    expect(runtime.run("where", [], { selection: { ...userSelection, sheet: "ない" } }).result).toBe(`${first} A1 A1 A1 A1`);
    const outside = { ...userSelection, range: { row: 5000, column: 0, numRows: 1, numColumns: 1 }, current: { row: 5000, column: 0 } };
    expect(runtime.run("where", [], { selection: outside }).result).toBe("課題 A1 A1 A1 A1");
  });
});
