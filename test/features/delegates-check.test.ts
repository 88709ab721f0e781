// データ点検 of 担当者 on the demo workbook: a row that is not an address, an 終了日 before
// its 開始日, and a section address nobody is listed for today — each with its cell and
// the fix — and the monthly mail still goes to every section.
import { describe, expect, it } from "vitest";
import type { Runtime } from "../../src/local/runtime/runtime";
import { outbox, deployWebApp } from "../support/follow-up";
import { SECRETARIAT, openOwners, sheetRecords } from "../support/issues";
import { testRuntime } from "../support/runtime";

type Checked = { sheet: string; a1: string; value: string; message: string };

function check(runtime: Runtime): Checked[] {
  const result = runtime.run("checkData", [], { user: SECRETARIAT });
  if (!result.ok) throw new Error(result.error?.message);
  return result.result as Checked[];
}

/** Sets a cell of 担当者 (1-based row, 0-based column as the model takes it) as staff type it. */
function type(runtime: Runtime, row: number, column: number, value: string): void {
  runtime.model.getSheetByName("担当者")!.setCells(row - 1, column, [[{ kind: "value", value }]]);
}

describe("データ点検 of 担当者", () => {
  it("lists a non-address, an 終了日 before 開始日 and a section with nobody today, each with its cell and fix; every section is still mailed", async () => {
    const { runtime, dir } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    expect(check(runtime)).toEqual([]);

    const delegates = sheetRecords(runtime, "担当者");
    const issues = sheetRecords(runtime, "課題");
    // A section of 課題 whose people all leave at the end of March (人事課's new deputy starts in April: not that one).
    const section = String(issues.find((r) => r.担当者メール !== "jinji-ka@city.example")?.担当者メール);
    const sectionRows = delegates.flatMap((r, i) => (r.担当アドレス === section ? [i + 2] : []));
    for (const row of sectionRows) type(runtime, row, 5, "2026/3/31");
    // The deputies of two other sections: a typo for an address, and dates the wrong way round (their 担当 still answer).
    const deputies = delegates.flatMap((r, i) => (r.担当アドレス !== section && r["役割（担当／代理）"] === "代理" && r.終了日 === "" && r.開始日 === "" ? [i + 2] : []));
    const others = [deputies[0], deputies[deputies.length - 1]].sort((a, b) => a - b);
    type(runtime, others[0], 1, "山田さん");
    type(runtime, others[1], 4, "2026/5/1");
    type(runtime, others[1], 5, "2026/4/1");

    const problems = check(runtime);
    const firstUse = issues.findIndex((r) => r.担当者メール === section) + 2;
    expect(problems.map((p) => `${p.sheet}!${p.a1}`)).toEqual([`担当者!B${others[0]}`, `担当者!F${others[1]}`, `課題!G${firstUse}`]);
    expect(problems[0].message).toContain("メールアドレス");
    expect(problems[0].message).toContain("ほかの行とメールの送信には影響しません");
    expect(problems[1].message).toContain("終了日が開始日（2026-05-01）より前です");
    expect(problems[2].value).toBe(section);
    expect(problems[2].message).toContain(`を今日担当する人が、担当者シート（${sectionRows.map((r) => `${r}行目`).join("・")}）にいません`);
    expect(problems[2].message).toContain("令和8年3月31日まで");
    expect(problems[2].message).toContain("担当者シートにこのアドレスの担当か代理を追加してください");

    // None of it stops the monthly mail: every owner address gets its request.
    const run = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    expect(run.ok, run.error?.message).toBe(true);
    const sent = (await outbox(`${dir}/outbox`)).filter((m) => m.subject.includes("ご回答のお願い"));
    expect(new Set(sent.map((m) => m.to[0]))).toEqual(new Set(openOwners(runtime).keys()));
  });
});
