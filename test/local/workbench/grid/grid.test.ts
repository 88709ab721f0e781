// The grid behaves like Sheets for what the add-on sets and the user does:
// widths, shading and borders drawn from the workbook; the selection follows
// setActiveRange/activate; warning-only protections ask first; Ctrl+Z/Ctrl+Y.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { screenshot } from "../../../support/browser";
import { gridAddon } from "../grid-addon";
import { chromiumForFile, cell, openPage, startTestWorkbench, until, type TestWorkbench } from "../harness";

let bundleDir: string;
let workbench: TestWorkbench | undefined;

const chromium = chromiumForFile();
beforeAll(() => {
  bundleDir = gridAddon();
});

async function menu(page: Page, item: string): Promise<void> {
  await page.locator('.menubar [data-function="formatSheet"]').waitFor({ state: "attached" });
  await page.locator(".menu-top", { hasText: "グリッド" }).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}

async function type(page: Page, a1: string, text: string): Promise<void> {
  await cell(page, a1).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

const css = (page: Page, a1: string, property: string) =>
  cell(page, a1).evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

describe("the workbench grid", { timeout: 90_000 }, () => {
  it("draws the column widths, header shading, bold and borders the add-on sets", async () => {
    workbench = await startTestWorkbench({ bundleDir, user: "taro.jinji@city.example" });
    const page = await openPage(chromium.browser, workbench, "集計");
    expect(await cell(page, "F1").evaluate((el) => el.getBoundingClientRect().width)).toBe(100);
    await menu(page, "書式を設定");
    await until(() => cell(page, "F1").evaluate((el) => el.getBoundingClientRect().width)).toBe(250);
    expect(await cell(page, "G1").evaluate((el) => el.getBoundingClientRect().width)).toBe(60);
    expect(await cell(page, "H1").evaluate((el) => el.getBoundingClientRect().width)).toBe(60);
    expect(await css(page, "F1", "background-color")).toBe("rgb(232, 238, 247)");
    expect(await css(page, "G1", "font-weight")).toBe("700");
    // The outer edges: thick red; the header's bottom: thin black (a later setBorder of that edge wins).
    expect(await css(page, "F1", "border-top")).toBe("3px solid rgb(255, 0, 0)");
    expect(await css(page, "F2", "border-left")).toBe("3px solid rgb(255, 0, 0)");
    expect(await css(page, "G3", "border-right")).toBe("3px solid rgb(255, 0, 0)");
    expect(await css(page, "G3", "border-bottom")).toBe("3px solid rgb(255, 0, 0)");
    expect(await css(page, "F1", "border-bottom")).toBe("1px solid rgb(0, 0, 0)");
    // Inner lines were left as they were (null): F2's right side is the plain gridline.
    const gridline = await css(page, "H22", "border-right"); // outside the demo 集計's framed tables
    expect(await css(page, "F2", "border-right")).toBe(gridline);
    // A bold heading runs on over the shaded but empty cells of its band, as in Sheets.
    const spill = await cell(page, "F5").locator(".spill").evaluate((el) => el.getBoundingClientRect().width);
    expect(spill).toBeGreaterThan(250 + 60);
    await screenshot(page, "workbench-grid-formatting");
  });

  it("gives the add-on the user's selection and shows where it moves the selection", async () => {
    workbench = await startTestWorkbench({ bundleDir, user: "taro.jinji@city.example" });
    const page = await openPage(chromium.browser, workbench, "集計");
    await cell(page, "D4").click();
    await cell(page, "B2").click({ modifiers: ["Shift"] });
    // The block is marked on the cells drawn: each of its cells, the active one, and the headers of its rows and columns.
    const marked = () =>
      page.evaluate(() => {
        const texts = (selector: string, read: (e: HTMLElement) => string | null | undefined) =>
          Array.from(document.querySelectorAll<HTMLElement>(selector), (e) => read(e) ?? "").sort();
        return {
          selected: texts(".grid .c.sel", (e) => e.dataset.a1),
          active: texts(".grid .c.active", (e) => e.dataset.a1),
          rows: texts(".grid .rh.hl", (e) => e.textContent),
          columns: texts(".grid .ch.hl", (e) => e.textContent),
        };
      });
    expect(await marked()).toEqual({
      selected: ["B2", "B3", "B4", "C2", "C3", "C4", "D2", "D3", "D4"], active: ["D4"], rows: ["2", "3", "4"], columns: ["B", "C", "D"],
    });
    await page.keyboard.press("ArrowUp");
    expect(await marked()).toEqual({ selected: ["D3"], active: ["D3"], rows: ["3"], columns: ["D"] });
    await cell(page, "D4").click();
    await cell(page, "B2").click({ modifiers: ["Shift"] });
    await menu(page, "選択範囲を表示");
    await until(() => page.locator(".toast").textContent()).toContain("集計!B2:D4 現在 D4");

    await menu(page, "セルを選ぶパネル");
    const sidebar = page.frameLocator("#sidebar iframe");
    await sidebar.locator("#pick").click();
    await sidebar.locator("#done").waitFor();
    await until(() => page.locator(".sheet-tabs .tab.active").textContent()).toBe("局区");
    await until(() => page.locator("#name-box").textContent()).toBe("B7");
    await expect.poll(() => cell(page, "B7").getAttribute("class")).toContain("active");
    await screenshot(page, "workbench-grid-selected-by-addon");
  });

  it("asks before an edit of a warning-only protected range; キャンセル changes nothing, OK writes", async () => {
    workbench = await startTestWorkbench({ bundleDir, user: "taro.jinji@city.example" });
    const page = await openPage(chromium.browser, workbench, "集計");
    await menu(page, "警告つきで保護");
    await until(() => page.locator("#busy").isHidden()).toBe(true);

    await type(page, "F2", "上書き");
    const warning = page.locator(".protection-warning");
    await until(() => warning.locator(".dialog-message").textContent()).toBe(
      "シートのこの部分（見出し）は、誤って変更されないように保護されています。編集しますか？",
    );
    expect(await warning.locator(".dialog-title").textContent()).toBe("注意");
    await screenshot(page, "workbench-grid-protection-warning");
    await warning.locator("button", { hasText: "キャンセル" }).click();
    await until(() => warning.count()).toBe(0);
    await until(() => cell(page, "F2").textContent()).toBe("");
    expect(await cell(page, "H1").textContent()).toBe("");

    await type(page, "F2", "上書き");
    await warning.locator("button", { hasText: "OK" }).click();
    await until(() => cell(page, "F2").textContent()).toBe("上書き");
    await until(() => cell(page, "H1").textContent()).toBe("[F2=上書き]");

    // Outside the protected range nothing is asked.
    await type(page, "G2", "自由");
    await until(() => cell(page, "G2").textContent()).toBe("自由");
    expect(await warning.count()).toBe(0);
  });

  it("undoes and redoes the user's own edits with Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z, each as an edit onEdit sees", async () => {
    workbench = await startTestWorkbench({ bundleDir, user: "taro.jinji@city.example" });
    const page = await openPage(chromium.browser, workbench, "集計");
    await type(page, "F3", "あ");
    await until(() => cell(page, "F3").textContent()).toBe("あ");
    await type(page, "F3", "い");
    await until(() => cell(page, "H1").textContent()).toBe("[F3=あ][F3=い]");
    await cell(page, "A30").click();

    await page.keyboard.press("Control+z");
    await until(() => cell(page, "F3").textContent()).toBe("あ");
    await until(() => page.locator("#name-box").textContent()).toBe("F3");
    await page.keyboard.press("Control+z");
    await until(() => cell(page, "F3").textContent()).toBe("");
    await page.keyboard.press("Control+y");
    await until(() => cell(page, "F3").textContent()).toBe("あ");
    await page.keyboard.press("Control+Shift+z");
    await until(() => cell(page, "F3").textContent()).toBe("い");
    await until(() => cell(page, "H1").textContent()).toBe("[F3=あ][F3=い][F3=あ][F3=][F3=あ][F3=い]");
    // Nothing left to redo: another Ctrl+Y changes nothing.
    await page.keyboard.press("Control+y");
    await page.keyboard.press("Control+z");
    await until(() => cell(page, "F3").textContent()).toBe("あ");
    // A new edit ends what could be redone.
    await type(page, "F4", "う");
    await until(() => cell(page, "F4").textContent()).toBe("う");
    await page.keyboard.press("Control+y");
    await page.keyboard.press("Control+z");
    await until(() => cell(page, "F4").textContent()).toBe("");
    expect(await cell(page, "F3").textContent()).toBe("あ");
  });
});
