// One update of an issue, decided on plain values: validation, the conflict
// check against what the user last saw, and the cells and 履歴 rows to write.
import { parseProgress } from "./classes";
import type { HistoryEntry, Route } from "./contracts/history";
import { EDITABLE_FIELDS, LIMITS, type EditableField, type IssueRecord } from "./contracts/issues";
import { sameValue } from "./contracts/contract";


export interface IssueUpdate {
  id: string;
  /** The values the user started from; a mismatch means someone else changed the issue meanwhile. */
  expected: Partial<Record<EditableField | "最終更新日", string>>;
  changes: Partial<Record<EditableField, string>>;
}

/** Japanese messages for invalid input, keyed by field; empty when valid. */
export function validateChanges(changes: IssueUpdate["changes"]): Partial<Record<EditableField, string>> {
  const errors: Partial<Record<EditableField, string>> = {};
  for (const field of EDITABLE_FIELDS) {
    const value = changes[field];
    if (value === undefined) continue;
    if (typeof value !== "string") errors[field] = `${field}は文字で入力してください。`;
    else if (value.length > LIMITS[field]) errors[field] = `${field}は${LIMITS[field]}文字以内で入力してください（現在${value.length}文字）。`;
  }
  const progress = changes.進捗分類;
  if (typeof progress === "string" && !errors.進捗分類 && !parseProgress(progress)) {
    errors.進捗分類 = "進捗分類は「完了」「実施中」「検討中」から選んでください。";
  }
  return errors;
}

export type UpdatePlan =
  | { ok: false; reason: "conflict"; fields: string[] }
  | { ok: true; values: Partial<Record<EditableField | "最終更新日" | "最終更新者", string | Date>>; history: HistoryEntry[] };

/** Compares `expected` with the row as it is now, then lists what actually changes. */
export function planUpdate(current: IssueRecord, update: IssueUpdate, user: string, now: Date, route: Route): UpdatePlan {
  const conflicts = (Object.keys(update.expected) as (keyof IssueUpdate["expected"])[]).filter(
    (field) => !sameValue(current[field], update.expected[field] ?? ""),
  );
  if (conflicts.length > 0) return { ok: false, reason: "conflict", fields: conflicts };
  const values: Extract<UpdatePlan, { ok: true }>["values"] = {};
  const history: HistoryEntry[] = [];
  for (const field of EDITABLE_FIELDS) {
    const raw = update.changes[field];
    if (raw === undefined) continue;
    // 進捗分類 is stored in its short form whatever wording was chosen.
    const next = field === "進捗分類" ? (parseProgress(raw) ?? raw) : raw.trim();
    if (sameValue(current[field], next)) continue;
    values[field] = next;
    history.push({ 日時: now, 利用者: user, ID: current.ID, 項目: field, 変更前: current[field], 変更後: next, 経路: route });
  }
  if (history.length > 0) {
    values.最終更新日 = now;
    values.最終更新者 = user;
  }
  return { ok: true, values, history };
}
