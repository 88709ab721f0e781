import { describe, expect, it } from "vitest";
import { isPast, parseTiming } from "../../src/core/timing";

const due = (last: string, named: string) => ({ kind: "due", last, named });

describe("parseTiming: the seed's 実施時期", () => {
  it.each([
    ["R8年4月本格実施", "2026-04-30", "令和8年4月"],
    ["R8年4月実施", "2026-04-30", "令和8年4月"],
    ["R8年4月施行実施", "2026-04-30", "令和8年4月"],
    ["R7年4月一部実施", "2025-04-30", "令和7年4月"],
    // A year alone is the 年度: R7 runs to 2026-03-31.
    ["R7実証実験開始", "2026-03-31", "令和7年度"],
    ["R8年度中に方針決定", "2027-03-31", "令和8年度"],
    ["R8年1月試行実施", "2026-01-31", "令和8年1月"],
  ])("reads %j as ending %s (%s)", (text, last, named) => {
    expect(parseTiming(text)).toEqual(due(last, named));
  });
});

describe("parseTiming: 和暦 and 西暦", () => {
  it.each([
    ["令和8年4月", "2026-04-30", "令和8年4月"],
    ["Ｒ８年４月本格実施", "2026-04-30", "令和8年4月"],
    ["ｒ８年　４月", "2026-04-30", "令和8年4月"],
    ["令和８年度", "2027-03-31", "令和8年度"],
    ["R7年", "2026-03-31", "令和7年度"],
    ["令和元年度", "2020-03-31", "令和元年度"],
    ["R元年10月", "2019-10-31", "令和元年10月"],
    ["令和元年5月", "2019-05-31", "令和元年5月"],
    ["平成31年4月", "2019-04-30", "平成31年4月"],
    ["H30年度", "2019-03-31", "平成30年度"],
    ["H31.4", "2019-04-30", "平成31年4月"],
    ["R8.10", "2026-10-31", "令和8年10月"],
    ["2026年4月", "2026-04-30", "令和8年4月"],
    ["２０２６年４月", "2026-04-30", "令和8年4月"],
    ["2026年度", "2027-03-31", "令和8年度"],
    ["2026/4", "2026-04-30", "令和8年4月"],
    ["2026-04", "2026-04-30", "令和8年4月"],
    ["2026/4/1", "2026-04-01", "令和8年4月1日"],
    ["R8年4月1日施行", "2026-04-01", "令和8年4月1日"],
    ["R8年2月28日", "2026-02-28", "令和8年2月28日"],
    ["R8年度1月", "2027-01-31", "令和9年1月"],
    ["令和8年度末", "2027-03-31", "令和8年度"],
    ["R8年4月上旬", "2026-04-30", "令和8年4月"],
  ])("reads %j as ending %s (%s)", (text, last, named) => {
    expect(parseTiming(text)).toEqual(due(last, named));
  });

  it("reads a 西暦 year typed as a number as that 年度", () => {
    expect(parseTiming(2026)).toEqual(due("2027-03-31", "令和8年度"));
  });

  it("reads a date cell as its month in Tokyo, also as the ISO text a record holds", () => {
    expect(parseTiming(new Date("2026-04-15T00:00:00+09:00"))).toEqual(due("2026-04-30", "令和8年4月"));
    // 2026-03-31T15:00Z is already April 1st in Tokyo.
    expect(parseTiming(new Date("2026-03-31T15:00:00Z"))).toEqual(due("2026-04-30", "令和8年4月"));
    expect(parseTiming("2026-03-31T15:00:00.000Z")).toEqual(due("2026-04-30", "令和8年4月"));
  });
});

describe("parseTiming: ranges take the end", () => {
  it.each([
    ["R8年4月～R9年3月", "2027-03-31", "令和9年3月"],
    ["R8年4月〜R9年3月", "2027-03-31", "令和9年3月"],
    ["R8年4月から9月まで試行", "2026-09-30", "令和8年9月"],
    ["R8年4月～9月", "2026-09-30", "令和8年9月"],
    // A month earlier in the calendar than the one before it is in the next year.
    ["R8年10月～3月", "2027-03-31", "令和9年3月"],
    ["R8年度4月～3月", "2027-03-31", "令和9年3月"],
    ["R8-R9", "2028-03-31", "令和9年度"],
    ["2026年4月～2027年3月", "2027-03-31", "令和9年3月"],
    // 「から」 marks when it begins: that is the date to check.
    ["R7年度から順次実施", "2026-03-31", "令和7年度"],
  ])("reads %j as ending %s", (text, last, named) => {
    expect(parseTiming(text)).toEqual(due(last, named));
  });
});

describe("parseTiming: nothing to check", () => {
  it.each(["", "   ", null, undefined, "未定", "時期未定", "調整中", "検討中", "なし", "-", "ー", "R8年度以降", "R8年4月～", "R8年4月〜", "R8.4-"])(
    "%j names no end date",
    (value) => {
      expect(parseTiming(value)).toEqual({ kind: "none" });
    },
  );
});

describe("parseTiming: unreadable", () => {
  it.each(["来春", "近日中", "4月実施", "3年以内", "R8年13月", "R8年2月30日", "R0年", "令和0年度", "PHR8年", "x".repeat(100), 7.5, 8, 1850, new Date(Number.NaN)])(
    "%j cannot be read",
    (value) => {
      expect(parseTiming(value)).toEqual({ kind: "unreadable" });
    },
  );
});

describe("isPast", () => {
  it("is past once the whole period has ended, not on its last day", () => {
    const april = parseTiming("R8年4月本格実施");
    expect(isPast(april, "2026-04-30")).toBe(false);
    expect(isPast(april, "2026-05-01")).toBe(true);
    const r7 = parseTiming("R7実証実験開始");
    expect(isPast(r7, "2026-03-31")).toBe(false);
    expect(isPast(r7, "2026-04-01")).toBe(true);
    expect(isPast(parseTiming("2026/4/1"), "2026-04-02")).toBe(true);
  });

  it("is never past for text with no end or that cannot be read", () => {
    for (const text of ["", "未定", "R7年度以降", "来春"]) expect(isPast(parseTiming(text), "2099-12-31")).toBe(false);
  });
});
