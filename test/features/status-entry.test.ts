// The sidebar's server API and the shared write path, run in the local runtime on the demo workbook.
import { beforeEach, describe, expect, it } from "vitest";
import type { Runtime } from "../../src/local/runtime/runtime";
import { SECRETARIAT, historyRows, issueRows, spreadsheetReads, spreadsheetWrites, statusTable } from "../support/issues";
import { testRuntime } from "../support/runtime";
import { ISSUES } from "../../src/core/contracts/issues";
import { SUMMARY } from "../../src/core/contracts/summary";

let runtime: Runtime;
let issue: Record<string, unknown>;
let owner: string;

beforeEach(() => {
  runtime = testRuntime({ setUp: true }).runtime;
  issue = issueRows(runtime).find((r) => r.進捗分類 === "検討中" && r.整理区分 === "⑦")!;
  owner = String(issue.担当者メール);
});

function call<T>(entry: string, user: string, ...args: unknown[]): T {
  const execution = runtime.run(entry, args, { user });
  if (!execution.ok) throw new Error(execution.error?.message);
  return execution.result as T;
}

function expectedOf(record: Record<string, unknown>) {
  return { 進捗分類: record.進捗分類, 実施時期: record.実施時期, 進捗メモ: record.進捗メモ, 最終更新日: record.最終更新日 };
}

describe("getMyIssues", () => {
  it("gives owners their issues, bureau representatives their bureau's, the secretariat all — as plain objects", () => {
    const all = issueRows(runtime);
    const mine = call<Record<string, string>[]>("getMyIssues", owner);
    expect(mine.map((i) => i.ID).sort()).toEqual(all.filter((r) => r.担当者メール === owner).map((r) => r.ID).sort());
    expect(typeof mine[0].最終更新日).toBe("string");
    expect(mine[0].最終更新日).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(Object.keys(mine[0])).toEqual([...ISSUES.headers]);

    expect(call<unknown[]>("getMyIssues", SECRETARIAT)).toHaveLength(all.length);

    const bureaus = runtime.readRange("局区!A1:C30");
    const bureau = String(issue.制度所管局);
    const rep = String(bureaus.find((r) => r[0] === bureau)![2]);
    const theirs = call<Record<string, string>[]>("getMyIssues", rep);
    expect(theirs.length).toBe(all.filter((r) => r.制度所管局 === bureau).length);
    expect(call<unknown[]>("getMyIssues", "stranger@city.example")).toEqual([]);
    expect(call<{ role: string }>("getSidebarContext", SECRETARIAT).role).toBe("secretariat");
    expect(call<{ role: string; bureaus: string[] }>("getSidebarContext", rep)).toMatchObject({ role: "bureau", bureaus: [bureau] });
  });
});

describe("saveIssueUpdate", () => {
  it("saves, stamps and records one 履歴 row per changed field", () => {
    // 集計 column C is R7: the issue (a ⑦ one) moves from its 検討中 count to its 実施中 count.
    expect(issue.年度).toBe("R7");
    const [, , progressing, considering] = statusTable(issueRows(runtime), ["R7"]);
    const result = call<{ ok: boolean; issue: Record<string, string> }>("saveIssueUpdate", owner, {
      id: issue.ID, expected: expectedOf(call<Record<string, string>[]>("getMyIssues", owner).find((i) => i.ID === issue.ID)!),
      changes: { 進捗分類: "【分類2】具体的な解決策を一部実施、又は試行の段階", 実施時期: "R8年10月試行" },
    });
    expect(result.ok).toBe(true);
    expect(result.issue.進捗分類).toBe("実施中");
    const row = issueRows(runtime).find((r) => r.ID === issue.ID)!;
    expect(row).toMatchObject({ 進捗分類: "実施中", 実施時期: "R8年10月試行", 最終更新者: owner });
    expect((row.最終更新日 as Date).toISOString()).toBe("2026-11-25T00:00:00.000Z");
    const history = historyRows(runtime).filter((h) => h.ID === issue.ID);
    expect(history.map((h) => [h.項目, h.変更前, h.変更後, h.経路, h.利用者])).toEqual([
      ["進捗分類", "検討中", "実施中", "サイドバー", owner],
      ["実施時期", issue.実施時期, "R8年10月試行", "サイドバー", owner],
    ]);
    expect(runtime.readRange("集計!C6:C7")).toEqual([[Number(progressing[1]) + 1], [Number(considering[1]) - 1]]);
  });

  it("refuses the second of two saves from the same starting point, and both values stay in 履歴", () => {
    const loaded = call<Record<string, string>[]>("getMyIssues", owner).find((i) => i.ID === issue.ID)!;
    const first = call<{ ok: boolean }>("saveIssueUpdate", owner, { id: issue.ID, expected: expectedOf(loaded), changes: { 進捗メモ: "Aさんの入力" } });
    const second = call<{ ok: boolean; reason: string; current: Record<string, string>; message: string }>("saveIssueUpdate", SECRETARIAT, {
      id: issue.ID, expected: expectedOf(loaded), changes: { 進捗メモ: "Bさんの入力" },
    });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, reason: "conflict" });
    expect(second.current.進捗メモ).toBe("Aさんの入力");
    expect(second.message).toContain("ほかの方がこの課題を先に更新しました");
    expect(issueRows(runtime).find((r) => r.ID === issue.ID)!.進捗メモ).toBe("Aさんの入力");
    const retry = call<{ ok: boolean }>("saveIssueUpdate", SECRETARIAT, { id: issue.ID, expected: expectedOf(second.current), changes: { 進捗メモ: "Bさんの入力" } });
    expect(retry.ok).toBe(true);
    expect(historyRows(runtime).filter((h) => h.ID === issue.ID).map((h) => h.変更後)).toEqual(["Aさんの入力", "Bさんの入力"]);
  });

  it("finds the row by ID after staff sorted the sheet between load and save", () => {
    const loaded = call<Record<string, string>[]>("getMyIssues", owner).find((i) => i.ID === issue.ID)!;
    const sheet = runtime.model.getSheetByName("課題")!;
    const [header, ...rows] = runtime.readRange("課題!A1:M109");
    rows.reverse();
    sheet.setCells(1, 0, rows.map((r) => r.map((v) => (v === "" ? { kind: "empty" as const } : { kind: "value" as const, value: v as string }))));
    expect(call<{ ok: boolean }>("saveIssueUpdate", owner, { id: issue.ID, expected: expectedOf(loaded), changes: { 進捗メモ: "並べ替え後" } }).ok).toBe(true);
    const after = issueRows(runtime);
    expect(after.find((r) => r.ID === issue.ID)!.進捗メモ).toBe("並べ替え後");
    expect(after.filter((r) => r.進捗メモ === "並べ替え後")).toHaveLength(1);
    expect(header[0]).toBe("ID");
  });

  it("says not_found when the row was deleted meanwhile", () => {
    const loaded = call<Record<string, string>[]>("getMyIssues", owner).find((i) => i.ID === issue.ID)!;
    const row = issueRows(runtime).findIndex((r) => r.ID === issue.ID);
    runtime.model.getSheetByName("課題")!.deleteRows(row + 1, 1);
    const result = call<{ ok: boolean; reason: string }>("saveIssueUpdate", owner, { id: issue.ID, expected: expectedOf(loaded), changes: { 進捗メモ: "x" } });
    expect(result).toMatchObject({ ok: false, reason: "not_found" });
  });

  it("refuses a user who may not update the issue, whatever the browser claims", () => {
    const before = issueRows(runtime);
    const result = call<{ ok: boolean; reason: string }>("saveIssueUpdate", "someone.else@city.example", {
      id: issue.ID, expected: expectedOf(issue), changes: { 進捗分類: "完了" },
    });
    expect(result).toMatchObject({ ok: false, reason: "forbidden" });
    expect(issueRows(runtime)).toEqual(before);
  });

  it("stores formula-like text as text, in 課題 and in 履歴", () => {
    const memo = '=IMPORTXML("http://x","//a")';
    const loaded = call<Record<string, string>[]>("getMyIssues", owner).find((i) => i.ID === issue.ID)!;
    expect(call<{ ok: boolean }>("saveIssueUpdate", owner, { id: issue.ID, expected: expectedOf(loaded), changes: { 進捗メモ: memo, 実施時期: "+R9" } }).ok).toBe(true);
    const row = issueRows(runtime).findIndex((r) => r.ID === issue.ID) + 2;
    const formulas = runtime.model.getSheetByName("課題")!.getFormulas({ row: row - 1, column: 0, numRows: 1, numColumns: 13 })[0];
    expect(formulas.every((f) => f === "")).toBe(true);
    expect(issueRows(runtime).find((r) => r.ID === issue.ID)).toMatchObject({ 進捗メモ: memo, 実施時期: "+R9" });
    expect(historyRows(runtime).map((h) => h.変更後)).toContain(memo);
  });

  it("stores number- and date-like text exactly as typed", () => {
    const loaded = call<Record<string, string>[]>("getMyIssues", owner).find((i) => i.ID === issue.ID)!;
    expect(call<{ ok: boolean }>("saveIssueUpdate", owner, { id: issue.ID, expected: expectedOf(loaded), changes: { 進捗メモ: "001", 実施時期: "2027/4" } }).ok).toBe(true);
    expect(issueRows(runtime).find((r) => r.ID === issue.ID)).toMatchObject({ 進捗メモ: "001", 実施時期: "2027/4" });
    const again = call<Record<string, string>[]>("getMyIssues", owner).find((i) => i.ID === issue.ID)!;
    expect(call<{ ok: boolean }>("saveIssueUpdate", owner, { id: issue.ID, expected: expectedOf(again), changes: { 進捗メモ: "002" } }).ok).toBe(true);
  });

  it("rejects invalid input with field messages and writes nothing", () => {
    const before = issueRows(runtime);
    const result = call<{ ok: boolean; reason: string; errors: Record<string, string> }>("saveIssueUpdate", owner, {
      id: issue.ID, expected: expectedOf(issue), changes: { 進捗分類: "済み", 進捗メモ: "あ".repeat(2001) },
    });
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    expect(result.errors.進捗分類).toContain("「完了」「実施中」「検討中」");
    expect(result.errors.進捗メモ).toContain("2000文字以内");
    expect(call<{ ok: boolean; reason: string }>("saveIssueUpdate", owner, "not an object")).toMatchObject({ ok: false, reason: "invalid" });
    expect(issueRows(runtime)).toEqual(before);
  });
});

describe("service-call budgets", () => {
  function grow(rows: number) {
    // 集計 goes: its custom functions read 課題 whole and run again after every write, which
    // takes time with 10,000 more rows but makes no service call the budgets count.
    runtime.model.deleteSheet(runtime.model.getSheetByName(SUMMARY.name)!);
    const sheet = runtime.model.getSheetByName("課題")!;
    const template = runtime.readRange("課題!A2:M2")[0];
    const extra = Array.from({ length: rows }, (_, i) => template.map((v, c) => ({ kind: "value" as const, value: c === 0 ? `X-${i}` : (v as string) })));
    sheet.setCells(109, 0, extra);
  }

  it.each([100, 10_000])("listing ≤ 3 reads; a save ≤ 2 reads and ≤ 3 writes with %i more rows", (rows) => {
    grow(rows);
    const listing = runtime.run("getMyIssues", [], { user: owner });
    expect(spreadsheetReads(listing.calls)).toBeLessThanOrEqual(3);
    const loaded = (listing.result as Record<string, string>[]).find((i) => i.ID === issue.ID)!;
    const save = runtime.run("saveIssueUpdate", [{ id: issue.ID, expected: expectedOf(loaded), changes: { 進捗分類: "完了", 進捗メモ: "完了しました" } }], { user: owner });
    expect((save.result as { ok: boolean }).ok).toBe(true);
    expect(spreadsheetReads(save.calls)).toBeLessThanOrEqual(2);
    expect(spreadsheetWrites(save.calls)).toBeLessThanOrEqual(3);
  });
});
