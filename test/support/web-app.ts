// The web app as Apps Script serves it, in the workbench: a workbook prepared
// in the test's own runtime (初期設定, mails sent), then opened by the workbench,
// whose /exec shows doGet's page in a sandboxed frame on another origin — no
// top navigation, so a form can only send through google.script.run.
import { cpSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { DEMO_SEED } from "../../src/local/demo-workbook";
import { fakeClock } from "../../src/local/runtime/clock";
import { openWorkbook, outboxDir } from "../../src/local/runtime/open";
import type { Runtime } from "../../src/local/runtime/runtime";
import { startWorkbench, type Workbench } from "../../src/local/workbench/server";
import { loadWorkbook } from "../../src/local/workbook/xlsx-store";
import type { WorkbookModel } from "../../src/local/workbook/model";
import { chromiumForFile } from "./browser";
import { fireMonthlyRun, prepareFollowUp } from "./follow-up";
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

const WORKBOOK = "platina-demo.xlsx";

/** The demo workbook after `prepare` ran in a runtime on it at `now`: its folder (workbook, sidecar, outbox). */
async function preparedFolder(now: string, prepare: (runtime: Runtime) => void | Promise<void>): Promise<string> {
  const dir = tempDir("platina-webapp-");
  const opened = await openWorkbook({ workbook: join(dir, WORKBOOK), bundleDir: BUILD_DIR, seed: DEMO_SEED, clock: fakeClock(Date.parse(now)) });
  await prepare(opened.runtime);
  await opened.save();
  opened.close();
  return dir;
}

/** Benches started and not yet closed (their close functions): each test's are closed after it. */
const running = new Set<() => Promise<void>>();

/** A web-app browser file's hooks: shared Chromium, and every bench a test started closed after that test. */
export function webAppBrowserForFile(): { readonly browser: Browser } {
  return chromiumForFile(() => Promise.all([...running].map((close) => close())));
}

/** Prepared folders by the name a file gave its preparation: made once per worker, copied for each bench. */
const prepared = new Map<string, Promise<string>>();

/**
 * `prepare` runs in a runtime on the demo workbook at `now`; the workbench then opens it with `visitor`
 * signed in. With `shared`, the tests naming the same preparation each get their own copy of one made once.
 */
export async function webAppBench(
  now: string,
  visitor: string,
  prepare: (runtime: Runtime) => void | Promise<void>,
  shared?: string,
): Promise<WebAppBench> {
  let dir: string;
  if (shared) {
    const key = `${shared}@${now}`;
    if (!prepared.has(key)) prepared.set(key, preparedFolder(now, prepare));
    dir = tempDir("platina-webapp-");
    cpSync(await prepared.get(key)!, dir, { recursive: true, filter: (source) => !source.endsWith(".locks") });
  } else {
    dir = await preparedFolder(now, prepare);
  }
  const workbook = join(dir, WORKBOOK);
  const workbench = await startWorkbench({ workbook, bundleDir: BUILD_DIR, port: 0, clockStart: Date.parse(now), user: visitor });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    running.delete(close);
    await workbench.close();
  };
  running.add(close);
  return {
    workbench,
    outbox: outboxDir(workbook),
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

/**
 * The demo after 初期設定 and the monthly requests of 2026-12-01 09:00 (the answer-form tests' start),
 * opened with `visitor` signed in: one preparation per worker, a copy for each bench.
 */
export function monthlyRequestsBench(visitor: string): Promise<WebAppBench> {
  return webAppBench(
    "2026-12-01T09:00:00+09:00",
    visitor,
    (runtime) => {
      prepareFollowUp(runtime);
      const sent = fireMonthlyRun(runtime);
      if (!sent.ok) throw new Error(sent.error?.message);
    },
    "monthly-requests",
  );
}

/** The frame showing the web app's page inside /exec's own page (there is exactly one). */
export async function webAppFrame(page: Page): Promise<Frame> {
  await page.locator("iframe").waitFor();
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error("ウェブアプリのフレームがありません。");
  await frame.waitForLoadState();
  return frame;
}
