// The value rules shared by the PT sheets: Tokyo days, hours, team names,
// participant lists and the fixed vocabularies, each read the way staff type them.
import { fiscalYearOfDate } from "../base/fiscal-year";
import { InputError } from "../base/sheet-table";
import { compactText, isBlank, isDateValue, isValidEmail, normalizeEmail, normalizeText } from "../base/text";
import { parseDateInput, tokyoDate, tokyoMidnight } from "../base/tokyo-time";

/** A Tokyo calendar day as "YYYY-MM-DD": compares as text, and survives google.script.run (Dates do not). */
export type Day = string;

export const EXPECT_YEAR = "「R8」「令和8年度」「2026」のように入力してください。";
export const EXPECT_DAY = "「2026/5/26」「2026-05-26」「2026年5月26日」のように日付を入力してください。";
export const EXPECT_TEXT = "文字を入力してください。";
export const EXPECT_EMAIL = "「name@city.example」のようにメールアドレスを入力してください。";

export function dayOf(instant: Date | number): Day {
  const { year, month, day } = tokyoDate(instant);
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function dayToDate(day: Day): Date {
  const [year, month, date] = day.split("-").map(Number);
  return tokyoMidnight(year, month, date);
}

/** "YYYY-MM" of a day: はみだせ hours are counted per Tokyo month. */
export function monthOf(day: Day): string {
  return day.slice(0, 7);
}

export function fiscalYearOfDay(day: Day): number {
  return fiscalYearOfDate(dayToDate(day));
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A custom function's as-of day: a date cell or date text, required — a function that read
 * the clock would not be recalculated by Sheets (集計 passes its 基準日 cell).
 */
export function asOfArgument(arg: unknown): Day {
  const day = arg === undefined || isBlank(arg) ? null : parseDay(arg);
  if (day === null) throw new InputError(`基準日が空です。集計シートの「基準日」のセルか、「2026/5/26」のような日付を指定してください。`);
  if (day === undefined) throw new InputError(`基準日「${normalizeText(arg)}」を解釈できません。${EXPECT_DAY}`);
  return day;
}

/** A date cell (the Tokyo day it falls on) or text such as 2026/5/26 or 2026年5月26日. */
export function parseDay(value: unknown): Day | null | undefined {
  if (isDateValue(value)) return Number.isNaN(value.getTime()) ? undefined : dayOf(value);
  if (typeof value === "number") return undefined;
  const text = compactText(value);
  if (text === "") return null;
  const japanese = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
  const date = parseDateInput(japanese ? `${japanese[1]}-${japanese[2]}-${japanese[3]}` : text);
  return date ? dayOf(date) : undefined;
}

/** A stamp (最終更新日) as ISO text, so records stay plain for google.script.run. */
export function parseInstantText(value: unknown): string | null | undefined {
  if (isDateValue(value)) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  const text = normalizeText(value);
  if (text === "") return null;
  const ms = parseDateInput(text)?.getTime() ?? Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function parseText(value: unknown): string | null {
  return normalizeText(value) || null;
}

/** チーム names without spaces: "チーム A", "チーム　Ａ" and "チームA" are one team. */
export function parseTeam(value: unknown): string | null {
  return compactText(value) || null;
}

export function parseEmail(value: unknown): string | null | undefined {
  if (normalizeText(value) === "") return null;
  return isValidEmail(value) ? normalizeEmail(value) : undefined;
}

/** A person's name as matched: spaces (half- or full-width) ignored. */
export function nameKey(name: string): string {
  return compactText(name);
}

/** 参加者: names or emails separated by 、 or , (full-width forms too). */
export function parseParticipants(value: unknown): string[] | null {
  const names = normalizeText(value)
    .split(/[、,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length > 0 ? names : null;
}

/** One activity lasts at most a working day plus travel; longer work is entered day by day. */
export const MAX_HOURS_PER_ACTIVITY = 12;
export const EXPECT_HOURS = `0〜${MAX_HOURS_PER_ACTIVITY}の時間数を「2」「1.5」「1時間30分」「90分」「1:30」のように入力してください（複数日にわたる活動は日ごとに分けてください）。`;

/**
 * 時間 in whole minutes (sums of minutes are exact, so the 31-hour boundary is exact too).
 * null when blank, undefined when unreadable, negative or over MAX_HOURS_PER_ACTIVITY.
 */
export function parseMinutes(value: unknown): number | null | undefined {
  let minutes: number | undefined;
  if (typeof value === "number") minutes = value * 60;
  else {
    const text = compactText(value).toLowerCase();
    if (text === "") return null;
    const decimal = /^(\d+(?:\.\d+)?|\.\d+)(?:h|時間)?$/.exec(text);
    const hoursAndMinutes = /^(?:(\d+)時間)?(?:(\d+)分)?$/.exec(text);
    const clock = /^(\d+):([0-5]\d)$/.exec(text);
    if (decimal) minutes = Number(decimal[1]) * 60;
    else if (clock) minutes = Number(clock[1]) * 60 + Number(clock[2]);
    else if (hoursAndMinutes) minutes = Number(hoursAndMinutes[1] ?? 0) * 60 + Number(hoursAndMinutes[2] ?? 0);
  }
  if (minutes === undefined || !Number.isFinite(minutes) || minutes < 0 || minutes > MAX_HOURS_PER_ACTIVITY * 60) return undefined;
  return Math.round(minutes);
}

/** Hours shown to staff: minutes as hours, to two decimals. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** A parser for a fixed vocabulary: each value and its accepted aliases, compared NFKC without spaces. */
export function vocabulary<T extends string>(forms: Record<T, readonly string[]>): (value: unknown) => T | null | undefined {
  const lookup = new Map<string, T>();
  for (const [value, aliases] of Object.entries(forms) as [T, readonly string[]][]) {
    for (const form of [value, ...aliases]) lookup.set(compactText(form), value);
  }
  return (value) => {
    const text = compactText(value);
    return text === "" ? null : lookup.get(text);
  };
}

export function expectOneOf(values: readonly string[]): string {
  return `${values.map((v) => `「${v}」`).join("")}のいずれかを入力してください。`;
}
