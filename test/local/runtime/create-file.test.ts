// SpreadsheetApp.create in the local runtime: a new workbook file, saved as .xlsx
// in the files folder beside the workbook, that the runtime opens again — refused
// without the full spreadsheets scope or outside a FULL execution, as in Apps Script.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_SEED } from "../../../src/local/demo-workbook";
import { filesDir, openWorkbook } from "../../../src/local/runtime/open";
import { fixtureBundle, tempDir, testRuntime } from "../../support/runtime";

const code = `
function make(name, rows, columns) {
  var file = rows ? SpreadsheetApp.create(name, rows, columns) : SpreadsheetApp.create(name);
  var sheet = file.getSheets()[0];
  sheet.getRange(1, 1, 2, 2).setValues([["件数", 34], ["計", 77]]);
  return { id: file.getId(), url: file.getUrl(), sheet: sheet.getName(), rows: sheet.getMaxRows(), columns: sheet.getMaxColumns(),
    active: SpreadsheetApp.getActiveSpreadsheet().getName() };
}
function makeThenFail(name) { SpreadsheetApp.create(name).getSheets()[0].getRange("A1").setValue("作成済み"); throw new Error("途中で失敗"); }
`;

function bundle(scopes?: string[]): string {
  const dir = fixtureBundle(code);
  writeFileSync(join(dir, "appsscript.json"), JSON.stringify({ timeZone: "Asia/Tokyo", runtimeVersion: "V8", ...(scopes ? { oauthScopes: scopes } : {}) }));
  return dir;
}

describe("SpreadsheetApp.create", () => {
  it("makes a new file with one empty sheet, not the active spreadsheet, saved as .xlsx that reopens with its values", async () => {
    const dir = tempDir();
    const { runtime } = testRuntime({ bundleDir: bundle(), files: { dir } });
    const made = runtime.run("make", ["X会議資料_2026-08-26"]);
    expect(made.ok, made.error?.message).toBe(true);
    const result = made.result as Record<string, unknown>;
    expect(result).toMatchObject({ sheet: "シート1", rows: 1000, columns: 26 });
    expect(result.active).not.toBe("X会議資料_2026-08-26");
    expect(String(result.id)).toMatch(/^[\w-]{44}$/);
    const [path] = await runtime.saveCreatedFiles();
    expect(path).toBe(join(dir, "X会議資料_2026-08-26.xlsx"));
    expect(result.url).toBe(new URL(`file://${path}`).href);
    const reopened = await openWorkbook({ workbook: path, bundleDir: bundle(), readOnly: true });
    expect(reopened.runtime.readRange("'シート1'!A1:B2")).toEqual([["件数", 34], ["計", 77]]);
    reopened.close();
  });

  it("sizes the sheet as asked, and numbers a second file of the same name", async () => {
    const dir = tempDir();
    const { runtime } = testRuntime({ bundleDir: bundle(), files: { dir } });
    expect(runtime.run("make", ["資料", 20, 5]).result).toMatchObject({ rows: 20, columns: 5 });
    runtime.run("make", ["資料"]);
    expect(await runtime.saveCreatedFiles()).toEqual([join(dir, "資料.xlsx"), join(dir, "資料 (2).xlsx")]);
  });

  it("keeps a file made by an execution that then failed, as Drive does", async () => {
    const path = join(tempDir(), "book.xlsx");
    const opened = await openWorkbook({ workbook: path, bundleDir: bundle(), seed: DEMO_SEED });
    const failed = opened.runtime.run("makeThenFail", ["途中"]);
    expect(failed.ok).toBe(false);
    await opened.settle(failed);
    opened.close();
    expect(existsSync(join(filesDir(path), "途中.xlsx"))).toBe(true);
  });

  it("is refused when the manifest lists scopes without the full spreadsheets scope (spreadsheets.currentonly does not do)", () => {
    const { runtime } = testRuntime({ bundleDir: bundle(["https://www.googleapis.com/auth/spreadsheets.currentonly"]), files: { dir: tempDir() } });
    const made = runtime.run("make", ["資料"]);
    expect(made.error?.message).toBe("You do not have permission to call SpreadsheetApp.create. Required permissions: https://www.googleapis.com/auth/spreadsheets");
    expect(runtime.createdFiles?.list).toEqual([]);
    const granted = testRuntime({ bundleDir: bundle(["https://www.googleapis.com/auth/spreadsheets"]), files: { dir: tempDir() } });
    expect(granted.runtime.run("make", ["資料"]).ok).toBe(true);
  });

  it("is refused where the execution is not authorized (a simple trigger)", () => {
    const { runtime } = testRuntime({ bundleDir: bundle(), files: { dir: tempDir() } });
    const made = runtime.run("make", ["資料"], { context: { kind: "simple-trigger", authMode: "LIMITED" } });
    expect(made.error?.message).toContain("You do not have permission to call SpreadsheetApp.create.");
    expect(runtime.createdFiles?.list).toEqual([]);
  });
});
