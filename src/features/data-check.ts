// データ点検: a dialog listing every problem with its cell, each a link that selects it.
import { BUREAUS } from "../core/contracts/bureaus";
import { DELEGATES } from "../core/contracts/delegates";
import type { SheetContract, Specs } from "../core/contracts/contract";
import { HISTORY } from "../core/contracts/history";
import { ISSUES } from "../core/contracts/issues";
import { PT_MEMBERS } from "../core/contracts/pt-members";
import { REFORMS } from "../core/contracts/reforms";
import { SETTINGS } from "../core/contracts/settings";
import { dayOf } from "../core/contracts/pt-values";
import {
  a1Of, addressUses, checkBureaus, checkDelegates, checkIssues, checkPtMembers, checkReforms, checkTimings, overdueIssues, type OverdueIssue, type Problem,
} from "../core/data-check";
import { UNSORTED_ADVICE, unsortedRows, type UnsortedRow } from "../core/intake";
import { formatWareki } from "../core/wareki";
import { templatePage } from "../gas/pages";
import { loadSettings } from "../gas/settings";
import { sheetNamed } from "../gas/spreadsheet";
import { readRecords } from "../gas/table";
import { uiOrNull } from "../gas/ui";

export interface CheckedProblem extends Problem {
  a1: string;
}

export interface CheckedOverdue extends OverdueIssue {
  a1: string;
}

export function findProblems(): CheckedProblem[] {
  return inspect().problems;
}

/** The problems, the followed issues past their 実施時期 today, and the 未整理 issues (one read of each sheet). */
function inspect(): { problems: CheckedProblem[]; overdue: CheckedOverdue[]; unsorted: UnsortedRow[] } {
  // Raw values: the checks name each cell's own problem, so they read the sheets leniently.
  const bureaus = readRecords(BUREAUS, [])?.values ?? null;
  const issues = readRecords(ISSUES, [])?.values;
  const reforms = readRecords(REFORMS, [])?.values;
  const history = readRecords(HISTORY, [])?.values;
  const settings = readRecords(SETTINGS, [])?.values;
  // Header problems first: until they are fixed the add-on reads and writes the wrong cells or none.
  const problems: Problem[] = [
    ...headerProblemsOf(ISSUES, issues), ...headerProblemsOf(REFORMS, reforms), ...headerProblemsOf(BUREAUS, bureaus),
    ...headerProblemsOf(HISTORY, history), ...headerProblemsOf(SETTINGS, settings),
  ];
  const bureausOk = !problems.some((p) => p.sheet === BUREAUS.name);
  const checkable = (values: unknown[][] | undefined | null, sheet: string) => values && !problems.some((p) => p.sheet === sheet);
  const issuesOk = checkable(issues, ISSUES.name);
  const timed = issuesOk && timingsReadable(issues as unknown[][]);
  if (issuesOk) {
    // In row order, an unreadable 実施時期 after its row's other problems.
    const found = [...checkIssues(issues as unknown[][], bureausOk ? bureaus : null), ...(timed ? checkTimings(issues as unknown[][]) : [])];
    problems.push(...found.sort((a, b) => a.row - b.row));
  }
  if (checkable(reforms, REFORMS.name)) problems.push(...checkReforms(reforms as unknown[][], bureausOk ? bureaus : null));
  if (bureaus && bureausOk) problems.push(...checkBureaus(bureaus));
  const members = readRecords(PT_MEMBERS, [])?.values;
  if (members) problems.push(...checkPtMembers(members));
  const delegates = readRecords(DELEGATES, [])?.values;
  if (delegates) {
    // The addresses the add-on mails, each where it is written: 担当者 must list someone for a section's.
    const uses = [
      ...(issuesOk ? addressUses(ISSUES.fromRows(issues, []), ["担当者メール"]) : []),
      ...(bureaus && bureausOk ? addressUses(BUREAUS.fromRows(bureaus, []), ["代表メール"]) : []),
      ...(members ? addressUses(PT_MEMBERS.fromRows(members, []), ["所属長メール"]) : []),
    ];
    problems.push(...headerProblemsOf(DELEGATES, delegates), ...checkDelegates(delegates, uses, dayOf(new Date())));
  }
  for (const message of loadSettings().errors) problems.push({ sheet: SETTINGS.name, row: 1, column: 1, header: "", value: "", message });
  const overdue = timed ? overdueIssues(issues as unknown[][], dayOf(new Date())) : [];
  const unsorted = issuesOk ? unsortedRows(issues as unknown[][]) : [];
  return { problems: problems.map((p) => ({ ...p, a1: a1Of(p) })), overdue: overdue.map((p) => ({ ...p, a1: a1Of(p) })), unsorted };
}

/** A 課題 sheet without 実施時期 (or 整理区分, 進捗分類) has no dates to check. */
function timingsReadable(values: unknown[][]): boolean {
  return ISSUES.check(values[0] ?? [], ["整理区分", "進捗分類", "実施時期"]).length === 0;
}

/** The contract's header problems of a sheet, each pointing at row 1 (the column involved, else A1). */
function headerProblemsOf<S extends Specs>(contract: SheetContract<S>, values: unknown[][] | null | undefined): Problem[] {
  if (!values) return [];
  return contract.check(values[0] ?? [], contract.headers).map((p) => ({
    sheet: p.sheet, row: 1, column: p.columns[0] ?? 1, header: p.header, value: p.found ?? "", message: p.message,
  }));
}

export function showDataCheck(): CheckedProblem[] {
  const { problems, overdue, unsorted } = inspect();
  const ui = uiOrNull();
  if (ui) {
    const asOf = formatWareki(new Date());
    const dialog = templatePage("data-check", { problems, overdue, asOf, unsorted, unsortedAdvice: UNSORTED_ADVICE }).setWidth(640).setHeight(480);
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
