// build/Code.js uses only what Apps Script's V8 runtime documents (see
// APPS_SCRIPT_TARGET in scripts/build.ts): ES2020 syntax and built-ins, and no
// Intl locale data. A later built-in would run locally on Node 20 and fail in
// Sheets, so the bundle itself is read for them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { APPS_SCRIPT_TARGET } from "../../scripts/build";
import { BUILD_DIR } from "../support/gas-bundle";

/** Methods added after ES2020, called as `x.name(…)`. `at` counts only with an index (ClockTriggerBuilder.at(date) is Apps Script's). */
const LATER_METHODS = new Set(["replaceAll", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced", "hasOwn", "groupBy", "fromAsync", "isWellFormed", "toWellFormed"]);
/** Globals later than ES2020 or outside ECMA-262. */
const LATER_GLOBALS = new Set(["structuredClone", "Intl", "WeakRef", "FinalizationRegistry", "AggregateError"]);
const LATER_TOKENS = new Set([ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken]);

function isIndex(node: ts.Expression | undefined): boolean {
  if (!node) return false;
  if (ts.isNumericLiteral(node)) return true;
  return ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand);
}

/** Each use of something the documented runtime may lack, as "what: code". */
function laterFeatures(code: string): string[] {
  const source = ts.createSourceFile("Code.js", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const note = (what: string, node: ts.Node) => found.push(`${what}: ${node.getText().slice(0, 80)}`);
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if (LATER_METHODS.has(name)) note(name, node);
      if (name === "at" && isIndex(node.arguments[0])) note("Array/String.prototype.at", node);
      // Locale-aware comparisons and formats need Intl's locale data.
      if (name === "localeCompare" || /^toLocale(Date|Time)?String$/.test(name)) note(name, node);
    }
    if (ts.isIdentifier(node) && LATER_GLOBALS.has(node.text) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) note(node.text, node.parent);
    if (ts.isBinaryExpression(node) && LATER_TOKENS.has(node.operatorToken.kind)) note("logical assignment", node);
    if (ts.isPrivateIdentifier(node)) note("private field", node.parent);
    if (ts.isClassStaticBlockDeclaration(node)) note("class static block", node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("build/Code.js and Apps Script's V8", () => {
  it("is built for the documented language, ES2020", () => {
    expect(APPS_SCRIPT_TARGET).toBe("es2020");
  });

  it("finds later features when they are there", () => {
    const sample = 'a.at(-1); s.replaceAll("x", "y"); Object.hasOwn(o, "k"); x ??= 1; b.localeCompare(c, "ja"); structuredClone(o); new Intl.Collator("ja"); t.timeBased().at(d);';
    expect(laterFeatures(sample).map((f) => f.split(":")[0])).toEqual([
      "Array/String.prototype.at", "replaceAll", "hasOwn", "logical assignment", "localeCompare", "structuredClone", "Intl",
    ]);
  });

  it("uses none of them", () => {
    expect(laterFeatures(readFileSync(join(BUILD_DIR, "Code.js"), "utf8"))).toEqual([]);
  });
});
