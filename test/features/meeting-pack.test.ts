// X会議資料を作成 on the demo workbook: the seed's numbers as of the meeting, 具体例
// from the issues whose class changed since the previous X会議 (kept, swappable),
// the printable page, and the file — an .xlsx that reopens in the runtime with the same numbers.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openWorkbook } from "../../src/local/runtime/open";
import type { Runtime } from "../../src/local/runtime/runtime";
import { BUILD_DIR } from "../support/gas-bundle";
import { SECRETARIAT, issueRows, sheetRecords, spreadsheetReads, spreadsheetWrites } from "../support/issues";
import { tempDir, testRuntime } from "../support/runtime";
import { SEED_BUREAUS_R7, SEED_DIRECTION_R7, SEED_FOLLOW_UP, SEED_STATUS } from "../support/seed";

type Cell = string | number;
interface Pack {
  ok: boolean;
  message: string;
  meeting: { name: string; day: string };
  previous: { name: string; day: string; asOf: string } | null;
  asOf: string;
  yearEnds: { year: number; total: number; carried: number; counts: Record<string, number> }[];
  resorting: { initial: number; groups: { directions: string; count: number }[]; followed: number };
  status: Cell[][];
  followUp: number;
  bureaus: Cell[][];
  directions: Cell[][];
  examples: Record<"完了" | "実施中" | "検討中", { slot: number; id: string; text: string; changed: boolean }[]>;
  goodPractices: { bureau: string; name: string }[];
  notes: string[];
  storedExamples: number;
  file: { name: string; id: string; url: string } | null;
}

function dialogUi() {
  const dialogs: { title: string; html: string; modal: boolean }[] = [];
  return {
    dialogs,
    alert: () => "OK" as const,
    prompt: () => ({ button: "OK" as const, text: "" }),
    showSidebar: () => undefined,
    toast: () => undefined,
    addMenu: () => undefined,
    showDialog: (html: string, title: string, _w: number, _h: number, modal: boolean) => void dialogs.push({ title, html, modal }),
  };
}

function pack(runtime: Runtime, options?: unknown, ui: ReturnType<typeof dialogUi> | null = null): Pack {
  const execution = runtime.run("createMeetingPack", options === undefined ? [] : [options], { user: SECRETARIAT, ui });
  if (!execution.ok) throw new Error(execution.error?.message);
  return execution.result as Pack;
}

/** The demo on a day before the 第2回X会議 (2026-08-26), set up as after 初期設定. */
function demo(now = "2026-08-20T10:00:00+09:00", options: Parameters<typeof testRuntime>[0] = {}) {
  const test = testRuntime({ now, ...options, setUp: true });
  return test;
}

/** A tracked R7 issue (⑦) of a class, by the demo's sheet order. */
function r7Issue(runtime: Runtime, progress: string, nth = 0): string {
  return String(issueRows(runtime).filter((r) => r.年度 === "R7" && r.整理区分 === "⑦" && r.進捗分類 === progress)[nth].ID);
}

function move(runtime: Runtime, id: string, to: string): void {
  const saved = runtime.run("saveIssueUpdate", [{ id, expected: {}, changes: { 進捗分類: to } }], { user: SECRETARIAT });
  expect((saved.result as { ok: boolean }).ok, JSON.stringify(saved.result ?? saved.error)).toBe(true);
}

/** The rows under a caption in sheet cells, up to the next blank row. */
function tableAfter(cells: unknown[][], caption: string): unknown[][] {
  const start = cells.findIndex((row) => row[0] === caption);
  expect(start, caption).toBeGreaterThanOrEqual(0);
  const end = cells.findIndex((row, i) => i > start && row[0] === "");
  return cells.slice(start + 1, end);
}

const trimRow = (row: unknown[], width: number) => row.slice(0, width);

describe("createMeetingPack", () => {
  it("builds the next X会議's material as of today, with the seed's tables", () => {
    const { runtime } = demo();
    const result = pack(runtime, {});
    expect(result.meeting).toEqual({ name: "第2回X会議", day: "2026-08-26" });
    expect(result.previous).toEqual({ name: "第1回X会議", day: "2026-05-26", asOf: "2026-05-26" });
    // The meeting is still ahead: the numbers are as of today.
    expect(result.asOf).toBe("2026-08-20");
    // The seed's headlines: R6 47 (14/14/19), R7 77 (43/11/23); R7's groups 0/3/9/63, 44 followed.
    expect(result.yearEnds.map((e) => [e.year, e.total, e.counts.完了, e.counts.実施中, e.counts.検討中])).toEqual([[6, 47, 14, 14, 19], [7, 77, 43, 11, 23]]);
    expect(result.resorting.groups.map((g) => g.count)).toEqual([0, 3, 9, 63]);
    expect(result.resorting.followed).toBe(44);
    expect(result.status).toEqual(SEED_STATUS);
    expect(result.followUp).toBe(SEED_FOLLOW_UP);
    expect(result.directions).toEqual(SEED_DIRECTION_R7);
    expect(result.bureaus.slice(1, -1)).toEqual(SEED_BUREAUS_R7);
    expect(result.goodPractices.length).toBeGreaterThan(0);
    for (const cls of ["完了", "実施中", "検討中"] as const) expect(result.examples[cls]).toHaveLength(3);
  });

  it("takes 具体例 first from the issues whose class changed since the previous X会議, and keeps the choice", () => {
    const { runtime, clock } = demo("2026-07-01T10:00:00+09:00");
    const done = r7Issue(runtime, "検討中", 5);
    const trying = r7Issue(runtime, "検討中", 6);
    move(runtime, done, "完了");
    move(runtime, trying, "実施中");
    clock.set(Date.parse("2026-08-20T10:00:00+09:00"));
    const result = pack(runtime, { meeting: "2026-08-26" });
    expect(result.examples.完了[0]).toMatchObject({ id: done, changed: true, slot: 1 });
    expect(result.examples.実施中[0]).toMatchObject({ id: trying, changed: true });
    expect(result.examples.完了.slice(1).every((e) => !e.changed)).toBe(true);
    expect(result.notes).toContain("「完了」で前回のX会議（第1回X会議）から分類が変わった課題は1件のため、具体例の残り2件は同じ分類の課題から選びました。");
    expect(result.storedExamples).toBe(9);
    const stored = sheetRecords(runtime, "X会議具体例");
    expect(stored.filter((r) => r.進捗分類 === "完了").map((r) => r.ID)).toEqual(result.examples.完了.map((e) => e.id));
    // Built again after another change: the recorded choice stands, nothing more is written.
    move(runtime, r7Issue(runtime, "検討中", 0), "完了");
    const again = pack(runtime, { meeting: "2026-08-26" });
    expect(again.examples.完了.map((e) => e.id)).toEqual(result.examples.完了.map((e) => e.id));
    expect(again.storedExamples).toBe(0);
    expect(sheetRecords(runtime, "X会議具体例")).toHaveLength(9);
  });

  it("compares the year's first X会議 with the end of the previous fiscal year", () => {
    const { runtime, clock } = demo("2026-04-10T10:00:00+09:00");
    const done = r7Issue(runtime, "実施中", 1);
    move(runtime, done, "完了");
    clock.set(Date.parse("2026-05-20T10:00:00+09:00"));
    const result = pack(runtime, {});
    expect(result.meeting.name).toBe("第1回X会議");
    expect(result.previous).toEqual({ name: "前年度末", day: "2026-03-31", asOf: "2026-03-31" });
    expect(result.examples.完了[0]).toMatchObject({ id: done, changed: true });
    expect(result.notes).toContain("「完了」で前年度末（令和8年3月31日）から分類が変わった課題は1件のため、具体例の残り2件は同じ分類の課題から選びました。");
  });

  it("shows the secretariat's swap, and names a row whose ID cannot be shown without changing it", () => {
    const { runtime } = demo();
    const first = pack(runtime, {});
    const sheet = runtime.model.getSheetByName("X会議具体例")!;
    const rows = sheetRecords(runtime, "X会議具体例");
    const swapTo = String(issueRows(runtime).filter((r) => r.整理区分 === "⑦" && r.進捗分類 === "完了").at(-1)!.ID);
    const slot2 = rows.findIndex((r) => r.進捗分類 === "完了" && r.順 === 2);
    const slot1 = rows.findIndex((r) => r.進捗分類 === "実施中" && r.順 === 1);
    sheet.setCells(slot2 + 1, 3, [[{ kind: "value", value: swapTo }]]);
    sheet.setCells(slot1 + 1, 3, [[{ kind: "value", value: "R9-999" }]]);
    const swapped = pack(runtime, {});
    expect(swapped.examples.完了[1]).toMatchObject({ id: swapTo, slot: 2 });
    expect(swapped.examples.完了[0].id).toBe(first.examples.完了[0].id);
    expect(swapped.notes.find((n) => n.startsWith(`シート「X会議具体例」${slot1 + 2}行目: ID「R9-999」は課題シートの継続検討課題にないため`))).toBeDefined();
    expect(sheetRecords(runtime, "X会議具体例")[slot1].ID).toBe("R9-999");
  });

  it("opens the printable page (A4 landscape) from the menu, with the button that makes the file", () => {
    const { runtime } = demo();
    const ui = dialogUi();
    const result = pack(runtime, undefined, ui);
    expect(ui.dialogs).toHaveLength(1);
    const [page] = ui.dialogs;
    expect(page.title).toBe("第2回X会議（令和8年8月26日）の資料");
    expect(page.modal).toBe(false);
    expect(page.html).toContain("@page { size: A4 landscape;");
    expect(page.html).toContain("<h1>プラチナ市役所プロジェクト 第2回X会議 資料</h1>");
    expect(page.html).toContain("<caption>課題解決の分類と具体例</caption>");
    expect(page.html).toContain(result.examples.完了[0].text);
    expect(page.html).toContain("各局区の主な取組（好事例");
    expect(page.html).toContain("プロジェクトチームによる検討状況");
    expect(page.html).toMatch(/<button type="button" id="save-file" class="secondary" data-meeting="2026-08-26">/);
  });

  it("writes the pack as an .xlsx that reopens in the runtime with the same numbers", async () => {
    const { runtime } = demo(undefined, { files: { dir: join(tempDir(), "files") } });
    const result = pack(runtime, { file: true });
    expect(result.file?.name).toBe("X会議資料_2026-08-26");
    const [path] = await runtime.saveCreatedFiles();
    expect(path).toMatch(/X会議資料_2026-08-26\.xlsx$/);
    expect(result.file?.url).toBe(new URL(`file://${path}`).href);
    const reopened = await openWorkbook({ workbook: path, bundleDir: BUILD_DIR, readOnly: true });
    try {
      const sheet = reopened.runtime.model.getSheetByName("X会議資料")!;
      const cells = reopened.runtime.readRange(`'X会議資料'!A1:F${sheet.getLastRow()}`);
      expect(cells[0][0]).toBe("プラチナ市役所プロジェクト 第2回X会議 資料");
      const headlines = tableAfter(cells, "年度末の状況（制度所管局による解決策の検討、件）");
      expect(headlines.map((r) => trimRow(r, 6))).toEqual([
        ["年度", "検討した課題数", "うち前年度からの継続", "完了", "実施中", "検討中"],
        ...result.yearEnds.map((e) => [`R${e.year}`, e.total, e.carried, e.counts.完了, e.counts.実施中, e.counts.検討中]),
      ]);
      expect(headlines.slice(1).map((r) => [r[1], r[3], r[4], r[5]])).toEqual([[47, 14, 14, 19], [77, 43, 11, 23]]);
      const groups = tableAfter(cells, "課題の再整理状況（方向性ごと、件）").map((r) => trimRow(r, 2));
      expect(groups.slice(1)).toEqual([["①〜⑦", 75], ["①", 0], ["②", 3], ["③〜⑤", 9], ["⑥⑦", 63], ["⑦", 44]]);
      expect(tableAfter(cells, "年度別の進捗分類（件）").slice(0, 5).map((r) => trimRow(r, 4))).toEqual([["進捗分類", "R6", "R7", "計"], ...SEED_STATUS.slice(1)]);
      const examples = tableAfter(cells, "課題解決の分類と具体例").map((r) => trimRow(r, 5));
      expect(examples[0]).toEqual(["課題解決の分類", "R6", "R7", "計", "具体例"]);
      // The seed's 「当初課題件数 33件 44件」, then each class with its 具体例.
      expect(examples[1]).toEqual(["当初課題件数", 33, 44, 77, ""]);
      expect(examples.slice(2).map((r) => r.slice(1, 4))).toEqual(SEED_STATUS.slice(1, 4).map((r) => r.slice(1)));
      expect(examples[2][4]).toBe(result.examples.完了.map((e) => `・${e.text}`).join("\n"));
      // The 局区 table in three pairs of columns, as the seed prints it: unfolded, the seed's counts.
      const folded = tableAfter(cells, "局区別の取組件数").slice(1);
      const unfolded = [0, 2, 4].flatMap((c) => folded.map((r) => [r[c], r[c + 1]])).filter(([name]) => name !== "");
      expect(unfolded.slice(0, -1)).toEqual(SEED_BUREAUS_R7.map(([name, n]) => [name, n === 0 ? "—" : n]));
      expect(unfolded.at(-1)).toEqual(["合計", 130]);
      const directions = tableAfter(cells, "整理区分 × 区分（件）").map((r) => trimRow(r, 4));
      expect(directions[1]).toEqual(["当初の課題件数", 40, 35, 75]);
      expect(directions.slice(2)).toEqual(SEED_DIRECTION_R7.slice(1, -1));
      expect(cells.some((r) => r[0] === `進捗確認課題数（完了していないもの）: ${SEED_FOLLOW_UP}件`)).toBe(true);
    } finally {
      reopened.close();
    }
  });

  it("reads each sheet once and makes the file in the same number of calls however many issues there are", () => {
    const calls = (extra: number) => {
      const { runtime } = demo(undefined, { files: { dir: join(tempDir(), "files") } });
      const sheet = runtime.model.getSheetByName("課題")!;
      const last = sheet.getLastRow();
      const width = sheet.getLastColumn();
      const [template] = sheet.getValues({ row: last - 1, column: 0, numRows: 1, numColumns: width });
      const rows = Array.from({ length: extra }, (_, i) => template.map((cell, c) => ({ kind: "value" as const, value: c === 0 ? `R7-9${String(i).padStart(2, "0")}` : cell })));
      if (extra > 0) sheet.setCells(last, 0, rows);
      const execution = runtime.run("createMeetingPack", [{ file: true }], { user: SECRETARIAT });
      expect(execution.ok, execution.error?.message).toBe(true);
      return execution.calls;
    };
    const [few, many] = [calls(0), calls(60)];
    expect(spreadsheetReads(many)).toBe(spreadsheetReads(few));
    expect(spreadsheetWrites(many)).toBe(spreadsheetWrites(few));
    // X会議具体例's header and its nine rows (the first build), and the file's one block.
    expect(spreadsheetWrites(few)).toBe(3);
  });

  it("says which X会議 there are when the one asked for is not on 会議, and makes or writes nothing", () => {
    const { runtime } = demo(undefined, { files: { dir: join(tempDir(), "files") } });
    const result = runtime.run("createMeetingPack", [{ meeting: "2026-09-01", file: true }], { user: SECRETARIAT }).result;
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      message:
        "X会議「2026-09-01」は会議シートにありません。日付（例: 2026-08-26）か名称で指定してください。会議シートの会議: 第1回X会議（2026-05-26）、第2回X会議（2026-08-26）、第3回X会議（2026-11-25）\n\n資料は作成していません。何も変更していません。",
    });
    expect(runtime.model.getSheetByName("X会議具体例")).toBeNull();
    expect(runtime.createdFiles?.list).toEqual([]);
  });

  it("names the X会議具体例 cell it cannot read, tells the menu user, and keeps the sheet as it was", () => {
    const { runtime } = demo();
    pack(runtime, {});
    const sheet = runtime.model.getSheetByName("X会議具体例")!;
    sheet.setCells(3, 2, [[{ kind: "value", value: "4" }]]);
    const before = sheetRecords(runtime, "X会議具体例");
    const ui = dialogUi();
    const alerts: string[] = [];
    const execution = runtime.run("createMeetingPack", [], { user: SECRETARIAT, ui: { ...ui, alert: (_t: string | null, text: string) => (alerts.push(text), "OK" as const) } });
    const result = execution.result as { ok: boolean; reason: string; message: string };
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    expect(result.message).toContain("X会議具体例 4行目");
    expect(result.message).toContain("「4」");
    expect(result.message).toContain("1〜3の数字を入力してください。");
    expect(alerts).toEqual([result.message]);
    expect(ui.dialogs).toEqual([]);
    expect(sheetRecords(runtime, "X会議具体例")).toEqual(before);
  });

  it("is the secretariat's: anyone else is refused before anything is read or made", () => {
    const { runtime } = demo(undefined, { files: { dir: "/nonexistent-platina" } });
    const execution = runtime.run("createMeetingPack", [{ file: true }], { user: "jinji-ka@city.example" });
    expect(execution.result).toMatchObject({ ok: false, reason: "forbidden" });
    expect(runtime.createdFiles?.list).toEqual([]);
  });
});
