// What the server's google.script.run targets take and return, as the browser
// sees them (plain objects only: dates travel as ISO strings).
import type { EditableField, IssueRecord } from "../../core/issue-record";
import type { IssueUpdate } from "../../core/issue-update";

export type Role = "secretariat" | "bureau" | "owner" | "none";

export interface SidebarContext {
  user: string;
  role: Role;
  /** 局区 the user represents (bureau role). */
  bureaus: string[];
  progress: { value: "完了" | "実施中" | "検討中"; label: string }[];
}

export interface HistoryItem {
  日時: string;
  利用者: string;
  項目: string;
  変更前: string;
  変更後: string;
  経路: string;
}

export type SaveFailureReason = "conflict" | "not_found" | "forbidden" | "busy" | "invalid";

export type SaveResult =
  | { ok: true; issue: IssueRecord }
  | {
      ok: false;
      reason: SaveFailureReason;
      message: string;
      current?: IssueRecord;
      errors?: Partial<Record<EditableField, string>>;
    };

export interface SidebarApi {
  getSidebarContext(): SidebarContext;
  getMyIssues(): IssueRecord[];
  getIssueHistory(id: string): HistoryItem[];
  saveIssueUpdate(update: IssueUpdate): SaveResult;
}
