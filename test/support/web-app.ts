// The web app as Apps Script serves it, in the workbench: a workbook prepared
// in the test's own runtime (初期設定, mails sent), then opened by the workbench,
// whose /exec shows doGet's page in a sandboxed frame on another origin — no
// top navigation, so a form can only send through google.script.run.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { DEMO_SEED } from "../../src/local/demo-workbook";
import { fakeClock } from "../../src/local/runtime/clock";
import { openWorkbook } from "../../src/local/runtime/open";
import type { Runtime } from "../../src/local/runtime/runtime";
import { startWorkbench, type Workbench } from "../../src/local/workbench/server";
import { loadWorkbook } from "../../src/local/workbook/xlsx-store";
import type { WorkbookModel } from "../../src/local/workbook/model";
import { BUILD_DIR } from "./gas-bundle";
import { tempDir } from "./runtime";

export interface WebAppBench {
  workbench: Workbench;
  /** The folder the mails of both the preparation and the workbench go to. */
  outbox: string;
  /** A mail's answer link, pointed at this workbench's /exec. */
  local(link: string): string;
  /** Moves the workbench's clock, firing the time-driven triggers that fall due on the way. */
  advanceClock(iso: string): Promise<{ fired: number }>;
  /** Closes the workbench (which saved every change) and reads the workbook back. */
  closeAndRead(): Promise<WorkbookModel>;
  close(): Promise<void>;
}

/** `prepare` runs in a runtime on the demo workbook at `now`; the workbench then opens it with `visitor` signed in. */
export async function webAppBench(now: string, visitor: string, prepare: (runtime: Runtime) => void | Promise<void>): Promise<WebAppBench> {
  const dir = tempDir("platina-webapp-");
  mkdirSync(dir, { recursive: true });
  const workbook = join(dir, "platina-demo.xlsx");
  const opened = await openWorkbook({ workbook, bundleDir: BUILD_DIR, seed: DEMO_SEED, clock: fakeClock(Date.parse(now)) });
  await prepare(opened.runtime);
  await opened.save();
  const workbench = await startWorkbench({ workbook, bundleDir: BUILD_DIR, port: 0, clockStart: Date.parse(now), user: visitor });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await workbench.close();
  };
  return {
    workbench,
    outbox: opened.outbox,
    local: (link) => `${workbench.url}exec${new URL(link).search}`,
    async advanceClock(iso) {
      const response = await fetch(`${workbench.url}api/clock`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ to: Date.parse(iso) }) });
      if (!response.ok) throw new Error(await response.text());
      return (await response.json()) as { fired: number };
    },
    async closeAndRead() {
      await close();
      return loadWorkbook(workbook, "Asia/Tokyo");
    },
    close,
  };
}

/** The frame showing the web app's page inside /exec's own page (there is exactly one). */
export async function webAppFrame(page: Page): Promise<Frame> {
  await page.locator("iframe").waitFor();
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error("ウェブアプリのフレームがありません。");
  await frame.waitForLoadState();
  return frame;
}
