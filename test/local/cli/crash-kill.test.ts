// kill -9 of a real `platina run sendFollowUpNow` once at each kind of durable step
// the run passes (a seeded one of those that repeat): the workbook always opens, every
// mail in the outbox but at most the one in flight is in 送信記録, and the re-run sends
// exactly the rest. Only the killed runs are processes; the set-up, the traced clean run
// and the re-runs run in-process.
import { cpSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SECRETARIAT } from "../../support/issues";
import { outboxRecipients, platina, platinaProcess, pool, readBack, seeded } from "../../support/platina-cli";
import { tempDir } from "../../support/runtime";

const SEND = ["run", "sendFollowUpNow", "--workbook", "m.xlsx", "--user", SECRETARIAT, "--now", "2026-12-01T09:05:00+09:00"];
const RERUN = ["run", "sendFollowUpNow", "--workbook", "m.xlsx", "--user", SECRETARIAT, "--now", "2026-12-01T09:30:00+09:00"];
/** Every kind of durable step a mailing passes (src/local/runtime/crash-points.ts): each is killed once. */
const KINDS = ["journal-start", "journal-commit", "mail-send", "journal-mail", "save-sidecar", "save-workbook", "journal-remove"];

let base: string;
let points: string[];
let everyone: string[];

beforeAll(async () => {
  base = tempDir("platina-kill-base-");
  expect((await platina(base, ["demo", "m.xlsx"])).code).toBe(0);
  const setup = await platina(base, ["run", "setupWorkbook", "--workbook", "m.xlsx", "--user", SECRETARIAT, "--now", "2026-12-01T09:00:00+09:00"]);
  expect(setup.code, setup.stderr).toBe(0);
  // A clean run, in a copy, lists the crash points and who should get mail.
  const clean = copy();
  const traced = await platina(clean, SEND, { PLATINA_CRASH_TRACE: "1" });
  expect(traced.code, traced.stderr).toBe(0);
  points = [...traced.stderr.matchAll(/^crash-point \d+ (\S+)$/gm)].map((m) => m[1]);
  everyone = outboxRecipients(join(clean, "m-outbox"));
}, 60_000);

function copy(): string {
  const dir = tempDir("platina-kill-");
  cpSync(base, dir, { recursive: true });
  return dir;
}

async function sentLog(dir: string): Promise<string[]> {
  const book = await readBack(join(dir, "m.xlsx"));
  return book.records("送信記録").filter((r) => r["結果"] === "送信済").map((r) => String(r["宛先"]));
}

describe("kill -9 during the follow-up mailing", () => {
  it("loses no record and resends at most the mail in flight, killed once at each kind of durable step", { timeout: 400_000 }, async () => {
    expect(everyone.length).toBeGreaterThan(10);
    expect(points.filter((p) => p === "mail-send")).toHaveLength(everyone.length);
    expect(new Set(points)).toEqual(new Set(KINDS));
    // A kind that repeats (a journal record and a mail per owner) is killed at a seeded one of its points.
    const random = seeded(20261201);
    const kills = KINDS.map((kind) => {
      const at = points.flatMap((point, i) => (point === kind ? [i + 1] : []));
      return at[Math.floor(random() * at.length)];
    });

    const outcomes = await pool(2, kills.map((at) => async () => {
      const dir = copy();
      const killed = await platinaProcess(dir, SEND, { PLATINA_CRASH_AT: String(at) });
      const outbox = join(dir, "m-outbox");
      const mailedBeforeRerun = outboxRecipients(outbox);
      const recorded = await sentLog(dir);
      const rerun = await platina(dir, RERUN);
      const mailed = outboxRecipients(outbox);
      return { at, point: points[at - 1], killed, mailedBeforeRerun, recorded, rerun, mailed, finalLog: await sentLog(dir) };
    }));

    let duplicates = 0;
    for (const o of outcomes) {
      const where = `kill at ${o.at} (${o.point})`;
      expect(o.killed.signal, where).toBe("SIGKILL");
      // Every recorded send is in the outbox; at most one mail left without its record.
      expect(o.mailedBeforeRerun.slice(0, o.recorded.length), where).toEqual(o.recorded);
      expect(o.mailedBeforeRerun.length - o.recorded.length, where).toBeLessThanOrEqual(1);
      expect(o.rerun.code, `${where}: ${o.rerun.stderr}`).toBe(0);
      // After the re-run: everyone has mail, nobody twice except the one in flight, 送信記録 has each once.
      expect(new Set(o.mailed), where).toEqual(new Set(everyone));
      expect(o.finalLog.slice().sort(), where).toEqual(everyone.slice().sort());
      const extra = o.mailed.length - everyone.length;
      expect(extra, where).toBe(o.mailedBeforeRerun.length - o.recorded.length);
      duplicates += extra;
    }
    // The figures for the report: kill points, duplicates (in-flight mails resent), losses.
    console.info(`kill test: ${outcomes.length} kills at ${outcomes.map((o) => `${o.at}:${o.point}`).join(", ")}; duplicates ${duplicates}; losses 0`);
  });
});
