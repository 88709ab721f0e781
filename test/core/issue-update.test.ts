// One issue update decided on plain values: what is refused, what is written, what 履歴 gets.
import { describe, expect, it } from "vitest";
import { EDITABLE_FIELDS, type IssueRecord } from "../../src/core/contracts/issues";
import { expectedOf } from "../../src/core/issue-fields";
import { planUpdate, validateChanges, type IssueUpdate } from "../../src/core/issue-update";
import { issueRecord } from "../support/issue-record";

const NOW = new Date("2026-11-25T09:00:00+09:00");
const USER = "jinji-ka@city.example";
/** A person 担当者 lists for the section's address, saving for it. */
const PERSON = "taro.jinji@city.example";
const ACTOR = { person: PERSON, onBehalfOf: USER, standing: "担当" } as const;
const STAMPED = "2026-10-01T00:00:00.000Z";

function issue(overrides: Partial<IssueRecord> = {}): IssueRecord {
  return issueRecord({
    ID: "R7-010", 年度: "R7", 課題名: "書かない窓口", 区分: "ユーザー", 制度所管局: "総務市民局", 所管課: "人事課",
    担当者メール: USER, 整理区分: "⑦", 進捗分類: "検討中", 実施時期: "R8年度", 進捗メモ: "調整中",
    最終更新日: STAMPED, 最終更新者: "henkaku@city.example", ...overrides,
  });
}

/** An update made from what the user saw in `seen`. */
function update(changes: IssueUpdate["changes"], seen: IssueRecord = issue()): IssueUpdate {
  return { id: seen.ID, expected: expectedOf(seen), changes };
}

describe("validateChanges", () => {
  it("accepts every wording of the three classes and text within the limits", () => {
    for (const progress of ["完了", "2", "【分類3】具体的な解決策を検討中、又は実施準備の段階", "対応済(完了)"]) {
      expect(validateChanges({ 進捗分類: progress }), progress).toEqual({});
    }
    expect(validateChanges({ 実施時期: "あ".repeat(100), 進捗メモ: "あ".repeat(2000) })).toEqual({});
    expect(validateChanges({})).toEqual({});
  });

  it("names the field, the limit and the current length of text that is too long", () => {
    expect(validateChanges({ 進捗メモ: "あ".repeat(2001), 実施時期: "x".repeat(101) })).toEqual({
      進捗メモ: "進捗メモは2000文字以内で入力してください（現在2001文字）。",
      実施時期: "実施時期は100文字以内で入力してください（現在101文字）。",
    });
  });

  it("asks for one of the three classes when 進捗分類 cannot be read or is blank", () => {
    const message = "進捗分類は「完了」「実施中」「検討中」から選んでください。";
    expect(validateChanges({ 進捗分類: "済み" })).toEqual({ 進捗分類: message });
    expect(validateChanges({ 進捗分類: "" })).toEqual({ 進捗分類: message });
    expect(validateChanges({ 進捗分類: "【分類1】検討中" })).toEqual({ 進捗分類: message });
  });

  it("counts characters as staff do: an emoji or a rare kanji (outside the BMP) is one", () => {
    expect(validateChanges({ 進捗メモ: "😀".repeat(2000), 実施時期: "𠮷".repeat(100) })).toEqual({});
    expect(validateChanges({ 進捗メモ: `${"😀".repeat(2000)}あ` })).toEqual({ 進捗メモ: "進捗メモは2000文字以内で入力してください（現在2001文字）。" });
  });

  it("refuses values that are not text (a number or null from a hand-made request)", () => {
    const changes = { 進捗メモ: 5, 実施時期: null } as unknown as IssueUpdate["changes"];
    expect(validateChanges(changes)).toEqual({ 進捗メモ: "進捗メモは文字で入力してください。", 実施時期: "実施時期は文字で入力してください。" });
  });

  it("reports the length before the class when a long 進捗分類 is given", () => {
    expect(validateChanges({ 進捗分類: "完".repeat(41) }).進捗分類).toBe("進捗分類は40文字以内で入力してください（現在41文字）。");
  });
});

describe("planUpdate: conflicts", () => {
  it("checks every editable field and the stamp as the user loaded them", () => {
    expect(Object.keys(expectedOf(issue())).sort()).toEqual([...EDITABLE_FIELDS, "最終更新日"].sort());
    for (const field of EDITABLE_FIELDS) {
      const plan = planUpdate(issue({ [field]: "ほかの方の値" }), update({}), ACTOR, NOW, "サイドバー");
      expect(plan, field).toEqual({ ok: false, reason: "conflict", fields: [field] });
    }
  });

  it("lists each field someone else changed since the user loaded the issue, and writes nothing", () => {
    const seen = issue();
    const now = issue({ 進捗メモ: "別の方の入力", 最終更新日: "2026-11-20T00:00:00.000Z" });
    expect(planUpdate(now, update({ 進捗メモ: "私の入力" }, seen), ACTOR, NOW, "サイドバー")).toEqual({
      ok: false, reason: "conflict", fields: ["進捗メモ", "最終更新日"],
    });
  });

  it("checks only the fields the user saw: a change elsewhere is no conflict", () => {
    const plan = planUpdate(issue({ 実施時期: "R9年度" }), { id: "R7-010", expected: { 進捗メモ: "調整中" }, changes: { 進捗メモ: "合意" } }, ACTOR, NOW, "サイドバー");
    expect(plan.ok).toBe(true);
  });

  it("compares as staff see values: full-width and surrounding spaces are no conflict", () => {
    const plan = planUpdate(issue({ 実施時期: "Ｒ８年度　" }), update({ 進捗メモ: "合意" }), ACTOR, NOW, "サイドバー");
    expect(plan.ok).toBe(true);
  });

  it("treats a missing expected value as blank", () => {
    const plan = planUpdate(issue(), { id: "R7-010", expected: { 進捗メモ: undefined }, changes: { 進捗メモ: "x" } }, ACTOR, NOW, "サイドバー");
    expect(plan).toEqual({ ok: false, reason: "conflict", fields: ["進捗メモ"] });
  });
});

describe("planUpdate: what is written", () => {
  it("stores 進捗分類 in its short form, trims text, stamps date and the person (not the section), one 履歴 row per changed field naming both", () => {
    const plan = planUpdate(issue(), update({ 進捗分類: "【分類2】具体的な解決策を一部実施、又は試行の段階", 実施時期: "  R8年10月試行 ", 進捗メモ: "調整中" }), ACTOR, NOW, "メール回答");
    expect(plan).toEqual({
      ok: true,
      values: { 進捗分類: "実施中", 実施時期: "R8年10月試行", 最終更新日: NOW, 最終更新者: PERSON },
      history: [
        { 日時: NOW, 利用者: PERSON, ID: "R7-010", 項目: "進捗分類", 変更前: "検討中", 変更後: "実施中", 経路: "メール回答", 担当アドレス: USER, 立場: "担当" },
        { 日時: NOW, 利用者: PERSON, ID: "R7-010", 項目: "実施時期", 変更前: "R8年度", 変更後: "R8年10月試行", 経路: "メール回答", 担当アドレス: USER, 立場: "担当" },
      ],
    });
  });

  it("writes nothing and stamps nothing when every value is as it was (another wording of the same class too)", () => {
    const plan = planUpdate(issue(), update({ 進捗分類: "分類3", 実施時期: "R8年度 ", 進捗メモ: "調整中" }), ACTOR, NOW, "サイドバー");
    expect(plan).toEqual({ ok: true, values: {}, history: [] });
  });

  it("keeps text that looks like a formula or a number exactly as typed", () => {
    const plan = planUpdate(issue(), update({ 進捗メモ: '=IMPORTXML("http://x","//a")', 実施時期: "001" }), ACTOR, NOW, "サイドバー");
    if (!plan.ok) throw new Error("expected a plan");
    expect(plan.values).toMatchObject({ 進捗メモ: '=IMPORTXML("http://x","//a")', 実施時期: "001" });
    expect(plan.history.map((h) => h.変更後)).toEqual(["001", '=IMPORTXML("http://x","//a")']);
  });

  it("records clearing a field, with the old value in 変更前", () => {
    const plan = planUpdate(issue(), update({ 進捗メモ: "" }), ACTOR, NOW, "シート直接編集");
    if (!plan.ok) throw new Error("expected a plan");
    expect(plan.values.進捗メモ).toBe("");
    expect(plan.history).toEqual([{ 日時: NOW, 利用者: PERSON, ID: "R7-010", 項目: "進捗メモ", 変更前: "調整中", 変更後: "", 経路: "シート直接編集", 担当アドレス: USER, 立場: "担当" }]);
  });
});
