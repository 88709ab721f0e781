// Workbook files the CLI must not harm: read-only, in a missing folder, in use
// by another process — one clear line, exit code ≠ 0, the file exactly as it
// was (bytes and mode); and a save keeps the file's mode. Run in-process: the
// other process holding the workbook is named in its claim file.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SECRETARIAT } from "../support/issues";
import { platina } from "../support/platina-cli";
import { tempDir } from "../support/runtime";

let dir: string;
beforeAll(async () => {
  dir = tempDir("platina-files-");
  expect((await platina(dir, ["demo", "book.xlsx"])).code).toBe(0);
}, 60_000);

const SETUP = ["run", "setupWorkbook", "--workbook", "book.xlsx", "--user", SECRETARIAT];
const snapshot = (path: string) => ({ bytes: readFileSync(path), mode: statSync(path).mode });

function expectOneLine(stderr: string, text: string) {
  expect(stderr.trim().split("\n"), stderr).toHaveLength(1);
  expect(stderr).toContain(text);
}

describe("workbook files", { timeout: 120_000 }, () => {
  it("refuses a read-only workbook and leaves its bytes and mode alone", async () => {
    const path = join(dir, "book.xlsx");
    chmodSync(path, 0o444);
    const before = snapshot(path);
    const run = await platina(dir, SETUP);
    expect(run.code).not.toBe(0);
    expectOneLine(run.stderr, "読み取り専用");
    expect(snapshot(path)).toEqual(before);
    chmodSync(path, 0o644);
  });

  it("keeps the workbook's mode when it saves", async () => {
    const path = join(dir, "book.xlsx");
    chmodSync(path, 0o640);
    const before = readFileSync(path);
    // The demo is already set up: in a later fiscal year 初期設定 has year choices to add, so it writes.
    const run = await platina(dir, [...SETUP, "--now", "2029-05-01T10:00:00+09:00"]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path).equals(before)).toBe(false);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it("names a missing folder without creating it", async () => {
    const run = await platina(dir, ["run", "setupWorkbook", "--workbook", "nowhere/book.xlsx"]);
    expect(run.code).not.toBe(0);
    expectOneLine(run.stderr, "フォルダ");
    const demo = await platina(dir, ["demo", "nowhere/new.xlsx"]);
    expect(demo.code).not.toBe(0);
    // The demo is opened (and set up) through the same path as run: the same one-line message.
    expectOneLine(demo.stderr, "フォルダ");
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
  });

  it("waits for a workbook another process is using, then answers busy and touches nothing", async () => {
    const path = join(dir, "book.xlsx");
    const before = snapshot(path);
    // Another live process (init, pid 1) holds the workbook.
    const holder = 1;
    const locks = join(dir, "book.xlsx.locks");
    mkdirSync(locks, { recursive: true });
    const claim = join(locks, "claim-000900000");
    writeFileSync(claim, JSON.stringify({ state: "held", pid: holder, host: hostname(), holder: "test", time: Date.now() }));
    const started = Date.now();
    const run = await platina(dir, [...SETUP, "--wait", "1"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(run.code).not.toBe(0);
    expectOneLine(run.stderr, `プロセス ${holder}`);
    expect(run.stderr).toContain("使用中");
    expect(snapshot(path)).toEqual(before);
    // Reads never wait: `platina get` answers while the workbook is in use.
    const get = await platina(dir, ["get", "設定!A2:B2", "--workbook", "book.xlsx"]);
    expect(get.code, get.stderr).toBe(0);
    writeFileSync(claim, JSON.stringify({ state: "free", pid: holder, host: hostname(), holder: "test", time: Date.now() }));
  });
});
