// The permission table in action: every entry point × every kind of caller. A
// refusal says so ({ok:false, reason:"forbidden"}) and leaves the workbook and the
// script's state exactly as they were.
import { beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS, type EntryPointName } from "../../src/core/permissions";
import type { Runtime } from "../../src/local/runtime/runtime";
import { SECRETARIAT, issueRows, sheetRecords } from "../support/issues";
import { testRuntime } from "../support/runtime";

let runtime: Runtime;
let issue: Record<string, unknown>;
let roles: Record<string, string>;

beforeAll(() => {
  runtime = testRuntime({ setUp: true }).runtime;
  issue = issueRows(runtime).find((r) => r.整理区分 === "⑦" && r.担当者メール !== "")!;
  // A representative of another bureau than the issue's.
  const other = sheetRecords(runtime, "局区").find((b) => b.代表メール !== "" && b.局区名 !== issue.制度所管局)!;
  roles = {
    owner: String(issue.担当者メール),
    "other bureau": String(other.代表メール),
    secretariat: SECRETARIAT,
    empty: "",
    unknown: "stranger@city.example",
    "look-alike": "ｈｅｎｋａｋｕ@city.example",
  };
});

/** Arguments a caller might send each entry point (what the menus, the sidebar and Sheets send). */
function argsFor(name: EntryPointName): unknown[] {
  const update = { id: issue.ID, expected: { 進捗分類: issue.進捗分類, 実施時期: issue.実施時期, 進捗メモ: issue.進捗メモ }, changes: { 進捗メモ: "他人による書き換え" } };
  const args: Partial<Record<EntryPointName, unknown[]>> = {
    PLATINA_STATUS_TABLE: [[["ID", "年度", "整理区分", "進捗分類"], ["R7-001", "R7", "⑦", "完了"]]],
    PLATINA_FOLLOWUP_COUNT: [[["ID", "年度", "整理区分", "進捗分類"], ["R7-001", "R7", "⑦", "完了"]]],
    PLATINA_DIRECTION_TABLE: [[["ID", "年度", "整理区分", "区分"], ["R7-001", "R7", "①", "職員"]]],
    PLATINA_BUREAU_TABLE: [[["年度", "局区名"], ["R7", "政策局"]]],
    PLATINA_FISCAL_YEAR: ["2026-05-26"],
    PLATINA_WAREKI: ["2026-05-26"],
    getIssueHistory: [issue.ID],
    saveIssueUpdate: [update],
    selectCell: ["課題", "A2"],
    sendBureauSurvey: [{ year: "R7" }],
    createProgressReport: [{ asOf: "2026-05-26" }],
    showProgressReportPrint: ["2026-05-26"],
    createPlatinaReport: [{ year: "R7" }],
    doGet: [{ parameter: {}, parameters: {} }],
    submitAnswerForm: [{}],
  };
  return args[name] ?? [];
}

/** Who the table lets through, per kind (a manual run of a trigger: no trigger event). */
const ALLOWED: Record<string, (role: string) => boolean> = {
  anyone: () => true,
  "custom function": () => true,
  "web link": () => true,
  issue: (role) => role !== "empty",
  secretariat: (role) => role === "secretariat",
  setup: (role) => role === "secretariat",
  trigger: (role) => role === "secretariat",
};

function snapshot(): string {
  const sheets = runtime.model.getSheets().map((s) => [s.getName(), s.getLastRow() ? s.getValues({ row: 0, column: 0, numRows: s.getLastRow(), numColumns: Math.max(s.getLastColumn(), 1) }) : []]);
  const { cache: _cache, ...state } = runtime.state; // the access list's cache may be refreshed: not a change
  return JSON.stringify({ sheets, state });
}

const isGuardRefusal = (result: unknown) =>
  typeof result === "object" && result !== null && (result as { reason?: unknown }).reason === "forbidden";

describe("the permission table", () => {
  it("declares every entry point of the bundle, and nothing else", () => {
    expect([...runtime.bundle.entryPoints].sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it("refuses exactly the callers the table excludes, and a refusal changes nothing", () => {
    const outcomes: string[] = [];
    for (const name of Object.keys(PERMISSIONS) as EntryPointName[]) {
      const allowed = ALLOWED[PERMISSIONS[name]];
      // Refusals first, on an unchanged workbook; then the allowed callers.
      const order = Object.keys(roles).sort((a, b) => Number(allowed(a)) - Number(allowed(b)));
      for (const role of order) {
        const before = snapshot();
        const execution = runtime.run(name, argsFor(name), { user: roles[role] });
        if (allowed(role)) {
          if (isGuardRefusal(execution.result) && name !== "saveIssueUpdate") outcomes.push(`${name} × ${role}: refused but allowed`);
          continue;
        }
        const result = execution.result as { ok?: boolean; reason?: string; message?: string };
        if (!execution.ok || result?.ok !== false || result.reason !== "forbidden" || !result.message) {
          outcomes.push(`${name} × ${role}: not refused (${execution.error?.message ?? JSON.stringify(execution.result)?.slice(0, 80)})`);
        } else if (snapshot() !== before) outcomes.push(`${name} × ${role}: refused but the workbook changed`);
      }
    }
    expect(outcomes).toEqual([]);
  });

  it("lets only the issue's owner, its bureau's representative and the secretariat save it: other refusals change nothing", () => {
    const save = (user: string, memo: string) => {
      const current = issueRows(runtime).find((r) => r.ID === issue.ID)!;
      const update = { id: issue.ID, expected: { 進捗分類: current.進捗分類, 実施時期: current.実施時期, 進捗メモ: current.進捗メモ, 最終更新日: current.最終更新日 }, changes: { 進捗メモ: memo } };
      return runtime.run("saveIssueUpdate", [update], { user }).result as { ok: boolean; reason?: string };
    };
    for (const role of ["other bureau", "empty", "unknown", "look-alike"]) {
      const before = snapshot();
      expect(save(roles[role], `${role}の書き換え`), role).toMatchObject({ ok: false, reason: "forbidden" });
      expect(snapshot(), role).toBe(before);
    }
    expect(save(roles.owner, "担当者の入力")).toMatchObject({ ok: true });
    expect(save(SECRETARIAT, "事務局の入力")).toMatchObject({ ok: true });
  });

  it("shows a look-alike secretariat nobody's issues and no follow-up status", () => {
    const lookAlike = roles["look-alike"];
    expect(runtime.run("getMyIssues", [], { user: lookAlike }).result).toEqual([]);
    const status = runtime.run("showFollowUpStatus", [], { user: lookAlike }).result as { reason: string; message: string };
    expect(status.reason).toBe("forbidden");
    expect(status.message).toContain("ｈｅｎｋａｋｕ@city.example は登録されていません");
  });

  it("says it in a dialog when a menu item is refused", () => {
    const shown: string[] = [];
    const ui = { alert: (title: string, text: string) => { shown.push(`${title}: ${text}`); return "OK"; } };
    const execution = runtime.run("createProgressReport", [], { user: roles.owner, ui: ui as never });
    expect(execution.result).toMatchObject({ ok: false, reason: "forbidden" });
    expect(shown.join("\n")).toContain("進捗報告を作成");
  });
});

describe("初期設定 by whom", () => {
  it("refuses another account once 設定 names the secretariat: no second edit trigger", () => {
    const triggers = runtime.state.triggers.length;
    const result = runtime.run("setupWorkbook", [], { user: roles.owner }).result;
    expect(result).toMatchObject({ ok: false, reason: "forbidden" });
    expect(runtime.state.triggers).toHaveLength(triggers);
  });

  it("lets the first account set up a workbook whose 設定 names nobody yet", () => {
    const fresh = testRuntime().runtime;
    const result = fresh.run("setupWorkbook", [], { user: "first@city.example" });
    expect(result.ok, result.error?.message).toBe(true);
    expect(sheetRecords(fresh, "設定").find((r) => r.項目 === "事務局メール")?.値).toBe("first@city.example");
    expect(fresh.run("setupWorkbook", [], { user: "" }).result).toMatchObject({ ok: false, reason: "forbidden" });
  });
});
