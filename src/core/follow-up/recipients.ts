// Who is asked in a cycle: the owners of tracked issues not yet 完了 (and of ⑥
// issues in the months 設定 names), one request per owner listing all their issues.
import { normalizeEmail, normalizeText } from "../base/text";
import { isTracked, parseDirection, parseProgress } from "../contracts/classes";
import { ISSUES, type IssueRecord } from "../contracts/issues";

export interface OwnerRequest {
  owner: string;
  /** 制度所管局・所管課 of the owner's issues, for the greeting (the first issue's). */
  bureau: string;
  section: string;
  issues: IssueRecord[];
}

export function ownerRequests(issueValues: unknown[][], month: number, askDirection6Months: readonly number[]): OwnerRequest[] {
  const table = ISSUES.fromRows(issueValues, ["ID", "担当者メール", "整理区分", "進捗分類"]);
  const askSix = askDirection6Months.includes(month);
  const byOwner = new Map<string, OwnerRequest>();
  for (const { record: issue } of table.rows) {
    if (normalizeText(issue.ID) === "") continue;
    const direction = parseDirection(issue.整理区分);
    if (direction === undefined) continue;
    if (!isTracked(direction) && !(askSix && direction === "⑥")) continue;
    if (parseProgress(issue.進捗分類) === "完了") continue;
    const owner = normalizeEmail(issue.担当者メール);
    if (!owner) continue;
    const entry = byOwner.get(owner) ?? { owner, bureau: issue.制度所管局, section: issue.所管課, issues: [] };
    entry.issues.push(issue);
    byOwner.set(owner, entry);
  }
  return [...byOwner.values()];
}
