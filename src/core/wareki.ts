// 和暦 from a fixed table rather than Intl: the output must not change with the
// ICU version of whichever host (Apps Script or Node) runs the bundle.
import { CalendarDate, tokyoDate } from "./base/tokyo-time";

const ERAS = [
  { name: "令和", short: "R", start: [2019, 5, 1] },
  { name: "平成", short: "H", start: [1989, 1, 8] },
  { name: "昭和", short: "S", start: [1926, 12, 25] },
  { name: "大正", short: "T", start: [1912, 7, 30] },
  { name: "明治", short: "M", start: [1873, 1, 1] },
] as const;

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"];

function eraOf(date: CalendarDate) {
  const key = date.year * 10000 + date.month * 100 + date.day;
  const era = ERAS.find(({ start: [y, m, d] }) => key >= y * 10000 + m * 100 + d);
  if (!era) throw new Error(`明治6年より前の日付は和暦に変換できません（${date.year}年）。`);
  return { name: era.name, year: date.year - era.start[0] + 1 };
}

function eraYearText(year: number): string {
  return year === 1 ? "元" : String(year);
}

/** "令和8年5月26日" (first year written 元年). */
export function formatWareki(instant: Date | number): string {
  const date = tokyoDate(instant);
  const era = eraOf(date);
  return `${era.name}${eraYearText(era.year)}年${date.month}月${date.day}日`;
}

/** "令和8年12月10日（木）", as deadlines are written in letters. */
export function formatWarekiWithWeekday(instant: Date | number): string {
  return `${formatWareki(instant)}（${WEEKDAYS[tokyoDate(instant).weekday]}）`;
}

/** "令和8年12月", for monthly cycles. */
export function formatWarekiMonth(year: number, month: number): string {
  const era = eraOf({ year, month, day: 1, weekday: 0 });
  return `${era.name}${eraYearText(era.year)}年${month}月`;
}
