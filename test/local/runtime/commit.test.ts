// A failed execution keeps nothing — or, if it called SpreadsheetApp.flush(),
// exactly what it wrote up to its last flush, as Apps Script keeps written cells.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { openWorkbook } from "../../../src/local/runtime/open";
import { createWorkbook } from "../../../src/local/workbook/hf-workbook";
import { loadWorkbook, saveWorkbook } from "../../../src/local/workbook/xlsx-store";
import { fixtureBundle, tempDir } from "../../support/runtime";

const code = `
function noFlush() { var s = SpreadsheetApp.getActive().getSheetByName("S"); s.getRange("A1").setValue("書いた"); PropertiesService.getScriptProperties().setProperty("k", "v"); throw new Error("途中で失敗"); }
function flushThenFail() {
  var s = SpreadsheetApp.getActive().getSheetByName("S");
  s.getRange("A1").setValue("確定"); s.appendRow(["行1"]); PropertiesService.getScriptProperties().setProperty("k", "確定");
  SpreadsheetApp.flush();
  s.getRange("A2").setValue("未確定"); SpreadsheetApp.getActive().insertSheet("新"); PropertiesService.getScriptProperties().setProperty("k", "未確定");
  throw new Error("途中で失敗");
}
function mailsThenFails() { MailApp.sendEmail("a@example.com", "件名", "本文"); throw new Error("送信後に失敗"); }
function succeeds() { SpreadsheetApp.getActive().getSheetByName("S").getRange("B1").setValue(1); }
`;

async function workbook() {
  const dir = tempDir();
  const path = join(dir, "book.xlsx");
  const model = createWorkbook({ name: "t", timeZone: "Asia/Tokyo" });
  model.insertSheet("S");
  await saveWorkbook(model, path);
  const opened = await openWorkbook({ workbook: path, bundleDir: fixtureBundle(code) });
  return { opened, path };
}

async function cells(path: string, a1Rows: number) {
  const model = await loadWorkbook(path, "Asia/Tokyo");
  return model.getSheetByName("S")!.getValues({ row: 0, column: 0, numRows: a1Rows, numColumns: 2 });
}

describe("commit points", () => {
  it("keeps the mail quota a failed execution used: sent mail cannot be unsent", async () => {
    const { opened } = await workbook();
    const execution = opened.runtime.run("mailsThenFails", [], { user: "henkaku@city.example" });
    expect(execution.ok).toBe(false);
    await opened.settle(execution);
    expect(opened.runtime.state.mail.recipientsUsed).toBe(1);
  });

  it("lets one process at a time work on a workbook", async () => {
    const { path } = await workbook();
    const other = join(dirname(path), "other.xlsx");
    copyFileSync(path, other);
    // Another live process (this test's parent) holds the workbook: refused after the wait, with who holds it.
    mkdirSync(`${other}.locks`);
    const claim = (seq: number, pid: number) =>
      writeFileSync(join(`${other}.locks`, `claim-${String(seq).padStart(9, "0")}`), JSON.stringify({ state: "held", pid, host: hostname(), holder: "other", time: 0 }));
    claim(1, process.ppid);
    await expect(openWorkbook({ workbook: other, bundleDir: fixtureBundle(code), waitMs: 100 })).rejects.toThrow(`プロセス ${process.ppid}`);
    // A claim left by a process that has exited is taken over.
    claim(2, 999999);
    await expect(openWorkbook({ workbook: other, bundleDir: fixtureBundle(code), waitMs: 100 })).resolves.toBeTruthy();
  });

  it("keeps nothing of a failed execution that never flushed", async () => {
    const { opened, path } = await workbook();
    const execution = opened.runtime.run("noFlush");
    expect(execution.ok).toBe(false);
    await opened.settle(execution);
    expect(await cells(path, 1)).toEqual([["", ""]]);
    expect(opened.runtime.state.scriptProperties).toEqual({});
    expect(opened.runtime.readRange("S!A1")).toEqual([[""]]);
  });

  it("keeps what a failed execution wrote up to its last flush, and drops the rest", async () => {
    const { opened, path } = await workbook();
    const execution = opened.runtime.run("flushThenFail");
    expect(execution.error?.message).toBe("途中で失敗");
    await opened.settle(execution);
    expect(await cells(path, 3)).toEqual([["確定", ""], ["行1", ""], ["", ""]]);
    expect(opened.runtime.state.scriptProperties).toEqual({ k: "確定" });
    const reloaded = await loadWorkbook(path, "Asia/Tokyo");
    expect(reloaded.getSheetByName("新")).toBeNull();
    // The runtime carries on from the kept state.
    const next = opened.runtime.run("succeeds");
    await opened.settle(next);
    expect(await cells(path, 1)).toEqual([["確定", 1]]);
  });
});
