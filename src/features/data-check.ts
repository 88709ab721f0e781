// データ点検: a dialog listing every problem with its cell, each a link that selects it.
import { BUREAUS } from "../core/contracts/bureaus";
import { ISSUES } from "../core/contracts/issues";
import { REFORMS } from "../core/contracts/reforms";
import { SETTINGS } from "../core/contracts/settings";
import { a1Of, checkIssues, checkReforms, type Problem } from "../core/data-check";
import { templatePage } from "../gas/pages";
import { loadSettings } from "../gas/settings";
import { sheetNamed } from "../gas/spreadsheet";
import { readRecords } from "../gas/table";
import { uiOrNull } from "../gas/ui";

export interface CheckedProblem extends Problem {
  a1: string;
}

export function findProblems(): CheckedProblem[] {
  // Raw values: the checks name each cell's own problem, so they read the sheets leniently.
  const bureaus = readRecords(BUREAUS, [])?.values ?? null;
  const issues = readRecords(ISSUES, [])?.values;
  const reforms = readRecords(REFORMS, [])?.values;
  const problems: Problem[] = [];
  if (issues) problems.push(...checkIssues(issues, bureaus));
  if (reforms) problems.push(...checkReforms(reforms, bureaus));
  for (const message of loadSettings().errors) problems.push({ sheet: SETTINGS.name, row: 1, column: 1, header: "", value: "", message });
  return problems.map((p) => ({ ...p, a1: a1Of(p) }));
}

export function showDataCheck(): CheckedProblem[] {
  const problems = findProblems();
  const ui = uiOrNull();
  if (ui) {
    const dialog = templatePage("data-check", { problems }).setWidth(640).setHeight(480);
    ui.showModelessDialog(dialog, problems.length ? `データ点検（${problems.length}件）` : "データ点検");
  }
  return problems;
}

/** Target of the dialog's links: selects the cell so staff can fix it. */
export function selectProblemCell(sheetName: string, a1: string): void {
  const sheet = sheetNamed(String(sheetName));
  if (!sheet) throw new Error(`シート「${sheetName}」がありません。`);
  sheet.activate();
  sheet.getRange(String(a1)).activate();
}
