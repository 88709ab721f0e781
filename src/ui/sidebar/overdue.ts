// The sidebar's flag on an issue past its 実施時期: the rule and words of データ点検 and the
// follow-up mail, as of the Tokyo day the server gave — never the browser's clock or zone.
import type { IssueRecord } from "../../core/contracts/issues";
import type { Day } from "../../core/contracts/pt-values";
import { overdueNotice, overdueOf } from "../../core/overdue";

/** The list's badge beside the 進捗分類. */
export const OVERDUE_BADGE = "実施時期を過ぎています";

/** What the owner reads on an overdue issue; null when it is not overdue, its 実施時期 cannot be read, or the day is unknown. */
export function overdueText(issue: IssueRecord, today: Day | null): string | null {
  if (!today) return null;
  const named = overdueOf(issue, today);
  return named === null ? null : overdueNotice(named);
}
