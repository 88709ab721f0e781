// 年度 on the 令和 calendar. A fiscal year runs April–March, so 2026-03-31 is R7
// and 2026-04-01 is R8. Staff write it many ways; all of them become "R7".
import { isDateValue, normalizeText } from "./text";
import { tokyoDate } from "./tokyo-time";

const REIWA_FIRST_YEAR = 2019;

/** Reiwa number of the fiscal year containing an instant, read in Tokyo time. */
export function fiscalYearOfDate(instant: Date | number): number {
  const { year, month } = tokyoDate(instant);
  return (month >= 4 ? year : year - 1) - REIWA_FIRST_YEAR + 1;
}

export function fiscalYearLabel(reiwaYear: number): string {
  return `R${reiwaYear}`;
}

/**
 * The Reiwa number of a 年度 cell: "R7", "Ｒ７", "r7", "R7年度", "令和7年度", "令和元年度",
 * 2025, "2025年度", or a Date. null for a blank cell; undefined when it cannot be read.
 */
export function parseFiscalYear(value: unknown): number | null | undefined {
  if (isDateValue(value)) return Number.isNaN(value.getTime()) ? undefined : fiscalYearOfDate(value);
  if (typeof value === "number") return fromWesternYear(value);
  const text = normalizeText(value).replace(/\s+/g, "");
  if (text === "") return null;
  const reiwa = /^(?:R|令和)(\d{1,2}|元)(?:年度?)?$/i.exec(text);
  if (reiwa) {
    const year = reiwa[1] === "元" ? 1 : Number(reiwa[1]);
    return year >= 1 ? year : undefined;
  }
  const western = /^(\d{4})(?:年度?)?$/.exec(text);
  return western ? fromWesternYear(Number(western[1])) : undefined;
}

function fromWesternYear(year: number): number | undefined {
  return Number.isInteger(year) && year >= REIWA_FIRST_YEAR && year < 2119 ? year - REIWA_FIRST_YEAR + 1 : undefined;
}
