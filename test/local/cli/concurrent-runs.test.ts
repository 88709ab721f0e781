// 6 `platina run saveIssueUpdate` processes started at once on two workbooks
// (one with a claim left by a killed process): each waits its turn for its
// workbook (up to 30 s, as waitLock callers wait), and every save that
// answered ok is in 課題 and 履歴 afterwards. Three on one workbook already queue
// two behind the first, and over the stale claim two race to take it over; each
// process costs about 2.5 CPU-seconds, so it was cut from 50 to 20 to 10 to 6.
// Running out of the 30 s and failing as busy, writing nothing, is tested with a
// live holder in files.test.ts.
// The set-up runs in-process; the saves are the processes.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SECRETARIAT } from "../../support/issues";
import { openWorkbook } from "../../../src/local/runtime/open";
import { BUILD_DIR } from "../../support/gas-bundle";
import { platina, platinaProcess, readBack } from "../../support/platina-cli";
import { tempDir } from "../../support/runtime";

const PROCESSES = 6;
let base: string;
let issues: Record<string, string>[];

beforeAll(async () => {
  base = tempDir("platina-concurrent-base-");
  expect((await platina(base, ["demo", "c.xlsx"])).code).toBe(0);
  expect((await platina(base, ["run", "setupWorkbook", "--workbook", "c.xlsx", "--user", SECRETARIAT])).code).toBe(0);
  const book = await openWorkbook({ workbook: join(base, "c.xlsx"), bundleDir: BUILD_DIR, readOnly: true });
  const mine = book.runtime.run("getMyIssues", [], { user: SECRETARIAT });
  expect(mine.ok, mine.error?.message).toBe(true);
  issues = (mine.result as Record<string, string>[]).slice(0, PROCESSES);
  expect(issues).toHaveLength(PROCESSES);
}, 60_000);

async function saveAll(dir: string, issues: Record<string, string>[]) {
  return Promise.all(
    issues.map(async (issue, i) => {
      const memo = `並行保存 ${i}`;
      const update = { id: issue.ID, expected: { 進捗分類: issue.進捗分類, 実施時期: issue.実施時期, 進捗メモ: issue.進捗メモ, 最終更新日: issue.最終更新日 }, changes: { 進捗メモ: memo } };
      const exit = await platinaProcess(dir, ["run", "saveIssueUpdate", "--workbook", "c.xlsx", "--user", SECRETARIAT, "--args", JSON.stringify([update])]);
      const ok = exit.code === 0 && JSON.parse(exit.stdout).result.ok === true;
      return { id: issue.ID, memo, ok, exit };
    }),
  );
}

async function check(dir: string, issues: Record<string, string>[]) {
  const results = await saveAll(dir, issues);
  const book = await readBack(join(dir, "c.xlsx"));
  const rows = new Map(book.records("課題").map((r) => [String(r.ID), r]));
  const history = book.records("履歴");
  for (const r of results) {
    // Not ok means "busy after 30 s" and nothing written; anything else is a failure.
    if (!r.ok) expect(r.exit.stderr, r.id).toContain("使用中");
    const saved = rows.get(r.id)!.進捗メモ === r.memo;
    expect(saved, `${r.id}: ${r.exit.stderr}`).toBe(r.ok);
    expect(history.filter((h) => h.ID === r.id && h.変更後 === r.memo), r.id).toHaveLength(r.ok ? 1 : 0);
  }
  return results.filter((r) => r.ok).length;
}

describe(`${PROCESSES} processes started at once`, { timeout: 300_000 }, () => {
  it("wait their turn and lose no ok write, on a workbook with a claim left by a killed process and on one without", async () => {
    // Half on each workbook, all started together: the same contention, half the machine time of two rounds.
    const fresh = tempDir("platina-concurrent-");
    cpSync(base, fresh, { recursive: true });
    const stale = tempDir("platina-concurrent-stale-");
    cpSync(base, stale, { recursive: true });
    const locks = join(stale, "c.xlsx.locks");
    mkdirSync(locks, { recursive: true });
    writeFileSync(join(locks, "claim-000000100"), JSON.stringify({ state: "held", pid: 999_999, host: hostname(), holder: "killed", time: 0 }));
    const half = PROCESSES / 2;
    const [okFresh, okStale] = await Promise.all([check(fresh, issues.slice(0, half)), check(stale, issues.slice(half))]);
    console.info(`concurrent saves: ${okFresh} of ${half} ok without a stale claim, ${okStale} of ${half} ok over a stale claim`);
    expect(okFresh).toBeGreaterThan(0);
    expect(okStale).toBeGreaterThan(0);
  });
});
