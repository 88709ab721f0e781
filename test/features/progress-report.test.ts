// 進捗報告 on the demo workbook in the local runtime: the seed's tables, the
// May picture kept after later changes, the comparison, replacing, printing.
import { describe, expect, it } from "vitest";
import type { Runtime } from "../../src/local/runtime/runtime";
import { SECRETARIAT, isTracked, issueRows, spreadsheetReads, statusTable } from "../support/issues";
import { testRuntime } from "../support/runtime";
import { SEED_BUREAUS_R7, SEED_BUREAU_TOTAL, SEED_DIRECTION_R7, SEED_FOLLOW_UP, SEED_STATUS } from "../support/seed";

interface Report {
  ok: boolean;
  reason?: string;
  message: string;
  sheetName: string;
  status: (string | number)[][];
  resorting: { initial: number; groups: { count: number }[]; followed: number };
  followUp: number;
  directions: (string | number)[][];
  bureaus: (string | number)[][];
  comparedWith: string | null;
  moves: { id: string; title: string; from: string; to: string }[];
  chart: boolean;
}

function recordingUi(answer: "YES" | "NO" = "YES") {
  const calls: { kind: string; title: string; text: string }[] = [];
  return {
    calls,
    alert: (title: string | null, prompt: string) => (calls.push({ kind: "alert", title: title ?? "", text: prompt }), answer),
    prompt: () => ({ button: "OK" as const, text: "" }),
    showSidebar: () => undefined,
    toast: () => undefined,
    addMenu: () => undefined,
    showDialog: (html: string, title: string) => void calls.push({ kind: "dialog", title, text: html }),
  };
}

function report(runtime: Runtime, options: unknown, ui: ReturnType<typeof recordingUi> | null = null): Report {
  const execution = runtime.run("createProgressReport", options === undefined ? [] : [options], { user: SECRETARIAT, ui });
  if (!execution.ok) throw new Error(execution.error?.message);
  return execution.result as Report;
}

function sheetCells(runtime: Runtime, name: string): unknown[][] {
  const sheet = runtime.model.getSheetByName(name)!;
  return runtime.readRange(`'${name}'!A1:F${sheet.getLastRow()}`);
}

/** The rows of a table in the report sheet, found by its caption: header row first. */
function tableAfter(cells: unknown[][], caption: string, width: number): unknown[][] {
  const start = cells.findIndex((row) => row[0] === caption);
  expect(start, caption).toBeGreaterThanOrEqual(0);
  const end = cells.findIndex((row, i) => i > start && row[0] === "");
  return cells.slice(start + 1, end).map((row) => row.slice(0, width));
}

/** The seed's count of one 進捗分類 (its row's 計). */
const seedTotal = (progress: string) => SEED_STATUS.find((row) => row[0] === progress)!.at(-1) as number;

/** The 課題 rows with some values changed, by ID: the sheet as a past day saw it. */
function withChanges(rows: Record<string, unknown>[], changes: Record<string, Record<string, string>>) {
  return rows.map((r) => ({ ...r, ...changes[String(r.ID)] }));
}

const openCount = (rows: Record<string, unknown>[]) => rows.filter((r) => isTracked(r) && r.進捗分類 !== "完了").length;

function save(runtime: Runtime, clock: { set(ms: number): void }, when: string, id: string, changes: Record<string, string>) {
  clock.set(Date.parse(when));
  const execution = runtime.run("saveIssueUpdate", [{ id, expected: {}, changes }], { user: SECRETARIAT });
  expect((execution.result as { ok: boolean }).ok, execution.error?.message).toBe(true);
}

describe("createProgressReport on the demo workbook (its 履歴 ends in R7: the current values are the May picture)", () => {
  it("reproduces the seed's tables, equal to the custom functions of 集計", () => {
    const { runtime } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
    const result = report(runtime, { asOf: "2026-05-26", years: ["R6", "R7"] });
    expect(result).toMatchObject({ ok: true, sheetName: "報告_2026-05-26", followUp: SEED_FOLLOW_UP, comparedWith: null, chart: false });
    expect(result.status).toEqual(SEED_STATUS);
    expect(result.directions.at(-2)).toEqual(SEED_DIRECTION_R7.at(-2));
    expect(result.directions.at(-1)).toEqual(SEED_DIRECTION_R7.at(-1));
    expect(result.bureaus.at(-1)).toEqual(["合計", SEED_BUREAU_TOTAL]);
    // 集計 holds PLATINA_STATUS_TABLE, _FOLLOWUP_COUNT, _DIRECTION_TABLE and _BUREAU_TABLE on the same data.
    expect(result.status).toEqual(runtime.readRange("集計!A4:D8"));
    expect(result.followUp).toBe(runtime.readRange("集計!B11")[0][0]);
    expect(result.directions).toEqual(runtime.readRange("集計!A14:D22"));
    expect(result.bureaus).toEqual(runtime.readRange("集計!A25:B55"));

    const cells = sheetCells(runtime, "報告_2026-05-26");
    expect(cells[0][0]).toBe("プラチナ市役所プロジェクト 進捗報告");
    expect(cells[1][0]).toBe("令和8年5月26日時点");
    expect(cells[2][0]).toBe("作成: 令和8年5月26日 10:00　henkaku@city.example");
    expect(tableAfter(cells, "年度別の進捗分類（件）", 4).slice(0, 5)).toEqual([["進捗分類", "R6", "R7", "計"], ...result.status.slice(1)]);
    expect(cells.some((row) => row[0] === `進捗確認課題数（完了していないもの）: ${SEED_FOLLOW_UP}件`)).toBe(true);
    expect(cells.some((row) => String(row[0]).startsWith("※ グラフ「年度別の進捗分類」（積み上げ縦棒）は、この環境ではグラフを作れないため省略しました"))).toBe(true);
    const done = tableAfter(cells, `【分類1】対応済（完了）（${seedTotal("完了")}件）`, 4);
    expect(done[0]).toEqual(["ID", "年度", "課題名", "実施時期"]);
    expect(done[1]).toEqual(["R6-001", "R6", "週休3日制が可能なフレックスタイム制を試行", "R8年4月本格実施"]);
    expect(done).toHaveLength(seedTotal("完了") + 1);
    expect(tableAfter(cells, `【分類2】具体的な解決策を一部実施、又は試行の段階（${seedTotal("実施中")}件）`, 4)).toHaveLength(seedTotal("実施中") + 1);
    expect(tableAfter(cells, `【分類3】具体的な解決策を検討中、又は実施準備の段階（${seedTotal("検討中")}件）`, 4)).toHaveLength(seedTotal("検討中") + 1);
    // As the seed prints them: three pairs of columns side by side, the total in the last place.
    const bureaus = tableAfter(cells, "局区別の取組件数", 6);
    const height = Math.ceil((SEED_BUREAUS_R7.length + 1) / 3);
    expect(bureaus[1]).toEqual([...SEED_BUREAUS_R7[0], ...SEED_BUREAUS_R7[height], ...SEED_BUREAUS_R7[2 * height]]);
    expect(bureaus.at(-1)).toEqual([...SEED_BUREAUS_R7[height - 1], ...SEED_BUREAUS_R7[2 * height - 1], "合計", SEED_BUREAU_TOTAL]);
    expect(bureaus.flat()).toContain("—"); // 議会事務局, as the seed prints 0
    const directions = tableAfter(cells, "整理区分 × 区分（件）", 4);
    expect(directions[1]).toEqual(["当初の課題件数", ...SEED_DIRECTION_R7.at(-1)!.slice(1)]);
    expect(directions.at(-1)).toEqual(SEED_DIRECTION_R7.at(-2));
    // Beside it, the seed's four groups and the 44 followed; before the status table, the seed's year-end headlines.
    expect(tableAfter(cells, "課題の再整理状況（方向性ごと、件）", 3).map((row) => row[1])).toEqual(["件数", 75, 0, 3, 9, 63, 44]);
    expect(cells.some((row) => row[0] === "上記の再整理を行った結果、「制度所管局において解決策を検討し、その進捗を追うべき課題」は44件となった。")).toBe(true);
    expect(result.resorting.groups.map((g) => g.count)).toEqual([0, 3, 9, 63]);
    expect(tableAfter(cells, "年度末の状況（制度所管局による解決策の検討、件）", 6)).toEqual([
      ["年度", "検討した課題数", "うち前年度からの継続", "完了", "実施中", "検討中"],
      ["R6", 47, 0, 14, 14, 19],
      ["R7", 77, 33, 43, 11, 23],
    ]);
    expect(cells.some((row) => String(row[0]).startsWith("令和6年度: 47の課題について、制度所管局としての解決策を検討（対応済（完了） 14件、"))).toBe(true);
  });

  it("writes the sheet in a fixed number of calls: one read per sheet, one setValues for the whole report", () => {
    const { runtime } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
    const execution = runtime.run("createProgressReport", [{ asOf: "2026-05-26" }], { user: SECRETARIAT });
    const calls = execution.calls.SpreadsheetApp ?? {};
    expect(spreadsheetReads(execution.calls)).toBe(8); // 課題, 履歴, 局区改革, 局区, PTメンバー, PT, PT工程, PT活動
    expect(calls["Range.setValues"]).toBe(1);
    expect(calls["Range.setFontWeights"]).toBe(1);
    expect(calls["Range.setBackgrounds"]).toBe(1);
    expect(calls["Range.setValue"]).toBeUndefined();
  });

  it("lays the sheet out as a finished report: 課題名 wide and wrapped, 実施時期 beside it, each table framed and its header shaded", () => {
    const { runtime } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
    report(runtime, { asOf: "2026-05-26" });
    const sheet = runtime.model.getSheetByName("報告_2026-05-26")!;
    const cells = sheetCells(runtime, "報告_2026-05-26");
    const header = cells.findIndex((row) => row[0] === "ID");
    expect(cells[header].slice(0, 4)).toEqual(["ID", "年度", "課題名", "実施時期"]);
    const [id, year, title, timing] = [0, 1, 2, 3].map((c) => sheet.getColumnWidth(c)!);
    expect(title).toBeGreaterThanOrEqual(380);
    expect(timing).toBeGreaterThanOrEqual(120);
    expect(timing).toBeLessThan(title);
    expect(id).toBeLessThan(timing);
    // Column B also holds the PT section's text (テーマ, 工程), so 年度's column is sized by it, still narrower than 課題名.
    expect(year).toBeLessThan(title);
    // A long 課題名 wraps in its cell instead of running under 実施時期.
    const long = cells.findIndex((row) => row[0] === "R7-057");
    expect(sheet.getStyle(long, 2).wrap).toBe(true);
    expect(sheet.getStyle(header, 0)).toMatchObject({ background: "#e8eef7", bold: true });
    expect(sheet.getStyle(header, 3).background).toBe("#e8eef7");
    expect(sheet.getStyle(header, 4).background).toBeUndefined();
    expect(sheet.getStyle(header, 0).borders).toMatchObject({ top: { color: "#999999", style: "SOLID" }, left: { color: "#999999" } });
    expect(sheet.getStyle(header + 1, 3).borders).toMatchObject({ top: { color: "#999999" }, right: { color: "#999999" } });
    expect(sheet.getStyle(header + 1, 4).borders?.left).toBeUndefined();
    const last = cells.findIndex((row, i) => i > header && row[0] === "") - 1;
    expect(sheet.getStyle(last, 3).borders).toMatchObject({ bottom: { color: "#999999" }, right: { color: "#999999" } });
    expect(sheet.getStyle(last + 1, 0).borders).toBeUndefined();
    // The headings stay on one line and run on into the empty cells beside them.
    const heading = cells.findIndex((row) => String(row[0]).startsWith("1 継続検討課題の状況"));
    expect(sheet.getStyle(heading, 0)).toMatchObject({ bold: true, background: "#d9e2f3" });
    expect(sheet.getStyle(heading, 0).wrap).toBeFalsy();
    expect(cells[heading].slice(1).every((cell) => cell === "")).toBe(true);
  });

  it("frames the tables in the same number of calls however many issues there are", () => {
    const calls = (extraIssues: number) => {
      const { runtime } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
      const issues = runtime.model.getSheetByName("課題")!;
      const rows = Array.from({ length: extraIssues }, (_, i) => [`R7-${900 + i}`, "R7", `追加の課題${i}`, "職員", "", "", "", "", "検討中"]);
      if (rows.length) issues.setCells(issues.getLastRow(), 0, rows.map((r) => r.map((value) => ({ kind: "value" as const, value }))));
      return runtime.run("createProgressReport", [{ asOf: "2026-05-26" }], { user: SECRETARIAT }).calls.SpreadsheetApp ?? {};
    };
    const few = calls(0);
    // 年度別の進捗分類, the three 分類 lists, 局区別の取組件数, 整理区分 × 区分, and the PT section's two tables.
    // …plus the year-end table and the re-sorting groups.
    expect(few["Range.setBorder"]).toBe(10);
    expect(few["Range.setWraps"]).toBe(1);
    const many = calls(200);
    for (const method of ["Range.setBorder", "Range.setWraps", "Sheet.setColumnWidth", "Sheet.getRange"]) expect(many[method], method).toBe(few[method]);
  });

  it("shows the new sheet to the person who made it, and the dialog's 開く shows a day's existing report", () => {
    const { runtime } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
    const created = runtime.run("createProgressReport", [{ asOf: "2026-05-26" }], { user: SECRETARIAT });
    expect(created.calls.SpreadsheetApp?.["Sheet.activate"]).toBe(1);
    const opened = runtime.run("openProgressReportSheet", ["2026-05-26"], { user: SECRETARIAT });
    expect(opened.result).toEqual({ ok: true, sheetName: "報告_2026-05-26" });
    expect(opened.calls.SpreadsheetApp?.["Sheet.activate"]).toBe(1);
    const missing = runtime.run("openProgressReportSheet", ["2026-05-20"], { user: SECRETARIAT });
    expect(missing.result).toEqual({ ok: false, reason: "missing", sheetName: "報告_2026-05-20", message: "シート「報告_2026-05-20」はありません。先に作成してください。" });
  });

  it("keeps text as typed: an 実施時期 like 4/1 or a formula-like 課題名 stays text", () => {
    const { runtime } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
    const issues = runtime.model.getSheetByName("課題")!;
    issues.setCells(1, 2, [[{ kind: "value", value: "=1+1" }]]);
    issues.setCells(1, 9, [[{ kind: "value", value: "4/1" }]]);
    report(runtime, { asOf: "2026-05-26" });
    const row = sheetCells(runtime, "報告_2026-05-26").find((r) => r[0] === "R6-001")!;
    expect(row.slice(0, 4)).toEqual(["R6-001", "R6", "=1+1", "4/1"]);
  });
});

describe("a past day replayed from 履歴", () => {
  it("shows the May picture in November, counts 23:59 on the day but not 00:00 the next, and compares with the previous report", () => {
    const { runtime, clock } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
    const initial = issueRows(runtime);
    expect(statusTable(initial, ["R6", "R7"])).toEqual(SEED_STATUS); // the counting below agrees with the report's
    expect(report(runtime, { asOf: "2026-05-26" }).status[2]).toEqual(SEED_STATUS[2]);

    save(runtime, clock, "2026-05-26T23:59:00+09:00", "R7-057", { 進捗分類: "実施中" });
    save(runtime, clock, "2026-05-27T00:00:00+09:00", "R6-022", { 進捗分類: "完了", 実施時期: "R8年5月本格実施" });
    save(runtime, clock, "2026-11-20T15:00:00+09:00", "R7-058", { 進捗分類: "完了" });
    clock.set(Date.parse("2026-11-25T09:00:00+09:00"));

    // Made again in November for 26 May: without UI and without replace nothing changes.
    const before = sheetCells(runtime, "報告_2026-05-26");
    const refused = report(runtime, { asOf: "2026-05-26" });
    expect(refused).toMatchObject({ ok: false, reason: "exists", sheetName: "報告_2026-05-26" });
    expect(refused.message).toContain("replace: true");
    expect(sheetCells(runtime, "報告_2026-05-26")).toEqual(before);

    const may = report(runtime, { asOf: "2026-05-26", replace: true });
    const mayRows = withChanges(initial, { "R7-057": { 進捗分類: "実施中" } });
    expect(may.status).toEqual(statusTable(mayRows, ["R6", "R7"]));
    expect(may.followUp).toBe(openCount(mayRows));
    const mayCells = sheetCells(runtime, "報告_2026-05-26");
    expect(mayCells[2][0]).toBe("作成: 令和8年11月25日 9:00　henkaku@city.example");
    expect(mayCells.find((r) => r[0] === "R6-022")!.slice(0, 4)).toEqual(["R6-022", "R6", "オフィス改革", "R7実証実験開始"]);

    const november = report(runtime, { asOf: "2026-11-25" });
    const novemberRows = withChanges(initial, { "R7-057": { 進捗分類: "実施中" }, "R6-022": { 進捗分類: "完了" }, "R7-058": { 進捗分類: "完了" } });
    expect(november.status).toEqual(statusTable(novemberRows, ["R6", "R7"]));
    expect(november.followUp).toBe(openCount(novemberRows));
    expect(november.comparedWith).toBe("2026-05-26");
    expect(november.moves).toEqual([
      { id: "R6-022", title: "オフィス改革", from: "実施中", to: "完了" },
      { id: "R7-058", title: "保育所等の入所にかかる就労証明書提出手続きのオンライン化を検討する", from: "検討中", to: "完了" },
    ]);
    const cells = sheetCells(runtime, "報告_2026-11-25");
    expect(cells.some((r) => r[0] === "4 前回報告（令和8年5月26日）からの変化")).toBe(true);
    expect(tableAfter(cells, "分類別の件数（前回 → 今回）", 4)).toEqual([
      ["進捗分類", "前回", "今回", "増減"],
      ...[["完了", "+2"], ["実施中", "−1"], ["検討中", "−1"], ["計", "±0"]].map(([label, change], i) => [label, may.status[i + 1].at(-1), november.status[i + 1].at(-1), change]),
    ]);
    expect(tableAfter(cells, "分類が変わった課題（2件）", 4)[1]).toEqual(["R6-022", "オフィス改革", "実施中", "完了"]);
    expect(cells.find((r) => r[0] === "R6-022")!.slice(0, 4)).toEqual(["R6-022", "R6", "オフィス改革", "R8年5月本格実施"]);
  });

  it("leaves out an issue added after the day and says so", () => {
    const { runtime, clock } = testRuntime({ now: "2026-06-10T09:00:00+09:00", setUp: true });
    const initial = issueRows(runtime);
    const issues = runtime.model.getSheetByName("課題")!;
    const last = issues.getLastRow();
    issues.setCells(last, 0, [["R7-099", "R7", "6月に追加した課題", "職員", "総務市民局", "人事課", "jinji-ka@city.example", "⑦", "", "", "", "", ""].map((v) => (v === "" ? { kind: "empty" as const } : { kind: "value" as const, value: v }))]);
    save(runtime, clock, "2026-06-10T09:00:00+09:00", "R7-099", { 進捗分類: "検討中" });
    const may = report(runtime, { asOf: "2026-05-26" });
    expect(may.status[3]).toEqual(SEED_STATUS[3]);
    const june = report(runtime, { asOf: "2026-06-10" });
    expect(june.status[3]).toEqual(statusTable([...initial, { ID: "R7-099", 年度: "R7", 整理区分: "⑦", 進捗分類: "検討中" }], ["R6", "R7"])[3]);
    expect(june.moves).toEqual([{ id: "R7-099", title: "6月に追加した課題", from: "（対象外）", to: "検討中" }]);
    expect(sheetCells(runtime, "報告_2026-05-26").some((r) => r[0] === "基準日より後に追加された課題（1件）は含めていません。")).toBe(true);
  });
});

describe("from the menu and with a UI", () => {
  it("opens the dialog with today's date, the years and the days that already have a report", () => {
    const { runtime } = testRuntime({ now: "2026-11-25T09:00:00+09:00", setUp: true });
    report(runtime, { asOf: "2026-05-26" });
    const ui = recordingUi();
    expect(report(runtime, undefined, ui)).toBeNull();
    const dialog = ui.calls.find((c) => c.kind === "dialog")!;
    expect(dialog.title).toBe("進捗報告を作成");
    expect(dialog.text).toContain('value="2026-11-25" max="2026-11-25"');
    expect(dialog.text).toContain('<input type="checkbox" name="year" value="R6" checked>');
    expect(dialog.text).toContain('<input type="checkbox" name="year" value="R7" checked>');
    expect(dialog.text).toContain('data-existing="[&quot;2026-05-26&quot;]"');
  });

  it("asks before replacing a report of the same day: NO changes nothing, YES replaces", () => {
    const { runtime, clock } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
    report(runtime, { asOf: "2026-05-26" });
    const first = runtime.model.getSheetByName("報告_2026-05-26");
    clock.set(Date.parse("2026-05-26T17:30:00+09:00"));
    const no = recordingUi("NO");
    expect(report(runtime, { asOf: "2026-05-26" }, no)).toMatchObject({ ok: false, reason: "cancelled" });
    expect(no.calls[0]).toMatchObject({ kind: "alert", title: "進捗報告を作成" });
    expect(no.calls[0].text).toContain("シート「報告_2026-05-26」はすでにあります");
    expect(runtime.model.getSheetByName("報告_2026-05-26")).toBe(first);
    expect(sheetCells(runtime, "報告_2026-05-26")[2][0]).toContain("10:00");

    const yes = recordingUi("YES");
    expect(report(runtime, { asOf: "2026-05-26" }, yes).ok).toBe(true);
    expect(sheetCells(runtime, "報告_2026-05-26")[2][0]).toContain("17:30");
    expect(runtime.model.getSheets().filter((s) => s.getName().startsWith("報告_"))).toHaveLength(1);
  });

  it("refuses an unreadable or future day, and an unknown year, saying what to enter", () => {
    const { runtime } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
    const run = (options: unknown) => runtime.run("createProgressReport", [options], { user: SECRETARIAT }).error?.message;
    expect(run({ asOf: "5月26日" })).toContain("基準日「5月26日」を解釈できません。「2026-05-26」の形で指定してください。");
    expect(run({ asOf: "2026-05-27" })).toContain("基準日 2026-05-27 は未来の日付です");
    expect(run({ asOf: "2026-05-26", years: ["来年度"] })).toContain("年度の指定「来年度」を解釈できません");
    expect(runtime.model.getSheets().some((s) => s.getName().startsWith("報告_"))).toBe(false);
  });
});

describe("showProgressReportPrint", () => {
  it("opens the same tables as an A4 landscape page with a print button, escaping sheet text", () => {
    const { runtime } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
    runtime.model.getSheetByName("課題")!.setCells(1, 2, [[{ kind: "value", value: "<img src=x onerror=alert(1)>" }]]);
    const ui = recordingUi();
    const execution = runtime.run("showProgressReportPrint", ["2026-05-26", ["R6", "R7"]], { user: SECRETARIAT, ui });
    expect(execution.ok, execution.error?.message).toBe(true);
    const dialog = ui.calls.find((c) => c.kind === "dialog")!;
    expect(dialog.title).toBe("進捗報告（令和8年5月26日時点）の印刷");
    expect(dialog.text).toBe(execution.result);
    expect(dialog.text).toContain("@page { size: A4 landscape;");
    expect(dialog.text).toContain('<button type="button" id="print">印刷する</button>');
    expect(dialog.text).toContain(`<tr><th scope="row">完了</th>${SEED_STATUS[1].slice(1).map((n) => `<td class="num">${n}</td>`).join("")}</tr>`);
    expect(dialog.text).toContain("&#60;img src=x onerror=alert(1)&#62;");
    expect(dialog.text).not.toContain("<img src=x");
  });
});
