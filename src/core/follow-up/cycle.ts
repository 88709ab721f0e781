// A follow-up cycle is a month in Tokyo ("2026-12"); its requests go out on 送信日
// (the cycle's dates from there are the mailing's: core/mailing/schedule).
import { tokyoDate } from "../base/tokyo-time";
import { formatWarekiMonth } from "../wareki";

export function cycleOf(now: Date | number): string {
  const { year, month } = tokyoDate(now);
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function cycleMonth(cycle: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(cycle);
  if (!match) throw new Error(`サイクル「${cycle}」は YYYY-MM の形ではありません。`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** "令和8年12月" for subjects and headings. */
export function cycleLabel(cycle: string): string {
  const { year, month } = cycleMonth(cycle);
  return formatWarekiMonth(year, month);
}
