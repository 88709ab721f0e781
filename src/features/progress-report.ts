// 進捗報告を作成: the sheet 「報告_YYYY-MM-DD」 laid out like the city's report,
// as of a chosen day (replayed from 履歴), its printable version, and the
// dialog that chooses the day and the years.
import { fiscalYearLabel, parseFiscalYear } from "../core/base/fiscal-year";
import { BUREAUS } from "../core/contracts/bureaus";
import { InputError } from "../core/contracts/contract";
import { MEETINGS } from "../core/contracts/meetings";
import { PT_ACTIVITIES } from "../core/contracts/pt-activities";
import { PT_MEMBERS } from "../core/contracts/pt-members";
import { PT_STEPS } from "../core/contracts/pt-steps";
import { PT_TEAMS } from "../core/contracts/pt-teams";
import { nearestMeeting, readMeetings, reportDay } from "../core/pt/meetings";
import { ptSectionAsOf, type PtSheets } from "../core/pt/replay";
import { HISTORY } from "../core/contracts/history";
import { ISSUES } from "../core/contracts/issues";
import { REFORMS } from "../core/contracts/reforms";
import { REPORT, isoDay, previousReportDay } from "../core/contracts/report";
import type { Refusal } from "../core/outcome";
import { progressReport, type Move, type ProgressReport } from "../core/progress-report";
import { reportHtml } from "../core/report-html";
import { parseYearList } from "../core/tables";
import { parseDateInput } from "../core/base/tokyo-time";
import { formatWareki } from "../core/wareki";
import { withWriteLock } from "../gas/lock";
import { activeUserEmail, effectiveUserEmail } from "../gas/session";
import { templatePage } from "../gas/pages";
import { replaceSheet, sheetNamed, sheetNames } from "../gas/spreadsheet";
import { readRecords, requireRecords } from "../gas/table";
import { confirm, uiOrNull } from "../gas/ui";
import { writeDocument } from "./report-sheet";

export interface ProgressReportOptions {
  /** "2026-05-26"; today (Tokyo) when omitted. */
  asOf?: string;
  /** ["R6", "R7"]; every year with follow-up issues when omitted. */
  years?: string[] | string;
  /** Replace an existing report of the same day without asking. */
  replace?: boolean;
}

export type ProgressReportResult =
  | (Pick<ProgressReport, "sheetName" | "asOf" | "years" | "status" | "followUp" | "directions" | "resorting" | "yearEnds" | "bureaus"> & {
      ok: true;
      comparedWith: string | null;
      moves: Move[];
      chart: boolean;
      message: string;
    })
  | (Refusal<"exists" | "cancelled"> & { sheetName: string });

/** From the menu (no options, a UI): the dialog. Otherwise: the report sheet. */
export function makeProgressReport(options?: ProgressReportOptions): ProgressReportResult | null {
  const ui = uiOrNull();
  if (ui && !hasOptions(options)) {
    openReportDialog(ui);
    return null;
  }
  const request = readOptions(options ?? {});
  const name = REPORT.nameFor(request.asOf);
  if (sheetNamed(name) && !request.replace) {
    if (!ui) {
      return { ok: false, reason: "exists", sheetName: name, message: `シート「${name}」はすでにあります。置き換えるときは replace: true を指定してください。何も変更していません。` };
    }
    if (!confirm(ui, "進捗報告を作成", `シート「${name}」はすでにあります。作り直して置き換えますか？`)) return { ok: false, reason: "cancelled", sheetName: name, message: "作成を取りやめました。何も変更していません。" };
  }
  const report = buildReport(request.asOf, request.years);
  const chart = withWriteLock(() => writeReport(name, report));
  const compared = report.comparison ? `前回（${report.comparison.previous}）の報告と比較しています。` : "比較できる前回の報告はありません。";
  return {
    ok: true,
    sheetName: name,
    asOf: report.asOf,
    years: report.years,
    status: report.status,
    followUp: report.followUp,
    directions: report.directions,
    resorting: report.resorting,
    yearEnds: report.yearEnds,
    bureaus: report.bureaus,
    comparedWith: report.comparison?.previous ?? null,
    moves: report.comparison?.moves ?? [],
    chart,
    message: `シート「${name}」を作成しました。${compared}`,
  };
}

/** The same report as a printable page (A4 landscape) in a modeless dialog; returns the page. */
export function printProgressReport(asOf: string, years?: string[] | string): string {
  const request = readOptions({ asOf, years });
  const report = buildReport(request.asOf, request.years);
  const title = `${report.document.title}（${report.document.subtitle}）`;
  const page = templatePage("report-print", { title, body: reportHtml(report.document), meeting: "" }).setWidth(1100).setHeight(720);
  uiOrNull()?.showModelessDialog(page, `進捗報告（${formatWareki(request.asOf)}時点）の印刷`);
  return page.getContent();
}

/** The dialog's 開く: shows the day's report sheet. */
export function openReportSheet(asOf: string): { ok: true; sheetName: string } | (Refusal<"missing"> & { sheetName: string }) {
  const name = REPORT.nameFor(readOptions({ asOf }).asOf);
  const sheet = sheetNamed(name);
  if (!sheet) return { ok: false, reason: "missing", sheetName: name, message: `シート「${name}」はありません。先に作成してください。` };
  sheet.activate();
  return { ok: true, sheetName: name };
}

function hasOptions(options: unknown): options is ProgressReportOptions {
  if (typeof options !== "object" || options === null) return false;
  return ["asOf", "years", "replace"].some((key) => key in options);
}

function readOptions(options: ProgressReportOptions): { asOf: Date; years: number[] | null; replace: boolean } {
  const now = new Date();
  const asOf = options.asOf === undefined || options.asOf === "" ? now : parseDateInput(options.asOf);
  if (!asOf) throw new InputError(`基準日「${String(options.asOf)}」を解釈できません。「2026-05-26」の形で指定してください。`);
  if (isoDay(asOf) > isoDay(now)) throw new InputError(`基準日 ${isoDay(asOf)} は未来の日付です。今日（${isoDay(now)}）までの日付を指定してください。`);
  return { asOf, years: parseYearList(options.years), replace: options.replace === true };
}

function buildReport(asOf: Date, years: number[] | null): ProgressReport {
  const previous = previousReportDay(sheetNames(), asOf);
  const history = readRecords(HISTORY, [])?.values ?? [];
  const pt = ptSheets();
  return progressReport({
    issues: requireRecords(ISSUES, []).values,
    history,
    reforms: requireRecords(REFORMS, []).values,
    bureaus: readRecords(BUREAUS, [])?.values ?? [],
    asOf,
    years,
    previous: previous ? (parseDateInput(previous) ?? null) : null,
    madeAt: new Date(),
    madeBy: activeUserEmail() || effectiveUserEmail(),
    more: pt ? [ptSectionAsOf(pt, history, asOf)] : [],
  });
}

/** The PT sheets' values, or null when the workbook has no PTメンバー yet (初期設定 not run since PT came). */
export function ptSheets(): PtSheets | null {
  const members = readRecords(PT_MEMBERS, []);
  if (!members) return null;
  const values = (contract: Parameters<typeof readRecords>[0]) => readRecords(contract, [])?.values ?? [];
  return { members: members.values, teams: values(PT_TEAMS), steps: values(PT_STEPS), activities: values(PT_ACTIVITIES) };
}

/** The dialog's 基準日: the X会議 nearest today (its 報告の基準日), never after today; today without 会議. */
function defaultReportDay(today: string): { day: string; meeting: string } {
  const meetings = readRecords(MEETINGS, []);
  const nearest = meetings ? nearestMeeting(readMeetings(meetings.values).map((r) => r.record), today) : null;
  if (!nearest) return { day: today, meeting: "" };
  const day = reportDay(nearest);
  return day <= today ? { day, meeting: `${nearest.名称}（${formatWareki(parseDateInput(nearest.日付)!)}）の報告の基準日です。` } : { day: today, meeting: "" };
}

/** Replaces the sheet and writes it in a fixed number of calls; true when the chart was built. */
function writeReport(name: string, report: ProgressReport): boolean {
  const sheet = replaceSheet(name);
  const chart = writeDocument(sheet, report.document);
  // The person who asked for the report sees it, as after inserting a sheet by hand.
  sheet.activate();
  return chart;
}

function openReportDialog(ui: GoogleAppsScript.Base.Ui): void {
  const existing = JSON.stringify(sheetNames().map(REPORT.dayOf).filter((day) => day !== null));
  const today = isoDay(new Date());
  const { day, meeting } = defaultReportDay(today);
  const dialog = templatePage("report-dialog", { today, asOf: day, meeting, years: issueYears(), existing });
  // Tall enough for the longest message (created, compared with the previous report) above the buttons.
  ui.showModalDialog(dialog.setWidth(460).setHeight(480), "進捗報告を作成");
}

/** The 年度 present in 課題, oldest first, for the dialog's checkboxes. */
function issueYears(): string[] {
  const issues = readRecords(ISSUES, []);
  if (!issues || issues.indexOf("年度") === undefined) return [];
  // Lenient: a 年度 the dialog cannot read is データ点検's to report, not a reason to fail here.
  const yearOf = ISSUES.column(issues, "年度", (cell) => parseFiscalYear(cell) ?? null, "");
  const years = new Set<number>();
  for (const row of issues.rows) {
    const year = yearOf(row);
    if (year) years.add(year);
  }
  return [...years].sort((a, b) => a - b).map(fiscalYearLabel);
}
