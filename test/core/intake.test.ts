// Intake of new issues on plain values: which rows are 未整理, and deciding one sorting.
import { describe, expect, it } from "vitest";
import { checkIssues } from "../../src/core/data-check";
import { planSorting, unsortedRows, type SortingRequest } from "../../src/core/intake";
import type { IssueRecord } from "../../src/core/contracts/issues";
import type { Actor } from "../../src/core/contracts/history";
import { normalizeText } from "../../src/core/base/text";
import { issueRecord } from "../support/issue-record";

const NOW = new Date("2026-06-01T01:00:00Z");
const SECRETARIAT = "henkaku@city.example";
const AS_SECRETARIAT: Actor = { person: SECRETARIAT, onBehalfOf: "", standing: "推進室" };

describe("unsortedRows", () => {
  it("lists rows whose 整理区分 is blank, pointing at that cell; 継続, ①–⑦ and unreadable values are not 未整理", () => {
    const values = [
      ["課題名", "ID", "整理区分", "年度"],
      ["継続の課題", "R6-001", "継続", "R6"],
      ["新しい課題⑦", " R8-001 ", "", "R8"],
      ["読めない", "R7-001", "⑨", "R7"],
      ["", "", "", ""],
      ["もう一つ", "R8-002", " ", "R8"],
    ];
    expect(unsortedRows(values)).toEqual([
      { sheet: "課題", row: 3, column: 3, a1: "C3", id: "R8-001", year: "R8", title: "新しい課題⑦" },
      { sheet: "課題", row: 6, column: 3, a1: "C6", id: "R8-002", year: "R8", title: "もう一つ" },
    ]);
  });
});

describe("planSorting", () => {
  const issues: IssueRecord[] = [
    issueRecord({ ID: "R8-001", 課題名: "新しい課題", 整理区分: "", 最終更新日: "2026-05-01T00:00:00.000Z" }),
    issueRecord({ ID: "R7-032", 課題名: "窓口サービスのアップデート", 整理区分: "⑦" }),
    issueRecord({ ID: "R7-001", 課題名: "統合された課題", 整理区分: "②", 統合先ID: "R7-032" }),
    issueRecord({ ID: "R7-009", 課題名: "統合先のない②", 整理区分: "②" }),
  ];
  // As the write path finds rows: by ID as staff see it (NFKC).
  const find = (id: string) => issues.find((i) => normalizeText(i.ID) === normalizeText(id));
  const request = (sorting: string, target = "", expected: Partial<SortingRequest["expected"]> = {}): SortingRequest => ({
    id: "R8-001", 整理区分: sorting, 統合先ID: target, expected: { 整理区分: "", 統合先ID: "", 最終更新日: "2026-05-01T00:00:00.000Z", ...expected },
  });
  const plan = (req: SortingRequest) => planSorting(issues[0], req, find, AS_SECRETARIAT, NOW, "サイドバー");

  it("sorts to ⑦: writes 整理区分, stamps, and records one 履歴 row", () => {
    expect(plan(request("７"))).toEqual({
      ok: true,
      values: { 整理区分: "⑦", 最終更新日: NOW, 最終更新者: SECRETARIAT },
      history: [{ 日時: NOW, 利用者: SECRETARIAT, ID: "R8-001", 項目: "整理区分", 変更前: "", 変更後: "⑦", 経路: "サイドバー", 担当アドレス: "", 立場: "推進室" }],
    });
    expect(plan(request("継続"))).toMatchObject({ ok: true, values: { 整理区分: "継続" } });
  });

  it("merges into an existing issue (②) with its ID as the sheet spells it, and records 統合先ID too", () => {
    const result = plan(request("②", "Ｒ７－０３２"));
    expect(result).toMatchObject({ ok: true, values: { 整理区分: "②", 統合先ID: "R7-032" } });
    expect(result.ok && result.history.map((h) => [h.項目, h.変更前, h.変更後])).toEqual([["整理区分", "", "②"], ["統合先ID", "", "R7-032"]]);
    expect(plan(request("③", "R7-032"))).toMatchObject({ ok: true, values: { 整理区分: "③", 統合先ID: "R7-032" } });
  });

  it("refuses a target that does not exist, is merged itself, or is the issue itself — naming what to do", () => {
    expect(plan(request("②", "R9-999"))).toEqual({ ok: false, reason: "invalid", field: "統合先ID", message: "統合先ID「R9-999」の課題は課題シートにありません。ID を確認してください。" });
    expect(plan(request("②", "R7-001"))).toEqual({
      ok: false, reason: "invalid", field: "統合先ID",
      message: "課題「R7-001」（統合された課題）は、それ自体がほかの課題に統合されています（整理区分②）。その統合先の課題「R7-032」を指定してください。",
    });
    expect(plan(request("③", "R7-009"))).toMatchObject({ ok: false, field: "統合先ID", message: expect.stringContaining("統合されていない課題を指定してください") });
    expect(plan(request("②", "R8-001"))).toMatchObject({ ok: false, field: "統合先ID", message: expect.stringContaining("この課題自身（R8-001）は指定できません") });
  });

  it("asks for a target for ② and ③ only, and for a readable 整理区分", () => {
    expect(plan(request("②"))).toMatchObject({ ok: false, field: "統合先ID", message: "②（課題の統合を行う）では、統合先の課題の ID を入力してください。" });
    expect(plan(request("③", " "))).toMatchObject({ ok: false, field: "統合先ID", message: expect.stringContaining("解決策を実行している別課題の ID") });
    expect(plan(request("⑦", "R7-032"))).toMatchObject({ ok: false, field: "統合先ID", message: expect.stringContaining("②と③のときだけ") });
    expect(plan(request(""))).toMatchObject({ ok: false, field: "整理区分", message: "整理区分を選んでください。" });
    expect(plan(request("⑧"))).toMatchObject({ ok: false, field: "整理区分", message: expect.stringContaining("「8」は選べません") });
  });

  it("refuses when someone changed the issue after the list was loaded", () => {
    expect(plan(request("⑦", "", { 整理区分: "⑥" }))).toEqual({ ok: false, reason: "conflict", fields: ["整理区分"] });
    expect(plan(request("⑦", "", { 最終更新日: "2026-04-01T00:00:00.000Z" }))).toEqual({ ok: false, reason: "conflict", fields: ["最終更新日"] });
  });

  it("changes nothing and records nothing when the issue already has that sorting", () => {
    const sorted = issueRecord({ ID: "R8-001", 整理区分: "⑦" });
    expect(planSorting(sorted, { ...request("⑦"), expected: { 整理区分: "⑦", 統合先ID: "", 最終更新日: "" } }, find, AS_SECRETARIAT, NOW, "サイドバー"))
      .toEqual({ ok: true, values: {}, history: [] });
  });
});

describe("データ点検 of 統合先ID typed in the sheet", () => {
  it("names a target that is missing, merged itself, the issue itself, or on an issue that is not ② or ③", () => {
    const values = [
      ["ID", "年度", "整理区分", "進捗分類", "統合先ID"],
      ["R7-032", "R7", "⑦", "完了", ""],
      ["R7-001", "R7", "②", "", "R7-032"],
      ["R7-002", "R7", "②", "", "R7-999"],
      ["R7-003", "R7", "③", "", "R7-001"],
      ["R7-004", "R7", "③", "", "R7-004"],
      ["R7-005", "R7", "⑦", "完了", "R7-032"],
      ["R7-006", "R7", "②", "", ""],
    ];
    expect(checkIssues(values, null).map((p) => [p.row, p.header, p.value, p.message])).toEqual([
      [4, "統合先ID", "R7-999", "統合先ID「R7-999」の課題は課題シートにありません。ID を確認してください。"],
      [5, "統合先ID", "R7-001", "統合先ID「R7-001」の課題は、それ自体がほかの課題に統合されています（整理区分②）。その統合先の課題の ID にしてください。"],
      [6, "統合先ID", "R7-004", "統合先IDにこの課題自身の ID は入力できません。統合先・解決策を実行している別課題の ID にしてください。"],
      [7, "統合先ID", "R7-032", "統合先IDは整理区分②・③の課題だけに入力します。整理区分を確かめるか、統合先IDを空欄にしてください。"],
    ]);
  });
});
