// A follow-up cycle is a Tokyo month; its reminder and deadline are counted from the day requests went out.
import { describe, expect, it } from "vitest";
import { cycleLabel, cycleMonth, cycleOf } from "../../../src/core/follow-up/cycle";
import { cycleDates } from "../../../src/core/mailing/schedule";

const DEFAULTS = { 回答期限: 10, 再依頼: 7, 送信時刻: 9 };
const iso = (date: Date) => date.toISOString();
const tokyo = (text: string) => new Date(`${text}+09:00`);

describe("cycleOf", () => {
  it("is the month in Tokyo, not in UTC, at both ends of a month and a year", () => {
    expect(cycleOf(Date.parse("2026-11-30T14:59:59Z"))).toBe("2026-11");
    expect(cycleOf(Date.parse("2026-11-30T15:00:00Z"))).toBe("2026-12"); // 00:00 on 1 December in Tokyo
    expect(cycleOf(new Date("2026-12-31T15:00:00Z"))).toBe("2027-01");
    expect(cycleOf(tokyo("2027-01-31T23:59:59"))).toBe("2027-01");
  });
});

describe("cycleMonth and cycleLabel", () => {
  it("read YYYY-MM and name it in the Japanese calendar for subjects", () => {
    expect(cycleMonth("2026-12")).toEqual({ year: 2026, month: 12 });
    expect(cycleLabel("2026-12")).toBe("令和8年12月");
    expect(cycleLabel("2019-05")).toBe("令和元年5月");
    expect(cycleLabel("2019-04")).toBe("平成31年4月");
  });

  it("refuse anything else with a message naming the value", () => {
    for (const bad of ["2026-1", "2026/12", "局区照会-R8", ""]) {
      expect(() => cycleMonth(bad), bad).toThrow(`サイクル「${bad}」は YYYY-MM の形ではありません。`);
    }
  });
});

describe("cycleDates", () => {
  it("counts from Tokyo midnight of the request day: reminder at 送信時刻 after 再依頼 days, answers until the end of the deadline day", () => {
    const dates = cycleDates(tokyo("2026-12-01T09:03:00"), DEFAULTS);
    expect(iso(dates.requested)).toBe(iso(tokyo("2026-12-01T00:00:00")));
    expect(iso(dates.remindAt)).toBe(iso(tokyo("2026-12-08T09:00:00")));
    expect(iso(dates.deadline)).toBe(iso(tokyo("2026-12-11T23:59:59")));
  });

  it("takes the Tokyo day of requests sent just after midnight or just before it", () => {
    expect(iso(cycleDates(tokyo("2026-12-01T00:30:00"), DEFAULTS).requested)).toBe(iso(tokyo("2026-12-01T00:00:00")));
    expect(iso(cycleDates(tokyo("2026-12-01T23:59:00"), DEFAULTS).deadline)).toBe(iso(tokyo("2026-12-11T23:59:59")));
    expect(iso(cycleDates(Date.parse("2026-11-30T15:00:00Z"), DEFAULTS).requested)).toBe("2026-11-30T15:00:00.000Z");
  });

  it("runs over month and year ends, and February in common and leap years", () => {
    expect(iso(cycleDates(tokyo("2026-12-25T09:00:00"), DEFAULTS).deadline)).toBe(iso(tokyo("2027-01-04T23:59:59")));
    expect(iso(cycleDates(tokyo("2026-12-28T09:00:00"), DEFAULTS).remindAt)).toBe(iso(tokyo("2027-01-04T09:00:00")));
    expect(iso(cycleDates(tokyo("2027-02-25T09:00:00"), DEFAULTS).deadline)).toBe(iso(tokyo("2027-03-07T23:59:59")));
    expect(iso(cycleDates(tokyo("2028-02-25T09:00:00"), DEFAULTS).deadline)).toBe(iso(tokyo("2028-03-06T23:59:59")));
  });

  it("follows the 設定 values", () => {
    const dates = cycleDates(tokyo("2026-05-15T08:00:00"), { 回答期限: 1, 再依頼: 1, 送信時刻: 0 });
    expect(iso(dates.remindAt)).toBe(iso(tokyo("2026-05-16T00:00:00")));
    expect(iso(dates.deadline)).toBe(iso(tokyo("2026-05-16T23:59:59")));
    expect(iso(cycleDates(tokyo("2026-05-01T08:00:00"), { 回答期限: 25, 再依頼: 24, 送信時刻: 23 }).remindAt)).toBe(iso(tokyo("2026-05-25T23:00:00")));
  });
});
