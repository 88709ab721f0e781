// What the server's google.script.run targets take and return, as the browser
// sees them (plain objects only: dates travel as ISO strings).
import type { IssueRecord } from "../../core/issue-record";
import type { HistoryItem, SaveResult, SidebarContext } from "../../core/sidebar-api";
import type { IssueUpdate } from "../../core/issue-update";

export type { Role } from "../../core/access";
export type { HistoryItem, SaveFailureReason, SaveResult, SidebarContext } from "../../core/sidebar-api";

export interface SidebarApi {
  getSidebarContext(): SidebarContext;
  getMyIssues(): IssueRecord[];
  getIssueHistory(id: string): HistoryItem[];
  saveIssueUpdate(update: IssueUpdate): SaveResult;
}
