// A workbench per test (or one per file whose tests change nothing): a fresh temp copy of
// the demo workbook, a free port, a clock that stands still (2026-11-25 09:00 Tokyo) until a
// test advances it.
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { createDemoModel, DEMO_SEED } from "../../../src/local/demo-workbook";
import { fakeClock } from "../../../src/local/runtime/clock";
import { openWorkbook } from "../../../src/local/runtime/open";
import { startWorkbench, type Workbench } from "../../../src/local/workbench/server";
import type { WorkbookModel } from "../../../src/local/workbook/model";
import { saveWorkbook } from "../../../src/local/workbook/xlsx-store";
import { chromiumForFile as sharedChromiumForFile } from "../../support/browser";
import { BUILD_DIR } from "../../support/gas-bundle";
import { tempDir } from "../../support/runtime";

export const START = Date.parse("2026-11-25T09:00:00+09:00");

export interface TestWorkbench extends Workbench {
  dir: string;
  workbook: string;
}

/** `prepare` changes the demo workbook before the workbench opens it (saved to the .xlsx first). */
export async function startTestWorkbench(
  options: { bundleDir?: string; user?: string; prepare?: (model: WorkbookModel) => void } = {},
): Promise<TestWorkbench> {
  const dir = tempDir("platina-workbench-");
  const workbook = join(dir, DEMO_FILE);
  if (options.prepare) {
    const model = createDemoModel();
    options.prepare(model);
    await saveWorkbook(model, workbook);
  } else if (!options.bundleDir) {
    // The demo the workbench would create (初期設定 run at START), made once per worker:
    // creating it is tested in test/local/cli/start.test.ts, and costs more than the test's own steps.
    const template = await demoTemplate();
    for (const file of [DEMO_FILE, `${DEMO_FILE}.platina.json`]) copyFileSync(join(template, file), join(dir, file));
  }
  const started = await startWorkbench({
    workbook,
    bundleDir: options.bundleDir ?? BUILD_DIR,
    port: 0,
    createDemoIfMissing: true,
    clockStart: START,
    user: options.user,
  });
  const workbench: TestWorkbench = {
    ...started,
    dir,
    workbook,
    async close() {
      running.delete(workbench);
      await started.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  running.add(workbench);
  return workbench;
}

const DEMO_FILE = "platina-demo.xlsx";
let template: Promise<string> | undefined;

/** A folder with the demo workbook and its sidecar as a workbench opened at START creates them. */
function demoTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = tempDir("platina-demo-template-");
    const opened = await openWorkbook({ workbook: join(dir, DEMO_FILE), bundleDir: BUILD_DIR, seed: DEMO_SEED, clock: fakeClock(START) });
    opened.close();
    return dir;
  })();
  return template;
}

/** Workbenches started and not yet closed: each test's are closed after it. */
const running = new Set<TestWorkbench>();

/**
 * One workbench for all of a file's tests, started before the first: for files whose tests
 * change nothing in the workbook (they open pages and check what may not happen), so each
 * test need not pay for a workbench of its own. Closed after the last test.
 */
export function workbenchForFile(options: Parameters<typeof startTestWorkbench>[0] = {}): { readonly workbench: TestWorkbench } {
  let workbench: TestWorkbench | undefined;
  beforeAll(async () => {
    workbench = await startTestWorkbench(options);
    running.delete(workbench); // not closed after each test
  });
  afterAll(async () => {
    await workbench?.close();
  });
  return {
    get workbench(): TestWorkbench {
      if (!workbench) throw new Error("The file's workbench is started in beforeAll: use it inside a test.");
      return workbench;
    },
  };
}

/** A workbench browser file's hooks: shared Chromium, and every workbench a test started closed after that test. */
export function chromiumForFile(): { readonly browser: Browser } {
  return sharedChromiumForFile(() => Promise.all([...running].map((workbench) => workbench.close())));
}

/** The page at laptop size, showing `sheet` once its rows in view are drawn. */
export async function openPage(browser: Browser, workbench: Workbench, sheet?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (error) => console.error("page error:", error));
  await page.goto(`${workbench.url}${sheet ? `#sheet=${encodeURIComponent(sheet)}` : ""}`);
  await page.locator('.grid[aria-busy="false"]').waitFor();
  return page;
}

/** A cell of the grid by A1 name (drawn only while in view). */
export function cell(page: Page, a1: string): Locator {
  return page.locator(`.grid .c[data-a1="${a1}"]`);
}

export function tab(page: Page, name: string): Locator {
  return page.locator(".sheet-tabs .tab", { hasText: name });
}

/** expect.poll with room for a loaded machine (the default gives up after a second). */
export function until<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 15_000, interval: 50 });
}

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** axe-core's serious and critical findings on the page, as "rule: element" lines. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(AXE, "utf8") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
  });
}
