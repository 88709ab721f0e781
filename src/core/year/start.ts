// 年度更新, decided from plain values: which year, whether it may run, and what it
// would change — each change only when it is not done yet, so a second run finds
// nothing to do. features/year-start.ts reads the sheets, shows this plan and applies it.
import { fiscalYearLabel, fiscalYearOfDate, parseFiscalYear } from "../base/fiscal-year";
import { InputError } from "../base/sheet-table";
import { normalizeText } from "../base/text";
import { isTracked, parseDirection, parseProgress } from "../contracts/classes";
import { ISSUES } from "../contracts/issues";
import { MEETINGS } from "../contracts/meetings";
import { PT_MEMBERS } from "../contracts/pt-members";
import { fiscalYearOfDay } from "../contracts/pt-values";
import { REPORT } from "../contracts/report";
import { ANSWER_STATUS } from "../contracts/answer-status";
import { YEAR_RECORDS } from "../contracts/year-records";
import { refuse, type Refusal } from "../outcome";
import { seedMeetings, type MeetingRecord } from "../pt/meetings";
import { formatWareki } from "../wareki";
import { dayToDate } from "../contracts/pt-values";
import { tokyoClock } from "../base/tokyo-time";

export interface YearStartState {
  today: Date;
  /** 設定's 今年度, or null when blank. */
  stored: number | null;
  /** The year 集計's 対象年度 (B2) shows, or null (no 集計, or unreadable). */
  shown: number | null;
  issues: unknown[][];
  /** Each sheet's values, header row first; [] when the sheet does not exist. */
  meetings: unknown[][];
  records: unknown[][];
  members: unknown[][];
  sheets: readonly { name: string; hidden: boolean }[];
  /** A mailing sending right now: what it is, and until when its run holds. */
  running: { name: string; until: Date } | null;
}

export type YearStep =
  | { kind: "year"; line: string }
  | { kind: "meetings"; line: string; meetings: MeetingRecord[] }
  | { kind: "record"; line: string; count: number; breakdown: string }
  | { kind: "roster"; line: string; rows: unknown[][] }
  | { kind: "hide"; line: string; names: string[] };

export type YearStartRefusal = Refusal<"malformed" | "past" | "ahead" | "running">;
export interface YearStartPlan {
  ok: true;
  year: number;
  /** Empty when the year has been started already: nothing to change. */
  steps: YearStep[];
}

const EXPECT = "「R9」「令和9年度」「2027」のように指定してください。";

/** The year asked for (today's fiscal year when not given), or why 年度更新 may not run for it. */
export function requestedYear(requested: unknown, state: Pick<YearStartState, "today" | "stored" | "running">): number | YearStartRefusal {
  const today = fiscalYearOfDate(state.today);
  const given = requested === undefined || requested === null || normalizeText(requested) === "";
  const year = given ? today : parseFiscalYear(typeof requested === "number" ? requested : normalizeText(requested));
  if (!year) return refuse("malformed", `年度「${normalizeText(requested)}」を解釈できません。${EXPECT}何も変更していません。`);
  const label = fiscalYearLabel(year);
  if (year < today) return refuse("past", `${label}は過去の年度です（今日は${fiscalYearLabel(today)}）。年度更新は今年度か来年度にだけ行えます。何も変更していません。`);
  if (state.stored !== null && year < state.stored) {
    return refuse("past", `すでに${fiscalYearLabel(state.stored)}に更新済みです。${label}に戻すことはできません。何も変更していません。`);
  }
  if (year >= today + 2) return refuse("ahead", `${label}は2年以上先の年度です（今日は${fiscalYearLabel(today)}）。年度更新は今年度か来年度にだけ行えます。何も変更していません。`);
  if (state.running) {
    const until = `${formatWareki(state.running.until)} ${tokyoClock(state.running.until)}`;
    return refuse("running", `${state.running.name}の送信中です（${until}ごろまで）。送信が終わってから、もう一度「年度更新」を実行してください。何も変更していません。`);
  }
  return year;
}

/** What 年度更新 to `year` would change; rows it cannot read stop it with the cell named (InputError). */
export function planYearStart(year: number, state: YearStartState, carryRoster: boolean): YearStartPlan {
  const label = fiscalYearLabel(year);
  const steps: YearStep[] = [];
  if (state.stored !== year || state.shown !== year) {
    const from = state.stored ?? state.shown;
    steps.push({ kind: "year", line: `今年度を${from === null ? "" : `${fiscalYearLabel(from)}から`}${label}にします（設定「今年度」、集計の対象年度と基準日。PT・取組照会・報告の既定の年度）` });
  }
  const meetings = missingMeetings(year, state.meetings);
  if (meetings.length > 0) {
    const days = meetings.map((m) => formatWareki(dayToDate(m.日付)).replace(/^令和\d+年/, "")).join("・");
    steps.push({ kind: "meetings", line: `会議に${label}のX会議${meetings.length}回（${days}）を追加します（日付は後から直せます）`, meetings });
  }
  if (!recorded(year, state.records)) {
    const { count, breakdown } = carriedIn(year, state.issues);
    steps.push({ kind: "record", line: `年度記録に${label}の当初課題件数 ${count}件（${breakdown || "なし"}）を記録します（以後は書き換えません）`, count, breakdown });
  }
  if (carryRoster) {
    const rows = rosterToCarry(year, state.members);
    if (rows.length > 0) steps.push({ kind: "roster", line: `PTメンバーの${fiscalYearLabel(year - 1)}の選出メンバー${rows.length}人を${label}に引き継ぎます`, rows });
  }
  const names = state.sheets.filter((s) => !s.hidden && sheetYear(s.name) !== null && (sheetYear(s.name) as number) < year).map((s) => s.name);
  if (names.length > 0) steps.push({ kind: "hide", line: `前年度までの報告・回答状況のシート${names.length}枚を非表示にします（削除はしません）: ${names.join("、")}`, names });
  return { ok: true, year, steps };
}

/** The seed's three X会議, unless 会議 already has a meeting in the year (staff's dates stand). */
function missingMeetings(year: number, values: unknown[][]): MeetingRecord[] {
  if (values.length === 0) return seedMeetings(year);
  const held = MEETINGS.read(values).some(({ record }) => fiscalYearOfDay(record.日付) === year);
  return held ? [] : seedMeetings(year);
}

function recorded(year: number, values: unknown[][]): boolean {
  if (values.length === 0) return false;
  return YEAR_RECORDS.fromRows(values).rows.some(({ record }) => parseFiscalYear(normalizeText(record.年度)) === year);
}

/** Followed issues (継続・⑦) of earlier years not yet 完了: the year's 当初課題件数, by the year they were proposed. */
export function carriedIn(year: number, issues: unknown[][]): { count: number; breakdown: string } {
  const table = ISSUES.fromRows(issues, ["年度", "整理区分", "進捗分類"]);
  const from = ISSUES.requiredColumn(table, "年度", parseFiscalYear, "「R7」のように入力してください。");
  const sorting = ISSUES.column(table, "整理区分", parseDirection, "①〜⑦・継続・年度内完了のいずれかを入力するか、空欄（未整理）にしてください。");
  const progress = ISSUES.column(table, "進捗分類", parseProgress, "「完了」「実施中」「検討中」のいずれかを入力してください。");
  const byYear = new Map<number, number>();
  for (const row of table.rows) {
    const y = from(row);
    if (y >= year || !isTracked(sorting(row)) || progress(row) === "完了") continue;
    byYear.set(y, (byYear.get(y) ?? 0) + 1);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return { count: years.reduce((n, y) => n + (byYear.get(y) as number), 0), breakdown: years.map((y) => `${fiscalYearLabel(y)} ${byYear.get(y)}件`).join("・") };
}

/** The previous year's selected members without a row of their own for `year`: their rows as typed, 年度 changed. */
function rosterToCarry(year: number, values: unknown[][]): unknown[][] {
  if (values.length === 0) return [];
  const members = PT_MEMBERS.read(values);
  const already = new Set(members.filter((m) => m.record.年度 === year).map((m) => m.record.メール));
  const yearColumn = values[0].findIndex((h) => normalizeText(h) === "年度");
  if (yearColumn < 0) throw new InputError(`${PT_MEMBERS.name}: 見出し「年度」が見つかりません。`);
  return members
    .filter(({ record }) => record.年度 === year - 1 && record.選考 === "選出" && !already.has(record.メール))
    .map(({ rowNumber }) => values[rowNumber - 1].map((cell, c) => (c === yearColumn ? fiscalYearLabel(year) : cell)));
}

/** The fiscal year a generated sheet belongs to: 報告_2026-05-26, 回答状況_2026-12, 回答状況_局区照会-R8; null for any other sheet. */
export function sheetYear(name: string): number | null {
  const day = REPORT.dayOf(name);
  if (day) return fiscalYearOfDay(day);
  if (!name.startsWith(ANSWER_STATUS.prefix)) return null;
  const cycle = name.slice(ANSWER_STATUS.prefix.length);
  const month = /^(\d{4})-(\d{2})$/.exec(cycle);
  if (month) return fiscalYearOfDay(`${month[1]}-${month[2]}-01`);
  const reiwa = /R(\d{1,2})$/.exec(cycle);
  return reiwa ? Number(reiwa[1]) : null;
}
