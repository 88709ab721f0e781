// The dates of one mailing cycle, counted from the day its first request went
// out: a reminder 再依頼 days later, answers due 回答期限 days after the request.
import { tokyoDate, tokyoMidnight } from "../base/tokyo-time";

const DAY_MS = 24 * 60 * 60 * 1000;

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
