// Calendar fields of an instant in Asia/Tokyo. Japan has kept UTC+9 without
// daylight saving since 1951, so a fixed offset is exact and needs no Intl data.

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
  weekday: number; // 0 = Sunday
}

export function tokyoDate(instant: Date | number): CalendarDate {
  const shifted = new Date((typeof instant === "number" ? instant : instant.getTime()) + TOKYO_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
  };
}

/** The time of day in Tokyo, e.g. "9:05". */
export function tokyoClock(instant: Date | number): string {
  const shifted = new Date((typeof instant === "number" ? instant : instant.getTime()) + TOKYO_OFFSET_MS);
  return `${shifted.getUTCHours()}:${String(shifted.getUTCMinutes()).padStart(2, "0")}`;
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
