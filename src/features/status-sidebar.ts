// The status-entry sidebar's server side: what the signed-in user may see and
// update, each issue's recent history, and saving through the shared write path.
import { isSecretariat, roleFor, type Role } from "../core/access";
import { PROGRESS_CLASSES, PROGRESS_WORDING } from "../core/classes";
import { cellToText, issueFromRow, type IssueRecord } from "../core/issue-record";
import type { IssueUpdate } from "../core/issue-update";
import { normalizeEmail } from "../core/plain-text";
import { SHEET } from "../core/sheets";
import { normalizeText } from "../core/text";
import { activeUserEmail } from "../gas/session";
import { loadAccessList } from "../gas/settings";
import { readSheet } from "../gas/sheet-table";
import { saveIssue } from "./issue-writer";
import type { HistoryItem, SaveResult, SidebarContext } from "../core/sidebar-api";

export function openStatusSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("sidebar").setTitle("プラチナ 状況の入力");
  SpreadsheetApp.getUi().showSidebar(html);
}

export function sidebarContext(): SidebarContext {
  const user = activeUserEmail();
  const access = loadAccessList();
  const bureaus = access.bureauByRep[user] ?? [];
  const role: Role = isSecretariat(user, access) ? "secretariat" : bureaus.length > 0 ? "bureau" : user ? "owner" : "none";
  return { user, role, bureaus, progress: PROGRESS_CLASSES.map((value) => ({ value, label: PROGRESS_WORDING[value] })) };
}

/** The issues the signed-in user may update, as plain objects (no Dates: google.script.run refuses them). */
export function myIssues(): IssueRecord[] {
  const user = activeUserEmail();
  if (!user) return [];
  const data = readSheet(SHEET.issues);
  if (!data) return [];
  const access = loadAccessList();
  const idCol = data.columns.get("ID");
  const issues: IssueRecord[] = [];
  for (let i = 1; i < data.values.length; i++) {
    if (idCol !== undefined && normalizeText(data.values[i][idCol]) === "") continue;
    const issue = issueFromRow(data.columns, data.values[i]);
    if (roleFor(user, issue, access) !== "none") issues.push(issue);
  }
  return issues;
}

/** The latest changes of one issue, newest first. Only for users who may see it. */
export function issueHistory(id: string, limit = 10): HistoryItem[] {
  const user = activeUserEmail();
  const issues = readSheet(SHEET.issues);
  if (!issues || !user) return [];
  const idCol = issues.columns.get("ID") ?? -1;
  const row = issues.values.find((r, i) => i > 0 && normalizeText(r[idCol]) === normalizeText(id));
  if (!row || roleFor(user, issueFromRow(issues.columns, row), loadAccessList()) === "none") return [];
  const history = readSheet(SHEET.history);
  if (!history) return [];
  const col = (h: string) => history.columns.get(h) ?? -1;
  const items: HistoryItem[] = [];
  for (let i = history.values.length - 1; i > 0 && items.length < limit; i--) {
    const r = history.values[i];
    if (normalizeText(r[col("ID")]) !== normalizeText(id)) continue;
    items.push({
      日時: cellToText(r[col("日時")]),
      利用者: cellToText(r[col("利用者")]),
      項目: cellToText(r[col("項目")]),
      変更前: cellToText(r[col("変更前")]),
      変更後: cellToText(r[col("変更後")]),
      経路: cellToText(r[col("経路")]),
    });
  }
  return items;
}

export function saveFromSidebar(update: IssueUpdate): SaveResult {
  return saveIssue(update, { user: normalizeEmail(activeUserEmail()), route: "サイドバー", now: new Date() });
}
