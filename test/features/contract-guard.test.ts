// Sheet-contract guard (issue 12): a cleared, duplicated or renamed header stops the
// entry points with a message naming the sheet, the header and the fix — no write,
// no 履歴 row — データ点検 lists it first, and 初期設定 reports a rename instead of
// appending a second column.
import { beforeEach, describe, expect, it } from "vitest";
import type { Runtime } from "../../src/local/runtime/runtime";
import { SECRETARIAT, historyRows, issueRows } from "../support/issues";
import { testRuntime } from "../support/runtime";

let runtime: Runtime;
let issue: Record<string, unknown>;
let owner: string;

beforeEach(() => {
  runtime = testRuntime({ setUp: true }).runtime;
  issue = issueRows(runtime).find((r) => r.整理区分 === "⑦" && r.進捗分類 === "検討中")!;
  owner = String(issue.担当者メール);
});

function headers(sheet = "課題"): string[] {
  const model = runtime.model.getSheetByName(sheet)!;
  return model.getValues({ row: 0, column: 0, numRows: 1, numColumns: model.getLastColumn() })[0].map(String);
}

/** Staff changing a header cell by hand (the edit trigger is not what is tested here). */
function setHeader(header: string, text: string, sheet = "課題"): void {
  const column = headers(sheet).indexOf(header);
  runtime.model.getSheetByName(sheet)!.setCells(0, column, [[text === "" ? { kind: "empty" } : { kind: "value", value: text }]]);
}

function sheetValues(name: string): unknown[][] {
  const sheet = runtime.model.getSheetByName(name)!;
  return sheet.getValues({ row: 0, column: 0, numRows: sheet.getLastRow(), numColumns: sheet.getLastColumn() });
}

function save(user: string) {
  const update = { id: issue.ID, expected: { 進捗分類: issue.進捗分類, 実施時期: issue.実施時期, 進捗メモ: issue.進捗メモ, 最終更新日: issue.最終更新日 }, changes: { 進捗分類: "実施中" } };
  return runtime.run("saveIssueUpdate", [update], { user }).result as { ok: boolean; reason?: string; message?: string };
}

describe("a cleared 進捗分類 header", () => {
  it("stops listing and saving with a message naming sheet, header and fix; nothing is written, 履歴 stays empty", () => {
    setHeader("進捗分類", "");
    const before = sheetValues("課題");
    const listed = runtime.run("getMyIssues", [], { user: owner }).result as { ok: boolean; reason: string; message: string };
    expect(listed).toMatchObject({ ok: false, reason: "contract" });
    expect(listed.message).toContain("シート「課題」の見出し「進捗分類」が見つかりません");
    expect(listed.message).toContain("1行目の見出しを「進捗分類」に戻してください");
    const saved = save(owner);
    expect(saved).toMatchObject({ ok: false, reason: "contract" });
    expect(saved.message).toContain("保存できません。何も変更していません");
    expect(sheetValues("課題")).toEqual(before);
    expect(historyRows(runtime)).toEqual([]);
  });

  it("tells the sidebar at once, so it can show a banner and disable saving", () => {
    setHeader("進捗分類", "");
    const context = runtime.run("getSidebarContext", [], { user: owner }).result as { problem: string | null };
    expect(context.problem).toContain("見出し「進捗分類」");
    setHeader("", "進捗分類"); // restored: the first empty header cell is the cleared one
    expect((runtime.run("getSidebarContext", [], { user: owner }).result as { problem: string | null }).problem).toBeNull();
  });

  it("is listed first by データ点検, at the sheet's row 1, instead of a script error", () => {
    setHeader("進捗分類", "");
    const execution = runtime.run("checkData", [], { user: SECRETARIAT });
    expect(execution.ok, execution.error?.message).toBe(true);
    const problems = execution.result as { sheet: string; a1: string; header: string; message: string }[];
    expect(problems[0]).toMatchObject({ sheet: "課題", header: "進捗分類", a1: "A1" });
    expect(problems[0].message).toContain("見出し「進捗分類」が見つかりません");
  });
});

describe("a duplicated ID header", () => {
  it("refuses to save, naming both columns; nothing is written", () => {
    setHeader("課題名", "ID");
    const before = sheetValues("課題");
    const saved = save(SECRETARIAT);
    expect(saved).toMatchObject({ ok: false, reason: "contract" });
    expect(saved.message).toMatch(/見出し「ID」が A列とC列 の2か所にあり/);
    expect(sheetValues("課題")).toEqual(before);
    expect(historyRows(runtime)).toEqual([]);
  });

  it("stops a custom function whose range has a needed header twice, with the same kind of message", () => {
    setHeader("課題名", "進捗分類");
    const addon = runtime.run("PLATINA_FOLLOWUP_COUNT", [sheetValues("課題")], { user: "" });
    expect(addon.ok).toBe(false);
    expect(addon.error?.message).toMatch(/見出し「進捗分類」が C列とI列 の2か所にあり/);
  });
});

describe("a renamed 担当者メール header", () => {
  it("refuses with the likely rename named, and 初期設定 reports it instead of appending an empty column", () => {
    setHeader("担当者メール", "担当者メールアドレス");
    const saved = save(SECRETARIAT);
    expect(saved).toMatchObject({ ok: false, reason: "contract" });
    expect(saved.message).toContain("G列の「担当者メールアドレス」は「担当者メール」の名前を変えたものと思われます");
    const columns = headers().length;
    const shown: string[] = [];
    const ui = { alert: (_title: string, text: string) => { shown.push(text); return "OK"; } };
    const setup = runtime.run("setupWorkbook", [], { user: SECRETARIAT, ui: ui as never });
    expect(setup.ok, setup.error?.message).toBe(true);
    expect(headers()).toHaveLength(columns);
    expect(headers()).not.toContain("担当者メール");
    expect(setup.result).toEqual([expect.stringContaining("「担当者メールアドレス」は「担当者メール」の名前を変えたもの")]);
    expect(shown[0]).toContain("自動では直していません");
  });
});

describe("a damaged 履歴 header", () => {
  it("stops a save before anything is written to 課題", () => {
    setHeader("変更後", "", "履歴");
    const before = sheetValues("課題");
    const history = sheetValues("履歴");
    expect(save(owner)).toMatchObject({ ok: false, reason: "contract" });
    expect(sheetValues("課題")).toEqual(before);
    // The demo's own 履歴 rows stay as they were, and no row is added.
    expect(sheetValues("履歴")).toEqual(history);
  });
});
