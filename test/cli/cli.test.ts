// The `platina` command end to end, in a temp folder, as a user runs it: in-process
// (the same program main.ts runs), and as a real process where the process itself
// matters (its exit code, its time zone).
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createDemoModel } from "../../src/local/demo-workbook";
import { saveWorkbook } from "../../src/local/workbook/xlsx-store";
import { platina as platinaIn, platinaProcess } from "../support/platina-cli";
import { tempDir } from "../support/runtime";

const platina = (cwd: string, ...args: string[]) => platinaIn(cwd, args);
/** A real process on a machine whose clock is in New York: the CLI still answers in Tokyo time. */
const platinaInNewYork = (cwd: string, ...args: string[]) => platinaProcess(cwd, args, { TZ: "America/New_York" });

let dir: string;
beforeAll(async () => {
  dir = tempDir("platina-cli-");
  const demo = await platina(dir, "demo", "book.xlsx");
  expect(demo.code, demo.stderr).toBe(0);
});

describe("platina demo", () => {
  it("refuses to overwrite an existing file unless --force", async () => {
    const before = readFileSync(join(dir, "book.xlsx"));
    const again = await platina(dir, "demo", "book.xlsx");
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("--force");
    expect(readFileSync(join(dir, "book.xlsx")).equals(before)).toBe(true);
    expect((await platina(dir, "demo", "book.xlsx", "--force")).code).toBe(0);
  });

  it("makes a workbook with 初期設定 already done by the secretariat account 市政変革推進室", async () => {
    const settings = JSON.parse((await platina(dir, "get", "設定!A2:B2", "--workbook", "book.xlsx")).stdout);
    expect(settings).toEqual([["事務局メール", "henkaku@city.example"]]);
    const state = JSON.parse(readFileSync(join(dir, "book.xlsx.platina.json"), "utf8"));
    expect(state.triggers.map((t: { handler: string; owner: string }) => [t.handler, t.owner])).toEqual([
      ["onIssueEdit", "henkaku@city.example"],
      ["onIssueChange", "henkaku@city.example"],
    ]);
    expect(Object.keys(state.scriptProperties)).toContain("platina.linkSecret");
    // 初期設定 again changes nothing.
    const again = await platina(dir, "run", "setupWorkbook", "--workbook", "book.xlsx", "--user", "henkaku@city.example");
    expect(JSON.parse(again.stdout).result).toEqual([]);
  });
});

describe("platina get", () => {
  it("prints 集計's computed seed tables as JSON, whatever the machine's time zone", async () => {
    const { code, stdout } = await platinaInNewYork(dir, "get", "集計!A4:D8", "--workbook", "book.xlsx");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      ["", "R6", "R7", "計"], ["完了", 21, 22, 43], ["実施中", 8, 3, 11], ["検討中", 4, 19, 23], ["計", 33, 44, 77],
    ]);
    const dates = JSON.parse((await platinaInNewYork(dir, "get", "課題!L2:L2", "--workbook", "book.xlsx")).stdout);
    expect(dates[0][0]).toMatch(/^2026-0[345]-\d\dT00:00:00\.000Z$/); // 09:00 Tokyo, read back as written
  });

  it("creates platina-demo.xlsx when run with no workbook in a new folder", async () => {
    const fresh = tempDir("platina-cli-default-");
    const { code, stdout } = await platina(fresh, "get", "集計!B11");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([[34]]);
    expect(existsSync(join(fresh, "platina-demo.xlsx"))).toBe(true);
  });
});

describe("platina run", () => {
  it("runs an entry point as one execution and prints result, calls and simulated time", async () => {
    // The demo data alone, before 初期設定 (platina demo runs it).
    await saveWorkbook(createDemoModel(), join(dir, "plain.xlsx"));
    const { code, stdout } = await platina(dir, "run", "setupWorkbook", "--workbook", "plain.xlsx", "--user", "henkaku@city.example", "--now", "2026-11-25T10:00:00+09:00");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.result).toContainEqual(expect.stringMatching(/^シート「設定」を作成しました/));
    expect(out.calls.SpreadsheetApp["Range.setValues"]).toBeGreaterThan(0);
    expect(out.simulatedMs).toBeGreaterThan(0);
    const state = JSON.parse(readFileSync(join(dir, "plain.xlsx.platina.json"), "utf8"));
    expect(state.triggers.map((t: { handler: string }) => t.handler)).toEqual(["onIssueEdit", "onIssueChange"]);
    const settings = JSON.parse((await platina(dir, "get", "設定!A2:B2", "--workbook", "plain.xlsx")).stdout);
    expect(settings).toEqual([["事務局メール", "henkaku@city.example"]]);
  });

  it("lists the entry points when asked for an unknown one", async () => {
    const { code, stderr } = await platina(dir, "run", "sendEverything", "--workbook", "book.xlsx");
    expect(code).not.toBe(0);
    expect(stderr).toContain("エントリポイント「sendEverything」はありません");
    expect(stderr).toContain("PLATINA_STATUS_TABLE");
  });

  it("refuses --args that are not a JSON array", async () => {
    const bad = await platina(dir, "run", "PLATINA_WAREKI", "--workbook", "book.xlsx", "--args", "[2026-05-26");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--args を JSON として読めません");
  });

  it("runs the entry point in the context --context names, a menu item by default", async () => {
    const before = readFileSync(join(dir, "book.xlsx"));
    const cell = await platina(dir, "run", "setupWorkbook", "--workbook", "book.xlsx", "--user", "henkaku@city.example", "--context", "custom-function");
    // A custom function has no active user, so GUARD refuses 初期設定 politely before Apps Script's own permission error is reached.
    expect(cell.code, cell.stderr).toBe(0);
    expect(JSON.parse(cell.stdout).result).toMatchObject({ ok: false, reason: "forbidden", message: expect.stringContaining("ログイン中のアカウントを確認できないため") });
    expect(readFileSync(join(dir, "book.xlsx")).equals(before)).toBe(true);
    const unknown = await platina(dir, "run", "setupWorkbook", "--workbook", "book.xlsx", "--context", "cron");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("time-driven");
  });

  it("saves nothing from an execution that throws, and exits non-zero with its message", async () => {
    const before = readFileSync(join(dir, "book.xlsx"));
    const { code } = await platina(dir, "run", "saveIssueUpdate", "--workbook", "book.xlsx", "--args", '[{"id":"R7-050","expected":{},"changes":{"進捗メモ":"x"}}]');
    // The add-on answers "forbidden" (no user) without throwing: nothing changes.
    expect(code).toBe(0);
    expect(readFileSync(join(dir, "book.xlsx")).equals(before)).toBe(true);
    // As a process: the exit code is the process's own.
    const thrown = await platinaInNewYork(dir, "run", "PLATINA_WAREKI", "--workbook", "book.xlsx", "--args", '["いつか"]');
    expect(thrown.code).toBe(1);
    expect(thrown.stderr).toContain("日付「いつか」を解釈できません");
    expect(readFileSync(join(dir, "book.xlsx")).equals(before)).toBe(true);
  });
});

describe("mail from the CLI", () => {
  it("sends the follow-up into the outbox folder, with answer links to the local web app", async () => {
    const work = tempDir("platina-cli-mail-");
    await platina(work, "demo", "m.xlsx");
    await platina(work, "run", "setupWorkbook", "--workbook", "m.xlsx", "--user", "henkaku@city.example", "--now", "2026-12-01T09:00:00+09:00");
    const { code, stdout, stderr } = await platina(work, "run", "sendFollowUpNow", "--workbook", "m.xlsx", "--user", "henkaku@city.example", "--now", "2026-12-01T09:05:00+09:00");
    expect(code, stderr).toBe(0);
    const sent = JSON.parse(stdout).result.sent.length;
    const files = readdirSync(join(work, "m-outbox")).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(sent);
    const eml = readFileSync(join(work, "m-outbox", files[0]), "utf8");
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(eml).toContain("http://127.0.0.1:8787/exec?t=");
  });
});

describe("bad workbooks", () => {
  it("says clearly that a workbook is missing, corrupt or not an xlsx, and leaves the file alone", async () => {
    const missing = await platinaInNewYork(dir, "get", "集計!A1", "--workbook", "nothere.xlsx");
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("nothere.xlsx");
    writeFileSync(join(dir, "notes.xlsx"), "これは表計算のファイルではありません");
    const corrupt = await platina(dir, "get", "集計!A1", "--workbook", "notes.xlsx");
    expect(corrupt.code).not.toBe(0);
    expect(corrupt.stderr).toContain(".xlsx として読めません");
    expect(readFileSync(join(dir, "notes.xlsx"), "utf8")).toBe("これは表計算のファイルではありません");
  });
});

describe("platina trigger", () => {
  it("advances the clock and fires the due time-driven triggers in order", async () => {
    const work = tempDir("platina-cli-trigger-");
    await platina(work, "demo", "t.xlsx");
    // A one-off trigger created through the add-on's own ScriptApp is what the follow-up uses; here a clock
    // trigger is written into the sidecar as ScriptApp would store it.
    const state = {
      scriptProperties: {}, documentProperties: {}, userProperties: {}, cache: { script: {}, document: {}, user: {} }, protections: [],
      mail: { day: "", recipientsUsed: 0, dailyQuota: 1500 }, webAppUrl: null,
      triggers: [{
        uid: "t1", handler: "setupWorkbook", eventType: "CLOCK", source: "CLOCK", sourceId: null, owner: "henkaku@city.example",
        schedule: { kind: "monthly", monthDay: 1, atHour: 9, nearMinute: null }, nextRun: Date.parse("2026-12-01T09:00:00+09:00"), createdAt: 0,
      }],
    };
    writeFileSync(join(work, "t.xlsx.platina.json"), JSON.stringify(state));
    const early = await platina(work, "trigger", "--workbook", "t.xlsx", "--until", "2026-11-30T00:00:00+09:00");
    expect(JSON.parse(early.stdout).fired).toEqual([]);
    const { code, stdout } = await platina(work, "trigger", "--workbook", "t.xlsx", "--until", "2027-01-15T00:00:00+09:00");
    expect(code).toBe(0);
    const fired = JSON.parse(stdout).fired;
    expect(fired.map((f: { at: string; ok: boolean }) => [f.at, f.ok])).toEqual([
      ["2026-12-01T00:00:00.000Z", true],
      ["2027-01-01T00:00:00.000Z", true],
    ]);
    const after = JSON.parse(readFileSync(join(work, "t.xlsx.platina.json"), "utf8"));
    expect(after.triggers.find((t: { uid: string }) => t.uid === "t1").nextRun).toBe(Date.parse("2027-02-01T09:00:00+09:00"));
    expect(readdirSync(work)).toContain("t.xlsx");
  });
});
