// The one path every change of an issue takes — sidebar, web form, survey:
// lock, find the row by ID, check permission and conflicts, write, stamp, 履歴.
import { actorFor } from "../core/access";
import { ContractError } from "../core/contracts/contract";
import type { Actor, HistoryEntry, Route } from "../core/contracts/history";
import { dayOf } from "../core/contracts/pt-values";
import { ISSUES, WRITE_FIELDS, type IssueField, type IssueRecord } from "../core/contracts/issues";
import { planUpdate, validateChanges, type IssueUpdate } from "../core/issue-update";
import type { SaveResult } from "../core/sidebar-api";
import { BusyError, withWriteLock } from "../gas/lock";
import { loadAccessList } from "../gas/settings";
import { appendHistory, prepareHistoryHeader } from "../gas/history-log";
import { findById, requireRecords, writeRecordFields, type SheetRecords } from "../gas/table";

export type { SaveResult };

export interface WriteContext {
  /** The signed-in person, trimmed and lower-cased ("" when Apps Script did not say). */
  user: string;
  route: Route;
  now: Date;
  /**
   * Who the person is for the issue as it stands, or null when they may not update it.
   * Default: the access list's rule (acting for the owner or the bureau's 代表メール on
   * that day, or the secretariat); the web form decides by its signed link instead.
   */
  actorFor?: (issue: IssueRecord) => Actor | null;
}

export function saveIssue(update: IssueUpdate, context: WriteContext): SaveResult {
  return saveIssues([update], context)[0];
}

/**
 * Several updates (an owner's answers to one form) in one pass: one lock, one
 * read of 課題, one 履歴 append; each update gets its own result.
 */
export function saveIssues(updates: IssueUpdate[], context: WriteContext): SaveResult[] {
  const checked = updates.map((update): SaveResult | null => {
    const shape = checkShape(update);
    if (shape) return { ok: false, reason: "invalid", message: shape };
    const errors = validateChanges(update.changes);
    return Object.keys(errors).length > 0 ? { ok: false, reason: "invalid", message: "入力内容を確認してください。", errors } : null;
  });
  if (checked.every((r) => r !== null)) return checked as SaveResult[];
  try {
    return withWriteLock(() => {
      // Every header this path reads or writes, checked before the first write: no save to nowhere, no 履歴 row in a wrong column.
      const data = requireRecords(ISSUES, WRITE_FIELDS);
      const historyHeader = prepareHistoryHeader();
      const history: HistoryEntry[] = [];
      const results = updates.map((update, i) => checked[i] ?? saveLocked(data, update, context, history));
      appendHistory(history, historyHeader);
      return results;
    });
  } catch (error) {
    if (error instanceof ContractError) {
      return updates.map((_, i) => checked[i] ?? { ok: false, reason: "contract", message: `${error.message}\n\n見出しを直すまで保存できません。何も変更していません。` });
    }
    if (!(error instanceof BusyError)) throw error;
    return updates.map((_, i) => checked[i] ?? { ok: false, reason: "busy", message: error.message });
  }
}

function saveLocked(data: SheetRecords<IssueField, IssueRecord>, update: IssueUpdate, context: WriteContext, history: HistoryEntry[]): SaveResult {
  const row = findById(data, update.id);
  if (!row) {
    return { ok: false, reason: "not_found", message: `課題「${update.id}」が見つかりません。削除されたか、ID が変更された可能性があります。一覧を読み込み直してください。` };
  }
  const current = row.record;
  const actor = context.actorFor ? context.actorFor(current) : actorFor(context.user, current, dayOf(context.now), loadAccessList());
  if (!actor) {
    return { ok: false, reason: "forbidden", message: `課題「${update.id}」を更新する権限がありません。担当者、局区の代表者、市政変革推進室のみが更新できます。` };
  }
  const plan = planUpdate(current, update, actor, context.now, context.route);
  if (!plan.ok) {
    return {
      ok: false,
      reason: "conflict",
      message: `ほかの方がこの課題を先に更新しました（${plan.fields.join("・")}）。最新の内容を確認して、もう一度入力してください。`,
      current,
    };
  }
  if (plan.history.length === 0) return { ok: true, issue: current };
  // A later update of the same batch finds the row as written.
  const written = writeRecordFields(data, row, plan.values);
  history.push(...plan.history);
  return { ok: true, issue: written.record };
}

/** google.script.run hands us whatever the browser sent: check it is the documented shape. */
function checkShape(update: IssueUpdate): string | null {
  const ok =
    update !== null && typeof update === "object" && typeof update.id === "string" && update.id.trim() !== "" &&
    typeof update.expected === "object" && update.expected !== null &&
    typeof update.changes === "object" && update.changes !== null;
  return ok ? null : "更新内容の形式が正しくありません（id, expected, changes が必要です）。";
}
