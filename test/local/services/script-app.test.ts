import { identity } from "../../support/contexts";
import { describe, expect, it } from "vitest";
import { emptyState, type ExecutionEnv, type RuntimeState } from "../../../src/local/execution/env";
import { createScriptApp } from "../../../src/local/services/script-app";
import { nextRunAfter } from "../../../src/local/services/trigger-schedule";

const NOW = Date.parse("2026-11-25T03:00:00Z"); // Wednesday 12:00 in Tokyo
const SPREADSHEET_ID = "sheet-123";
const TOO_MANY = "This script has too many triggers. Triggers must be deleted from the script before more can be added.";

/** `random` draws an atHour trigger's minute: 0 gives :00, 0.999 gives :59. */
function makeApp(state: RuntimeState = emptyState(), user = "tanaka@platina.example", random = () => 0) {
  const env: ExecutionEnv = {
    clock: { now: () => NOW, sleep: () => undefined },
    random,
    timeZone: "Asia/Tokyo",
    ...identity(user),
    state,
    log: () => undefined,
    ui: null,
  };
  return { env, ScriptApp: createScriptApp(env, { spreadsheetId: SPREADSHEET_ID }) };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const spreadsheet = { getId: () => SPREADSHEET_ID } as GoogleAppsScript.Spreadsheet.Spreadsheet;

describe("ScriptApp time-driven triggers", () => {
  it("creates a daily trigger that persists in the state with its owner and next run", () => {
    const { env, ScriptApp } = makeApp();
    const trigger = ScriptApp.newTrigger("sendDigest").timeBased().everyDays(1).atHour(9).create();
    expect(trigger.getHandlerFunction()).toBe("sendDigest");
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(trigger.getTriggerSourceId()).toBeNull();
    const [saved] = env.state.triggers;
    expect(saved).toMatchObject({ uid: trigger.getUniqueId(), handler: "sendDigest", eventType: "CLOCK", owner: "tanaka@platina.example" });
    expect(iso(saved.nextRun)).toBe("2026-11-26T00:00:00.000Z"); // tomorrow 09:00 Tokyo
  });

  it("computes one-off times from after(), at() and atDate()", () => {
    const { env, ScriptApp } = makeApp();
    ScriptApp.newTrigger("a").timeBased().after(10 * 60 * 1000).create();
    ScriptApp.newTrigger("b").timeBased().at(new Date("2026-12-24T09:00:00Z")).create();
    ScriptApp.newTrigger("c").timeBased().atDate(2026, 12, 1).create();
    ScriptApp.newTrigger("d").timeBased().atDate(2026, 12, 1).inTimezone("UTC").create();
    expect(env.state.triggers.map((t) => iso(t.nextRun))).toEqual([
      "2026-11-25T03:10:00.000Z",
      "2026-12-24T09:00:00.000Z",
      "2026-11-30T15:00:00.000Z",
      "2026-12-01T00:00:00.000Z",
    ]);
  });

  it("accepts only 1, 5, 10, 15 or 30 for everyMinutes", () => {
    const { env, ScriptApp } = makeApp();
    expect(() => ScriptApp.newTrigger("f").timeBased().everyMinutes(7)).toThrow("everyMinutes");
    ScriptApp.newTrigger("f").timeBased().everyMinutes(30).create();
    expect(iso(env.state.triggers[0].nextRun)).toBe("2026-11-25T03:30:00.000Z");
  });

  it("runs weekly triggers on the weekday asked for", () => {
    const { env, ScriptApp } = makeApp();
    ScriptApp.newTrigger("weekly").timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).create();
    expect(iso(env.state.triggers[0].nextRun)).toBe("2026-11-29T23:00:00.000Z"); // Monday 08:00 Tokyo
  });

  // R-clock: atHour "runs at a random minute" of the hour unless nearMinute() (plus or minus 15 minutes) is called.
  it("fires an atHour trigger at a minute of that hour drawn when it is made, and keeps it", () => {
    const at = (random: number, build: (b: GoogleAppsScript.Script.ClockTriggerBuilder) => GoogleAppsScript.Script.ClockTriggerBuilder) => {
      const { env, ScriptApp } = makeApp(emptyState(), "tanaka@platina.example", () => random);
      build(ScriptApp.newTrigger("f").timeBased()).create();
      return env.state.triggers[0];
    };
    expect(iso(at(0.999, (b) => b.everyDays(1).atHour(9)).nextRun)).toBe("2026-11-26T00:59:00.000Z"); // 09:59 Tokyo
    expect(iso(at(0.5, (b) => b.onMonthDay(1).atHour(9)).nextRun)).toBe("2026-12-01T00:30:00.000Z");
    expect(iso(at(0, (b) => b.everyDays(1).atHour(9).nearMinute(40)).nextRun)).toBe("2026-11-26T00:25:00.000Z");
    expect(iso(at(0.999, (b) => b.everyDays(1).atHour(9).nearMinute(40)).nextRun)).toBe("2026-11-26T00:55:00.000Z");
    expect(iso(at(0.999, (b) => b.everyDays(1).atHour(9).nearMinute(50)).nextRun)).toBe("2026-11-26T00:59:00.000Z"); // within the hour
    const daily = at(0.25, (b) => b.everyDays(1).atHour(9));
    expect(iso(nextRunAfter(daily.schedule!, daily.nextRun!, "Asia/Tokyo"))).toBe("2026-11-27T00:15:00.000Z"); // the same minute the next day
  });

  it("spreads atHour triggers over the hour", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const { env, ScriptApp } = makeApp(emptyState(), "tanaka@platina.example", random);
    for (let i = 0; i < 10; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyDays(1).atHour(9).create();
    const minutes = env.state.triggers.map((t) => new Date(t.nextRun!).getUTCMinutes());
    expect(new Set(minutes).size).toBeGreaterThan(1);
    expect(env.state.triggers.every((t) => new Date(t.nextRun!).getUTCHours() === 0)).toBe(true); // all within 09:00–09:59 Tokyo
  });

  it("validates the time zone and the combination of settings", () => {
    const { ScriptApp } = makeApp();
    expect(() => ScriptApp.newTrigger("f").timeBased().inTimezone("Nowhere/City")).toThrow("Invalid argument: timezone");
    expect(() => ScriptApp.newTrigger("f").timeBased().create()).toThrow("no schedule");
    expect(() => ScriptApp.newTrigger("f").timeBased().everyMinutes(5).atHour(3).create()).toThrow("atHour()");
    expect(() => ScriptApp.newTrigger("f").timeBased().everyHours(1).everyDays(1).create()).toThrow("more than one schedule");
  });
});

describe("ScriptApp spreadsheet triggers", () => {
  it("creates onEdit / onOpen triggers for the workbook, by object or id", () => {
    const { ScriptApp } = makeApp();
    const edit = ScriptApp.newTrigger("handleEdit").forSpreadsheet(spreadsheet).onEdit().create();
    const open = ScriptApp.newTrigger("handleOpen").forSpreadsheet(SPREADSHEET_ID).onOpen().create();
    expect(edit.getEventType()).toBe(ScriptApp.EventType.ON_EDIT);
    expect(edit.getTriggerSource()).toBe(ScriptApp.TriggerSource.SPREADSHEETS);
    expect(edit.getTriggerSourceId()).toBe(SPREADSHEET_ID);
    expect(ScriptApp.getUserTriggers(spreadsheet).map((t) => t.getHandlerFunction())).toEqual(["handleEdit", "handleOpen"]);
    expect(open.getEventType()).toBe("ON_OPEN");
  });

  it("needs an event and refuses other spreadsheets", () => {
    const { ScriptApp } = makeApp();
    expect(() => ScriptApp.newTrigger("f").forSpreadsheet(SPREADSHEET_ID).create()).toThrow("no event");
    expect(() => ScriptApp.newTrigger("f").forSpreadsheet("another-id")).toThrow("未対応");
  });
});

describe("ScriptApp trigger ownership and limits", () => {
  it("lists and deletes only the current user's triggers; deleting another's fails", () => {
    const state = emptyState();
    const tanaka = makeApp(state, "tanaka@platina.example").ScriptApp;
    const suzuki = makeApp(state, "suzuki@platina.example").ScriptApp;
    const mine = tanaka.newTrigger("mine").timeBased().everyHours(1).create();
    const theirs = suzuki.newTrigger("theirs").timeBased().everyHours(1).create();
    expect(tanaka.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(["mine"]);
    expect(() => tanaka.deleteTrigger(theirs)).toThrow(/belongs to another user/);
    expect(state.triggers).toHaveLength(2);
    tanaka.deleteTrigger(tanaka.getProjectTriggers()[0]);
    expect(state.triggers.map((t) => t.uid)).toEqual([theirs.getUniqueId()]);
    expect(mine.getUniqueId()).not.toBe(theirs.getUniqueId());
  });

  it("allows 20 triggers per user, then throws Apps Script's message", () => {
    const state = emptyState();
    const { ScriptApp } = makeApp(state);
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger("f20").forSpreadsheet(SPREADSHEET_ID).onEdit().create()).toThrow(TOO_MANY);
    expect(state.triggers).toHaveLength(20);
    makeApp(state, "other@platina.example").ScriptApp.newTrigger("g").timeBased().everyHours(1).create();
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
    ScriptApp.newTrigger("f20").timeBased().everyHours(1).create();
    expect(state.triggers).toHaveLength(21);
  });
});

describe("ScriptApp misc", () => {
  it("returns the web app URL, or null when not deployed", () => {
    const { env, ScriptApp } = makeApp();
    expect(ScriptApp.getService().getUrl()).toBeNull();
    expect(ScriptApp.getService().isEnabled()).toBe(false);
    env.state.webAppUrl = "http://localhost:8080/macros/s/local/exec";
    expect(ScriptApp.getService().getUrl()).toBe("http://localhost:8080/macros/s/local/exec");
  });

  it("gives fixed identity values and refuses what has no offline meaning", () => {
    const { ScriptApp } = makeApp();
    expect(ScriptApp.getOAuthToken()).toMatch(/\S+/);
    expect(ScriptApp.getScriptId()).toBe(makeApp().ScriptApp.getScriptId());
    expect(() => ScriptApp.newTrigger("f").forForm("x")).toThrow("platina のローカル実行環境では TriggerBuilder.forForm は未対応です");
  });
});
