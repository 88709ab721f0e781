// The workbench in Chromium on the demo workbook: first paint once the server is
// up (target < 1.5 s), a cell edit's round trip — write, recalculation, grid
// update (target < 300 ms) — and a scroll to the end of a 10,000-row sheet
// (target < 5 s). Printed, not asserted.
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { createDemoModel } from "../src/local/demo-workbook";
import { startWorkbench } from "../src/local/workbench/server";
import { saveWorkbook } from "../src/local/workbook/xlsx-store";
import { launchBrowser } from "../test/support/browser";
import { tempDir } from "../test/support/runtime";

const BUILD_DIR = join(import.meta.dirname, "..", "build");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Starts watching a cell's text; the returned function resolves once it has changed. */
async function watchCell(page: Page, a1: string): Promise<() => Promise<void>> {
  const selector = `.grid .c[data-a1="${a1}"]`;
  await page.evaluate((selector) => {
    const old = document.querySelector(selector)?.textContent;
    (window as unknown as { changed: Promise<void> }).changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector(selector)?.textContent === old) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(document.querySelector(".grid")!, { subtree: true, childList: true, characterData: true });
    });
  }, selector);
  return () => page.evaluate(() => (window as unknown as { changed: Promise<void> }).changed);
}

/** Types into a cell on `page` and times Enter until `watched` on `viewer` shows a new value. */
async function roundTrip(page: Page, a1: string, text: string, viewer: Page, watched: string): Promise<number> {
  await page.locator(`.grid .c[data-a1="${a1}"]`).click();
  await page.keyboard.insertText(text);
  const changed = await watchCell(viewer, watched);
  const start = performance.now();
  await page.keyboard.press("Enter");
  await changed();
  return performance.now() - start;
}

/** The demo workbook with a sheet 大量 of 10,000 rows under a frozen header row. */
async function withLargeSheet(workbook: string): Promise<void> {
  const model = createDemoModel();
  const sheet = model.insertSheet("大量");
  sheet.setCells(0, 0, [[{ kind: "value", value: "番号" }, { kind: "value", value: "名前" }]]);
  sheet.setCells(1, 0, Array.from({ length: 10_000 }, (_, i) => [
    { kind: "value" as const, value: i + 1 },
    { kind: "value" as const, value: `行 ${i + 1}` },
  ]));
  sheet.setFrozenRows(1);
  await saveWorkbook(model, workbook);
}

export async function benchWorkbench(): Promise<void> {
  console.log("\n## Workbench (ms, demo workbook, Chromium 1280×800)");
  const dir = tempDir("platina-bench-");
  const workbench = await startWorkbench({
    workbook: join(dir, "platina-demo.xlsx"),
    bundleDir: BUILD_DIR,
    port: 0,
    createDemoIfMissing: true,
    clockStart: Date.parse("2026-11-25T09:00:00+09:00"),
  });
  const browser = await launchBrowser();
  try {
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const start = performance.now();
      await page.goto(`${workbench.url}#sheet=${encodeURIComponent("集計")}`);
      await page.locator('.grid .c[data-a1="B5"]', { hasText: "21" }).waitFor();
      paints.push(performance.now() - start);
      await page.close();
    }
    console.log(`first paint of 集計\tfirst ${paints[0].toFixed(0)}\tmedian ${median(paints).toFixed(0)}\t(target < 1500)`);

    // 集計!B2 is the year the direction and bureau tables count: changing it recalculates both.
    const summary = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await summary.goto(`${workbench.url}#sheet=${encodeURIComponent("集計")}`);
    await summary.locator('.grid .c[data-a1="B5"]', { hasText: "21" }).waitFor();
    const sameSheet: number[] = [];
    for (let i = 0; i < 6; i++) sameSheet.push(await roundTrip(summary, "B2", i % 2 === 0 ? "R6" : "R7", summary, "D22"));
    console.log(`edit 集計!B2 → 集計!D22\tmedian ${median(sameSheet).toFixed(0)}\tmax ${Math.max(...sameSheet).toFixed(0)}\t(target < 300)`);

    // A 進捗分類 typed in 課題 on one page, 集計 redrawn on another.
    const issues = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await issues.goto(`${workbench.url}#sheet=${encodeURIComponent("課題")}`);
    await issues.locator('.grid .c[data-a1="I2"]', { hasText: "完了" }).waitFor();
    const crossPage: number[] = [];
    for (let i = 0; i < 6; i++) crossPage.push(await roundTrip(issues, "I2", i % 2 === 0 ? "検討中" : "完了", summary, "B5"));
    console.log(`edit 課題!I2 → 集計!B5 (other page)\tmedian ${median(crossPage).toFixed(0)}\tmax ${Math.max(...crossPage).toFixed(0)}\t(target < 300)`);

    // test/local/workbench/real-addon.test.ts checks that only the rows in view are drawn; this is how fast.
    await withLargeSheet(join(dir, "large.xlsx"));
    const largeBench = await startWorkbench({ workbook: join(dir, "large.xlsx"), bundleDir: BUILD_DIR, port: 0, clockStart: Date.parse("2026-11-25T09:00:00+09:00") });
    const large = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await large.goto(`${largeBench.url}#sheet=${encodeURIComponent("大量")}`);
    await large.locator('.grid[aria-busy="false"]').waitFor();
    const scrolled = performance.now();
    await large.locator(".grid").evaluate((grid) => grid.scrollTo(0, grid.scrollHeight));
    await large.locator('.grid .c[data-a1="B10001"]', { hasText: "行 10000" }).waitFor();
    console.log(`scroll to the end of 10,000 rows\t${(performance.now() - scrolled).toFixed(0)}\t(target < 5000)`);
    await large.close();
    await largeBench.close();
  } finally {
    await browser.close();
    await workbench.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
