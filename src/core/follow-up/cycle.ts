// A follow-up cycle is a month in Tokyo ("2026-12"): requests go out on 送信日,
// a reminder 再依頼 days later, answers are due 回答期限 days after the request.
import { tokyoDate, tokyoMidnight } from "../tokyo-time";
import { formatWarekiMonth } from "../wareki";

const DAY_MS = 24 * 60 * 60 * 1000;

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

export interface CycleDates {
  /** The day requests went out (Tokyo midnight). */
  requested: Date;
  /** Reminders are due from this instant. */
  remindAt: Date;
  /** The last instant answers are taken: the end of the deadline day, Tokyo time. */
  deadline: Date;
}

export function cycleDates(requestedOn: Date | number, settings: { 回答期限: number; 再依頼: number; 送信時刻: number }): CycleDates {
  const { year, month, day } = tokyoDate(requestedOn);
  const requested = tokyoMidnight(year, month, day);
  return {
    requested,
    remindAt: new Date(requested.getTime() + settings.再依頼 * DAY_MS + settings.送信時刻 * 60 * 60 * 1000),
    deadline: new Date(requested.getTime() + (settings.回答期限 + 1) * DAY_MS - 1000),
  };
}
