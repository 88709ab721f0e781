// One update of an issue, decided on plain values: validation, the conflict
// check against what the user last saw, and the cells and 履歴 rows to write.
// Each field's rules come from the contract's description (issue-fields.ts).
import { recordedActor, type Actor, type HistoryEntry, type Route } from "./contracts/history";
import { INPUTS, type EditableField, type IssueRecord } from "./contracts/issues";
import { sameValue } from "./contracts/contract";
import { canonical, fieldError, storedValueOf } from "./issue-fields";

export interface IssueUpdate {
  id: string;
  /** The values the user started from (expectedOf); a mismatch means someone else changed the issue meanwhile. */
  expected: Partial<Record<EditableField | "最終更新日", string>>;
  changes: Partial<Record<EditableField, string>>;
}

/** Japanese messages for invalid input, keyed by field; empty when valid. */
export function validateChanges(changes: IssueUpdate["changes"]): Partial<Record<EditableField, string>> {
  const errors: Partial<Record<EditableField, string>> = {};
  for (const input of INPUTS) {
    const value = changes[input.field];
    if (value === undefined) continue;
    const error = fieldError(input, value);
    if (error) errors[input.field] = error;
  }
  return errors;
}

export type UpdatePlan =
  | { ok: false; reason: "conflict"; fields: string[] }
  | { ok: true; values: Partial<Record<EditableField | "最終更新日" | "最終更新者", string | number | Date>>; history: HistoryEntry[] };

/** Compares `expected` with the row as it is now, then lists what actually changes. */
export function planUpdate(current: IssueRecord, update: IssueUpdate, actor: Actor, now: Date, route: Route): UpdatePlan {
  const conflicts = (Object.keys(update.expected) as (keyof IssueUpdate["expected"])[]).filter(
    (field) => !sameValue(current[field], update.expected[field] ?? ""),
  );
  if (conflicts.length > 0) return { ok: false, reason: "conflict", fields: conflicts };
  const values: Extract<UpdatePlan, { ok: true }>["values"] = {};
  const history: HistoryEntry[] = [];
  const who = recordedActor(actor);
  for (const input of INPUTS) {
    const raw = update.changes[input.field];
    if (raw === undefined) continue;
    // A choice is stored in its short form whatever wording was chosen; a day as a date.
    const next = canonical(input, raw) ?? raw;
    if (sameValue(current[input.field], next)) continue;
    values[input.field] = storedValueOf(input, next);
    history.push({ 日時: now, 利用者: who.利用者, ID: current.ID, 項目: input.field, 変更前: current[input.field], 変更後: next, 経路: route, 担当アドレス: who.担当アドレス, 立場: who.立場 });
  }
  if (history.length > 0) {
    values.最終更新日 = now;
    // The person who acted, never the section's address they acted for (that is in 履歴).
    values.最終更新者 = who.利用者;
  }
  return { ok: true, values, history };
}
