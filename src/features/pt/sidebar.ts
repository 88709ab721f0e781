// The sidebar's PT section, server side: what the signed-in member (or the
// secretariat) sees, and the three saves — an activity, a milestone, the team's
// theme and 状態 — each through the shared write path: document lock, one read
// per sheet, find the row by its key, conflict check, write (text-safe), stamp, 履歴.
import { recordedActor } from "../../core/contracts/history";
import { ACTIVITY_KINDS, PT_ACTIVITIES, type ActivityRow } from "../../core/contracts/pt-activities";
import { PT_MEMBERS } from "../../core/contracts/pt-members";
import { PT_STEPS } from "../../core/contracts/pt-steps";
import { PT_TEAMS, TEAM_STATES } from "../../core/contracts/pt-teams";
import { dayOf, dayToDate, fiscalYearOfDay, hoursOf, monthOf, parseDay, parseTeam, parseText, type Day } from "../../core/contracts/pt-values";
import type { Fields } from "../../core/contracts/typed";
import { fiscalYearOfDate } from "../../core/base/fiscal-year";
import { checkActivity } from "../../core/pt/activities";
import { planRowEdit, stepProblem, type PtRowUpdate } from "../../core/pt/edits";
import { limitMinutes, warningMessage, wouldExceed } from "../../core/pt/hours";
import { activityKey, stepKey, teamKey } from "../../core/pt/keys";
import { memberDirectory, readMembers } from "../../core/pt/members";
import type { ActivityInput, PtContext, PtSaveResult } from "../../core/pt/sidebar-api";
import { InputError } from "../../core/base/sheet-table";
import { BusyError, withWriteLock } from "../../gas/lock";
import { activeUserEmail } from "../../gas/session";
import { loadSettings } from "../../gas/settings";
import { appendRows, readRecords, writeRecordFields } from "../../gas/table";
import { appendHistory, prepareHistoryHeader } from "../../gas/history-log";
import { ptAccess, teamAccess } from "./access";
import { openPtBook, viewOf, type PtBook } from "./book";

export function ptContext(): PtContext {
  const user = activeUserEmail();
  const now = new Date();
  const today = dayOf(now);
  const year = fiscalYearOfDate(now);
  const limitHours = hoursOf(limitMinutes(loadSettings().settings["所定労働時間/月"]));
  const base = { user, year, today, month: monthOf(today), limitHours, kinds: ACTIVITY_KINDS, teamStates: TEAM_STATES };
  const members = readRecords(PT_MEMBERS, []);
  // Who may see anything is decided on PTメンバー alone, before the other sheets are read.
  const access = members ? ptAccess(user, readMembers(members.values).map((r) => r.record), year, today) : { role: "none" as const, teams: [] };
  if (access.role === "none") return { ...base, role: "none", teams: [] };
  const book = openPtBook();
  return { ...base, role: access.role, teams: access.teams.map((team) => viewOf(book, year, team, today)) };
}

/** Saves a new PT活動 row; one that would take a member over the monthly limit waits for confirmOverLimit. */
export function saveActivity(input: ActivityInput): PtSaveResult {
  const user = activeUserEmail();
  const now = new Date();
  const today = dayOf(now);
  const parsed = parseActivity(input, today);
  if ("errors" in parsed) return { ok: false, reason: "invalid", message: "入力内容を確認してください。", errors: parsed.errors };
  const year = fiscalYearOfDay(parsed.record.日付);
  return guarded(() => {
    const book = openPtBook();
    const access = teamAccess(user, book.members, year, parsed.record.チーム, today);
    if ("refusal" in access) return { ok: false, reason: "forbidden", message: access.refusal };
    const historyHeader = prepareHistoryHeader();
    const directory = memberDirectory(book.members);
    const pending = checkActivity(parsed.record, directory, "入力内容");
    const scheduled = loadSettings().settings["所定労働時間/月"];
    const warnings = wouldExceed(book.activities, pending, scheduled).map(warningMessage);
    if (warnings.length > 0 && input.confirmOverLimit !== true) {
      return { ok: false, reason: "over_limit", message: "はみだせサポートの上限を超えるため、まだ保存していません。", warnings };
    }
    // Names as staff read them; an email where two members share the name.
    const names = pending.参加者.map((m) => ("member" in directory.find(year, m.氏名) ? m.氏名 : m.メール)).join("、");
    const table = book.tables.activities;
    const row = PT_ACTIVITIES.toRow(
      { ...parsed.record, 日付: dayToDate(pending.日付), 相手先: pending.相手先 ?? "", 内容: pending.内容 ?? "", 参加者: names, 時間: hoursOf(pending.minutes) },
      table.values[0],
    );
    appendRows(table.sheet, [row]);
    const summary = `${pending.日付} ${pending.種別}${pending.相手先 ? `（${pending.相手先}）` : ""} ${hoursOf(pending.minutes)}時間 ${names}`;
    appendHistory([{ 日時: now, ...recordedActor(access.actor), ID: activityKey(year, pending.チーム), 項目: PT_ACTIVITIES.name, 変更前: "", 変更後: summary, 経路: "サイドバー" }], historyHeader);
    book.activities.push(pending);
    const over = warnings.length > 0 ? "（はみだせサポートの上限を超えています。所属の承認を確認してください）" : "";
    return { ok: true, message: `活動を記録しました${over}。`, team: viewOf(book, year, pending.チーム, today) };
  });
}

/** A milestone: tick it done (完了日 and 状態 完了), undo it, or change its メモ. */
export function updateStep(update: PtRowUpdate): PtSaveResult {
  const today = dayOf(new Date());
  return updateRow(update, {
    fields: PT_STEPS.fields,
    rowsOf: (book) => book.steps,
    table: (book) => book.tables.steps,
    matches: (r) => r.年度 === update.年度 && r.チーム === parseTeam(update.チーム) && r.工程 === parseText(update.工程),
    key: (r) => stepKey(r.年度, r.チーム, r.工程),
    what: `工程「${update.工程}」`,
    check: (next) => stepProblem(next, today),
  });
}

/** The team's テーマ, 成果指標, 事業所管課 and 状態. */
export function updateTeam(update: PtRowUpdate): PtSaveResult {
  return updateRow(update, {
    fields: PT_TEAMS.fields,
    rowsOf: (book) => book.teams,
    table: (book) => book.tables.teams,
    matches: (r) => r.年度 === update.年度 && r.チーム === parseTeam(update.チーム),
    key: (r) => teamKey(r.年度, r.チーム),
    what: `チーム「${update.チーム}」のPTの行`,
    check: () => null,
  });
}

interface RowSpec<R extends { 年度: number; チーム: string }> {
  fields: Fields;
  rowsOf(book: PtBook): { rowNumber: number; record: R }[];
  table(book: PtBook): PtBook["tables"]["teams"] | PtBook["tables"]["steps"];
  matches(record: R): boolean;
  /** 履歴's ID of the row (keys.ts), from the row as read. */
  key(record: R): string;
  what: string;
  check(next: Record<string, unknown>): string | null;
}

function updateRow<R extends { 年度: number; チーム: string }>(update: PtRowUpdate, spec: RowSpec<R>): PtSaveResult {
  const user = activeUserEmail();
  const now = new Date();
  const today = dayOf(now);
  if (!update || typeof update !== "object" || typeof update.年度 !== "number" || typeof update.チーム !== "string") {
    return { ok: false, reason: "invalid", message: "更新内容の形式が正しくありません（年度, チーム, expected, changes が必要です）。" };
  }
  return guarded(() => {
    const book = openPtBook();
    const access = teamAccess(user, book.members, update.年度, update.チーム, today);
    if ("refusal" in access) return { ok: false, reason: "forbidden", message: access.refusal };
    const who = recordedActor(access.actor);
    const found = spec.rowsOf(book).find((r) => spec.matches(r.record));
    const view = () => viewOf(book, update.年度, update.チーム, today);
    if (!found) return { ok: false, reason: "not_found", message: `${spec.what}が見つかりません。削除されたか名前が変わった可能性があります。開き直してください。` };
    const plan = planRowEdit(spec.fields, found.record, update);
    if (!plan.ok && plan.reason === "invalid") return { ok: false, reason: "invalid", message: "入力内容を確認してください。", errors: plan.errors };
    if (!plan.ok) {
      return { ok: false, reason: "conflict", message: `ほかの方が${spec.what}を先に更新しました（${plan.fields.join("・")}）。最新の内容を確認して、もう一度入力してください。`, team: view() };
    }
    const problem = spec.check(plan.next);
    if (problem) return { ok: false, reason: "invalid", message: problem };
    if (plan.changes.length === 0) return { ok: true, message: "変更はありません。", team: view() };
    const table = spec.table(book);
    const historyHeader = prepareHistoryHeader();
    const values: Record<string, unknown> = { 最終更新日: now, 最終更新者: who.利用者 };
    // Days go in as date cells, so the sheet shows and sorts them as dates.
    for (const { field, after } of plan.changes) values[field] = spec.fields[field].parse === parseDay && after ? dayToDate(after) : after;
    const row = table.rows.find((r) => r.rowNumber === found.rowNumber)!;
    writeRecordFields(table as PtBook["tables"]["steps"], row as PtBook["tables"]["steps"]["rows"][number], values);
    Object.assign(found.record, plan.next, { 最終更新日: now.toISOString(), 最終更新者: who.利用者 });
    appendHistory(plan.changes.map((c) => ({ 日時: now, ...who, ID: spec.key(found.record), 項目: c.field, 変更前: c.before, 変更後: c.after, 経路: "サイドバー" })), historyHeader);
    return { ok: true, message: "保存しました。", team: view() };
  });
}

/** Runs a save under the document lock; a busy lock or an unreadable sheet is a refusal, never a half-done save. */
function guarded(save: () => PtSaveResult): PtSaveResult {
  try {
    return withWriteLock(save);
  } catch (error) {
    if (error instanceof BusyError) return { ok: false, reason: "busy", message: error.message };
    if (error instanceof InputError) return { ok: false, reason: "invalid", message: error.message };
    throw error;
  }
}

/** The form's text through PT活動's own field parsers; a day after today is refused (activities are recorded, not planned). */
function parseActivity(input: ActivityInput, today: Day): { record: ActivityRow } | { errors: Record<string, string> } {
  const fields = PT_ACTIVITIES.fields;
  const raw: Record<string, unknown> = { ...input, 参加者: Array.isArray(input?.参加者) ? input.参加者.join("、") : input?.参加者 };
  const record: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const name of PT_ACTIVITIES.headers) {
    const field = fields[name];
    const text = raw[name];
    if (text !== undefined && typeof text !== "string") errors[name] = `${name}は文字で入力してください。`;
    else if (field.maxLength !== undefined && (text ?? "").length > field.maxLength) errors[name] = `${name}は${field.maxLength}文字以内で入力してください。`;
    else {
      const value = field.parse(text ?? "");
      if (value === undefined) errors[name] = `${name}「${text}」を解釈できません。${field.expected}`;
      else if (value === null && field.required) errors[name] = `${name}を入力してください。${field.expected}`;
      else record[name] = value;
    }
  }
  if (!errors.日付 && (record.日付 as Day) > today) errors.日付 = `日付が今日（${today}）より後です。行った日を入力してください。`;
  return Object.keys(errors).length > 0 ? { errors } : { record: record as ActivityRow };
}
