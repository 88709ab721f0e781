// 担当の引き継ぎ (the April transfers): the secretariat replaces one address with
// another across 課題, 局区, PTメンバー and 担当者 in one run. It previews the rows,
// asks, warns before merging into an address already in use, then writes under the
// lock — re-reading and refusing if the rows changed since the preview — with
// 課題's stamps and one 履歴 row per changed cell.
import { ISSUES } from "../core/contracts/issues";
import type { HistoryEntry } from "../core/contracts/history";
import { refuse, type Refusal } from "../core/outcome";
import { TRANSFER_SHEETS, mergeWarning, planTransfer, previewText, samePlan, type TransferChange, type TransferPlan, type TransferSheets } from "../core/transfer";
import { BusyError, withWriteLock } from "../gas/lock";
import { activeUserEmail } from "../gas/session";
import { forgetAccessList } from "../gas/settings";
import { sheetNamed } from "../gas/spreadsheet";
import { writeFieldColumns } from "../gas/table";
import { confirm, tell, uiOrNull } from "../gas/ui";
import { appendHistory, prepareHistoryHeader } from "../gas/history-log";

const TITLE = "担当の引き継ぎ";

export interface TransferOptions {
  /** The address to replace; asked for at the sheet when omitted. */
  from?: string;
  /** The new address. */
  to?: string;
  /** Without a UI (CLI, scripts): write after the preview without asking. */
  confirm?: boolean;
  /** Without a UI: merge into a new address already in use. */
  merge?: boolean;
}

export type TransferResult =
  | { ok: true; from: string; to: string; changed: number; bySheet: Record<string, number>; message: string }
  | (Refusal<"invalid" | "not_found" | "cancelled" | "unconfirmed" | "merge" | "changed" | "busy"> & { preview?: string });

export function transferAddress(options: TransferOptions = {}): TransferResult {
  const ui = uiOrNull();
  const asked = askAddresses(ui, options);
  if ("ok" in asked) return told(asked);
  const plan = planTransfer(readSheets(), asked.from, asked.to);
  if ("ok" in plan) return told(plan);
  const preview = previewText(plan);
  if (ui ? !confirm(ui, TITLE, preview) : !options.confirm) {
    return ui ? told(refuse("cancelled", "引き継ぎを取りやめました。何も変更していません。"))
      : { ...refuse("unconfirmed", "変更する行を確かめてから、confirm: true を指定して実行してください。何も変更していません。"), preview };
  }
  if (plan.existing.length > 0) {
    const warning = mergeWarning(plan);
    if (ui ? !confirm(ui, TITLE, warning) : !options.merge) {
      return ui ? told(refuse("cancelled", "引き継ぎを取りやめました。何も変更していません。"))
        : { ...refuse("merge", `${warning}\n\nまとめるときは merge: true を指定してください。何も変更していません。`), preview };
    }
  }
  try {
    return told(withWriteLock(() => write(plan, activeUserEmail())));
  } catch (error) {
    if (error instanceof BusyError) return told(refuse("busy", `${error.message}何も変更していません。`));
    throw error;
  }
}

function askAddresses(ui: GoogleAppsScript.Base.Ui | null, options: TransferOptions): { from: string; to: string } | Refusal<"cancelled" | "invalid"> {
  const ask = (question: string): string | null => {
    if (!ui) return "";
    const response = ui.prompt(TITLE, question, ui.ButtonSet.OK_CANCEL);
    return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
  };
  const from = options.from ?? ask("引き継ぐ元のメールアドレス（異動する人や、廃止する課の共有アドレス）を入力してください。");
  if (from === null) return refuse("cancelled", "引き継ぎを取りやめました。何も変更していません。");
  const to = options.to ?? ask(`「${from.trim()}」を置き換える新しいメールアドレスを入力してください。`);
  if (to === null) return refuse("cancelled", "引き継ぎを取りやめました。何も変更していません。");
  if (!ui && (options.from === undefined || options.to === undefined)) {
    return refuse("invalid", "引き継ぐ元（from）と新しいアドレス（to）を指定してください。何も変更していません。");
  }
  return { from, to };
}

/** One read of each sheet (getDataRange): a sheet the workbook lacks has nothing to change. */
function readSheets(): TransferSheets {
  return Object.fromEntries(TRANSFER_SHEETS.map((name) => [name, sheetNamed(name)?.getDataRange().getValues() ?? null]));
}

/**
 * Under the lock: the sheets read again and planned again. Anything different
 * from the preview (a row added, moved away, renumbered, changed) refuses the whole
 * run, so nothing is written that staff did not see.
 */
function write(previewed: TransferPlan, user: string): TransferResult | Refusal<"changed"> {
  const sheets = readSheets();
  const plan = planTransfer(sheets, previewed.from, previewed.to);
  if ("ok" in plan || !samePlan(plan, previewed)) {
    return refuse("changed", "確認のあとで対象の行が変わったため、引き継ぎを中止しました。何も変更していません。もう一度「担当の引き継ぎ」を実行してください。");
  }
  // 履歴 checked (and completed) before the first write: no change without its record.
  const historyHeader = prepareHistoryHeader();
  const now = new Date();
  const bySheet: Record<string, number> = {};
  for (const name of TRANSFER_SHEETS) {
    const changes = plan.changes.filter((c) => c.sheet === name);
    if (changes.length === 0) continue;
    writeSheet(name, sheets[name] as unknown[][], changes, user, now);
    bySheet[name] = changes.length;
  }
  appendHistory(plan.changes.map((c): HistoryEntry => ({ 日時: now, 利用者: user, ID: c.key, 項目: c.field, 変更前: c.before, 変更後: c.after, 経路: "引き継ぎ", 立場: "推進室" })), historyHeader);
  // 局区's 代表メール decides who sees which issues: the cached access list must not outlive it.
  forgetAccessList();
  const summary = Object.entries(bySheet).map(([name, n]) => `${name} ${n}か所`).join("、");
  return { ok: true, from: plan.from, to: plan.to, changed: plan.changes.length, bySheet, message: `「${plan.from}」を「${plan.to}」に置き換えました（${summary}）。履歴に記録しました。` };
}

/**
 * The changed columns of the rows from the first to the last change, one setValues
 * per run of adjacent columns, whatever the number of rows; other rows of the span
 * are written back as read. 課題 rows are stamped (最終更新日・最終更新者).
 */
function writeSheet(name: string, values: unknown[][], changes: TransferChange[], user: string, now: Date): void {
  const header = values[0].map((cell) => String(cell ?? "").normalize("NFKC").trim());
  const indexOf = (field: string) => {
    const i = header.indexOf(field.normalize("NFKC"));
    return i < 0 ? undefined : i;
  };
  const first = Math.min(...changes.map((c) => c.rowNumber));
  const last = Math.max(...changes.map((c) => c.rowNumber));
  const span = values.slice(first - 1, last);
  const columns: Record<string, unknown[]> = {};
  const column = (field: string) => (columns[field] ??= span.map((row) => row[indexOf(field) as number]));
  for (const c of changes) column(c.field)[c.rowNumber - first] = c.after;
  if (name === ISSUES.name) {
    for (const c of changes) {
      if (indexOf("最終更新日") !== undefined) column("最終更新日")[c.rowNumber - first] = now;
      if (indexOf("最終更新者") !== undefined) column("最終更新者")[c.rowNumber - first] = user;
    }
  }
  writeFieldColumns(sheetNamed(name) as GoogleAppsScript.Spreadsheet.Sheet, { indexOf }, first, columns);
}

function told<T extends { message: string }>(result: T): T {
  tell(TITLE, result.message);
  return result;
}
