// One sidebar edit of a PT or PT工程 row, decided on plain values: the fields it may
// change, each value read by the field's own parser, the conflict check against what
// the member last saw, and the changes 履歴 records.
import type { Fields } from "../contracts/typed";
import { normalizeText } from "../base/text";
import type { Day } from "../contracts/pt-values";

/** What the sidebar sends: the row's key, the values it started from, and the new values (all text). */
export interface PtRowUpdate {
  年度: number;
  チーム: string;
  /** PT工程 only. */
  工程?: string;
  expected: Record<string, string>;
  changes: Record<string, string>;
}

export interface Change {
  field: string;
  before: string;
  after: string;
}

export type EditPlan =
  | { ok: false; reason: "invalid"; errors: Record<string, string> }
  | { ok: false; reason: "conflict"; fields: string[] }
  | { ok: true; next: Record<string, unknown>; changes: Change[] };

/** A typed value as the sidebar shows and sends it: blank as "". */
export function valueText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/**
 * Checks `changes` (only editable fields, text within limits, readable by the field's
 * parser), compares `expected` with the current typed record, and lists what changes.
 */
export function planRowEdit(fields: Fields, current: Record<string, unknown>, update: Pick<PtRowUpdate, "expected" | "changes">): EditPlan {
  const errors: Record<string, string> = {};
  const next: Record<string, unknown> = { ...current };
  for (const [field, raw] of Object.entries(update.changes ?? {})) {
    const rule = fields[field];
    if (!rule?.editable) errors[field] = `${field}はサイドバーから変更できません。`;
    else if (typeof raw !== "string") errors[field] = `${field}は文字で入力してください。`;
    else if (rule.maxLength !== undefined && raw.length > rule.maxLength) errors[field] = `${field}は${rule.maxLength}文字以内で入力してください（現在${raw.length}文字）。`;
    else {
      const parsed = rule.parse(raw);
      if (parsed === undefined) errors[field] = `${field}「${raw}」を解釈できません。${rule.expected}`;
      // Free text is kept as typed (trimmed); a choice or a day in its one written form.
      else next[field] = typeof parsed === "string" && normalizeText(raw) === parsed ? raw.trim() : parsed;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, reason: "invalid", errors };
  // Compared as staff see them: a theme saved as typed reads back NFKC-normalized.
  const conflicts = Object.entries(update.expected ?? {})
    .filter(([field, seen]) => normalizeText(valueText(current[field])) !== normalizeText(valueText(seen)))
    .map(([f]) => f);
  if (conflicts.length > 0) return { ok: false, reason: "conflict", fields: conflicts };
  // In header order, as 履歴 lists an issue's changes.
  const changes = Object.keys(fields)
    .filter((field) => field in (update.changes ?? {}))
    .map((field) => ({ field, before: valueText(current[field]), after: valueText(next[field]) }))
    .filter((c) => c.before !== c.after);
  return { ok: true, next, changes };
}

/** PT工程's own rule after an edit: 完了 exactly when there is a 完了日, and never in the future. */
export function stepProblem(next: Record<string, unknown>, today: Day): string | null {
  const done = next.完了日 as Day | null;
  if (done !== null && done > today) return `完了日「${done}」が今日（${today}）より後です。完了した日を入力してください。`;
  if (done !== null && next.状態 !== "完了") return "完了日を入れるときは状態を「完了」にしてください。";
  if (done === null && next.状態 === "完了") return "完了にするときは完了日を入力してください。";
  return null;
}
