// 初期設定 on the demo workbook and on an empty one: creates what is missing, changes no data, idempotent.
import { describe, expect, it } from "vitest";
import { answeringUi } from "../support/follow-up";
import { sheetRecords } from "../support/issues";
import { testRuntime } from "../support/runtime";

const SECRETARIAT = "henkaku@city.example";

function snapshot(runtime: ReturnType<typeof testRuntime>["runtime"], sheets: string[]) {
  return Object.fromEntries(sheets.map((name) => [name, JSON.stringify(sheetRecords(runtime, name))]));
}

describe("setupWorkbook", () => {
  it("adds 履歴 and 設定 to the demo workbook without touching its data, then changes nothing", () => {
    const { runtime } = testRuntime();
    const data = ["課題", "局区改革", "局区", "集計"];
    const before = snapshot(runtime, data);
    const first = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(first.ok, first.error?.message).toBe(true);
    const changes = first.result as string[];
    expect(changes).toEqual(expect.arrayContaining([
      "シート「履歴」を作成しました",
      expect.stringContaining("シート「設定」を作成しました"),
      "シートの直接編集を履歴に記録するトリガーを設定しました",
    ]));
    expect(snapshot(runtime, data)).toEqual(before);
    expect(runtime.readRange("設定!A2:B2")).toEqual([["事務局メール", SECRETARIAT]]);
    expect(runtime.state.triggers.filter((t) => t.handler === "onIssueEdit")).toHaveLength(1);
    expect(runtime.model.getSheetByName("課題")!.getValidation(5, 8)?.args[0]).toEqual(["完了", "実施中", "検討中"]);
    // Help for the strict 進捗分類 list: one line naming what the list accepts.
    expect(runtime.model.getSheetByName("課題")!.getValidation(5, 8)?.helpText).toBe("完了（分類1）・実施中（分類2）・検討中（分類3）から選んでください。");

    const second = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(second.result).toEqual([]);
    expect(snapshot(runtime, data)).toEqual(before);
    expect(runtime.state.triggers.filter((t) => t.handler === "onIssueEdit")).toHaveLength(1);
  });

  it("builds a whole workbook from an empty spreadsheet, 局区 prefilled in the report's order", () => {
    const { runtime } = testRuntime({ demo: false });
    runtime.model.insertSheet("シート1");
    const result = runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    expect(result.ok, result.error?.message).toBe(true);
    for (const name of ["課題", "局区改革", "局区", "履歴", "設定", "集計"]) expect(runtime.model.getSheetByName(name), name).not.toBeNull();
    const bureaus = runtime.readRange("局区!A1:B30");
    expect(bureaus[0]).toEqual(["局区名", "区分"]);
    expect(bureaus[1]).toEqual(["会計室", "局"]);
    expect(bureaus[16]).toEqual(["門司区", "区"]);
    expect(bureaus[29]).toEqual(["行政委員会", "局"]);
    expect(runtime.readRange("集計!A11:B11")).toEqual([["進捗確認課題数", 0]]);
  });

  it("adds a missing header at the right end and leaves reordered columns where staff put them", () => {
    const { runtime } = testRuntime({ demo: false });
    const sheet = runtime.model.insertSheet("課題");
    sheet.setCells(0, 0, [["進捗分類", "ID", "課題名"].map((h) => ({ kind: "value" as const, value: h })), [
      { kind: "value", value: "完了" }, { kind: "value", value: "R8-001" }, { kind: "value", value: "窓口改革" },
    ]]);
    runtime.run("setupWorkbook", [], { user: SECRETARIAT });
    const rows = runtime.readRange("課題!A1:P2");
    expect(rows[0].slice(0, 4)).toEqual(["進捗分類", "ID", "課題名", "年度"]);
    expect(rows[1].slice(0, 3)).toEqual(["完了", "R8-001", "窓口改革"]);
  });
});

describe("setupWorkbook asks before naming the secretariat", () => {
  it("asks the person at the sheet, and leaves 事務局メール blank when they say no", () => {
    const refused = testRuntime();
    const no = answeringUi("NO");
    expect(refused.runtime.run("setupWorkbook", [], { user: "kaikei@city.example", ui: no.ui }).ok).toBe(true);
    expect(no.shown[0]).toMatchObject({ title: "事務局の登録", text: expect.stringContaining("あなたのアドレス（kaikei@city.example）を登録しますか") });
    expect(refused.runtime.readRange("設定!A2:B2")).toEqual([["事務局メール", ""]]);

    const accepted = testRuntime();
    const yes = answeringUi("YES");
    accepted.runtime.run("setupWorkbook", [], { user: SECRETARIAT, ui: yes.ui });
    expect(accepted.runtime.readRange("設定!A2:B2")).toEqual([["事務局メール", SECRETARIAT]]);
    // Once 設定 exists, running it again asks nothing.
    const again = answeringUi("NO");
    accepted.runtime.run("setupWorkbook", [], { user: "kaikei@city.example", ui: again.ui });
    expect(again.shown.map((s) => s.title)).not.toContain("事務局の登録");
    expect(accepted.runtime.readRange("設定!A2:B2")).toEqual([["事務局メール", SECRETARIAT]]);
  });
});
