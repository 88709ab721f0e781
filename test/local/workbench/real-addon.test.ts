// The workbench with the real add-on (build/Code.js): the demo's 集計 computed
// by the custom functions, typed edits recalculating it live on other pages,
// validation dropdowns and conditional colours, a 10,000-row sheet, and the
// add-on's own menu opening its sidebar.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadWorkbook } from "../../../src/local/workbook/xlsx-store";
import { screenshot } from "../../support/browser";
import { chromiumForFile, accessibilityProblems, cell, openPage, startTestWorkbench, tab, until, type TestWorkbench } from "./harness";

let workbench: TestWorkbench | undefined;

const chromium = chromiumForFile();

/** Selects a cell and types into it as a user does (Enter commits). */
async function type(page: Page, a1: string, text: string): Promise<void> {
  await cell(page, a1).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

describe("workbench with the real add-on", { timeout: 60_000 }, () => {
  it("shows 集計 with the seed's numbers and the formula behind the selected cell", async () => {
    workbench = await startTestWorkbench();
    const page = await openPage(chromium.browser, workbench, "集計");
    await until(() => cell(page, "B5").textContent()).toBe("21");
    expect(await cell(page, "C5").textContent()).toBe("22");
    expect(await cell(page, "D5").textContent()).toBe("43");
    expect(await cell(page, "B11").textContent()).toBe("34");
    await cell(page, "A4").click();
    expect(await page.locator("#formula-input").inputValue()).toBe("=PLATINA_STATUS_TABLE(課題!A:Z)");
    expect(await page.locator("#name-box").textContent()).toBe("A4");
    await until(() => tab(page, "集計").getAttribute("aria-selected")).toBe("true");
    await screenshot(page, "workbench-summary");
    expect(await accessibilityProblems(page)).toEqual([]);

    // A custom function that throws shows #ERROR! with its message on hover.
    await type(page, "F2", '=PLATINA_FISCAL_YEAR("あいう")');
    await until(() => cell(page, "F2").textContent()).toBe("#ERROR!");
    await cell(page, "F2").hover();
    await until(() => page.locator(".cell-tooltip").textContent()).toContain("日付「あいう」を解釈できません");
  });

  it("recalculates 集計 on another page when a 進捗分類 is edited in 課題, and saves the workbook", async () => {
    workbench = await startTestWorkbench();
    const issues = await openPage(chromium.browser, workbench, "課題");
    const summary = await openPage(chromium.browser, workbench, "集計");
    await until(() => cell(summary, "B5").textContent()).toBe("21");
    // The demo opens with 初期設定 done: 進捗分類 is a dropdown, its value beside the arrow.
    expect(await cell(issues, "I2").locator(".v").textContent()).toBe("完了"); // R6-001

    await type(issues, "I2", "検討中");
    await until(() => cell(summary, "B5").textContent()).toBe("20");
    expect(await cell(summary, "B7").textContent()).toBe("5");
    expect(await cell(summary, "D5").textContent()).toBe("42");
    expect(await cell(issues, "I2").locator(".v").textContent()).toBe("検討中");
    await until(() => cell(issues, "I3").getAttribute("class")).toContain("active"); // Enter moved down
    await screenshot(summary, "workbench-summary-after-edit");

    // Typed input is read as Sheets reads it: numbers, and an apostrophe forcing text.
    await type(issues, "N2", "1,000");
    await type(issues, "N3", "'0123");
    await until(() => cell(issues, "N3").textContent()).toBe("0123");
    // Each edit now also runs the edit trigger 初期設定 installed, which redraws the row: wait for the settled cells.
    await until(() => cell(issues, "N2").getAttribute("class")).toContain("k-n");
    await until(() => cell(issues, "N3").getAttribute("class")).toContain("k-s");
    await cell(issues, "N3").click();
    // The formula bar shows the cell as the grid has it, and again once the redrawn row arrives.
    await until(() => issues.locator("#formula-input").inputValue()).toBe("'0123");

    // Every edit is already on disk.
    await until(async () => {
        const saved = (await loadWorkbook(workbench!.workbook, "Asia/Tokyo")).getSheetByName("課題")!;
        return saved.getValues({ row: 1, column: 8, numRows: 2, numColumns: 6 }).map((r) => [r[0], r[5]]);
      })
      .toEqual([["検討中", 1000], [expect.anything(), "0123"]]);
  });

  it("offers list validation as a dropdown, refuses invalid input and draws conditional colours", async () => {
    workbench = await startTestWorkbench({
      prepare(model) {
        const sheet = model.getSheetByName("課題")!;
        const column = { row: 1, column: 8, numRows: 108, numColumns: 1 };
        sheet.setValidation(column, { criteria: "VALUE_IN_LIST", args: [["完了", "実施中", "検討中"], true], allowInvalid: false, helpText: null });
        sheet.setConditionalRules([
          { ranges: [column], condition: "TEXT_EQ", value: "完了", background: "#b7e1cd", fontColor: null, bold: null },
        ]);
      },
    });
    const page = await openPage(chromium.browser, workbench, "課題");
    expect(await cell(page, "I2").getAttribute("style")).toContain("background:#b7e1cd");

    await cell(page, "I2").click();
    await cell(page, "I2").locator(".dv-arrow").click();
    await page.locator(".dropdown .option", { hasText: "実施中" }).click();
    await until(() => cell(page, "I2").textContent()).toContain("実施中");
    await until(() => cell(page, "I2").getAttribute("style")).not.toContain("#b7e1cd");

    await type(page, "I3", "たぶん完了");
    await until(() => page.locator(".dialog").textContent()).toContain("入力規則に違反しています");
    await screenshot(page, "workbench-validation-refused");
    await page.locator(".dialog button.primary").click();
    await until(() => cell(page, "I3").textContent()).toContain("完了");
  });

  it("scrolls a 10,000-row sheet drawing only the rows in view", async () => {
    workbench = await startTestWorkbench({
      prepare(model) {
        const sheet = model.insertSheet("大量");
        sheet.setCells(0, 0, [[{ kind: "value", value: "番号" }, { kind: "value", value: "名前" }]]);
        const rows = Array.from({ length: 10_000 }, (_, i) => [
          { kind: "value" as const, value: i + 1 },
          { kind: "value" as const, value: `行 ${i + 1}` },
        ]);
        sheet.setCells(1, 0, rows);
        sheet.setFrozenRows(1);
      },
    });
    const page = await openPage(chromium.browser, workbench, "大量");
    expect(await page.locator(".grid .row").count()).toBeLessThan(120);

    // How fast is `npm run bench`'s (scroll to the end of 10,000 rows).
    await page.locator(".grid").evaluate((grid) => grid.scrollTo(0, grid.scrollHeight));
    await until(() => cell(page, "B10001").textContent()).toBe("行 10000");
    expect(await page.locator(".grid .row").count()).toBeLessThan(120);
    expect(await cell(page, "A1").textContent()).toBe("番号"); // the frozen header stays
    await screenshot(page, "workbench-10000-rows");
  });

  it("runs the add-on's onOpen menu: 状況を入力 opens its sidebar, which loads through google.script.run", async () => {
    workbench = await startTestWorkbench({ user: "taro.jinji@city.example" });
    const page = await openPage(chromium.browser, workbench, "課題");
    const item = page.locator('.menubar [data-function="openStatusSidebar"]');
    await item.waitFor({ state: "attached" });
    const menu = await item.evaluate((el) => el.closest(".menu-wrap")!.querySelector(".menu-top")!.textContent);
    await page.locator(".menu-top", { hasText: menu! }).click();
    await item.click();
    const frame = page.frameLocator("#sidebar iframe");
    // 人事課's 担当 sees the section's issues, under its shared address.
    await until(() => frame.locator("body").textContent()).toContain("taro.jinji@city.example");
    await until(() => frame.locator("body").textContent()).toContain("jinji-ka@city.example");
    await page.locator('.dock-buttons button[data-panel="executions"]').click();
    await until(() => page.locator("#panel-executions tr.ok").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("openStatusSidebar"), expect.stringContaining("google.script.run")]),
    );
    await screenshot(page, "workbench-real-sidebar");
  });
});
