// The runtime's Apps Script semantics, on tiny hand-written bundles and on the real build.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadAddonBundle } from "../../../src/local/runtime/bundle";
import { UnknownEntryPointError } from "../../../src/local/runtime/runtime";
import { fixtureBundle, testRuntime } from "../../support/runtime";
import { SEED_STATUS } from "../../support/seed";


describe("the built add-on in the runtime", () => {
  it("computes 集計 through the formula engine with the add-on's custom functions", () => {
    const { runtime } = testRuntime();
    expect(runtime.readRange("集計!A4:D8")).toEqual(SEED_STATUS);
    expect(runtime.readRange("集計!B11")).toEqual([[34]]);
    expect(runtime.readRange("集計!A14:D22").at(-1)).toEqual(["計", 40, 35, 75]);
    const bureaus = runtime.readRange("集計!A25:B55");
    expect(bureaus[0]).toEqual(["局区名", "取組件数"]);
    expect(bureaus.at(-1)).toEqual(["合計", 130]);
    expect(bureaus.find((r) => r[0] === "議会事務局")).toEqual(["議会事務局", "—"]);
  });

  it("recalculates 集計 when a 進捗分類 cell changes", () => {
    const { runtime } = testRuntime();
    const issues = runtime.model.getSheetByName("課題")!;
    const header = runtime.readRange("課題!A1:M1")[0];
    const progress = header.indexOf("進捗分類");
    const ids = runtime.readRange("課題!A1:A200").map((r) => r[0]);
    const row = ids.indexOf("R6-030"); // an R6 issue still 検討中 or 実施中
    const before = runtime.readRange(`課題!A${row + 1}:M${row + 1}`)[0][progress];
    expect(before).not.toBe("完了");
    issues.setCells(row, progress, [[{ kind: "value", value: "完了" }]]);
    expect(runtime.readRange("集計!B5")[0][0]).toBe(22);
    expect(runtime.readRange("集計!B11")[0][0]).toBe(33);
  });

  it("refuses an unknown entry point, listing the ones there are", () => {
    const { runtime } = testRuntime();
    expect(() => runtime.run("noSuchThing")).toThrow(UnknownEntryPointError);
    expect(() => runtime.run("noSuchThing")).toThrow(/PLATINA_STATUS_TABLE/);
  });
});

describe("executions", () => {
  const code = `
/** @customfunction */
function SEND_FROM_CELL() { MailApp.sendEmail("a@example.com", "x", "y"); return 1; }
/** @customfunction */
function WRITE_FROM_CELL() { SpreadsheetApp.getActive().getSheetByName("S").getRange("A1").setValue(2); return 1; }
function now() { return [new Date().toISOString(), Date.now(), new Date() instanceof Date]; }
function readTwice() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("S");
  sheet.getRange("A1:B2").getValues();
  return sheet.getRange(1, 1, 2, 2).getValues();
}
function fails() { throw new Error("失敗しました"); }
function catchesServiceError() {
  try { SpreadsheetApp.getActive().getSheetByName("S").getRange(1, 1, 0, 1); } catch (e) { return [e instanceof Error, e.message]; }
}
function datesAreDates() { var v = SpreadsheetApp.getActive().getSheetByName("S").getRange("C1").getValue(); return [v instanceof Date, v.getTime()]; }
`;
  function runtimeWithSheet() {
    const t = testRuntime({ bundleDir: fixtureBundle(code), demo: false });
    const sheet = t.runtime.model.insertSheet("S");
    sheet.setCells(0, 0, [
      [{ kind: "value", value: 1 }, { kind: "value", value: "a" }, { kind: "value", value: new Date("2026-05-26T00:00:00+09:00") }],
    ]);
    return t;
  }

  it("gives the add-on the runtime's clock through Date", () => {
    const { runtime, clock } = runtimeWithSheet();
    clock.set(Date.parse("2026-12-01T00:00:00Z"));
    const result = runtime.run("now").result as unknown[];
    expect(result).toEqual(["2026-12-01T00:00:00.000Z", Date.parse("2026-12-01T00:00:00Z"), true]);
  });

  it("counts service calls per service and method, with a simulated duration", () => {
    const { runtime } = runtimeWithSheet();
    const execution = runtime.run("readTwice");
    expect(execution.ok).toBe(true);
    expect(execution.calls.SpreadsheetApp).toMatchObject({
      getActiveSpreadsheet: 1,
      "Spreadsheet.getSheetByName": 1,
      "Sheet.getRange": 2,
      "Range.getValues": 2,
    });
    expect(execution.simulatedMs).toBeGreaterThanOrEqual(120);
  });

  it("reports a thrown error without throwing itself", () => {
    const { runtime } = runtimeWithSheet();
    const execution = runtime.run("fails");
    expect(execution.ok).toBe(false);
    expect(execution.error?.message).toBe("失敗しました");
  });

  it("gives the add-on service errors and dates of its own realm", () => {
    const { runtime } = runtimeWithSheet();
    expect(runtime.run("catchesServiceError").result).toEqual([true, "The number of rows in the range must be at least 1."]);
    expect(runtime.run("datesAreDates").result).toEqual([true, Date.parse("2026-05-26T00:00:00+09:00")]);
  });

  it("runs custom functions read-only and without authorization, as Sheets does", () => {
    const { runtime } = runtimeWithSheet();
    const sheet = runtime.model.getSheetByName("S")!;
    sheet.setCells(1, 0, [[{ kind: "formula", formula: "=SEND_FROM_CELL()" }, { kind: "formula", formula: "=WRITE_FROM_CELL()" }]]);
    expect(sheet.getValues({ row: 1, column: 0, numRows: 1, numColumns: 2 })[0]).toEqual(["#ERROR!", "#ERROR!"]);
    expect(sheet.getCellError(1, 0)?.message).toContain("You do not have permission to call MailApp.sendEmail");
    expect(sheet.getCellError(1, 1)?.message).toContain("You do not have permission to call");
    expect(runtime.readRange("S!A1")).toEqual([[1]]);
  });

  it("fails an execution past the 6-minute limit even when the add-on catches the error", () => {
    const swallow = `function stubborn() { var s = SpreadsheetApp.getActive().getSheetByName("S"); for (var i = 0; i < 10000; i++) { try { s.getRange("A1").getValues(); } catch (e) { return "caught"; } } }`;
    const { runtime } = testRuntime({ bundleDir: fixtureBundle(swallow), demo: false, enforceTimeLimit: true });
    runtime.model.insertSheet("S");
    const execution = runtime.run("stubborn");
    expect(execution.ok).toBe(false);
    expect(execution.error?.message).toBe("Exceeded maximum execution time");
  });

  it("stops a custom function that never returns, showing Sheets' time-out note", () => {
    const loop = `/** @customfunction */\nfunction FOREVER() { for (;;) {} }\n/** @customfunction */\nfunction ONE() { return 1; }`;
    const { runtime } = testRuntime({ bundleDir: fixtureBundle(loop), demo: false, customFunctionTimeoutMs: 200 });
    const sheet = runtime.model.insertSheet("S");
    sheet.setCells(0, 0, [[{ kind: "formula", formula: "=FOREVER()" }, { kind: "formula", formula: "=ONE()" }]]);
    expect(sheet.getValues({ row: 0, column: 0, numRows: 1, numColumns: 2 })[0]).toEqual(["#ERROR!", 1]);
    expect(sheet.getCellError(0, 0)?.message).toBe("Exceeded maximum execution time (line 0).");
  });

  it("passes a whole-column range with every row of the sheet, each row the script's own array", () => {
    // Blank rows past the data share one array on the host side; the script must never see that.
    const code = `/** @customfunction */\nfunction ROWS_OF(rows) { rows[5][0] = "changed"; return [[rows.length, rows[6][0] === "" ? "blank" : rows[6][0], rows[5] === rows[6] ? "shared" : "own", Object.isFrozen(rows[7]) ? "frozen" : "open"]]; }`;
    const { runtime } = testRuntime({ bundleDir: fixtureBundle(code), demo: false });
    const sheet = runtime.model.insertSheet("S");
    sheet.setCells(0, 0, [[{ kind: "value", value: "a" }, { kind: "value", value: 1 }]]);
    sheet.setCells(0, 3, [[{ kind: "formula", formula: "=ROWS_OF(A:B)" }]]);
    expect(sheet.getValues({ row: 0, column: 3, numRows: 1, numColumns: 4 })).toEqual([[sheet.getMaxRows(), "blank", "own", "open"]]);
  });

  it("compiles a bundle once per content, and again once its Code.js changes", () => {
    const dir = fixtureBundle(`/** @customfunction */\nfunction ONE() { return 1; }`);
    const first = loadAddonBundle(dir);
    expect(loadAddonBundle(dir)).toBe(first);
    writeFileSync(join(dir, "Code.js"), `/** @customfunction */\nfunction TWO() { return 2; }`);
    const changed = loadAddonBundle(dir);
    expect(changed).not.toBe(first);
    expect(changed.customFunctions).toEqual(["TWO"]);
  });

  it("enforces the 6-minute limit on the simulated duration when asked", () => {
    const loop = `function busy() { var s = SpreadsheetApp.getActive().getSheetByName("S"); for (var i = 0; i < 10000; i++) s.getRange("A1").getValues(); return "done"; }`;
    const { runtime } = testRuntime({ bundleDir: fixtureBundle(loop), demo: false, enforceTimeLimit: true });
    runtime.model.insertSheet("S");
    const execution = runtime.run("busy");
    expect(execution.ok).toBe(false);
    expect(execution.error?.message).toBe("Exceeded maximum execution time");
    expect(execution.simulatedMs).toBeGreaterThan(360_000);
  });
});

describe("installable change triggers (onChange)", () => {
  const code = `
function install() { ScriptApp.newTrigger("changed").forSpreadsheet(SpreadsheetApp.getActive()).onChange().create(); }
function changed(e) {
  return { changeType: e.changeType, authMode: e.authMode, triggerUid: e.triggerUid, user: e.user.getEmail(),
    source: e.source.getId() === SpreadsheetApp.getActive().getId(), runsAs: Session.getEffectiveUser().getEmail() };
}
`;

  it("runs each change trigger as its creator with Apps Script's event object", () => {
    const { runtime } = testRuntime({ bundleDir: fixtureBundle(code), demo: false });
    expect(runtime.fireChange({ changeType: "REMOVE_ROW", user: "tanaka@city.example" })).toEqual([]); // none installed yet
    runtime.run("install", [], { user: "henkaku@city.example" });
    const [trigger] = runtime.state.triggers;
    expect(trigger).toMatchObject({ handler: "changed", eventType: "ON_CHANGE" });
    const [result] = runtime.fireChange({ changeType: "REMOVE_ROW", user: "tanaka@city.example" });
    expect(result.ok, result.error?.message).toBe(true);
    // Editor and creator share the Workspace domain, so e.user names the editor (R-session); the strictest reading leaves it blank.
    expect(result.result).toEqual({
      changeType: "REMOVE_ROW", authMode: "FULL", triggerUid: trigger.uid, user: "tanaka@city.example", source: true, runsAs: "henkaku@city.example",
    });
    expect(runtime.fireChange({ changeType: "REMOVE_ROW", user: "someone@gmail.com" })[0].result).toMatchObject({ user: "" });
  });

  it("leaves the change event's user blank under the strictest reading", () => {
    const { runtime } = testRuntime({ bundleDir: fixtureBundle(code), demo: false, workspace: { domain: "city.example", strictUsers: true } });
    runtime.run("install", [], { user: "henkaku@city.example" });
    expect(runtime.fireChange({ changeType: "REMOVE_ROW", user: "tanaka@city.example" })[0].result).toMatchObject({ user: "", runsAs: "henkaku@city.example" });
  });
});

// G-quota: "Triggers total runtime" is a daily quota (90 min consumer, 6 h Workspace); quotas are per user and
// "reset 24 hours after the first request".
describe("the daily trigger runtime quota", () => {
  const code = `
function work() {
  var props = PropertiesService.getScriptProperties();
  props.setProperty("runs", String(Number(props.getProperty("runs") || 0) + 1));
  Utilities.sleep(4 * 60 * 1000);
}
function failsSlowly() { Utilities.sleep(4 * 60 * 1000); throw new Error("失敗"); }
`;
  const asTrigger = (owner: string) => ({ context: { kind: "time-driven", owner } as const });

  it("counts each owner's trigger runs and refuses the next once the day's runtime is used up", () => {
    const { runtime, clock } = testRuntime({ bundleDir: fixtureBundle(code), demo: false });
    runtime.state.triggerRuntime.dailyLimitMs = 10 * 60 * 1000;
    const first = clock.now();
    expect(runtime.run("work", [], asTrigger("henkaku@city.example")).ok).toBe(true);
    expect(runtime.run("failsSlowly", [], asTrigger("henkaku@city.example")).ok).toBe(false); // a failed run's time counts too
    expect(runtime.run("work", [], asTrigger("henkaku@city.example")).ok).toBe(true); // 2 minutes were left
    expect(runtime.state.triggerRuntime.users["henkaku@city.example"]).toEqual({ since: first, usedMs: 12 * 60 * 1000 });

    const refused = runtime.run("work", [], asTrigger("henkaku@city.example"));
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toBe("Service using too much computer time for one day");
    expect(runtime.state.scriptProperties.runs).toBe("2"); // it did not run
    expect(runtime.run("work", [], asTrigger("sato@city.example")).ok).toBe(true); // another owner's quota
    expect(runtime.run("work", [], { user: "henkaku@city.example" }).ok).toBe(true); // a menu run is no trigger

    clock.set(first + 24 * 60 * 60 * 1000 - 1);
    expect(runtime.run("work", [], asTrigger("henkaku@city.example")).ok).toBe(false);
    clock.set(first + 24 * 60 * 60 * 1000);
    expect(runtime.run("work", [], asTrigger("henkaku@city.example")).ok).toBe(true);
  });

  it("counts installable edit and change triggers, which run as their creator too", () => {
    const { runtime } = testRuntime({ bundleDir: fixtureBundle(code), demo: false });
    runtime.run("work", [], { context: { kind: "installable-trigger", event: "ON_CHANGE", owner: "henkaku@city.example" } });
    expect(runtime.state.triggerRuntime.users["henkaku@city.example"].usedMs).toBe(4 * 60 * 1000);
  });
});
