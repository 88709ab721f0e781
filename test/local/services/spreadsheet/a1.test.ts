import { describe, it, expect } from "vitest";
import { columnLetter, columnNumber } from "../../../../src/core/base/a1";
import { formatA1, parseA1, quoteSheetName, resolveA1, shiftFormula } from "../../../../src/local/services/spreadsheet/a1";

describe("column letters", () => {
  it("round-trips 1 → A, 26 → Z, 27 → AA, 703 → AAA", () => {
    for (const [n, letters] of [[1, "A"], [26, "Z"], [27, "AA"], [52, "AZ"], [703, "AAA"]] as const) {
      expect(columnLetter(n)).toBe(letters);
      expect(columnNumber(letters)).toBe(n);
    }
  });
});

describe("parseA1", () => {
  it("reads cells and ranges, in either corner order, with $", () => {
    expect(parseA1("B3")).toEqual({ sheetName: null, row: 3, column: 2, endRow: 3, endColumn: 2 });
    expect(parseA1("$C$5:A1")).toEqual({ sheetName: null, row: 1, column: 1, endRow: 5, endColumn: 3 });
  });

  it("reads sheet-qualified ranges, quoted or not", () => {
    expect(parseA1("'課題'!A1:B2")).toMatchObject({ sheetName: "課題", row: 1, column: 1, endRow: 2, endColumn: 2 });
    expect(parseA1("'It''s'!C1")?.sheetName).toBe("It's");
    expect(parseA1("課題!A:C")).toEqual({ sheetName: "課題", row: 1, column: 1, endRow: null, endColumn: 3 });
  });

  it("reads whole columns, whole rows and open-ended A2:C", () => {
    expect(resolveA1(parseA1("A:C")!, 1000, 26)).toEqual({
      row: 1, column: 1, numRows: 1000, numColumns: 3, open: { rows: true, columns: false },
    });
    expect(resolveA1(parseA1("2:5")!, 1000, 26)).toMatchObject({ row: 2, column: 1, numRows: 4, numColumns: 26 });
    expect(resolveA1(parseA1("B2:C")!, 1000, 26)).toMatchObject({ row: 2, column: 2, numRows: 999, numColumns: 2 });
  });

  // gas-fakes' test/testsheetssets.js, run in live Apps Script: sheet.getRange("!c2:e5").
  it("reads a range with an empty sheet name as the sheet asked", () => {
    expect(parseA1("!C2:E5")).toEqual({ sheetName: null, row: 2, column: 3, endRow: 5, endColumn: 5 });
    expect(parseA1("!c2")).toEqual({ sheetName: null, row: 2, column: 3, endRow: 2, endColumn: 3 });
    expect(parseA1("!")).toBeNull();
  });

  it("reads R1C1", () => {
    expect(parseA1("R2C3")).toMatchObject({ row: 2, column: 3, endRow: 2, endColumn: 3 });
    expect(parseA1("R1C1:R4C2")).toMatchObject({ row: 1, column: 1, endRow: 4, endColumn: 2 });
  });

  it("keeps A1 meaning for names like R1 (column R)", () => {
    expect(parseA1("R1")).toMatchObject({ row: 1, column: 18 });
  });

  it("rejects what is not a range", () => {
    for (const text of ["", "A", "5", "A0", "A:C5", "1A", "A1:B2:C3", "hello world"]) expect(parseA1(text)).toBeNull();
  });
});

describe("formatA1", () => {
  it("prints cells, blocks and the open forms as they were read", () => {
    const print = (a1: string) => formatA1(resolveA1(parseA1(a1)!, 1000, 26));
    expect(print("A1")).toBe("A1");
    expect(print("A1:E2")).toBe("A1:E2");
    expect(print("A:C")).toBe("A:C");
    expect(print("A2:C")).toBe("A2:C");
    expect(print("2:5")).toBe("2:5");
  });
});

describe("quoteSheetName", () => {
  it("leaves plain names bare and quotes the rest", () => {
    expect(quoteSheetName("課題")).toBe("課題");
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("シート 1")).toBe("'シート 1'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
  });
});

describe("shiftFormula", () => {
  it("moves relative references and keeps absolute ones", () => {
    expect(shiftFormula("=A1*2+$B$1+$C2+D$3", 1, 1)).toBe("=B2*2+$B$1+$C3+E$3");
  });

  it("moves ranges, whole columns and rows, and sheet-qualified references", () => {
    expect(shiftFormula("=SUM(A1:A10)+COUNTA(B:B)+SUM(2:3)+'課題'!C1", 2, 1)).toBe(
      "=SUM(B3:B12)+COUNTA(C:C)+SUM(4:5)+'課題'!D3",
    );
  });

  it("leaves strings, function names and numbers alone", () => {
    expect(shiftFormula('=IF(A1="A1",LOG10(100),1E5)', 1, 0)).toBe('=IF(A2="A1",LOG10(100),1E5)');
  });

  it("turns a reference moved off the sheet into #REF!", () => {
    expect(shiftFormula("=A1", -1, 0)).toBe("=#REF!");
  });
});
