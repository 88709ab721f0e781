// Sheet contracts: records by header whatever the column order or width of the
// characters, rows back under any header row, the field rules, generated sheet names.
import { describe, expect, it } from "vitest";
import { ANSWER_LOG } from "../../src/core/contracts/answer-log";
import { PROGRESS_CLASSES, PROGRESS_WORDING } from "../../src/core/contracts/classes";
import { defineContract } from "../../src/core/contracts/contract";
import { EDITABLE_FIELDS, INPUTS, ISSUES, LOGGED_FIELDS } from "../../src/core/contracts/issues";
import { HISTORY } from "../../src/core/contracts/history";
import { REPORT, previousReportDay } from "../../src/core/contracts/report";
import { SUMMARY } from "../../src/core/contracts/summary";
import { parseFiscalYear } from "../../src/core/base/fiscal-year";

describe("a sheet contract", () => {
  it("reads records by header, NFKC-tolerant, in any column order, blank rows skipped and missing columns blank", () => {
    const table = ISSUES.fromRows([
      [" 進捗分類 ", "ＩＤ", "メモ欄", "年度"],
      ["実施中", "R7-001", "ignored", "R7"],
      ["", "　", null, ""],
      ["完了", "R7-002", "", new Date("2025-05-01T00:00:00Z")],
    ]);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(table.rows[0].record).toMatchObject({ ID: "R7-001", 進捗分類: "実施中", 年度: "R7", 課題名: "" });
    expect(table.rows[1].record.年度).toBe("2025-05-01T00:00:00.000Z");
    expect(table.indexOf("年度")).toBe(3);
    expect(table.indexOf("課題名")).toBeUndefined();
  });

  it("names the sheet and the headers it found when a required one is missing", () => {
    expect(() => ISSUES.fromRows([["課題名"], ["x"]])).toThrow("課題: 見出し「ID」が見つかりません。範囲の1行目に見出し行を含めて指定してください（見つかった見出し: 課題名）。");
  });

  it("names sheet, row, column and value of a cell a field cannot read", () => {
    const table = ISSUES.fromRows([["ID", "年度"], ["R7-001", "R7"], ["R7-002", "来年"]]);
    const year = ISSUES.column(table, "年度", parseFiscalYear, "「R7」のように入力してください。");
    expect(year(table.rows[0])).toBe(7);
    expect(() => year(table.rows[1])).toThrow("課題 3行目: 年度「来年」を解釈できません。「R7」のように入力してください。");
  });

  it("lays a record out under the sheet's header row, other columns blank", () => {
    const entry = { 日時: new Date(0), 利用者: "a@city.example", ID: "R7-001", 項目: "進捗メモ", 変更前: "", 変更後: "x", 経路: "サイドバー" };
    expect(HISTORY.toRow(entry)).toEqual([entry.日時, "a@city.example", "R7-001", "進捗メモ", "", "x", "サイドバー", "", ""]);
    expect(HISTORY.toRow(entry, ["経路", "備考", "ＩＤ"])).toEqual(["サイドバー", "", "R7-001"]);
  });

  it("keeps 履歴's 変更前 as the cell holds it, so a past date stays a date", () => {
    const when = new Date("2026-04-01T00:00:00Z");
    const [row] = HISTORY.fromRows([[...HISTORY.headers], [when, "u", "R7-001", "実施時期", when, "R8", "サイドバー"]]).rows;
    expect(row.record.変更前).toBe(when);
    expect(row.record.利用者).toBe("u");
  });

  it("states the 課題 field rules: what staff edit, what 履歴 records, their limits (a column added later joins them)", () => {
    expect(EDITABLE_FIELDS).toEqual(expect.arrayContaining(["進捗分類", "実施時期", "進捗メモ"]));
    expect(LOGGED_FIELDS).toEqual(expect.arrayContaining(["ID", "年度", "担当者メール", "整理区分", ...EDITABLE_FIELDS]));
    const described = (field: string) => INPUTS.find((i) => i.field === field);
    expect(described("進捗分類")).toMatchObject({ label: "進捗分類", kind: "choice", maxLength: 40 });
    expect(described("実施時期")).toMatchObject({ label: "実施時期", kind: "text", maxLength: 100 });
    expect(described("進捗メモ")).toMatchObject({ label: "進捗メモ", kind: "text", maxLength: 2000 });
    expect(INPUTS.map((i) => i.field)).toEqual(EDITABLE_FIELDS);
  });

  it("describes each editable field once: 進捗分類 offers the three classes with their wording, and is the one asked every cycle", () => {
    const progress = INPUTS.find((i) => i.field === "進捗分類");
    expect(progress?.choices).toEqual(PROGRESS_CLASSES.map((value) => expect.objectContaining({ value, help: PROGRESS_WORDING[value] })));
    expect(INPUTS.filter((i) => i.asked).map((i) => i.field)).toEqual(["進捗分類"]);
    // Slugs name the forms' elements and posted fields: each must be unique and plain ASCII.
    const slugs = INPUTS.map((i) => i.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.every((slug) => /^[a-z][a-z0-9-]*$/.test(slug))).toBe(true);
  });

  it("keeps in 回答記録, after 回答, each editable field but the asked one, in 課題's order", () => {
    expect(ANSWER_LOG.headers).toEqual(["日時", "サイクル", "回答者", "担当アドレス", "立場", "ID", "回答", ...EDITABLE_FIELDS.filter((f) => f !== "進捗分類")]);
    expect(ANSWER_LOG.headers).toEqual(expect.arrayContaining(["実施時期", "進捗メモ"]));
  });

  it("reads a date input's cell as its Tokyo day, and text as it is", () => {
    const sheet = defineContract({ name: "例", fields: { ID: {}, 次回: { editable: { label: "次回", slug: "next", kind: "date" } } }, required: ["ID"] });
    const rows = sheet.fromRows([["ID", "次回"], ["a", new Date("2026-04-30T15:00:00Z")], ["b", "未定"], ["c", ""]]).rows;
    expect(rows.map((r) => r.record.次回)).toEqual(["2026-05-01", "未定", ""]);
  });
});

describe("generated sheets", () => {
  it("names a report by its Tokyo day and finds the latest earlier one", () => {
    expect(REPORT.nameFor(new Date("2026-05-25T15:00:00Z"))).toBe("報告_2026-05-26");
    expect(REPORT.dayOf("報告_2026-05-26")).toBe("2026-05-26");
    expect(REPORT.dayOf("報告_メモ")).toBeNull();
    const names = ["課題", "報告_2026-04-30", "報告_2026-05-26", "報告_2026-03-01", "報告_x"];
    expect(previousReportDay(names, new Date("2026-05-26T03:00:00Z"))).toBe("2026-04-30");
  });

  it("places 集計's formulas over the contracts' sheet names", () => {
    const formulas = SUMMARY.layout("R7").filter((c) => c.value.startsWith("="));
    expect(formulas.map((c) => c.value)).toContain("=PLATINA_BUREAU_TABLE(局区改革!A:Z, 局区!A:Z, $B$2)");
    expect(formulas.every((c) => c.value.includes("!A:Z"))).toBe(true);
  });
});
