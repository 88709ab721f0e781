// The Apps Script boundary: outside src/gas no add-on file names an Apps Script
// service global, so a change of host (web app, another spreadsheet) is made there.
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parse, sourceFiles } from "./source-graph";

const SERVICES = new Set([
  "SpreadsheetApp", "HtmlService", "Session", "LockService", "PropertiesService", "CacheService", "ScriptApp",
  "MailApp", "GmailApp", "Utilities", "UrlFetchApp", "DriveApp", "ContentService", "Logger", "Browser",
  "CardService", "DocumentApp", "FormApp", "SlidesApp", "CalendarApp", "Charts", "XmlService", "Jdbc", "Maps", "LanguageApp",
]);

/** Each use of a service global as a value: `SpreadsheetApp.flush()`, not `GoogleAppsScript.Spreadsheet.Sheet` or `x.Session`. */
function serviceUses(path: string, text?: string): string[] {
  const source = parse(path, text);
  const uses: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && SERVICES.has(node.text)) {
      const parent = node.parent;
      const isMember = (ts.isPropertyAccessExpression(parent) && parent.name === node) || ts.isQualifiedName(parent) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent);
      if (!isMember) uses.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

const ADDON = ["src/entry-points.ts", ...sourceFiles("src/core"), ...sourceFiles("src/features"), ...sourceFiles("src/ui")];

describe("the Apps Script boundary", () => {
  it("is the only add-on code naming an Apps Script service", () => {
    expect(ADDON.flatMap((path) => serviceUses(path))).toEqual([]);
  });

  it("is where the services are named (the check sees them)", () => {
    expect(sourceFiles("src/gas").flatMap((path) => serviceUses(path)).length).toBeGreaterThan(10);
    expect(serviceUses("x.ts", "export const user = () => Session.getActiveUser();")).toEqual(["x.ts:1 Session"]);
    expect(serviceUses("x.ts", "// SpreadsheetApp\ntype S = GoogleAppsScript.Spreadsheet.Sheet; const t = { Session: 1 }; t.Session;")).toEqual([]);
  });
});
