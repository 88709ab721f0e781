import { describe, expect, it } from "vitest";
import type { TriggerRecord, TriggerSchedule } from "../../../src/local/execution/env";
import { dueTriggers, nextRunAfter } from "../../../src/local/services/trigger-schedule";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const next = (schedule: TriggerSchedule, after: string, zone = "Asia/Tokyo") => iso(nextRunAfter(schedule, at(after), zone));
const hour = { atHour: null, nearMinute: null };

describe("nextRunAfter", () => {
  it("monthly on day 1 at 9 Tokyo time", () => {
    const monthly: TriggerSchedule = { kind: "monthly", monthDay: 1, atHour: 9, nearMinute: null };
    expect(next(monthly, "2026-11-25T03:00:00Z")).toBe("2026-12-01T00:00:00.000Z");
    expect(next(monthly, "2026-12-01T00:00:00Z")).toBe("2027-01-01T00:00:00.000Z"); // strictly after
  });

  it("skips months without the day", () => {
    expect(next({ kind: "monthly", monthDay: 31, ...hour }, "2026-11-01T00:00:00Z", "UTC")).toBe("2026-12-31T00:00:00.000Z");
  });

  it("every 15 minutes on the quarter hours", () => {
    const quarter: TriggerSchedule = { kind: "everyMinutes", minutes: 15 };
    expect(next(quarter, "2026-11-25T10:07:30Z")).toBe("2026-11-25T10:15:00.000Z");
    expect(next(quarter, "2026-11-25T10:15:00Z")).toBe("2026-11-25T10:30:00.000Z");
  });

  it("every 6 hours on the zone's clock (00, 06, 12, 18 in Tokyo)", () => {
    expect(next({ kind: "everyHours", hours: 6 }, "2026-11-25T00:30:00Z")).toBe("2026-11-25T03:00:00.000Z");
    expect(next({ kind: "everyHours", hours: 6 }, "2026-11-25T00:30:00Z", "UTC")).toBe("2026-11-25T06:00:00.000Z");
  });

  it("once: its time, or null when it has passed", () => {
    const once: TriggerSchedule = { kind: "once", at: at("2026-11-25T05:00:00Z") };
    expect(next(once, "2026-11-25T04:59:59Z")).toBe("2026-11-25T05:00:00.000Z");
    expect(next(once, "2026-11-25T05:00:00Z")).toBeNull();
  });

  it("daily at h:nearMinute, and every other day two days apart", () => {
    expect(next({ kind: "everyDays", days: 1, atHour: 9, nearMinute: 30 }, "2026-11-25T01:00:00Z")).toBe("2026-11-26T00:30:00.000Z");
    const everyOther: TriggerSchedule = { kind: "everyDays", days: 2, atHour: 6, nearMinute: null };
    const first = nextRunAfter(everyOther, at("2026-11-25T00:00:00Z"), "Asia/Tokyo") as number;
    expect(nextRunAfter(everyOther, first, "Asia/Tokyo")! - first).toBe(2 * 86_400_000);
  });

  it("weekly on a weekday, and every two weeks", () => {
    // 2026-11-25 is a Wednesday; weekday 1 = Monday.
    const monday: TriggerSchedule = { kind: "everyWeeks", weeks: 1, weekDay: 1, atHour: 8, nearMinute: null };
    expect(next(monday, "2026-11-25T00:00:00Z")).toBe("2026-11-29T23:00:00.000Z");
    const fortnightly = { ...monday, weeks: 2 };
    const first = nextRunAfter(fortnightly, at("2026-11-25T00:00:00Z"), "Asia/Tokyo") as number;
    expect(new Date(first + 9 * 3_600_000).getUTCDay()).toBe(1);
    expect(nextRunAfter(fortnightly, first, "Asia/Tokyo")! - first).toBe(14 * 86_400_000);
  });

  it("keeps the wall-clock hour across a daylight-saving change", () => {
    const daily: TriggerSchedule = { kind: "everyDays", days: 1, atHour: 9, nearMinute: null };
    expect(next(daily, "2026-10-31T12:00:00Z", "America/New_York")).toBe("2026-10-31T13:00:00.000Z"); // EDT
    expect(next(daily, "2026-10-31T13:00:00Z", "America/New_York")).toBe("2026-11-01T14:00:00.000Z"); // EST
  });

  it("uses the zone stored with the schedule (inTimezone) over the caller's", () => {
    const schedule = { kind: "everyDays", days: 1, atHour: 9, nearMinute: null, timeZone: "UTC" } as TriggerSchedule;
    expect(next(schedule, "2026-11-25T00:00:00Z", "Asia/Tokyo")).toBe("2026-11-25T09:00:00.000Z");
  });
});

function record(uid: string, schedule: TriggerSchedule | null, nextRun: number | null): TriggerRecord {
  return {
    uid, handler: `h${uid}`, eventType: schedule ? "CLOCK" : "ON_EDIT", source: schedule ? "CLOCK" : "SPREADSHEETS",
    sourceId: null, owner: "tanaka@platina.example", schedule, nextRun, createdAt: 0,
  };
}

describe("dueTriggers", () => {
  it("lists every firing up to the moment, repeats included, in time order", () => {
    const hourly = record("1", { kind: "everyHours", hours: 1 }, at("2026-11-25T01:00:00Z"));
    const once = record("2", { kind: "once", at: at("2026-11-25T02:30:00Z") }, at("2026-11-25T02:30:00Z"));
    const later = record("3", { kind: "once", at: at("2026-11-26T00:00:00Z") }, at("2026-11-26T00:00:00Z"));
    const fired = record("4", { kind: "once", at: at("2026-11-24T00:00:00Z") }, null);
    const onEdit = record("5", null, null);
    const due = dueTriggers([once, hourly, later, fired, onEdit], at("2026-11-25T04:00:00Z"), "Asia/Tokyo");
    expect(due.map((d) => [d.trigger.uid, iso(d.at)])).toEqual([
      ["1", "2026-11-25T01:00:00.000Z"],
      ["1", "2026-11-25T02:00:00.000Z"],
      ["2", "2026-11-25T02:30:00.000Z"],
      ["1", "2026-11-25T03:00:00.000Z"],
      ["1", "2026-11-25T04:00:00.000Z"],
    ]);
  });

  it("includes an overdue one-off trigger once", () => {
    const overdue = record("1", { kind: "once", at: at("2026-11-20T00:00:00Z") }, at("2026-11-20T00:00:00Z"));
    expect(dueTriggers([overdue], at("2026-11-25T00:00:00Z"), "Asia/Tokyo").map((d) => iso(d.at))).toEqual(["2026-11-20T00:00:00.000Z"]);
  });
});
