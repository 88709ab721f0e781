// Decisions of the sidebar's 未整理の課題 section (the secretariat's sorting of new
// issues), kept apart from the DOM so they can be tested without a browser.
import type { IssueRecord } from "../../core/contracts/issues";
import type { SortingChoice, SortingRequest } from "../shared/api";

/** What the secretariat chose for one issue. */
export interface SortingDraft {
  整理区分: string;
  統合先ID: string;
}

export type DraftErrors = Partial<Record<keyof SortingDraft, string>>;

/** 「② 課題の統合を行う」: the value and the seed's wording, as the select shows it. */
export function choiceLabel(choice: SortingChoice): string {
  return `${choice.value} ${choice.wording}`;
}

/** ② and ③ name another issue: the 統合先ID field is shown only for them. */
export function needsTarget(choices: readonly SortingChoice[], value: string): boolean {
  return choices.some((c) => c.value === value && c.targeted);
}

/** The label of the 統合先ID field for the chosen value. */
export function targetLabel(value: string): string {
  return value === "③" ? "解決策を実行している別課題の ID" : "統合先の課題の ID";
}

/** What the browser can tell before asking the server (which checks the target itself). */
export function draftErrors(choices: readonly SortingChoice[], draft: SortingDraft): DraftErrors {
  if (draft.整理区分 === "") return { 整理区分: "整理区分を選んでください。" };
  if (needsTarget(choices, draft.整理区分) && draft.統合先ID.trim() === "") return { 統合先ID: `${targetLabel(draft.整理区分)} を入力してください。` };
  return {};
}

/** The request for the write path: a target only where the choice takes one, and what the list showed. */
export function sortingRequest(choices: readonly SortingChoice[], issue: IssueRecord, draft: SortingDraft): SortingRequest {
  return {
    id: issue.ID,
    整理区分: draft.整理区分,
    統合先ID: needsTarget(choices, draft.整理区分) ? draft.統合先ID.trim() : "",
    expected: { 整理区分: issue.整理区分, 統合先ID: issue.統合先ID, 最終更新日: issue.最終更新日 },
  };
}

/** 整理区分 as the issue's details show it: blank is 未整理, ② and ③ name the issue they went to. */
export function sortingText(issue: Pick<IssueRecord, "整理区分" | "統合先ID">): string {
  const sorting = issue.整理区分.trim();
  if (sorting === "") return "未整理（市政変革推進室が整理するまで、進捗確認メールは届きません）";
  const target = issue.統合先ID.trim();
  return target ? `${sorting}（統合先 ${target}）` : sorting;
}

/** The section's heading, with the count. */
export function intakeTitle(count: number): string {
  return count === 0 ? "未整理の課題" : `未整理の課題（${count}件）`;
}

/** What the section says after the server answered. */
export function sortedText(issue: IssueRecord): string {
  const target = issue.統合先ID.trim() ? `（統合先 ${issue.統合先ID.trim()}）` : "";
  return `${issue.ID} を整理区分 ${issue.整理区分}${target} に整理しました。`;
}

/** A refusal of the write path (or of the guard): its message, and that the list was reloaded after a conflict. */
export function sortFailureText(result: { reason: string; message: string }): string {
  return result.reason === "conflict" ? `${result.message}（一覧を読み込み直しました）` : result.message;
}
