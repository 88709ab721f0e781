// 会議: the X会議 the PT reports to, and the 基準日 each progress report is made for.
import { MEETINGS, type MeetingRecord } from "../contracts/meetings";
import { dayToDate, type Day } from "../contracts/pt-values";
import type { ReadRow } from "../contracts/typed";
import { InputError } from "../base/sheet-table";

export type { MeetingRecord };
const MEETING_SHEET = MEETINGS.name;


export function readMeetings(values: unknown): ReadRow<MeetingRecord>[] {
  const rows = MEETINGS.read(values);
  for (const { rowNumber, record } of rows) {
    if (record.報告の基準日 !== null && record.報告の基準日 > record.日付) {
      throw new InputError(
        `${MEETING_SHEET} ${rowNumber}行目: 報告の基準日「${record.報告の基準日}」が会議の日付「${record.日付}」より後です。会議の日付以前の日にしてください。`,
      );
    }
  }
  return rows;
}

/**
 * The seed's three X会議 of a fiscal year (令和 number). The seed fixes only 第1回 (5/26);
 * for 第2回 and 第3回 it says just 8月下旬 and 11月下旬, so the last Wednesday of those months
 * is assumed (R8: 8/26, 11/25) — staff correct the dates on the 会議 sheet once they are set.
 */
export function seedMeetings(reiwaYear: number): MeetingRecord[] {
  const year = reiwaYear + 2018;
  return [
    { 回: 1, 日付: `${year}-05-26`, 名称: "第1回X会議", 報告の基準日: null },
    { 回: 2, 日付: lastWednesday(year, 8), 名称: "第2回X会議", 報告の基準日: null },
    { 回: 3, 日付: lastWednesday(year, 11), 名称: "第3回X会議", 報告の基準日: null },
  ];
}

function lastWednesday(year: number, month: number): Day {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const weekday = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay();
  const day = lastDay - ((weekday - 3 + 7) % 7);
  return `${year}-${String(month).padStart(2, "0")}-${day}`;
}

/** The day a meeting's report is made as of. */
export function reportDay(meeting: MeetingRecord): Day {
  return meeting.報告の基準日 ?? meeting.日付;
}

/**
 * The meeting nearest to a day (by calendar days to its 日付); on a tie the coming one,
 * since reports are prepared for the next meeting. null when there are none.
 */
export function nearestMeeting(meetings: readonly MeetingRecord[], day: Day): MeetingRecord | null {
  const target = dayToDate(day).getTime();
  let best: MeetingRecord | null = null;
  let bestDistance = Infinity;
  for (const meeting of meetings) {
    const offset = dayToDate(meeting.日付).getTime() - target;
    const distance = Math.abs(offset);
    if (distance < bestDistance || (distance === bestDistance && offset > 0)) {
      best = meeting;
      bestDistance = distance;
    }
  }
  return best;
}
