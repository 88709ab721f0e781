import { describe, it, expect } from "vitest";
import { fromEngineFormula, toEngineFormula } from "../../../src/local/workbook/a1";
import { dateToSerial, serialToDate } from "../../../src/local/workbook/dates";
import { formatValue, isDateFormat } from "../../../src/local/workbook/number-format";

describe("sheet names in formulas", () => {
  it("quotes names for the engine and shows them as Sheets does", () => {
    expect(toEngineFormula('=SUM(課題!A:M)+集計!B2&"x!y"')).toBe(`=SUM('課題'!A:M)+'集計'!B2&"x!y"`);
    expect(toEngineFormula("='集計'!B2")).toBe("='集計'!B2");
    expect(fromEngineFormula(`=SUM('課題'!A:M)+'my sheet'!A1+'2024'!A1+'It''s'!A1`)).toBe(
      `=SUM(課題!A:M)+'my sheet'!A1+'2024'!A1+'It''s'!A1`,
    );
  });
});

describe("serial dates", () => {
  it("reads serials as wall-clock time in the spreadsheet time zone", () => {
    expect(serialToDate(46168, "Asia/Tokyo").toISOString()).toBe("2026-05-25T15:00:00.000Z");
    expect(dateToSerial(new Date("2026-05-26T00:00:00+09:00"), "Asia/Tokyo")).toBe(46168);
    expect(serialToDate(46168.5, "America/New_York").toISOString()).toBe("2026-05-26T16:00:00.000Z");
  });
});

describe("number formats", () => {
  it.each([
    [46168, "yyyy/MM/dd", "2026/05/26"],
    [46168.5, "yyyy/MM/dd H:mm:ss", "2026/05/26 12:00:00"],
    [46168, "yyyy-mm-dd", "2026-05-26"],
    [46168.75, "yyyy/M/d h:mm AM/PM", "2026/5/26 6:00 PM"],
    [46168, 'yyyy"年"M"月"d"日"(ddd)', "2026年5月26日(火)"],
    [12.5, "0", "13"],
    [3.14159, "0.00", "3.14"],
    [1234567.891, "#,##0", "1,234,568"],
    [1234.5, "#,##0.00", "1,234.50"],
    [0.256, "0%", "26%"],
    [-5, "#,##0;(#,##0)", "(5)"],
    [1500, '#,##0"円"', "1,500円"],
    [1 / 3, "General", "0.3333333333"],
    [1e20, "General", "1E+20"],
  ])("%s with %s → %s", (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });

  it("tells date formats from number formats", () => {
    expect([isDateFormat("yyyy/MM/dd"), isDateFormat("H:mm"), isDateFormat('0.00"円"'), isDateFormat("General"), isDateFormat("#,##0")]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("daylight saving", () => {
  it("converts across a DST change in the spreadsheet time zone", () => {
    // 2026-03-08 is the US spring-forward day: 01:00 is EST (-5), 12:00 is EDT (-4).
    expect(serialToDate(46089 + 1 / 24, "America/New_York").toISOString()).toBe("2026-03-08T06:00:00.000Z");
    expect(serialToDate(46089.5, "America/New_York").toISOString()).toBe("2026-03-08T16:00:00.000Z");
    expect(dateToSerial(new Date("2026-03-08T16:00:00Z"), "America/New_York")).toBe(46089.5);
  });
});
