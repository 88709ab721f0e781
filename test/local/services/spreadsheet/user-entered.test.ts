import { describe, it, expect } from "vitest";
import { parseUserEntered } from "../../../../src/local/services/spreadsheet/user-entered";

const TZ = "Asia/Tokyo";
const parse = (value: unknown) => parseUserEntered(value, TZ);

describe("parseUserEntered", () => {
  it("reads a leading = as a formula", () => {
    expect(parse("=1+2")).toEqual({ input: { kind: "formula", formula: "=1+2" } });
  });

  it("keeps text after a leading apostrophe, without the apostrophe", () => {
    expect(parse("'0123")).toEqual({ input: { kind: "value", value: "0123" } });
    expect(parse("'=1+2")).toEqual({ input: { kind: "value", value: "=1+2" } });
  });

  it("reads numeric strings as numbers, with the format Sheets picks", () => {
    expect(parse("12")).toEqual({ input: { kind: "value", value: 12 } });
    expect(parse("3.5").input).toEqual({ kind: "value", value: 3.5 });
    expect(parse("-2").input).toEqual({ kind: "value", value: -2 });
    expect(parse("1,000")).toEqual({ input: { kind: "value", value: 1000 }, numberFormat: "#,##0" });
    expect(parse("10%")).toEqual({ input: { kind: "value", value: 0.1 }, numberFormat: "0%" });
    expect(parse("0123").input).toEqual({ kind: "value", value: 123 });
  });

  it("reads TRUE/FALSE in any case as booleans", () => {
    expect(parse("TRUE").input).toEqual({ kind: "value", value: true });
    expect(parse("false").input).toEqual({ kind: "value", value: false });
  });

  it("reads dates as midnight in the spreadsheet's time zone", () => {
    const midnight = new Date(Date.UTC(2026, 4, 25, 15)); // 2026-05-26 00:00 Tokyo
    expect(parse("2026/5/26").input).toEqual({ kind: "value", value: midnight });
    expect(parse("2026-05-26").input).toEqual({ kind: "value", value: midnight });
    expect(parse("2026/2/30").input).toEqual({ kind: "value", value: "2026/2/30" });
  });

  it("keeps everything else as text, and non-strings as they are", () => {
    expect(parse("対応済(完了)").input).toEqual({ kind: "value", value: "対応済(完了)" });
    expect(parse("1,00").input).toEqual({ kind: "value", value: "1,00" });
    expect(parse(42).input).toEqual({ kind: "value", value: 42 });
    expect(parse(true).input).toEqual({ kind: "value", value: true });
    const date = new Date(2026, 0, 1);
    expect(parse(date).input).toEqual({ kind: "value", value: date });
    expect(parse("").input).toEqual({ kind: "empty" });
    expect(parse(null).input).toEqual({ kind: "empty" });
  });
});
