// The argument table the service proxy checks is what the typings say for every
// class the add-on calls: a new call, or a changed typing, fails here until
// `npx tsx scripts/api-signatures.ts` rewrites it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deriveApiSignatures, renderSignatures, SIGNATURES_FILE } from "../../../scripts/api-signatures";

describe("src/local/runtime/signatures.ts", () => {
  const derived = deriveApiSignatures();

  it("is the table the typings give for the add-on's calls (run `npx tsx scripts/api-signatures.ts` if not)", () => {
    expect(readFileSync(SIGNATURES_FILE, "utf8")).toBe(renderSignatures(derived));
  });

  it("covers the methods the add-on calls, with each overload the typings list", () => {
    expect(derived.signatures["Utilities.computeHmacSha256Signature"]).toEqual(["Number[],Number[]", "String,String", "String,String,Utilities.Charset"]);
    expect(derived.signatures["Spreadsheet.toast"]).toEqual(["String", "String,String", "String,String,Number|null"]);
    expect(derived.signatures["Range.setBackgrounds"]).toEqual(["(String|null)[][]"]);
    expect(derived.enums["Utilities.Charset"]).toEqual(["US_ASCII", "UTF_8"]);
  });
});
