// The X会議 pack's 具体例: three per class, changed issues first, the secretariat's swaps kept.
import { describe, expect, it } from "vitest";
import { exampleText, selectExamples, type StoredExample } from "../../src/core/meeting-pack/examples";
import { chooseMeeting } from "../../src/core/meeting-pack/pack";
import { seedMeetings } from "../../src/core/pt/meetings";
import type { ListedIssue } from "../../src/core/progress-report";

const issue = (id: string, progress: ListedIssue["progress"], timing = ""): ListedIssue => ({ id, year: id.slice(0, 2), title: `課題${id}`, timing, progress });

const ISSUES: ListedIssue[] = [
  issue("R6-001", "完了", "R8年4月本格実施"),
  issue("R6-002", "完了"),
  issue("R6-003", "完了"),
  issue("R7-001", "完了"),
  issue("R7-002", "完了"),
  issue("R6-004", "実施中"),
  issue("R7-003", "実施中"),
  issue("R7-004", "検討中"),
];

const ids = (selection: ReturnType<typeof selectExamples>, cls: "完了" | "実施中" | "検討中") => selection.byClass[cls].map((e) => e.issue.id);

describe("selectExamples", () => {
  it("takes the issues whose class changed since the previous X会議 first, in sheet order, and stores the choice", () => {
    const selection = selectExamples({ issues: ISSUES, changed: new Set(["R7-002", "R6-003", "R7-001", "R6-002", "R7-004"]), stored: [] });
    expect(ids(selection, "完了")).toEqual(["R6-002", "R6-003", "R7-001"]);
    expect(selection.byClass.完了.every((e) => e.changed && !e.stored)).toBe(true);
    expect(selection.toStore.filter((r) => r.進捗分類 === "完了")).toEqual([
      { 進捗分類: "完了", 順: 1, ID: "R6-002", 課題名: "課題R6-002" },
      { 進捗分類: "完了", 順: 2, ID: "R6-003", 課題名: "課題R6-003" },
      { 進捗分類: "完了", 順: 3, ID: "R7-001", 課題名: "課題R7-001" },
    ]);
  });

  it("fills from the class's other issues when fewer changed, and says so", () => {
    const selection = selectExamples({ issues: ISSUES, changed: new Set(["R7-003"]), stored: [] });
    expect(ids(selection, "実施中")).toEqual(["R7-003", "R6-004"]);
    expect(ids(selection, "検討中")).toEqual(["R7-004"]);
    expect(selection.notes).toContain("「実施中」で前回のX会議から分類が変わった課題は1件のため、具体例の残り1件は同じ分類の課題から選びました。");
  });

  it("keeps the secretariat's swap, and gives the other slots the default without repeating it", () => {
    const stored: StoredExample[] = [{ rowNumber: 2, progress: "完了", slot: 1, id: "R6-001" }];
    const selection = selectExamples({ issues: ISSUES, changed: new Set(["R6-002", "R6-003", "R7-001"]), stored });
    expect(ids(selection, "完了")).toEqual(["R6-001", "R6-002", "R6-003"]);
    expect(selection.byClass.完了[0]).toMatchObject({ stored: true, changed: false });
    // Only the empty slots are written; the swapped row stays as typed.
    expect(selection.toStore.filter((r) => r.進捗分類 === "完了").map((r) => r.順)).toEqual([2, 3]);
  });

  it("refuses a swap to an issue of another class or no issue at all, names the row, and leaves the row alone", () => {
    const stored: StoredExample[] = [
      { rowNumber: 3, progress: "完了", slot: 2, id: "R7-004" },
      { rowNumber: 4, progress: "実施中", slot: 1, id: "R9-999" },
    ];
    const selection = selectExamples({ issues: ISSUES, changed: new Set(), stored });
    expect(ids(selection, "完了")).toEqual(["R6-001", "R6-002", "R6-003"]);
    expect(selection.notes).toContain(
      "シート「X会議具体例」3行目: ID「R7-004」は基準日の時点で「完了」ではない（検討中）ため、完了の2番目には「R6-002」を載せました。ID を直すと差し替わります。",
    );
    expect(selection.notes.some((n) => n.startsWith("シート「X会議具体例」4行目: ID「R9-999」は課題シートの継続検討課題にないため"))).toBe(true);
    expect(selection.toStore.some((r) => (r.進捗分類 === "完了" && r.順 === 2) || (r.進捗分類 === "実施中" && r.順 === 1))).toBe(false);
  });

  it("writes an example as the seed does", () => {
    expect(exampleText(ISSUES[0])).toBe("（R6課題）課題R6-001【R8年4月本格実施】");
    expect(exampleText(ISSUES[1])).toBe("（R6課題）課題R6-002");
  });
});

describe("chooseMeeting", () => {
  const meetings = [...seedMeetings(8), ...seedMeetings(9)];

  it("defaults to the next X会議 from today on, or the latest when all are past", () => {
    expect(chooseMeeting(meetings, undefined, "2026-06-01").日付).toBe("2026-08-26");
    expect(chooseMeeting(meetings, "", "2026-08-26").日付).toBe("2026-08-26");
    expect(chooseMeeting(seedMeetings(8), undefined, "2026-12-07").日付).toBe("2026-11-25");
  });

  it("finds a meeting by its day, or by a name only one meeting has; otherwise says what to type", () => {
    expect(chooseMeeting(meetings, "2027/5/26", "2026-06-01").名称).toBe("第1回X会議");
    expect(() => chooseMeeting(meetings, "第2回X会議", "2026-06-01")).toThrow("「第2回X会議」のX会議が2件あります。日付（例: 2026-08-26）で指定してください。");
    expect(() => chooseMeeting(meetings, "2026-09-01", "2026-06-01")).toThrow("X会議「2026-09-01」は会議シートにありません。");
    expect(() => chooseMeeting([], undefined, "2026-06-01")).toThrow("会議シートにX会議がありません。");
  });
});
