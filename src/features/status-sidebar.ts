// The status-entry sidebar's server side: what the signed-in user may see and
// update — the issues of every address they act for that day — each issue's recent
// history, and saving through the shared write path as themselves.
import { bureausActedFor, isSecretariat, reachOf, roleFor, roleIn, type Role } from "../core/access";
import { addressesActedFor, peopleFor } from "../core/delegation";
import { dayOf } from "../core/contracts/pt-values";
import { cellToText } from "../core/contracts/contract";
import { HISTORY, HISTORY_BASE_HEADERS } from "../core/contracts/history";
import { ISSUES, WRITE_FIELDS, type IssueRecord } from "../core/contracts/issues";
import type { IssueUpdate } from "../core/issue-update";
import type { HistoryItem, SaveResult, SidebarContext } from "../core/sidebar-api";
import { normalizeEmail, normalizeText } from "../core/base/text";
import { page } from "../gas/pages";
import { activeUserEmail } from "../gas/session";
import { loadAccessList } from "../gas/settings";
import { checkHeaders, findById, readRecords } from "../gas/table";
import { showSidebar } from "../gas/ui";
import { saveIssue } from "./issue-writer";

export function showStatusSidebar(): void {
  showSidebar(page("sidebar").setTitle("プラチナ 状況の入力"));
}

export function sidebarContext(): SidebarContext {
  const user = activeUserEmail();
  const access = loadAccessList();
  const day = dayOf(new Date());
  const bureaus = bureausActedFor(user, day, access);
  const role: Role = isSecretariat(user, access) ? "secretariat" : bureaus.length > 0 ? "bureau" : user ? "owner" : "none";
  // The addresses 担当者 lists the user for today, beside their own: the list groups their issues by these.
  const addresses = addressesActedFor(user, day, access.directory).map((address) => ({
    address,
    standing: address === user ? ("本人" as const) : peopleFor(address, day, access.directory).find((d) => d.person === user)?.role ?? "担当",
  }));
  return { user, role, bureaus, addresses, today: day, problem: contractProblem() };
}

/** What keeps the sidebar from listing and saving correctly: 課題's columns it reads and writes, and 履歴. */
function contractProblem(): string | null {
  const problems = [...checkHeaders(ISSUES, WRITE_FIELDS), ...checkHeaders(HISTORY, HISTORY_BASE_HEADERS)];
  return problems.length === 0 ? null : `${problems.map((p) => p.message).join("\n")}\n\n見出しを直すまで保存できません。何も変更していません。`;
}

/** The issues the signed-in user may update, as plain objects (no Dates: google.script.run refuses them). */
export function myIssues(): IssueRecord[] {
  const user = activeUserEmail();
  if (!user) return [];
  // Read with the columns a save needs: a cleared 進捗分類 header must not list every issue as blank.
  const issues = readRecords(ISSUES, WRITE_FIELDS);
  if (!issues) return [];
  const reach = reachOf(user, dayOf(new Date()), loadAccessList());
  return issues.rows.map((row) => row.record).filter((issue) => normalizeText(issue.ID) !== "" && roleIn(reach, issue) !== "none");
}

/** The latest changes of one issue, newest first. Only for users who may see it. */
export function issueHistory(id: string, limit = 10): HistoryItem[] {
  const user = activeUserEmail();
  const issues = readRecords(ISSUES, ["ID", "担当者メール", "制度所管局"]);
  if (!issues || !user) return [];
  const issue = findById(issues, id);
  if (!issue || roleFor(user, issue.record, loadAccessList(), dayOf(new Date())) === "none") return [];
  const history = readRecords(HISTORY, []);
  if (!history) return [];
  const wanted = normalizeText(id);
  return history.rows
    .filter(({ record }) => normalizeText(record.ID) === wanted)
    .slice(-limit)
    .reverse()
    .map(({ record: r }) => ({
      日時: cellToText(r.日時),
      利用者: r.利用者,
      項目: r.項目,
      変更前: cellToText(r.変更前),
      変更後: cellToText(r.変更後),
      経路: r.経路,
      担当アドレス: r.担当アドレス,
    }));
}

export function saveFromSidebar(update: IssueUpdate): SaveResult {
  return saveIssue(update, { user: normalizeEmail(activeUserEmail()), route: "サイドバー", now: new Date() });
}
