// The sidebar's decisions, free of the DOM so Node tests cover them: which
// issues show, what a save sends, and the Japanese the user reads.
import { parseProgress, type Progress } from "../../core/contracts/classes";
import { INPUTS, type EditableField, type IssueRecord } from "../../core/contracts/issues";
import { canonical, expectedOf, sameInput } from "../../core/issue-fields";
import { validateChanges, type IssueUpdate } from "../../core/issue-update";
import { formatWareki } from "../../core/wareki";
import type { HistoryItem, SaveResult, SidebarContext } from "../shared/api";

/** The form's values, one per editable field: a choice holds its value (or the cell's text when unreadable). */
export type Draft = Record<EditableField, string>;

/** 進捗分類 as the list and filters group it; blank or unreadable cells are 未入力. */
export type ProgressKey = Progress | "未入力";

export interface Filters {
  query: string;
  bureau: string;
  progress: ProgressKey | "";
  year: string;
  hideDone: boolean;
}

/** Follow-up work is about what is not done yet, so 完了 starts hidden. */
export const DEFAULT_FILTERS: Filters = { query: "", bureau: "", progress: "", year: "", hideDone: true };

function progressKey(issue: IssueRecord): ProgressKey {
  return parseProgress(issue.進捗分類) ?? "未入力";
}

/** Badge text: the class, or what the cell says when it is not one of the three. */
export function progressBadge(issue: IssueRecord): { key: ProgressKey; text: string } {
  const key = progressKey(issue);
  const raw = issue.進捗分類.trim();
  return { key, text: key === "未入力" && raw !== "" ? raw : key };
}

function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Every word of the query must occur in the 課題名, ID, 所管課 or 進捗メモ (NFKC, any case). */
function matchesQuery(issue: IssueRecord, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const haystack = fold([issue.ID, issue.課題名, issue.所管課, issue.進捗メモ].join("\n"));
  return words.every((word) => haystack.includes(word));
}

export function filterIssues(issues: readonly IssueRecord[], filters: Filters): IssueRecord[] {
  return issues.filter((issue) => {
    const key = progressKey(issue);
    if (filters.hideDone && key === "完了") return false;
    if (filters.progress && key !== filters.progress) return false;
    if (filters.bureau && issue.制度所管局.trim() !== filters.bureau) return false;
    if (filters.year && issue.年度.trim() !== filters.year) return false;
    return matchesQuery(issue, filters.query);
  });
}

/** Choices of the 局区 and 年度 filters: the values present, 局区 in sheet order, 年度 ascending. */
export function filterChoices(issues: readonly IssueRecord[]): { bureaus: string[]; years: string[] } {
  const distinct = (field: "制度所管局" | "年度") => [
    ...new Set(issues.map((issue) => issue[field].trim()).filter(Boolean)),
  ];
  return {
    bureaus: distinct("制度所管局"),
    years: distinct("年度").sort((a, b) => a.localeCompare(b, "ja", { numeric: true })),
  };
}

/**
 * The list in groups, one per address the user acts for (their own first, then in the
 * order 担当者 lists them): a heading and its issues. One group without a heading when
 * the user acts for no other address, or sees issues as the secretariat or a 局区代表.
 */
export function groupByAddress(issues: readonly IssueRecord[], context: SidebarContext): { heading: string; issues: IssueRecord[] }[] {
  if (context.role !== "owner" || !context.addresses.some((a) => a.standing !== "本人")) return [{ heading: "", issues: [...issues] }];
  const owner = (issue: IssueRecord) => issue.担当者メール.trim().toLowerCase();
  return context.addresses
    .map(({ address, standing }) => {
      const mine = issues.filter((issue) => owner(issue) === address);
      const section = mine.length ? [mine[0].制度所管局, mine[0].所管課].filter(Boolean).join(" ") : "";
      const as = standing === "本人" ? "ご自身" : standing;
      return { heading: `${section ? `${section}（${address}）` : address}・${as}`, issues: mine };
    })
    .filter((group) => group.issues.length > 0);
}

export function countText(total: number, shown: number): string {
  return `${total}件中 ${shown}件を表示`;
}

export function emptyText(total: number, filters: Filters): string {
  if (total === 0) return "表示できる課題はありません。";
  const hint = filters.hideDone ? "「完了を除く」を外すと、完了した課題も表示されます。" : "";
  return `条件に合う課題はありません。${hint}`;
}

export function roleText(context: SidebarContext): string {
  switch (context.role) {
    case "secretariat":
      return "市政変革推進室として全件を表示しています";
    case "bureau":
      return `${context.bureaus.join("・")}の代表として、局区の課題を表示しています`;
    case "owner": {
      const others = context.addresses.filter((a) => a.standing !== "本人");
      if (others.length === 0) return "担当者として、担当する課題を表示しています";
      const acted = others.map((a) => `${a.address}（${a.standing}）`).join("、");
      return `${acted}の担当者として、アドレスごとに課題を表示しています。保存すると ${context.user} の名前で記録されます`;
    }
    case "none":
      return context.user
        ? "更新できる課題がありません。担当の変更は市政変革推進室にお問い合わせください。"
        : "ログイン中のアカウントを確認できませんでした。Google アカウントにログインし直してください。";
  }
}

export function draftOf(issue: IssueRecord): Draft {
  const draft = {} as Draft;
  // A choice shows as the option it reads as (「【分類2】…」 in the cell checks 実施中).
  for (const input of INPUTS) draft[input.field] = input.kind === "choice" ? (canonical(input, issue[input.field]) ?? issue[input.field]) : issue[input.field];
  return draft;
}

/** Only the fields the user changed, as typed (the server trims and compares NFKC, so only such differences count). */
export function changesOf(base: IssueRecord, draft: Draft): IssueUpdate["changes"] {
  const changes: IssueUpdate["changes"] = {};
  for (const input of INPUTS) if (!sameInput(input, base[input.field], draft[input.field])) changes[input.field] = draft[input.field];
  return changes;
}

export function hasChanges(base: IssueRecord, draft: Draft): boolean {
  return Object.keys(changesOf(base, draft)).length > 0;
}

/** The save request: `expected` is every editable field and the stamp as loaded, so the server can detect someone else's update. */
export function buildUpdate(base: IssueRecord, draft: Draft): IssueUpdate {
  return { id: base.ID, expected: expectedOf(base), changes: changesOf(base, draft) };
}

export function fieldErrors(base: IssueRecord, draft: Draft): Partial<Record<EditableField, string>> {
  return validateChanges(changesOf(base, draft));
}

/** After a conflict: the latest values, with the fields the user had changed put back on top. */
export function rebase(oldBase: IssueRecord, draft: Draft, current: IssueRecord): Draft {
  const next = draftOf(current);
  for (const field of Object.keys(changesOf(oldBase, draft)) as EditableField[]) next[field] = draft[field];
  return next;
}

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** "令和8年5月26日 14:05" (Tokyo time) from an ISO string; "" stays "", unreadable text is shown as is. */
export function formatDateTime(iso: string): string {
  if (iso.trim() === "") return "";
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const tokyo = new Date(time + TOKYO_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${formatWareki(time)} ${pad(tokyo.getUTCHours())}:${pad(tokyo.getUTCMinutes())}`;
}

export function lastUpdateText(issue: IssueRecord): string {
  const when = formatDateTime(issue.最終更新日);
  if (!when) return "記録なし";
  return issue.最終更新者 ? `${when}（${issue.最終更新者}）` : when;
}

export function valueText(value: string, max = Infinity): string {
  const text = value.trim();
  if (text === "") return "（空欄）";
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function historyLine(item: HistoryItem): { when: string; who: string; change: string } {
  const route = item.経路 ? `・${item.経路}` : "";
  return {
    when: formatDateTime(item.日時),
    who: `${item.利用者 || "不明"}${item.担当アドレス ? `（${item.担当アドレス}）` : ""}${route}`,
    change: `${item.項目}: ${valueText(item.変更前, 40)} → ${valueText(item.変更後, 40)}`,
  };
}

/** Side by side after a conflict: the saved value and the user's input, for each field. */
export function conflictRows(current: IssueRecord, draft: Draft) {
  const latest = draftOf(current);
  return INPUTS.map((input) => ({
    field: input.field,
    label: input.label,
    current: valueText(latest[input.field]),
    mine: valueText(draft[input.field]),
    differs: !sameInput(input, latest[input.field], draft[input.field]),
  }));
}

export const MESSAGES = {
  saved: "保存しました",
  conflict: "他の方が先に更新しました",
  notFound: "この課題は削除されたか ID が変わりました。一覧を読み込み直しました。",
  busy: "混み合っています。少し待ってからもう一度保存してください。",
  checkInput: "入力内容を確認してください。",
  rebased: "最新の内容にあなたの変更を反映しました。確認してから保存してください。",
} as const;

/** What the user reads after a failed save (success is simply MESSAGES.saved). */
export function failureText(result: Extract<SaveResult, { ok: false }>): string {
  switch (result.reason) {
    case "conflict":
      return `${MESSAGES.conflict}。最新の内容とあなたの入力を並べて表示しています。`;
    case "not_found":
      return MESSAGES.notFound;
    case "busy":
      return MESSAGES.busy;
    case "forbidden":
    case "contract":
    case "invalid":
      return result.message || MESSAGES.checkInput;
  }
}
