// The bundle's globals are exactly the declared entry points, each with its JSDoc.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { readEntryPoints } from "../../scripts/entry-points";
import { BUILD_DIR, INJECTED, loadBundle } from "../support/gas-bundle";

const declared = readEntryPoints(join(import.meta.dirname, "..", "..", "src", "entry-points.ts"));
const code = readFileSync(join(BUILD_DIR, "Code.js"), "utf8");

describe("build/Code.js", () => {
  it("defines only the declared entry points as globals", () => {
    const context = loadBundle();
    const globals = Object.keys(context).filter((k) => !INJECTED.includes(k)).sort();
    expect(globals).toEqual(declared.map((e) => e.name).sort());
    for (const name of globals) expect(typeof context[name]).toBe("function");
  });

  it("declares nothing else at top level (no let/const/class leaking into the script scope)", () => {
    const source = ts.createSourceFile("Code.js", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const functions: string[] = [];
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement)) functions.push(statement.name!.text);
      else expect(ts.isExpressionStatement(statement), statement.getText().slice(0, 80)).toBe(true);
    }
    expect(functions.sort()).toEqual(declared.map((e) => e.name).sort());
  });

  it("keeps each entry point's JSDoc, with @customfunction and @param lines for custom functions", () => {
    const customs = declared.filter((e) => e.customFunction);
    expect(customs.map((e) => e.name)).toEqual(expect.arrayContaining(["PLATINA_STATUS_TABLE", "PLATINA_WAREKI"]));
    for (const entry of declared) {
      const at = code.indexOf(`function ${entry.name}(${entry.params.join(", ")})`);
      expect(at, entry.name).toBeGreaterThan(0);
      expect(code.slice(0, at).trimEnd().endsWith(entry.jsdoc.trimEnd()), `${entry.name} JSDoc`).toBe(true);
      for (const param of entry.params) expect(entry.jsdoc, `${entry.name} @param ${param}`).toMatch(new RegExp(`@param \\{[^}]*\\} ${param}\\b`));
    }
  });

  it("is plain script (no import/export/require) that Apps Script V8 can load", () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    expect(JSON.parse(readFileSync(join(BUILD_DIR, "appsscript.json"), "utf8"))).toMatchObject({
      timeZone: "Asia/Tokyo",
      runtimeVersion: "V8",
    });
  });
});
