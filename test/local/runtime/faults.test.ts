// The fault suite: a monthly cycle crashed at seeded points within each of its
// steps, a write failure (full disk) while saving, an SMTP server that drops
// the connection mid-send, a corrupt sidecar and commit log, a lock left by a
// dead process. Each ends with the workbook readable, nothing half-written, and
// after a re-run no mail missing and none twice but the one in flight.
import { cpSync, existsSync, readFileSync, statSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeClock } from "../../../src/local/runtime/clock";
import { commitLogPath } from "../../../src/local/runtime/commit-log";
import { simulatedCrashAt, type CrashPoints } from "../../../src/local/runtime/crash-points";
import { loadDurable, openWorkbook, type OpenedWorkbook } from "../../../src/local/runtime/open";
import { createDemoModel } from "../../../src/local/demo-workbook";
import { saveWorkbook } from "../../../src/local/workbook/xlsx-store";
import { WEB_APP } from "../../support/follow-up";
import { BUILD_DIR } from "../../support/gas-bundle";
import { SECRETARIAT, modelRecords, setUp } from "../../support/issues";
import { outboxRecipients, seeded } from "../../support/platina-cli";
import { tempDir } from "../../support/runtime";

const START = Date.parse("2026-12-01T09:00:00+09:00");
const END = Date.parse("2026-12-31T09:00:00+09:00");
const figures = { cases: 0, duplicates: 0, losses: 0 };

async function open(dir: string, crash?: CrashPoints, extra: { smtp?: string } = {}): Promise<OpenedWorkbook> {
  return openWorkbook({ workbook: join(dir, "book.xlsx"), bundleDir: BUILD_DIR, clock: fakeClock(START), crash, ...extra });
}

/**
 * How long after a crash the re-run comes. A mail run holds a lease (a script
 * property, CTX2) that a run killed mid-step cannot give back; it lapses after
 * Apps Script's 6-minute limit and half a minute more, and a run started before
 * then is refused as busy, as in Apps Script. The re-run comes after it lapses.
 */
const AFTER_CRASH_MS = 10 * 60 * 1000;

/** One step of the cycle: the monthly run, then each due trigger (reminders, summary) in turn, `lateBy` after its time. Null when none is left. */
async function step(opened: OpenedWorkbook, index: number, lateBy = 0): Promise<boolean> {
  const runtime = opened.runtime;
  const clock = runtime.options.clock as ReturnType<typeof fakeClock>;
  let execution;
  if (index === 0) {
    clock.set(START + lateBy);
    execution = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
  } else {
    const next = runtime.nextDueTrigger(END);
    if (!next) return false;
    const at = next.at + lateBy;
    clock.set(at);
    execution = runtime.fireTimeTrigger(next.trigger, at);
  }
  await opened.settle(execution);
  return true;
}

/** After a crash in step `index`: that step again once the dead run's lease has lapsed, then the rest of the cycle. */
async function runFrom(dir: string, index: number): Promise<void> {
  const opened = await open(dir);
  try {
    for (let lateBy = AFTER_CRASH_MS; await step(opened, index, lateBy); lateBy = 0) index++;
  } finally {
    opened.close();
  }
}

/** The monthly run again, the same morning once a crashed run's lease has lapsed: it sends only what is not in 送信記録 yet. */
async function rerunRequests(dir: string): Promise<void> {
  const opened = await open(dir);
  await step(opened, 0, AFTER_CRASH_MS);
  opened.close();
}

function snapshot(dir: string): string {
  const copy = tempDir("platina-fault-");
  cpSync(dir, copy, { recursive: true });
  return copy;
}

async function sendLog(dir: string) {
  const { model } = await loadDurable(join(dir, "book.xlsx"));
  return modelRecords(model, "送信記録").map((r) => `${r["種別"]} ${r["宛先"]} ${r["結果"]}`).sort();
}

const mails = (dir: string) => outboxRecipients(join(dir, "book-outbox"));

/** Compares a crashed-then-re-run folder with the clean run: duplicates beyond the one in flight fail, losses fail. */
function tally(clean: string[], got: string[], where: string) {
  const remaining = new Map<string, number>();
  for (const m of got) remaining.set(m, (remaining.get(m) ?? 0) + 1);
  let losses = 0;
  for (const m of clean) {
    const n = remaining.get(m) ?? 0;
    if (n === 0) losses++;
    else remaining.set(m, n - 1);
  }
  const duplicates = [...remaining.values()].reduce((a, b) => a + b, 0);
  figures.cases++;
  figures.duplicates += duplicates;
  figures.losses += losses;
  expect(losses, `${where}: lost mail`).toBe(0);
  expect(duplicates, `${where}: mail sent twice`).toBeLessThanOrEqual(1);
}

let base: string;
beforeAll(async () => {
  base = tempDir("platina-fault-base-");
  await saveWorkbook(createDemoModel(), join(base, "book.xlsx"));
  const opened = await open(base);
  setUp(opened.runtime);
  opened.runtime.state.webAppUrl = WEB_APP;
  await opened.save();
  opened.close();
}, 60_000);

afterAll(() => {
  console.info(`fault suite: ${figures.cases} cases, ${figures.duplicates} duplicates, ${figures.losses} losses`);
});

describe("a monthly cycle crashed within each step", () => {
  it("ends, after a re-run, with the clean run's mail and 送信記録: nothing lost, nothing twice but the mail in flight", { timeout: 300_000 }, async () => {
    // The clean cycle, with a copy of the folder before each step and the crash points each step passes.
    const before: string[] = [];
    const points: string[][] = [];
    const clean = snapshot(base);
    for (let i = 0; ; i++) {
      before.push(snapshot(clean));
      const counter = simulatedCrashAt(Infinity);
      const opened = await open(clean, counter);
      const more = await step(opened, i);
      opened.close();
      if (!more) break;
      points.push(counter.labels);
    }
    expect(points.length).toBeGreaterThanOrEqual(3); // requests, reminders, summary
    const cleanMail = mails(clean);
    const cleanLog = await sendLog(clean);

    const random = seeded(12);
    for (const [index, labels] of points.entries()) {
      // What was mailed but not recorded before the step: the most a crash in it may leave in flight, beyond its own mail.
      const unrecordedBefore = mails(before[index]).length - (await sendLog(before[index])).length;
      // A seeded point inside the step, and its very last one (the end of the save).
      for (const at of new Set([1 + Math.floor(random() * labels.length), labels.length])) {
        const where = `step ${index} crash at ${at}/${labels.length} (${labels[at - 1]})`;
        const dir = snapshot(before[index]);
        const crashed = await open(dir, simulatedCrashAt(at));
        await step(crashed, index).catch((error: Error) => expect(error.name === "SimulatedCrash" || /simulated crash/.test(error.message), where).toBe(true));
        crashed.close();
        // Readable and whole, then the re-run finishes the cycle.
        const inFlight = mails(dir).length - (await sendLog(dir)).filter((l) => !l.includes("失敗")).length;
        expect(inFlight, where).toBeLessThanOrEqual(1 + unrecordedBefore);
        await runFrom(dir, index);
        tally(cleanMail, mails(dir), where);
        expect(await sendLog(dir), where).toEqual(cleanLog);
        expect(existsSync(commitLogPath(join(dir, "book.xlsx"))), where).toBe(false);
      }
    }
  });
});

describe("a write failure while saving (full disk)", () => {
  it("leaves the workbook's bytes as they were, keeps every commit in the log, and loses no mail", async () => {
    const dir = snapshot(base);
    const path = join(dir, "book.xlsx");
    const before = readFileSync(path);
    const full: CrashPoints = {
      pass(label) {
        if (label === "save-workbook") throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      },
    };
    const opened = await open(dir, full);
    const execution = opened.runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    expect(execution.ok).toBe(true);
    await expect(opened.settle(execution)).rejects.toThrow("ENOSPC");
    opened.close();
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(commitLogPath(path))).toBe(true);
    // With space again: the commits come back, and the re-run sends nothing more.
    const sent = mails(dir);
    expect((await sendLog(dir)).length).toBe(sent.length);
    await rerunRequests(dir);
    tally(sent, mails(dir), "full disk");
  });
});

describe("an SMTP server that drops the connection mid-send", () => {
  it("records that send as failed, keeps sending to the others, and the re-run delivers it once", { timeout: 60_000 }, async () => {
    const { startDroppingSmtpServer } = await import("../../support/dropping-smtp");
    const server = await startDroppingSmtpServer(3);
    try {
      const dir = snapshot(base);
      const opened = await open(dir, undefined, { smtp: `smtp://127.0.0.1:${server.port}` });
      const first = opened.runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
      await opened.settle(first);
      const report = first.result as { sent: unknown[]; failed: { to: string; error: string }[] };
      expect(report.failed).toHaveLength(1);
      // 今すぐ送信 retries the failed address only.
      const retry = opened.runtime.run("sendFollowUpNow", [], { user: SECRETARIAT });
      await opened.settle(retry);
      opened.close();
      expect((retry.result as { sent: { to: string }[] }).sent.map((s) => s.to)).toEqual([report.failed[0].to]);
      const received = await server.received();
      const expected = [...new Set(received)];
      tally(expected, received, "smtp drop");
    } finally {
      await server.stop();
    }
  });
});

describe("damaged files beside the workbook", () => {
  it("refuses a corrupt sidecar with one clear error and touches nothing", async () => {
    const dir = snapshot(base);
    const path = join(dir, "book.xlsx");
    writeFileSync(`${path}.platina.json`, "{ 壊れた");
    const before = readFileSync(path);
    const mode = statSync(path).mode;
    await expect(open(dir)).rejects.toThrow(`サイドカー「${path}.platina.json」が壊れています`);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(statSync(path).mode).toBe(mode);
    expect(readFileSync(`${path}.platina.json`, "utf8")).toBe("{ 壊れた");
    // The refusal gave the workbook back: fixed, it opens at once.
    writeFileSync(`${path}.platina.json`, readFileSync(`${base}/book.xlsx.platina.json`));
    (await open(dir)).close();
  });

  it("ignores a torn last record of the commit log and keeps the ones before it", async () => {
    const dir = snapshot(base);
    const path = join(dir, "book.xlsx");
    const crashed = await open(dir, simulatedCrashAt(12));
    await step(crashed, 0).catch(() => undefined);
    crashed.close();
    const recorded = await sendLog(dir);
    expect(recorded.length).toBeGreaterThan(0);
    appendFileSync(commitLogPath(path), Buffer.from([0, 0, 1, 0, 7, 7, 7])); // half a record, as a kill mid-append leaves
    expect(await sendLog(dir)).toEqual(recorded);
    await rerunRequests(dir);
    const got = mails(dir);
    tally([...new Set(got)], got, "torn log");
    expect(await sendLog(dir)).toHaveLength(new Set(got).size);
  });

  it("takes over a lock whose holder process is dead instead of reporting busy", async () => {
    const dir = snapshot(base);
    const locks = join(dir, "book.xlsx.locks");
    writeFileSync(join(locks, "script.lock"), JSON.stringify({ pid: 999_999, holder: "dead", time: Date.now() }));
    const opened = await open(dir);
    const execution = opened.runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    await opened.settle(execution);
    opened.close();
    const report = execution.result as { sent: unknown[]; stoppedBecause: string | null };
    expect(report.stoppedBecause).toBeNull();
    expect(report.sent.length).toBeGreaterThan(10);
    tally([...new Set(mails(dir))], mails(dir), "dead lock holder");
  });
});
