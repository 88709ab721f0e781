// The runtime worker outlives its workbench: closed, it gives the workbook up and the
// next workbench of the process opens its own workbook in it; a worker that cannot
// close in time (a script waiting on an alert) is terminated instead of kept.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE } from "../../../../src/local/execution/contexts";
import { fakeClock } from "../../../../src/local/runtime/clock";
import { openWorkbook } from "../../../../src/local/runtime/open";
import { WorkbenchWorker, type WorkerEvent } from "../../../../src/local/workbench/server/worker-host";
import { createWorkbook } from "../../../../src/local/workbook/hf-workbook";
import { saveWorkbook } from "../../../../src/local/workbook/xlsx-store";
import { fixtureBundle, tempDir } from "../../../support/runtime";
import { START } from "../harness";

const BUNDLE = fixtureBundle(`
/** Waits for the user's answer, as a script's alert does. */
function ask() { return SpreadsheetApp.getUi().alert("続けますか？"); }
/** Writes its argument to A1 of the first sheet. */
function note(text) { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1").setValue(text); }
`);

const started = new Set<WorkbenchWorker>();
afterEach(async () => {
  await Promise.all([...started].map((worker) => worker.terminate()));
  started.clear();
});

const INIT = { bundleDir: BUNDLE, createDemoIfMissing: false, clockStart: START, webAppUrl: "http://127.0.0.1:9/exec", workspace: DEFAULT_WORKSPACE };

/** A new spreadsheet as Sheets makes one (one empty sheet): all these workbenches need. */
let blank: string;
beforeAll(async () => {
  blank = join(tempDir("platina-worker-blank-"), "blank.xlsx");
  const model = createWorkbook({ name: "blank", timeZone: "Asia/Tokyo" });
  model.insertSheet("シート1");
  await saveWorkbook(model, blank);
});

/** A workbench's worker on a copy `name` of the blank workbook in a folder of its own; `events` collects what it reports. */
async function start(name: string, events: WorkerEvent[] = []) {
  const workbook = join(tempDir("platina-worker-"), name);
  copyFileSync(blank, workbook);
  const worker = await WorkbenchWorker.start({ ...INIT, workbook }, (event) => events.push(event));
  started.add(worker);
  return { worker, workbook };
}

/** A1 of シート1 as the worker serves it to the page. */
const servedNote = async (worker: WorkbenchWorker) => (await worker.request("rows", { sheet: "シート1", from: 0, count: 1 })).rows[0]?.[0]?.v ?? "";

const runNote = (worker: WorkbenchWorker, text: string) =>
  worker.request("run", { entry: "note", args: [text], user: "taro.jinji@city.example", surface: "menu", deployer: "henkaku@city.example" });

/** A1 of the saved workbook's first sheet, read by claiming it at once (no wait): it must be free. */
async function savedNote(workbook: string): Promise<unknown> {
  const opened = await openWorkbook({ workbook, bundleDir: BUNDLE, clock: fakeClock(START), waitMs: 0 });
  try {
    return opened.runtime.model.getSheets()[0].getValues({ row: 0, column: 0, numRows: 1, numColumns: 1 })[0][0];
  } finally {
    opened.close();
  }
}

describe("the workbench's runtime worker", { timeout: 60_000 }, () => {
  it("gives the workbook up, saved, when its workbench closes, and opens the next workbench's own workbook", async () => {
    const first = await start("first.xlsx");
    expect(await runNote(first.worker, "1冊目")).toMatchObject({ ok: true });
    await first.worker.close(10_000);
    started.delete(first.worker);
    expect(await savedNote(first.workbook)).toBe("1冊目");

    const second = await start("second.xlsx");
    expect(second.worker.threadId).toBe(first.worker.threadId);
    expect(await servedNote(second.worker)).toBe("");
    expect(await runNote(second.worker, "2冊目")).toMatchObject({ ok: true });
    expect(await servedNote(second.worker)).toBe("2冊目");
    await second.worker.close(10_000);
    started.delete(second.worker);
    expect(await savedNote(second.workbook)).toBe("2冊目");
    expect(await savedNote(first.workbook)).toBe("1冊目");
  });

  it("reopens the same workbook in the same thread, time after time, without piling up listeners on it", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const first = await start("again.xlsx");
      await first.worker.close(10_000);
      started.delete(first.worker);
      // More than EventEmitter's default 10 listeners, had each reuse left one behind.
      for (let i = 1; i <= 12; i++) {
        const again = await WorkbenchWorker.start({ ...INIT, workbook: first.workbook }, () => undefined);
        started.add(again);
        expect(again.threadId).toBe(first.worker.threadId);
        expect(await runNote(again, `${i}回目`)).toMatchObject({ ok: true });
        await again.close(10_000);
        started.delete(again);
      }
      expect(await savedNote(first.workbook)).toBe("12回目");
      await new Promise((done) => setImmediate(done)); // warnings are emitted on the next turn
      expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("is terminated, not kept, when a script still waits on an alert at close; the next workbench gets a new thread", async () => {
    const events: WorkerEvent[] = [];
    const stuck = await start("stuck.xlsx", events);
    const asking = stuck.worker.request("run", { entry: "ask", args: [], user: "taro.jinji@city.example", surface: "menu", deployer: "henkaku@city.example" });
    await expect.poll(() => events.some((e) => e.event === "ui")).toBe(true);
    await stuck.worker.close(200);
    await expect(asking).rejects.toThrow("ワークベンチの実行環境が終了しました。");
    const next = await start("next.xlsx");
    expect(next.worker.threadId).not.toBe(stuck.worker.threadId);
    expect(await runNote(next.worker, "次")).toMatchObject({ ok: true });
    expect(await servedNote(next.worker)).toBe("次");
  });

  it("serves two workbenches open at once from two threads", async () => {
    const [a, b] = await Promise.all([start("a.xlsx"), start("b.xlsx")]);
    expect(a.worker.threadId).not.toBe(b.worker.threadId);
    expect(await runNote(a.worker, "A")).toMatchObject({ ok: true });
    expect(await runNote(b.worker, "B")).toMatchObject({ ok: true });
    await Promise.all([a.worker.close(10_000), b.worker.close(10_000)]);
    expect([await savedNote(a.workbook), await savedNote(b.workbook)]).toEqual(["A", "B"]);
  });
});
