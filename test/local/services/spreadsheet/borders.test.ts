// Range.setBorder: true draws, false removes, null leaves an edge as it is; the
// optional colour and style, Apps Script's signature check, and clearFormat.
import { describe, expect, it } from "vitest";
import type { CellBorders } from "../../../../src/local/workbook/model";
import { makeApp } from "./setup";

const BLACK = { color: "#000000", style: "SOLID" };

function setup() {
  const made = makeApp();
  const sheet = made.ss.getSheetByName("課題")!;
  const borders = (a1: string): CellBorders | undefined => {
    const range = sheet.getRange(a1);
    return made.model.getSheetByName("課題")!.getStyle(range.getRow() - 1, range.getColumn() - 1).borders;
  };
  return { ...made, sheet, borders };
}

describe("Range.setBorder", () => {
  it("draws the outer edges only when the inner lines are null", () => {
    const { sheet, borders } = setup();
    sheet.getRange("B2:C3").setBorder(true, true, true, true, null, null);
    expect(borders("B2")).toEqual({ top: BLACK, left: BLACK });
    expect(borders("C2")).toEqual({ top: BLACK, right: BLACK });
    expect(borders("B3")).toEqual({ bottom: BLACK, left: BLACK });
    expect(borders("C3")).toEqual({ bottom: BLACK, right: BLACK });
    expect(borders("A1")).toBeUndefined();
    expect(borders("D4")).toBeUndefined();
  });

  it("draws inner lines with vertical and horizontal", () => {
    const { sheet, borders } = setup();
    sheet.getRange("A1:B2").setBorder(null, null, null, null, true, true);
    expect(borders("A1")).toEqual({ bottom: BLACK, right: BLACK });
    expect(borders("B2")).toEqual({ top: BLACK, left: BLACK });
  });

  it("leaves edges given as null unchanged and removes those given as false", () => {
    const { sheet, borders } = setup();
    const range = sheet.getRange("B2:C3");
    range.setBorder(true, true, true, true, true, true);
    range.setBorder(null, false, null, null, null, false);
    expect(borders("B2")).toEqual({ top: BLACK, right: BLACK });
    expect(borders("C3")).toEqual({ right: BLACK, bottom: BLACK, left: BLACK });
  });

  it("removes the neighbour's side of an outer edge, so no line is left on that edge", () => {
    const { sheet, borders } = setup();
    sheet.getRange("A1").setBorder(null, null, true, null, null, null);
    expect(borders("A1")).toEqual({ bottom: BLACK });
    sheet.getRange("A2").setBorder(false, null, null, null, null, null);
    expect(borders("A1")).toBeUndefined();
  });

  it("takes a colour in CSS notation and a SpreadsheetApp.BorderStyle", () => {
    const { app, sheet, borders } = setup();
    sheet.getRange("A1").setBorder(null, null, true, null, null, null, "#1A73E8", app.BorderStyle.SOLID_THICK);
    sheet.getRange("B1").setBorder(null, null, true, null, null, null, "red", app.BorderStyle.DOUBLE);
    sheet.getRange("C1").setBorder(null, null, true, null, null, null, null, null);
    expect(borders("A1")).toEqual({ bottom: { color: "#1a73e8", style: "SOLID_THICK" } });
    expect(borders("B1")).toEqual({ bottom: { color: "#ff0000", style: "DOUBLE" } });
    expect(borders("C1")).toEqual({ bottom: BLACK });
  });

  it("refuses arguments outside its two signatures and writes nothing", () => {
    const { sheet, borders } = setup();
    const range = sheet.getRange("A1") as unknown as { setBorder(...args: unknown[]): unknown };
    expect(() => range.setBorder(true, true, true, true)).toThrow(
      "The parameters (Boolean,Boolean,Boolean,Boolean) don't match the method signature for SpreadsheetApp.Range.setBorder.",
    );
    expect(() => range.setBorder(true, true, true, true, true, true, "#000000")).toThrow(/don't match the method signature/);
    expect(() => range.setBorder("yes", true, true, true, true, true)).toThrow(/\(String,Boolean/);
    expect(() => range.setBorder(true, true, true, true, true, true, "#000000", "WAVY")).toThrow("罫線の種類「WAVY」はありません");
    expect(() => range.setBorder(true, true, true, true, true, true, "くろ", null)).toThrow("色「くろ」を読めません");
    expect(borders("A1")).toBeUndefined();
  });

  it("is refused to a custom function, as every write is", () => {
    const sheet = makeApp({ authMode: "CUSTOM_FUNCTION" }).ss.getSheetByName("課題")!;
    expect(() => sheet.getRange("A1").setBorder(true, true, true, true, null, null)).toThrow("You do not have permission to call Range.setBorder");
  });

  it("goes with clearFormat, as other formatting does", () => {
    const { sheet, borders } = setup();
    sheet.getRange("A1:B2").setBorder(true, true, true, true, true, true).setBackground("#eeeeee");
    sheet.getRange("A1:B2").clearFormat();
    expect(borders("A1")).toBeUndefined();
    expect(sheet.getRange("A1").getBackground()).toBe("#ffffff");
  });
});
