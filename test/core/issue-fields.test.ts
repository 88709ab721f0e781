// Each editable field's rules read from its description: what a form accepts,
// how values compare and how a save stores them — for every kind a field can be.
import { describe, expect, it } from "vitest";
import { INPUTS, type FieldInput } from "../../src/core/contracts/issues";
import { charCount, counterText } from "../../src/core/base/text";
import { askedInput, canonical, dateInputType, displayText, fieldError, keptInputs, labelList, sameInput, storedValueOf } from "../../src/core/issue-fields";

const input = (field: string) => INPUTS.find((i) => i.field === field) as FieldInput;
const progress = input("進捗分類");
const memo = input("進捗メモ");
// Kinds no 課題 column has yet, described as a new column would be.
const nextDay = { field: "次回予定日", label: "次回予定日", slug: "next-date", kind: "date" } as unknown as FieldInput;
const count = { field: "件数", label: "件数", slug: "count", kind: "number" } as unknown as FieldInput;
const size = { field: "規模", label: "規模", slug: "size", kind: "choice", choices: [{ value: "大" }, { value: "小" }] } as unknown as FieldInput;

describe("a choice", () => {
  it("reads any wording 進捗分類 accepts as its class, and refuses blank or other text naming the choices", () => {
    expect(canonical(progress, "【分類2】具体的な解決策を一部実施、又は試行の段階")).toBe("実施中");
    expect(sameInput(progress, "2", "実施中")).toBe(true);
    expect(sameInput(progress, "完了", "実施中")).toBe(false);
    expect(fieldError(progress, "済み")).toBe("進捗分類は「完了」「実施中」「検討中」から選んでください。");
    expect(fieldError(progress, "")).toBe("進捗分類は「完了」「実施中」「検討中」から選んでください。");
  });

  it("without a parser of its own, accepts exactly its values (NFKC)", () => {
    expect(canonical(size, " 大 ")).toBe("大");
    expect(fieldError(size, "中")).toBe("規模は「大」「小」から選んでください。");
    expect(displayText(size, "")).toBe("未設定");
  });
});

describe("a date", () => {
  it("accepts a day as a date input or staff type it, stores a date and logs the day", () => {
    expect(canonical(nextDay, "2026/5/1")).toBe("2026-05-01");
    expect(storedValueOf(nextDay, "2026-05-01")).toEqual(new Date("2026-04-30T15:00:00.000Z"));
    expect(canonical(nextDay, "")).toBe("");
    expect(storedValueOf(nextDay, "")).toBe("");
    expect(sameInput(nextDay, "2026-05-01", "2026/05/01")).toBe(true);
    expect(displayText(nextDay, "2026-05-01")).toBe("令和8年5月1日");
  });

  it("keeps a cell's text that is no day in a text box, so a date input never shows it blank and sends it back cleared", () => {
    expect(dateInputType("2026-05-01")).toBe("date");
    expect(dateInputType("")).toBe("date");
    expect(dateInputType("6月中旬")).toBe("text");
  });

  it("refuses what is not a day, saying how to write one", () => {
    expect(fieldError(nextDay, "来月")).toBe("次回予定日は日付で入力してください（例: 2026-05-01）。");
    expect(fieldError(nextDay, "2026-02-30")).toBe("次回予定日は日付で入力してください（例: 2026-05-01）。");
  });
});

describe("a number", () => {
  it("accepts digits (full-width and commas too), stores a number, refuses other text", () => {
    expect(canonical(count, "１,２００")).toBe("1200");
    expect(storedValueOf(count, "1200")).toBe(1200);
    expect(canonical(count, " ")).toBe("");
    expect(fieldError(count, "多数")).toBe("件数は数字で入力してください（例: 12）。");
  });
});

describe("text", () => {
  it("trims, compares NFKC, and counts characters as code points", () => {
    expect(canonical(memo, "  調整中 ")).toBe("調整中");
    expect(sameInput(memo, "Ｒ８", "R8 ")).toBe(true);
    expect(charCount("👍🏻 済")).toBe(4); // a skin-tone emoji is two code points: the forms and the server count alike
    expect(charCount("😀𠮷")).toBe(2);
    expect(counterText("😀".repeat(3), 2000)).toBe("3 / 2000文字");
    expect(counterText("😀".repeat(2001), 2000)).toBe("2001 / 2000文字（1文字超過）");
    expect(fieldError(memo, "😀".repeat(2000))).toBeNull();
    expect(displayText(memo, " ")).toBe("—");
  });
});

describe("the follow-up's fields", () => {
  it("asks 進捗分類 every cycle and keeps the others, listed as a sentence names them", () => {
    expect(askedInput().field).toBe("進捗分類");
    expect(keptInputs().map((i) => i.field)).toEqual(INPUTS.filter((i) => i.field !== "進捗分類").map((i) => i.field));
    expect(labelList([input("実施時期"), memo])).toBe("実施時期と進捗メモ");
    expect(labelList([input("実施時期"), nextDay, memo])).toBe("実施時期・次回予定日と進捗メモ");
  });
});
