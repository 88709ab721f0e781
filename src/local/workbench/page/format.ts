// How the page writes times, column letters and cell references.
import { columnLetter } from "../../../core/base/a1";

const tokyo = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** 2026/11/25(水) 09:00:00 — always Asia/Tokyo, whatever the browser's zone. */
export function formatTokyo(ms: number): string {
  const p = Object.fromEntries(tokyo.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return `${p.year}/${p.month}/${p.day}(${p.weekday}) ${p.hour}:${p.minute}:${p.second}`;
}

/** The value of an <input type="datetime-local"> read as Tokyo wall-clock time. */
export function parseTokyoLocal(value: string): number {
  // "2026-12-01T09:00" (or with seconds) → that instant in Japan (UTC+9, no DST).
  return Date.parse(`${value.length === 16 ? `${value}:00` : value}+09:00`);
}

/** Tokyo wall-clock time as an <input type="datetime-local"> value. */
export function toTokyoLocal(ms: number): string {
  return new Date(ms + 9 * 3600_000).toISOString().slice(0, 16);
}

/** Letters of a 0-based column index (the page counts from 0, A1 notation from 1). */
export function columnName(column: number): string {
  return columnLetter(column + 1);
}

export function cellName(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} 秒` : `${Math.round(ms)} ms`;
}
