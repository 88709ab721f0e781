import { describe, expect, it } from "vitest";
import { isBlank, memoize, normalizeText } from "../../src/core/base/text";

describe("text", () => {
  it("treats empty, white-space-only (incl. U+3000) and missing cells as blank", () => {
    for (const v of ["", " ", "\u3000", "\t\n", null, undefined]) expect(isBlank(v)).toBe(true);
    for (const v of ["x", 0, false, new Date(0), "　a"]) expect(isBlank(v)).toBe(false);
  });

  it("normalizes full-width forms and trims", () => {
    expect(normalizeText("　Ｒ７　")).toBe("R7");
    expect(normalizeText(7)).toBe("7");
  });

  it("memoizes per distinct value, Dates by their time", () => {
    let calls = 0;
    const f = memoize((v) => ++calls && String(v));
    f("a"); f("a"); f(new Date(5)); f(new Date(5)); f(new Date(6));
    expect(calls).toBe(3);
  });
});
