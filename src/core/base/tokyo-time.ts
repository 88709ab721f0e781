// Calendar fields of an instant in Asia/Tokyo. Japan has kept UTC+9 without
// daylight saving since 1951, so a fixed offset is exact and needs no Intl data.

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
  weekday: number; // 0 = Sunday
}

/** The instant moved so that its UTC fields read as Tokyo's. */
function shifted(instant: Date | number): Date {
  return new Date((typeof instant === "number" ? instant : instant.getTime()) + TOKYO_OFFSET_MS);
}

export function tokyoDate(instant: Date | number): CalendarDate {
  const tokyo = shifted(instant);
  return {
    year: tokyo.getUTCFullYear(),
    month: tokyo.getUTCMonth() + 1,
    day: tokyo.getUTCDate(),
    weekday: tokyo.getUTCDay(),
  };
}

/** "9:05": the Tokyo time of day, hours unpadded. */
export function tokyoClock(instant: Date | number): string {
  const tokyo = shifted(instant);
  return `${tokyo.getUTCHours()}:${String(tokyo.getUTCMinutes()).padStart(2, "0")}`;
}

/** The instant of 00:00 Tokyo time on the given calendar day. */
export function tokyoMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - TOKYO_OFFSET_MS);
}

/** A date argument: a Date, or text "2026-05-26" / "2026/5/26" read as that Tokyo day. */
export function parseDateInput(value: unknown): Date | undefined {
  if (Object.prototype.toString.call(value) === "[object Date]") {
    const date = value as Date;
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(String(value ?? "").normalize("NFKC").trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const date = tokyoMidnight(year, month, day);
  const back = tokyoDate(date);
  return back.month === month && back.day === day ? date : undefined;
}

/** The time zone the add-on's dates assume, as Apps Script names it. */
export const TOKYO_ZONE = "Asia/Tokyo";

/**
 * What to tell staff when the spreadsheet's own time zone is not Tokyo's (null
 * when it is): Sheets reads and shows dates in that zone (R-ss
 * getSpreadsheetTimeZone), so 日付 typed there and the add-on's Tokyo dates could
 * fall on different days. Only the spreadsheet's owner or editors can change it.
 */
export function timeZoneProblem(zone: string): string | null {
  if (zone === TOKYO_ZONE) return null;
  return `このスプレッドシートのタイムゾーンが「${zone || "不明"}」になっています。アドオンは日付と時刻を日本時間（${TOKYO_ZONE}）で扱うため、` +
    "このままでは日付が1日ずれることがあります。スプレッドシートのメニュー「ファイル」→「設定」の「全般」タブで、" +
    "「タイムゾーン」を「(GMT+09:00) 東京」にして「設定を保存」を押してください。";
}
