// Who is asked in a cycle: the owners of tracked issues (継続, ⑦) not yet 完了 (and of ⑥
// issues in the months 設定 names), one request per owner listing all their issues.
// A 未整理 issue (整理区分 blank) is asked nothing until the secretariat sorts it.
import { columnLetter } from "../base/a1";
import { isValidEmail, normalizeEmail, normalizeText } from "../base/text";
import { isTracked, parseDirection, parseProgress } from "../contracts/classes";
import { ISSUES, type IssueRecord } from "../contracts/issues";

export interface OwnerRequest {
  owner: string;
  /** 制度所管局・所管課 of the owner's issues, for the greeting (the first issue's). */
  bureau: string;
  section: string;
  issues: IssueRecord[];
  /** Where 課題 holds the owner's address when it is not one a mail can go to (「課題シート 12行目 G列「担当者メール」」); null when it is. */
  badAddress: string | null;
}

export function ownerRequests(issueValues: unknown[][], month: number, askDirection6Months: readonly number[]): OwnerRequest[] {
  const table = ISSUES.fromRows(issueValues, ["ID", "担当者メール", "整理区分", "進捗分類"]);
  const askSix = askDirection6Months.includes(month);
  const byOwner = new Map<string, OwnerRequest & { rows: number[] }>();
  for (const { record: issue, rowNumber } of table.rows) {
    if (normalizeText(issue.ID) === "") continue;
    const direction = parseDirection(issue.整理区分);
    if (direction === undefined) continue;
    if (!isTracked(direction) && !(askSix && direction === "⑥")) continue;
    if (parseProgress(issue.進捗分類) === "完了") continue;
    const owner = normalizeEmail(issue.担当者メール);
    if (!owner) continue;
    const entry = byOwner.get(owner) ?? { owner, bureau: issue.制度所管局, section: issue.所管課, issues: [], badAddress: null, rows: [] };
    entry.issues.push(issue);
    entry.rows.push(rowNumber);
    byOwner.set(owner, entry);
  }
  const column = columnLetter((table.indexOf("担当者メール") ?? 0) + 1);
  return [...byOwner.values()].map(({ rows, ...request }) => ({
    ...request,
    badAddress: isValidEmail(request.owner) ? null : `${ISSUES.name}シート ${rows.map((r) => `${r}行目`).join("・")} ${column}列「担当者メール」`,
  }));
}

/** Why no mail goes to the owner, and what to do — 送信記録's エラー and 送信状況 show it. */
export function badAddressMessage(request: OwnerRequest): string {
  return `担当者メール「${request.owner}」はメールアドレスとして正しくないため、送信しませんでした（${request.badAddress}）。` +
    "課題シートで正しいアドレスに直してから、「今すぐ送信」を実行してください。";
}
