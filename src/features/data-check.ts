// データ点検: a dialog listing every problem with its cell, each a link that selects it.
import { a1Of, checkIssues, checkReforms, type Problem } from "../core/data-check";
import { SHEET } from "../core/sheets";
import { loadSettings } from "../gas/settings";
import { readSheet, spreadsheet } from "../gas/sheet-table";
import { uiOrNull } from "../gas/ui";

export interface CheckedProblem extends Problem {
  a1: string;
}

export function findProblems(): CheckedProblem[] {
  const bureaus = readSheet(SHEET.bureaus)?.values ?? null;
  const issues = readSheet(SHEET.issues);
  const reforms = readSheet(SHEET.reforms);
  const problems: Problem[] = [];
  if (issues) problems.push(...checkIssues(issues.values, bureaus));
  if (reforms) problems.push(...checkReforms(reforms.values, bureaus));
  for (const message of loadSettings().errors) problems.push({ sheet: SHEET.settings, row: 1, column: 1, header: "", value: "", message });
  return problems.map((p) => ({ ...p, a1: a1Of(p) }));
}

export function showDataCheck(): CheckedProblem[] {
  const problems = findProblems();
  const ui = uiOrNull();
  if (ui) {
    const template = HtmlService.createTemplateFromFile("data-check");
    template.problems = problems;
    ui.showModelessDialog(template.evaluate().setWidth(640).setHeight(480), problems.length ? `データ点検（${problems.length}件）` : "データ点検");
  }
  return problems;
}

/** Target of the dialog's links: selects the cell so staff can fix it. */
export function selectCell(sheetName: string, a1: string): void {
  const sheet = spreadsheet().getSheetByName(String(sheetName));
  if (!sheet) throw new Error(`シート「${sheetName}」がありません。`);
  sheet.activate();
  sheet.getRange(String(a1)).activate();
}
