// The secretariat's intake of new issues in the sidebar: the 未整理 issues, and
// sorting one through the shared write path (lock, find by ID, conflict check, stamp, 履歴).
import { normalizeEmail, normalizeText } from "../core/base/text";
import { ISSUES } from "../core/contracts/issues";
import { SORTING_CHOICES, isUnsortedIssue, type SortingRequest } from "../core/intake";
import type { SortResult, UnsortedView } from "../core/sidebar-api";
import { activeUserEmail } from "../gas/session";
import { readRecords } from "../gas/table";
import { saveSorting } from "./issue-writer";

/** The issues whose 整理区分 is blank, in sheet order, as plain objects (dates as ISO text). */
export function unsortedView(): UnsortedView {
  const issues = readRecords(ISSUES, ["ID", "整理区分"]);
  const unsorted = issues ? issues.rows.map((row) => row.record).filter((issue) => normalizeText(issue.ID) !== "" && isUnsortedIssue(issue)) : [];
  return { issues: unsorted, choices: SORTING_CHOICES };
}

export function sortFromSidebar(request: SortingRequest): SortResult {
  return saveSorting(request, { user: normalizeEmail(activeUserEmail()), route: "サイドバー", now: new Date() });
}
