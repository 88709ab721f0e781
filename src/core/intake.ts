// Intake of new issues: a row added to 課題 during the year is 未整理 (整理区分 blank)
// until the secretariat sorts it — a 整理区分, and for ② and ③ the issue it is merged
// into or replaced by (統合先ID). Until then nobody is mailed about it and no table counts it.
import { cellA1 } from "./base/a1";
import { normalizeText } from "./base/text";
import { SORTINGS, SORTING_WORDING, TARGETED_SORTINGS, isUnsorted, parseDirection, type Sorting } from "./contracts/classes";
import { sameValue } from "./contracts/contract";
import { recordedActor, type Actor, type HistoryEntry, type Route } from "./contracts/history";
import { ISSUES, type IssueField, type IssueRecord } from "./contracts/issues";

/** What sorting reads and writes in 課題: the row's ID, what the list shows, the two sorted columns, the stamps. */
export const SORT_FIELDS: readonly IssueField[] = ["ID", "年度", "課題名", "整理区分", "統合先ID", "最終更新日", "最終更新者"];

/** 未整理: 整理区分 is blank (an unreadable one is a データ点検 problem instead). */
export function isUnsortedIssue(issue: Pick<IssueRecord, "整理区分">): boolean {
  return isUnsorted(parseDirection(issue.整理区分));
}

/** A 未整理 row as データ点検 lists it, pointing at its 整理区分 cell. */
export interface UnsortedRow {
  sheet: string;
  row: number;
  column: number;
  a1: string;
  id: string;
  year: string;
  title: string;
}

/** The 未整理 rows of 課題, in sheet order. */
export function unsortedRows(issueValues: unknown[][]): UnsortedRow[] {
  const table = ISSUES.fromRows(issueValues, ["整理区分"]);
  const column = (table.indexOf("整理区分") as number) + 1;
  return table.rows.filter(({ record }) => isUnsortedIssue(record)).map(({ rowNumber, record }) => ({
    sheet: ISSUES.name, row: rowNumber, column, a1: cellA1(rowNumber, column),
    // As typed (NFKC would turn a title's ⑦ into 7).
    id: record.ID.trim(), year: record.年度.trim(), title: record.課題名.trim(),
  }));
}

/** What データ点検 says to do about a 未整理 row. */
export const UNSORTED_ADVICE =
  "未整理の課題です。市政変革推進室がサイドバー「未整理の課題」で整理区分を選ぶまで、進捗確認メールを送らず、継続検討課題にも数えません。";

/** A choice of the sidebar's 整理区分, with the seed's wording. */
export interface SortingChoice {
  value: Sorting;
  wording: string;
  /** ② and ③ name another issue (統合先ID). */
  targeted: boolean;
}

export const SORTING_CHOICES: readonly SortingChoice[] = SORTINGS.map((value) => ({
  value, wording: SORTING_WORDING[value], targeted: TARGETED_SORTINGS.includes(value),
}));

/** The secretariat's sorting of one issue, as the sidebar sends it. */
export interface SortingRequest {
  id: string;
  /** ①–⑦, 継続 or 年度内完了. */
  整理区分: string;
  /** ② and ③: the ID of the issue it is merged into or replaced by; "" otherwise. */
  統合先ID: string;
  /** The values the secretariat started from: a mismatch means someone changed the issue meanwhile. */
  expected: { 整理区分: string; 統合先ID: string; 最終更新日: string };
}

export type SortingField = "整理区分" | "統合先ID";

export type SortingPlan =
  | { ok: false; reason: "invalid"; message: string; field: SortingField }
  | { ok: false; reason: "conflict"; fields: string[] }
  | { ok: true; values: Partial<Record<SortingField | "最終更新日" | "最終更新者", string | Date>>; history: HistoryEntry[] };

/** The request's own shape, before anything is read: google.script.run hands over whatever the browser sent. */
export function sortingShapeError(request: SortingRequest): string | null {
  const text = (value: unknown) => typeof value === "string";
  const ok = request !== null && typeof request === "object" && text(request.id) && request.id.trim() !== "" &&
    text(request.整理区分) && text(request.統合先ID) && request.expected !== null && typeof request.expected === "object";
  return ok ? null : "整理の内容の形式が正しくありません（id, 整理区分, 統合先ID, expected が必要です）。";
}

/**
 * Decides one sorting on plain values: the conflict check against what the secretariat saw,
 * the choice, and the issue it names — which must exist, be another issue, and not be merged itself.
 */
export function planSorting(
  current: IssueRecord,
  request: SortingRequest,
  find: (id: string) => IssueRecord | undefined,
  actor: Actor,
  now: Date,
  route: Route,
): SortingPlan {
  const conflicts = (["整理区分", "統合先ID", "最終更新日"] as const).filter((field) => !sameValue(current[field], request.expected[field] ?? ""));
  if (conflicts.length > 0) return { ok: false, reason: "conflict", fields: conflicts };
  const invalid = (field: SortingField, message: string): SortingPlan => ({ ok: false, reason: "invalid", message, field });
  const sorting = parseDirection(request.整理区分);
  if (sorting === null) return invalid("整理区分", "整理区分を選んでください。");
  if (sorting === undefined) return invalid("整理区分", `整理区分「${normalizeText(request.整理区分)}」は選べません。①〜⑦・継続・年度内完了から選んでください。`);
  const targetId = normalizeText(request.統合先ID);
  const targeted = TARGETED_SORTINGS.includes(sorting);
  const label = `${sorting}（${SORTING_WORDING[sorting]}）`;
  if (!targeted && targetId !== "") return invalid("統合先ID", `統合先IDは②と③のときだけ入力します。${label}では空欄にしてください。`);
  let target = "";
  if (targeted) {
    const what = sorting === "②" ? "統合先の課題" : "解決策を実行している別課題";
    if (targetId === "") return invalid("統合先ID", `${label}では、${what}の ID を入力してください。`);
    if (targetId === normalizeText(current.ID)) return invalid("統合先ID", `統合先に、この課題自身（${current.ID.trim()}）は指定できません。${what}の ID を入力してください。`);
    const found = find(targetId);
    if (!found) return invalid("統合先ID", `統合先ID「${targetId}」の課題は課題シートにありません。ID を確認してください。`);
    if (parseDirection(found.整理区分) === "②") {
      const next = normalizeText(found.統合先ID);
      const instead = next ? `その統合先の課題「${next}」を指定してください。` : "統合されていない課題を指定してください。";
      return invalid("統合先ID", `課題「${found.ID.trim()}」（${found.課題名.trim()}）は、それ自体がほかの課題に統合されています（整理区分②）。${instead}`);
    }
    target = found.ID.trim();
  }
  const values: Extract<SortingPlan, { ok: true }>["values"] = {};
  const history: HistoryEntry[] = [];
  const who = recordedActor(actor);
  const next: Record<SortingField, string> = { 整理区分: sorting, 統合先ID: target };
  for (const field of ["整理区分", "統合先ID"] as const) {
    if (sameValue(current[field], next[field])) continue;
    values[field] = next[field];
    history.push({ 日時: now, 利用者: who.利用者, ID: current.ID, 項目: field, 変更前: current[field], 変更後: next[field], 経路: route, 担当アドレス: who.担当アドレス, 立場: who.立場 });
  }
  if (history.length > 0) {
    values.最終更新日 = now;
    values.最終更新者 = who.利用者;
  }
  return { ok: true, values, history };
}
