// The one path every change of an issue takes — sidebar, web form, survey, and the
// secretariat's sorting of a new issue: lock, find the row by ID, check permission and
// conflicts, write, stamp, 履歴.
import { actorFor, isSecretariat } from "../core/access";
import { ContractError } from "../core/contracts/contract";
import type { Actor, HistoryEntry, Route } from "../core/contracts/history";
import { dayOf } from "../core/contracts/pt-values";
import { ISSUES, WRITE_FIELDS, type IssueField, type IssueRecord } from "../core/contracts/issues";
import { SORT_FIELDS, planSorting, sortingShapeError, type SortingRequest } from "../core/intake";
import { planUpdate, validateChanges, type IssueUpdate } from "../core/issue-update";
import type { SaveResult, SortResult } from "../core/sidebar-api";
import { BusyError, withWriteLock } from "../gas/lock";
import { loadAccessList } from "../gas/settings";
import { appendHistory, prepareHistoryHeader } from "../gas/history-log";
import { findById, requireRecords, writeRecordFields, type SheetRecords } from "../gas/table";

export type { SaveResult, SortResult };

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
  return lockedWrite(
    WRITE_FIELDS,
    (data, history) => updates.map((update, i) => checked[i] ?? saveLocked(data, update, context, history)),
    (refusal) => updates.map((_, i) => checked[i] ?? refusal),
  );
}

/**
 * The secretariat sorts a 未整理 issue: its 整理区分, and for ② and ③ the issue it is merged
 * into or replaced by (統合先ID), which must exist and not be merged itself.
 */
export function saveSorting(request: SortingRequest, context: WriteContext): SortResult {
  const shape = sortingShapeError(request);
  if (shape) return { ok: false, reason: "invalid", message: shape };
  return lockedWrite(SORT_FIELDS, (data, history): SortResult => {
    const row = findById(data, request.id);
    if (!row) return { ok: false, reason: "not_found", message: notFound(request.id) };
    if (!isSecretariat(context.user, loadAccessList())) {
      return { ok: false, reason: "forbidden", message: `課題「${request.id}」の整理区分は、市政変革推進室（設定シートの「事務局メール」）のみが決められます。` };
    }
    const actor: Actor = { person: context.user, onBehalfOf: "", standing: "推進室" };
    const plan = planSorting(row.record, request, (id) => findById(data, id)?.record, actor, context.now, context.route);
    if (!plan.ok && plan.reason === "conflict") {
      return { ok: false, reason: "conflict", message: `ほかの方がこの課題を先に更新しました（${plan.fields.join("・")}）。一覧を読み込み直して、もう一度整理してください。`, current: row.record };
    }
    if (!plan.ok) return { ok: false, reason: "invalid", message: `${plan.message}何も変更していません。`, field: plan.field };
    if (plan.history.length === 0) return { ok: true, issue: row.record };
    const written = writeRecordFields(data, row, plan.values);
    history.push(...plan.history);
    return { ok: true, issue: written.record };
  }, (refusal) => refusal);
}

/**
 * Holds the write lock around `work`, given 課題 (with `fields` checked) and the 履歴 rows to
 * append once at the end. A busy lock or a broken header is a refusal, and nothing is written.
 */
function lockedWrite<T>(
  fields: readonly IssueField[],
  work: (data: SheetRecords<IssueField, IssueRecord>, history: HistoryEntry[]) => T,
  refused: (refusal: { ok: false; reason: "busy" | "contract"; message: string }) => T,
): T {
  try {
    return withWriteLock(() => {
      // Every header this path reads or writes, checked before the first write: no save to nowhere, no 履歴 row in a wrong column.
      const data = requireRecords(ISSUES, fields);
      const historyHeader = prepareHistoryHeader();
      const history: HistoryEntry[] = [];
      const result = work(data, history);
      appendHistory(history, historyHeader);
      return result;
    });
  } catch (error) {
    if (error instanceof ContractError) {
      return refused({ ok: false, reason: "contract", message: `${error.message}\n\n見出しを直すまで保存できません。何も変更していません。` });
    }
    if (!(error instanceof BusyError)) throw error;
    return refused({ ok: false, reason: "busy", message: error.message });
  }
}

function notFound(id: string): string {
  return `課題「${id}」が見つかりません。削除されたか、ID が変更された可能性があります。一覧を読み込み直してください。`;
}

function saveLocked(data: SheetRecords<IssueField, IssueRecord>, update: IssueUpdate, context: WriteContext, history: HistoryEntry[]): SaveResult {
  const row = findById(data, update.id);
  if (!row) {
    return { ok: false, reason: "not_found", message: notFound(update.id) };
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
