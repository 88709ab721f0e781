// 実施時期 is free text (「R8年4月本格実施」「R7実証実験開始」「2026年4月～2027年3月」):
// read the last day of the period it names, so an issue still open after it can be flagged.
//
// How a text counts:
// - a day (「R8年4月1日」「2026/4/1」) ends that day; a month (「R8年4月」「R8.4」「2026-04」) its last day;
// - a year without a month (「R7」「R7年」「R7年度」「2025年度」) counts as the 年度 (April–March):
//   the programme plans by 年度, and the later of the two readings never flags an issue too early;
// - a date cell counts as its month (Sheets stores a typed 「2026/4」 as the 1st, so its day says little);
// - several dates (「R8年4月～R9年3月」「R8年4月～9月」) count by the last; a month without a year takes
//   the year before it, moving on a year when it comes earlier in the calendar (「R8年10月～3月」);
// - open-ended text (「R8年度以降」「R8年4月～」) and 「未定」「調整中」 name no end: nothing to check;
// - other text with no date, or an impossible one (「R8年13月」), is unreadable.
import { isDateValue, normalizeText } from "./base/text";
import { tokyoDate } from "./base/tokyo-time";
import type { Day } from "./contracts/pt-values";
import { formatWarekiMonth } from "./wareki";

export type Timing =
  /** Nothing to check: blank, no date yet (「未定」), or open-ended (「R8年度以降」). */
  | { kind: "none" }
  /** The period named ends on `last` (a Tokyo day, "YYYY-MM-DD"); `named` is that period in 和暦 (「令和8年4月」). */
  | { kind: "due"; last: Day; named: string }
  /** No date could be read, or the date is impossible. */
  | { kind: "unreadable" };

const NONE: Timing = { kind: "none" };
const UNREADABLE: Timing = { kind: "unreadable" };

/** How to write a 実施時期 that can be read, for messages. */
export const EXPECT_TIMING = "「R8年4月」「R8年度」「2026年4月」のように年と月（または年度）を書いてください";

/** Words that say there is no date yet. */
const NO_DATE_YET = /未定|未確定|調整中|検討中|なし|無し|^[-－ー―—–・]+$/;
const OPEN_END = /^(?:以降|~|〜|-|－|–|—)/;

const ERA_START: Record<string, number> = { 令和: 2019, R: 2019, 平成: 1989, H: 1989 };

const MONTH = (name: string) => `(?<${name}>\\d{1,2})月(?:(?<${name}Day>\\d{1,2})日)?`;
/** One date mention: a year (和暦 or 西暦) with its month and day if given, or a month alone. */
const MENTION = new RegExp(
  [
    // 和暦: 令和8 / R8 / 平成31 / H31 / 令和元, then 年度・年 with a month, or 「.4」「/4/1」.
    `(?:(?<era>令和|平成|(?<![A-Z])[RH])(?<eraYear>元|\\d{1,2})(?!\\d)|(?<!\\d)(?<western>(?:19|20)\\d{2})(?=年|[./-]\\d))`,
    `(?:(?<fiscal>年度)(?:${MONTH("fiscalMonth")})?|年(?:${MONTH("month")})?|[./-](?<numMonth>\\d{1,2})(?:[./-](?<numDay>\\d{1,2}))?(?!\\d))?`,
    `|(?<![\\d./-])${MONTH("bareMonth")}`,
  ].join(""),
  "g",
);

interface Mention {
  year: number;
  /** Absent for a year (read as that 年度). */
  month?: number;
  day?: number;
  end: number;
}

/** What a 実施時期 cell names: a Date, a number (a 西暦 year) or text. */
export function parseTiming(value: unknown): Timing {
  if (isDateValue(value)) {
    if (Number.isNaN(value.getTime())) return UNREADABLE;
    const { year, month } = tokyoDate(value);
    return due({ year, month, end: 0 });
  }
  if (typeof value === "number") return Number.isInteger(value) && value >= 1989 && value <= 2099 ? due({ year: value, end: 0 }) : UNREADABLE;
  const text = normalizeText(value).replace(/\s+/g, "").toUpperCase();
  if (text === "") return NONE;
  // A date cell read through a record is ISO text.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return parseTiming(new Date(text));
  const mentions = readMentions(text);
  if (mentions === undefined) return UNREADABLE;
  if (mentions.length === 0) return NO_DATE_YET.test(text) ? NONE : UNREADABLE;
  const last = mentions[mentions.length - 1];
  return OPEN_END.test(text.slice(last.end)) ? NONE : due(last);
}

/** The date mentions in order; undefined when one of them cannot be placed or does not exist. */
function readMentions(text: string): Mention[] | undefined {
  const mentions: Mention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const mention = mentionOf(m.groups ?? {}, (m.index ?? 0) + m[0].length, mentions[mentions.length - 1]);
    if (!mention || !exists(mention)) return undefined;
    mentions.push(mention);
  }
  return mentions;
}

function mentionOf(g: Record<string, string | undefined>, end: number, before: Mention | undefined): Mention | undefined {
  const num = (text: string | undefined) => (text === undefined ? undefined : Number(text));
  if (g.bareMonth !== undefined) {
    // A month with no year before it (「4月実施」) cannot be placed.
    if (!before) return undefined;
    const month = Number(g.bareMonth);
    const later = before.month === undefined ? month <= 3 : month < before.month;
    return { year: before.year + (later ? 1 : 0), month, day: num(g.bareMonthDay), end };
  }
  let year = Number(g.western);
  if (g.western === undefined) {
    const eraYear = g.eraYear === "元" ? 1 : Number(g.eraYear);
    if (eraYear < 1) return undefined;
    year = ERA_START[g.era ?? ""] + eraYear - 1;
  }
  // A month of a 年度: January–March fall in the next calendar year.
  const fiscalMonth = num(g.fiscalMonth);
  if (fiscalMonth !== undefined) return { year: fiscalMonth <= 3 ? year + 1 : year, month: fiscalMonth, day: num(g.fiscalMonthDay), end };
  return { year, month: num(g.month ?? g.numMonth), day: num(g.monthDay ?? g.numDay), end };
}

function exists({ year, month, day }: Mention): boolean {
  if (month === undefined) return true;
  return month >= 1 && month <= 12 && (day === undefined || (day >= 1 && day <= daysIn(year, month)));
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function due({ year, month, day }: Mention): Timing {
  if (month === undefined) return { kind: "due", last: dayText(year + 1, 3, 31), named: fiscalYearName(year) };
  if (day === undefined) return { kind: "due", last: dayText(year, month, daysIn(year, month)), named: formatWarekiMonth(year, month) };
  return { kind: "due", last: dayText(year, month, day), named: `${formatWarekiMonth(year, month)}${day}日` };
}

/** 「令和8年度」: a 年度 takes the era of its April (2019年度 is 令和元年度 by custom, though April 2019 was 平成). */
function fiscalYearName(year: number): string {
  if (year < 1989) return `${year}年度`;
  const [era, first] = year >= 2019 ? ["令和", 2019] : ["平成", 1989];
  const n = year - first + 1;
  return `${era}${n === 1 ? "元" : n}年度`;
}

function dayText(year: number, month: number, day: number): Day {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Past at `asOf` (a Tokyo day): the whole period ended before that day began. */
export function isPast(timing: Timing, asOf: Day): boolean {
  return timing.kind === "due" && timing.last < asOf;
}
