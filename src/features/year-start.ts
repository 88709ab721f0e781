// 年度更新: moves the programme on to a fiscal year. From the menu it shows what it
// will do and asks first (and whether to carry the PT roster forward); from the CLI
// it takes {year, carryRoster}. Every change is made only when not yet made, so a
// second run changes nothing and says so.
import { fiscalYearLabel, parseFiscalYear } from "../core/base/fiscal-year";
import { MEETINGS } from "../core/contracts/meetings";
import { PT_MEMBERS } from "../core/contracts/pt-members";
import { dayToDate } from "../core/contracts/pt-values";
import { ISSUES } from "../core/contracts/issues";
import { SETTINGS } from "../core/contracts/settings";
import { SUMMARY } from "../core/contracts/summary";
import { YEAR_RECORDS } from "../core/contracts/year-records";
import { refuse, type Refusal } from "../core/outcome";
import { SETTING_SPECS } from "../core/settings";
import { normalizeText } from "../core/base/text";
import { planYearStart, requestedYear, type YearStartPlan, type YearStartRefusal, type YearStartState, type YearStep } from "../core/year/start";
import { leaseHeldUntil, withWriteLock } from "../gas/lock";
import { effectiveUserEmail } from "../gas/session";
import { loadSettings } from "../gas/settings";
import { ensureSheetWarning } from "../gas/sheet-format";
import { requireSheetNamed, sheetNamed, sheetVisibility } from "../gas/spreadsheet";
import { appendRecords, appendRows, ensureRecords, readRecords } from "../gas/table";
import { confirm, tell, uiOrNull } from "../gas/ui";
import { refreshSummaryAsOf } from "./summary-as-of";

const TITLE = "年度更新";
const YEAR_SETTING = "今年度";
const RECORDS_PROTECTION = "platina: 年度記録は年度更新が記録します。記録した当初課題件数は書き換えないでください";
/** The mailings whose run must not be sending while the year changes, by their lease name. */
const MAILINGS = [
  ["followUp", "毎月の進捗確認メール"],
  ["survey", "各局区への取組照会"],
  ["ptHours", "PT活動時間のまとめ"],
] as const;

export interface YearStartOptions {
  /** "R9", "令和9年度", 2027…; the fiscal year of today when omitted. */
  year?: string | number;
  /** Copy the previous year's selected PT members to the year (only when true). */
  carryRoster?: boolean;
}

export type YearStartResult = { ok: true; year: string; changes: string[]; message: string } | YearStartRefusal | Refusal<"cancelled">;

export function startYear(options?: YearStartOptions): YearStartResult {
  const ui = uiOrNull();
  const fromMenu = !!ui && (options === undefined || options === null || typeof options !== "object");
  const given = options && typeof options === "object" ? options : {};
  const now = new Date();
  const state = readYearState(now);
  const year = requestedYear(given.year, state);
  if (typeof year !== "number") return said(year);
  const label = fiscalYearLabel(year);
  let carryRoster = given.carryRoster === true;
  if (ui && fromMenu) {
    const roster = planYearStart(year, state, true).steps.find((s) => s.kind === "roster");
    const plan = planYearStart(year, state, false);
    if (plan.steps.length === 0 && !roster) return said(unchanged(label));
    if (roster) carryRoster = confirm(ui, TITLE, `${roster.line.replace(/ます$/, "ますか？")}\n\n「いいえ」なら引き継ぎません（PTメンバーシートに後から入力できます）。`);
    const preview = planYearStart(year, state, carryRoster);
    if (preview.steps.length === 0) return said(unchanged(label));
    const question = `${label}の年度更新を行います。\n\n${bullets(preview.steps)}\n\nよろしいですか？`;
    if (!confirm(ui, TITLE, question)) return said(refuse("cancelled", "年度更新を取りやめました。何も変更していません。"));
  }
  const changes = withWriteLock(() => {
    // Read again under the lock: another run may have done part of it meanwhile.
    const plan = planYearStart(year, readYearState(now), carryRoster);
    return apply(plan, now);
  });
  return said(changes.length === 0 ? unchanged(label) : { ok: true, year: label, changes, message: `${label}の年度更新を行いました。\n\n${changes.map((c) => `・${c}`).join("\n")}` });
}

function unchanged(label: string): YearStartResult {
  return { ok: true, year: label, changes: [], message: `${label}の年度更新はすでに済んでいます。変更はありません。` };
}

/** Shows the outcome when someone is at the sheet, and returns it. */
function said<R extends { message: string }>(result: R): R {
  if (uiOrNull()) tell(TITLE, result.message);
  return result;
}

function bullets(steps: readonly YearStep[]): string {
  return steps.map((s) => `・${s.line}`).join("\n");
}

/** Everything the plan is made from: one read per sheet. */
function readYearState(now: Date): YearStartState {
  const values = (contract: Parameters<typeof readRecords>[0]) => readRecords(contract, [])?.values ?? [];
  const summary = sheetNamed(SUMMARY.name);
  const running = MAILINGS.map(([lease, name]) => ({ name, until: leaseHeldUntil(lease) })).find((m) => m.until !== null);
  return {
    today: now,
    stored: loadSettings().settings.今年度,
    shown: summary ? parseFiscalYear(summary.getRange(2, 2).getValue()) ?? null : null,
    issues: values(ISSUES),
    meetings: values(MEETINGS),
    records: values(YEAR_RECORDS),
    members: values(PT_MEMBERS),
    sheets: sheetVisibility(),
    running: running ? { name: running.name, until: running.until as Date } : null,
  };
}

function apply(plan: YearStartPlan, now: Date): string[] {
  const label = fiscalYearLabel(plan.year);
  const changes: string[] = [];
  for (const step of plan.steps) {
    if (step.kind === "year") {
      writeYearSetting(label);
      sheetNamed(SUMMARY.name)?.getRange(2, 2).setValue(label);
      const asOf = refreshSummaryAsOf(now);
      changes.push(`今年度を${label}にしました（設定「今年度」、集計の対象年度）${asOf ? `。${asOf}` : ""}`);
    } else if (step.kind === "meetings") {
      const sheet = ensureRecords(MEETINGS);
      appendRecords(MEETINGS, step.meetings.map((m) => ({ 回: `第${m.回}回`, 日付: dayToDate(m.日付), 名称: m.名称 })), sheet.values[0]);
      changes.push(step.line.replace("を追加します（日付は後から直せます）", "を追加しました（日付は会議シートで直せます）"));
    } else if (step.kind === "record") {
      const records = ensureRecords(YEAR_RECORDS);
      appendRecords(YEAR_RECORDS, [{ 年度: label, 当初課題件数: step.count, 内訳: step.breakdown, 記録日時: now, 記録者: effectiveUserEmail() }], records.values[0]);
      ensureSheetWarning(records.sheet, RECORDS_PROTECTION);
      changes.push(step.line.replace("を記録します（以後は書き換えません）", "を記録しました"));
    } else if (step.kind === "roster") {
      appendRows(requireSheetNamed(PT_MEMBERS.name), step.rows);
      changes.push(step.line.replace("引き継ぎます", "引き継ぎました"));
    } else {
      for (const name of step.names) sheetNamed(name)?.hideSheet();
      changes.push(step.line.replace("非表示にします（削除はしません）", "非表示にしました（削除はしていません）"));
    }
  }
  return changes;
}

/** 設定's 今年度 row: its 値 rewritten, or the row added under 設定's own header row. */
function writeYearSetting(label: string): void {
  const settings = readRecords(SETTINGS, []);
  if (!settings) throw new Error(`シート「${SETTINGS.name}」がありません。メニューの「プラチナ → 初期設定」を実行してください。`);
  const row = settings.rows.find(({ record }) => normalizeText(record.項目) === YEAR_SETTING);
  const valueColumn = settings.indexOf("値");
  if (row && valueColumn !== undefined) {
    settings.sheet.getRange(row.rowNumber, valueColumn + 1).setValue(label);
    return;
  }
  const spec = SETTING_SPECS.find((s) => s.key === YEAR_SETTING);
  appendRows(settings.sheet, [SETTINGS.toRow({ 項目: YEAR_SETTING, 値: label, 説明: spec?.description ?? "" }, settings.values[0])]);
}
