import { describe, expect, it } from "vitest";
import { fiscalYearLabel, fiscalYearOfDate, parseFiscalYear } from "../../src/core/base/fiscal-year";

const tokyo = (iso: string) => new Date(`${iso}+09:00`);

describe("parseFiscalYear", () => {
  it.each([
    "R7", "Ｒ７", "r7", "R7年度", "令和7", "令和7年度", " 令和 7 年度 ", 2025, "2025", "2025年度", "２０２５年度",
  ])("reads %j as R7", (input) => {
    expect(parseFiscalYear(input)).toBe(7);
  });

  it("reads 令和元年度 as R1", () => {
    expect(parseFiscalYear("令和元年度")).toBe(1);
    expect(parseFiscalYear("R元")).toBe(1);
  });

  it("reads a Date as the April–March fiscal year in Tokyo", () => {
    expect(parseFiscalYear(tokyo("2026-04-01T00:00:00"))).toBe(8);
    expect(parseFiscalYear(tokyo("2026-03-31T23:59:59"))).toBe(7);
    // 2026-03-31T15:30Z is already April 1st in Tokyo.
    expect(parseFiscalYear(new Date("2026-03-31T15:30:00Z"))).toBe(8);
  });

  it("gives null for blanks and undefined for what it cannot read", () => {
    expect(parseFiscalYear("")).toBeNull();
    expect(parseFiscalYear("  ")).toBeNull();
    expect(parseFiscalYear(null)).toBeNull();
    for (const bad of ["R", "来年度", "2018", 2018, "H30", 7.5, "R0", new Date(Number.NaN)]) {
      expect(parseFiscalYear(bad)).toBeUndefined();
    }
  });
});

describe("fiscalYearOfDate", () => {
  it("switches at April 1st, Tokyo time, whatever the machine's zone", () => {
    expect(fiscalYearLabel(fiscalYearOfDate(tokyo("2026-05-26T00:00:00")))).toBe("R8");
    expect(fiscalYearLabel(fiscalYearOfDate(tokyo("2026-04-01T00:00:00")))).toBe("R8");
    expect(fiscalYearLabel(fiscalYearOfDate(tokyo("2026-03-31T00:00:00")))).toBe("R7");
    expect(fiscalYearLabel(fiscalYearOfDate(tokyo("2019-04-01T00:00:00")))).toBe("R1");
  });
});
