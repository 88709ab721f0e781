import { describe, expect, it } from "vitest";
import { formatWareki, formatWarekiMonth, formatWarekiWithWeekday } from "../../src/core/wareki";
import { parseDateInput, tokyoDate } from "../../src/core/base/tokyo-time";

const tokyo = (iso: string) => new Date(`${iso}T00:00:00+09:00`);

describe("formatWareki", () => {
  it("writes 令和 dates with 元年 for the first year", () => {
    expect(formatWareki(tokyo("2026-05-26"))).toBe("令和8年5月26日");
    expect(formatWareki(tokyo("2019-05-01"))).toBe("令和元年5月1日");
    expect(formatWareki(tokyo("2019-04-30"))).toBe("平成31年4月30日");
    expect(formatWareki(tokyo("1989-01-08"))).toBe("平成元年1月8日");
    expect(formatWareki(tokyo("1989-01-07"))).toBe("昭和64年1月7日");
  });

  it("reads the instant in Tokyo time", () => {
    // 15:00 UTC on April 30th is already May 1st in Tokyo: the new era.
    expect(formatWareki(new Date("2019-04-30T15:00:00Z"))).toBe("令和元年5月1日");
  });

  it("adds the weekday for deadlines and names months for cycles", () => {
    expect(formatWarekiWithWeekday(tokyo("2026-12-10"))).toBe("令和8年12月10日（木）");
    expect(formatWarekiMonth(2026, 12)).toBe("令和8年12月");
    expect(formatWarekiMonth(2019, 4)).toBe("平成31年4月");
  });
});

describe("parseDateInput", () => {
  it("accepts dates and date text as Tokyo days", () => {
    expect(tokyoDate(parseDateInput("2026/5/26")!)).toMatchObject({ year: 2026, month: 5, day: 26 });
    expect(parseDateInput("2026-05-26")!.toISOString()).toBe("2026-05-25T15:00:00.000Z");
    const d = new Date();
    expect(parseDateInput(d)).toBe(d);
  });

  it("rejects impossible dates and other text", () => {
    expect(parseDateInput("2026/2/30")).toBeUndefined();
    expect(parseDateInput("来週")).toBeUndefined();
    expect(parseDateInput(45000)).toBeUndefined();
  });
});
