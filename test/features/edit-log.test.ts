// Direct edits of 課題 through the installable edit trigger: 履歴, stamps and new IDs.
import { beforeEach, describe, expect, it } from "vitest";
import type { Runtime } from "../../src/local/runtime/runtime";
import { SECRETARIAT, historyRows, issueRows, setUp, spreadsheetWrites } from "../support/issues";
import { testRuntime } from "../support/runtime";

let runtime: Runtime;
const STAFF = "tanaka@city.example";

beforeEach(() => {
  runtime = testRuntime().runtime;
  setUp(runtime);
});

/** A user typing into cells: the value lands first, then Sheets fires the triggers. */
function typeInto(a1Row: number, column: number, values: unknown[][], oldValue?: unknown) {
  const sheet = runtime.model.getSheetByName("課題")!;
  sheet.setCells(a1Row - 1, column, values.map((r) => r.map((v) => (v === "" ? { kind: "empty" as const } : { kind: "value" as const, value: v as string }))));
  const letter = (c: number) => String.fromCharCode(65 + c);
  const a1 = `${letter(column)}${a1Row}:${letter(column + values[0].length - 1)}${a1Row + values.length - 1}`;
  const single = values.length === 1 && values[0].length === 1;
  return runtime.fireEdit({ sheet: "課題", a1, user: STAFF, value: single ? values[0][0] : undefined, oldValue: single ? oldValue : undefined });
}

describe("onIssueEdit", () => {
  // The installable trigger's e.user and active user are blank (R-session): the record says 「不明」, never a guess.
  it("records a single-cell edit with its old value, route シート直接編集, and stamps the row", () => {
    const before = issueRows(runtime)[4];
    const [result] = typeInto(6, 10, [["担当課と調整中"]], before.進捗メモ);
    expect(result.ok, result.error?.message).toBe(true);
    expect(historyRows(runtime)).toEqual([
      expect.objectContaining({ ID: before.ID, 項目: "進捗メモ", 変更前: before.進捗メモ, 変更後: "担当課と調整中", 経路: "シート直接編集", 利用者: "不明" }),
    ]);
    expect(issueRows(runtime)[4]).toMatchObject({ 進捗メモ: "担当課と調整中", 最終更新者: "不明" });
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
    expect(issueRows(runtime).slice(0, 3).every((r) => r.最終更新者 === "不明")).toBe(true);
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
