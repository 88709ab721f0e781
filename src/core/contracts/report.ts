// 報告_YYYY-MM-DD: one generated sheet per progress report, named by its as-of day (Tokyo).
import { tokyoDate } from "../base/tokyo-time";

const PREFIX = "報告_";
const NAME = new RegExp(`^${PREFIX}(\\d{4}-\\d{2}-\\d{2})$`);

/** "2026-05-26" of the Tokyo day containing the instant. */
export function isoDay(instant: Date): string {
  const { year, month, day } = tokyoDate(instant);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export const REPORT = {
  prefix: PREFIX,
  nameFor: (asOf: Date) => `${PREFIX}${isoDay(asOf)}`,
  /** "YYYY-MM-DD" of a report sheet's name; null for any other sheet. */
  dayOf: (sheetName: string): string | null => NAME.exec(sheetName)?.[1] ?? null,
} as const;

/** The latest day before `asOf` that has a report sheet, as "YYYY-MM-DD". */
export function previousReportDay(sheetNames: readonly string[], asOf: Date): string | null {
  const today = isoDay(asOf);
  const days = sheetNames.map(REPORT.dayOf).filter((day): day is string => !!day && day < today).sort();
  return days.pop() ?? null;
}
