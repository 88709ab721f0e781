// Issue 5 in the workbench: an owner saves a status in the real sidebar, 集計 and
// 履歴 change; an edit made meanwhile by someone else turns the next save into a conflict.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fakeClock } from "../../../src/local/runtime/clock";
import { emptyState } from "../../../src/local/execution/env";
import { Runtime } from "../../../src/local/runtime/runtime";
import { outboxTransport } from "../../../src/local/services/mail";
import type { WorkbookModel } from "../../../src/local/workbook/model";
import { screenshot } from "../../support/browser";
import { BUILD_DIR } from "../../support/gas-bundle";
import { SECRETARIAT } from "../../support/issues";
import { chromiumForFile, cell, openPage, startTestWorkbench, tab, until, START, type TestWorkbench } from "./harness";

const OWNER = "jinji-ka@city.example";
/** 人事課's 担当 in 担当者: nobody signs in as the section's shared address. */
const PERSON = "taro.jinji@city.example";
let workbench: TestWorkbench | undefined;

const chromium = chromiumForFile();

/** 初期設定 on the demo workbook (履歴 and 設定 are needed to save), and the owner's open issues as [ID, row]. */
function setUpDemo(model: WorkbookModel, found: [string, number][]): void {
  const dir = mkdtempSync(join(tmpdir(), "platina-setup-"));
  const runtime = new Runtime({ bundleDir: BUILD_DIR, model, state: emptyState(), clock: fakeClock(START), mail: outboxTransport(dir), lockDir: dir });
  const setup = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
  if (!setup.ok) throw new Error(setup.error?.message);
  const sheet = model.getSheetByName("課題")!;
  const rows = sheet.getValues({ row: 0, column: 0, numRows: sheet.getLastRow(), numColumns: 13 });
  rows.forEach((r, i) => {
    if (r[6] === OWNER && r[8] === "検討中" && (r[7] === "継続" || r[7] === "⑦")) found.push([String(r[0]), i + 1]);
  });
}

async function openSidebar(page: Page) {
  const item = page.locator('.menubar [data-function="openStatusSidebar"]');
  await item.waitFor({ state: "attached" });
  const menu = await item.evaluate((el) => el.closest(".menu-wrap")!.querySelector(".menu-top")!.textContent);
  await page.locator(".menu-top", { hasText: menu! }).click();
  await item.click();
  return page.frameLocator("#sidebar iframe");
}

describe("status sidebar in the workbench", { timeout: 90_000 }, () => {
  it("saves a section person's change: 集計 updates and 履歴 gains rows; a change made meanwhile gives a conflict", async () => {
    const open: [string, number][] = [];
    workbench = await startTestWorkbench({ user: PERSON, prepare: (model) => setUpDemo(model, open) });
    expect(open.length).toBeGreaterThanOrEqual(2);
    const [[first], [second, secondRow]] = open;
    const page = await openPage(chromium.browser, workbench, "集計");
    const column = first.startsWith("R6") ? "B" : "C";
    const inProgress = Number(await cell(page, `${column}6`).textContent());
    const followUp = Number(await cell(page, "B11").textContent());
    const sidebar = await openSidebar(page);

    await sidebar.locator(`button.item[data-id="${first}"]`).click();
    await sidebar.locator('#progress-options input[value="実施中"]').check();
    await sidebar.locator("#timing").fill("R9年4月試行");
    await sidebar.locator("#save").click();
    await until(() => sidebar.locator("#feedback").textContent()).toContain("保存しました");
    // 検討中 → 実施中: one more in progress, still followed up.
    await until(() => cell(page, `${column}6`).textContent()).toBe(String(inProgress + 1));
    expect(await cell(page, "B11").textContent()).toBe(String(followUp));
    await screenshot(page, "workbench-sidebar-saved");

    await tab(page, "履歴").click();
    await until(() => page.locator(".grid").textContent()).toContain("R9年4月試行");
    expect(await page.locator(".grid").textContent()).toContain("サイドバー");

    // Someone else edits the second issue's memo in the sheet while the owner has it open.
    await tab(page, "課題").click();
    await sidebar.locator("#back").click();
    await sidebar.locator(`button.item[data-id="${second}"]`).click();
    const other = await openPage(chromium.browser, workbench, "課題");
    await cell(other, `K${secondRow}`).click();
    await other.keyboard.type("別の職員が直接入力");
    await other.keyboard.press("Enter");
    await until(() => cell(other, `K${secondRow}`).textContent()).toBe("別の職員が直接入力");

    await sidebar.locator("#memo").fill("担当者の入力");
    await sidebar.locator("#save").click();
    await until(() => sidebar.locator("#conflict").isVisible()).toBe(true);
    expect(await sidebar.locator("#conflict").textContent()).toContain("別の職員が直接入力");
    expect(await sidebar.locator("#memo").inputValue()).toBe("担当者の入力");
    await screenshot(page, "workbench-sidebar-conflict");

  });
});
