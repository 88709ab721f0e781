// Direct edits of 課題 through the installable edit trigger: 履歴, stamps and new IDs.
import { beforeEach, describe, expect, it } from "vitest";
import type { Runtime } from "../../src/local/runtime/runtime";
import { SECRETARIAT, historyRows as allHistory, issueRows, setUp, spreadsheetWrites } from "../support/issues";
import { testRuntime } from "../support/runtime";
import { ISSUES } from "../../src/core/contracts/issues";

let runtime: Runtime;
/** The demo's own 履歴 rows (its past 進捗分類 changes), before the test's edits. */
let seeded = 0;
const STAFF = "tanaka@city.example";

beforeEach(() => {
  runtime = testRuntime({ setUp: true }).runtime;
  seeded = allHistory(runtime).length;
});

/** The 履歴 rows the test's edits added. */
const historyRows = (r: Runtime) => allHistory(r).slice(seeded);

/** A user typing into cells: the value lands first, then Sheets fires the triggers. "=…" is typed as a formula. */
function typeInto(a1Row: number, column: number, values: unknown[][], oldValue?: unknown, sheetName = "課題", user = STAFF) {
  const sheet = runtime.model.getSheetByName(sheetName)!;
  const input = (v: unknown) =>
    v === "" ? { kind: "empty" as const } : typeof v === "string" && v.startsWith("=") ? { kind: "formula" as const, formula: v } : { kind: "value" as const, value: v as string };
  sheet.setCells(a1Row - 1, column, values.map((r) => r.map(input)));
  const letter = (c: number) => String.fromCharCode(65 + c);
  const a1 = `${letter(column)}${a1Row}:${letter(column + values[0].length - 1)}${a1Row + values.length - 1}`;
  const single = values.length === 1 && values[0].length === 1;
  return runtime.fireEdit({ sheet: sheetName, a1, user, value: single ? values[0][0] : undefined, oldValue: single ? oldValue : undefined });
}

const column = (header: string, sheet = "課題") => {
  const model = runtime.model.getSheetByName(sheet)!;
  return model.getValues({ row: 0, column: 0, numRows: 1, numColumns: model.getLastColumn() })[0].indexOf(header);
};

describe("onIssueEdit", () => {
  // Editor and the trigger's creator share the city's Workspace domain, so Apps Script names the editor (R-session).
  it("records a single-cell edit with its old value, route シート直接編集, the editor by name, and stamps the row", () => {
    const before = issueRows(runtime)[4];
    const [result] = typeInto(6, ISSUES.headers.indexOf("進捗メモ"), [["担当課と調整中"]], before.進捗メモ);
    expect(result.ok, result.error?.message).toBe(true);
    expect(historyRows(runtime)).toEqual([
      expect.objectContaining({ ID: before.ID, 項目: "進捗メモ", 変更前: before.進捗メモ, 変更後: "担当課と調整中", 経路: "シート直接編集", 利用者: STAFF }),
    ]);
    expect(issueRows(runtime)[4]).toMatchObject({ 進捗メモ: "担当課と調整中", 最終更新者: STAFF });
  });

  // Outside the domain, or under the strictest reading, e.user and the active user are blank: 「不明」, never a guess.
  it("records 「不明」 for an editor outside the domain and under the strictest reading, and still records the edit", () => {
    const memo = ISSUES.headers.indexOf("進捗メモ");
    const [outside] = typeInto(6, memo, [["他ドメインからの編集"]], issueRows(runtime)[4].進捗メモ, "課題", "visitor@gmail.com");
    expect(outside.ok, outside.error?.message).toBe(true);
    expect(historyRows(runtime).at(-1)).toMatchObject({ 変更後: "他ドメインからの編集", 利用者: "不明" });
    // The same workbook and triggers (初期設定 needs to know who runs it), run under the strictest reading.
    runtime = testRuntime({ workspace: { domain: "city.example", strictUsers: true }, model: runtime.model, state: runtime.state }).runtime;
    const history = historyRows(runtime).length;
    const [strict] = typeInto(6, memo, [["厳格な読み"]], issueRows(runtime)[4].進捗メモ);
    expect(strict.ok, strict.error?.message).toBe(true);
    expect(historyRows(runtime).slice(history)).toEqual([expect.objectContaining({ 変更後: "厳格な読み", 利用者: "不明" })]);
    expect(issueRows(runtime)[4]).toMatchObject({ 進捗メモ: "厳格な読み", 最終更新者: "不明" });
  });

  it("records a multi-cell paste cell by cell, stamping every row in a constant number of writes", () => {
    const rows = issueRows(runtime);
    const results = typeInto(2, 8, [["完了", "R8年4月実施"], ["実施中", "R8年6月試行"], ["完了", ""]]);
    const history = historyRows(runtime);
    expect(history.map((h) => [h.ID, h.項目, h.変更後])).toEqual([
      [rows[0].ID, "進捗分類", "完了"], [rows[0].ID, "実施時期", "R8年4月実施"],
      [rows[1].ID, "進捗分類", "実施中"], [rows[1].ID, "実施時期", "R8年6月試行"],
      [rows[2].ID, "進捗分類", "完了"], [rows[2].ID, "実施時期", ""],
    ]);
    expect(history[0].変更前).toContain("不明");
    expect(issueRows(runtime).slice(0, 3).every((r) => r.最終更新者 === STAFF)).toBe(true);
    expect(spreadsheetWrites(results[0].calls)).toBeLessThanOrEqual(2);
  });

  it("gives a new row the next ID of its fiscal year and never reuses a deleted one", () => {
    const count = issueRows(runtime).length;
    typeInto(count + 2, 1, [["R8", "窓口のキャッシュレス化"]]);
    expect(issueRows(runtime)[count]).toMatchObject({ ID: "R8-001", 課題名: "窓口のキャッシュレス化" });
    runtime.model.getSheetByName("課題")!.deleteRows(count + 1, 1);
    typeInto(count + 2, 1, [["R8", "庁内チャットの導入"]]);
    expect(issueRows(runtime)[count]).toMatchObject({ ID: "R8-002", 課題名: "庁内チャットの導入" });
  });

  it("ignores edits of columns it does not follow and of other sheets, beyond IDs", () => {
    typeInto(3, 2, [["課題名の修正"]], "旧");
    expect(historyRows(runtime)).toEqual([]);
    expect(runtime.fireEdit({ sheet: "局区", a1: "C2", user: SECRETARIAT, value: "x@city.example" }).every((r) => r.ok)).toBe(true);
    expect(historyRows(runtime)).toEqual([]);
  });
});

describe("what 履歴 keeps of direct edits (issue 12)", () => {
  it("records a formula typed into 進捗メモ as its text, not its result", () => {
    const before = issueRows(runtime)[2];
    const formula = '=HYPERLINK("https://example.com/x","資料")';
    const [result] = typeInto(4, column("進捗メモ"), [[formula]], before.進捗メモ);
    expect(result.ok, result.error?.message).toBe(true);
    expect(historyRows(runtime)).toEqual([expect.objectContaining({ ID: before.ID, 項目: "進捗メモ", 変更前: before.進捗メモ, 変更後: formula })]);
  });

  it("records ID and 年度 changes made in the sheet", () => {
    const before = issueRows(runtime)[0];
    typeInto(2, column("年度"), [["R8"]], before.年度);
    typeInto(2, column("ID"), [["R8-900"]], before.ID);
    expect(historyRows(runtime).map((h) => [h.ID, h.項目, h.変更前, h.変更後])).toEqual([
      [before.ID, "年度", before.年度, "R8"],
      ["R8-900", "ID", before.ID, "R8-900"],
    ]);
  });

  it("records a pasted block cell by cell, formulas as typed", () => {
    const rows = issueRows(runtime);
    const progress = column("進捗分類");
    typeInto(2, progress, [["完了", "=CONCAT(\"R8年\",\"4月\")"], ["実施中", "R8年6月"]]);
    expect(historyRows(runtime).map((h) => [h.ID, h.項目, h.変更後])).toEqual([
      [rows[0].ID, "進捗分類", "完了"], [rows[0].ID, "実施時期", '=CONCAT("R8年","4月")'],
      [rows[1].ID, "進捗分類", "実施中"], [rows[1].ID, "実施時期", "R8年6月"],
    ]);
  });

  it("records each deleted row of 課題 by ID and 課題名, found by the change trigger", () => {
    const rows = issueRows(runtime);
    expect(runtime.state.triggers.filter((t) => t.eventType === "ON_CHANGE").map((t) => t.handler)).toEqual(["onIssueChange"]);
    runtime.model.getSheetByName("課題")!.deleteRows(2, 2); // sheet rows 3 and 4
    const [result] = runtime.fireChange({ changeType: "REMOVE_ROW", user: STAFF });
    expect(result.ok, result.error?.message).toBe(true);
    expect(result.result).toEqual([rows[1].ID, rows[2].ID]);
    expect(historyRows(runtime).map((h) => [h.ID, h.項目, h.変更前, h.変更後, h.利用者])).toEqual([
      // The change trigger names the editor within the domain (R-session).
      [rows[1].ID, "行の削除", rows[1].課題名, "", STAFF],
      [rows[2].ID, "行の削除", rows[2].課題名, "", STAFF],
    ]);
    // Kept up to date: the next deletion reports only its own row.
    runtime.model.getSheetByName("課題")!.deleteRows(1, 1);
    expect(runtime.fireChange({ changeType: "REMOVE_ROW", user: STAFF })[0].result).toEqual([rows[0].ID]);
  });

  it("keeps every ID when 課題 has more rows than a new sheet (1,000): 初期設定 succeeds and a deletion is recorded", () => {
    const { runtime: big } = testRuntime();
    const sheet = big.model.getSheetByName("課題")!;
    const start = sheet.getLastRow();
    const extra = Array.from({ length: 1_100 }, (_, i) => [`R8-${String(101 + i).padStart(4, "0")}`, "R8", `追加の課題 ${i + 1}`].map((value) => ({ kind: "value" as const, value })));
    sheet.setCells(start, 0, extra);
    setUp(big);
    const ids = big.model.getSheetByName("課題ID")!;
    expect(ids.getLastRow()).toBe(start + extra.length); // the header and one row per issue
    sheet.deleteRows(start + 500, 1);
    const [result] = big.fireChange({ changeType: "REMOVE_ROW", user: STAFF });
    expect(result.ok, result.error?.message).toBe(true);
    expect(result.result).toEqual(["R8-0601"]); // extra[500]
  });

  it("keeps a new row's ID, so deleting that row later is recorded too", () => {
    const count = issueRows(runtime).length;
    typeInto(count + 2, 1, [["R8", "窓口のキャッシュレス化"]]);
    runtime.model.getSheetByName("課題")!.deleteRows(count + 1, 1);
    expect(runtime.fireChange({ changeType: "REMOVE_ROW", user: STAFF })[0].result).toEqual(["R8-001"]);
  });

  // The change trigger fires for ordinary edits too (G-events changeType EDIT): those must cost nothing.
  it("reads nothing and takes no lock for a change that cannot remove a row, an ordinary edit above all", () => {
    for (const changeType of ["EDIT", "FORMAT", "INSERT_ROW", "INSERT_COLUMN", "REMOVE_COLUMN", "INSERT_GRID"] as const) {
      const [result] = runtime.fireChange({ changeType, user: STAFF });
      expect(result.ok, `${changeType}: ${result.error?.message}`).toBe(true);
      expect(result.result).toEqual([]);
      // The one call counted is the runtime building the event's e.source, as Sheets hands it over: the add-on makes none.
      expect(result.calls.SpreadsheetApp, changeType).toEqual({ getActiveSpreadsheet: 1 });
      expect(result.calls.LockService, changeType).toBeUndefined();
    }
  });

  it("still records a deletion whose change Sheets reports as OTHER, and names the issue by its title as last edited", () => {
    const rows = issueRows(runtime);
    typeInto(3, column("課題名"), [["窓口のキャッシュレス化（改称）"]], rows[1].課題名);
    runtime.model.getSheetByName("課題")!.deleteRows(2, 1); // sheet row 3
    const [result] = runtime.fireChange({ changeType: "OTHER", user: STAFF });
    expect(result.result).toEqual([rows[1].ID]);
    expect(historyRows(runtime).filter((h) => h.項目 === "行の削除").map((h) => [h.ID, h.変更前])).toEqual([[rows[1].ID, "窓口のキャッシュレス化（改称）"]]);
  });

  it("records nothing for other changes, and nothing when the ID column cannot be read", () => {
    expect(runtime.fireChange({ changeType: "INSERT_ROW", user: STAFF })[0].result).toEqual([]);
    const idColumn = column("ID");
    runtime.model.getSheetByName("課題")!.setCells(0, idColumn, [[{ kind: "empty" }]]);
    runtime.model.getSheetByName("課題")!.deleteRows(1, 1);
    expect(runtime.fireChange({ changeType: "REMOVE_ROW", user: STAFF })[0].result).toEqual([]);
    expect(historyRows(runtime)).toEqual([]);
  });

  it("logs an edit of row 1 of a contract sheet and warns, naming what broke", () => {
    const [result] = typeInto(1, column("進捗分類"), [[""]], "進捗分類");
    expect(result.ok, result.error?.message).toBe(true);
    expect(historyRows(runtime)).toEqual([expect.objectContaining({ ID: "（見出し）", 項目: "見出し（課題!I1）", 変更前: "進捗分類", 変更後: "", 利用者: STAFF })]);
    expect(result.result).toContain("シート「課題」の見出し（1行目）が直接変更されました（履歴に記録しました）");
    expect(result.result).toContain("見出し「進捗分類」が見つかりません");
    const [bureau] = typeInto(1, column("代表メール", "局区"), [["代表者メール"]], "代表メール", "局区");
    expect(bureau.result).toContain("C列の「代表者メール」は「代表メール」の名前を変えたものと思われます");
    expect(historyRows(runtime).at(-1)).toMatchObject({ 項目: "見出し（局区!C1）", 変更前: "代表メール", 変更後: "代表者メール" });
  });
});
