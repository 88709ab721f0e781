// はみだせサポート制度: members may spend up to 20% of their scheduled working hours
// on the PT, with their own section's approval. Hours are counted per Tokyo month,
// for every participant of an activity, in whole minutes so the limit is exact.
import { DEFAULT_SCHEDULED_HOURS, HAMIDASE_PERCENT } from "../settings";
import type { Activity } from "./activities";
import { selectedMembers, type MemberRecord } from "./members";
import { fiscalYearOfDay, hoursOf, monthOf } from "../contracts/pt-values";

/** The monthly limit in minutes: 20% of the scheduled hours (155 h → 1,860 min = 31 h). */
export function limitMinutes(scheduledHours: number): number {
  return (scheduledHours * 60 * HAMIDASE_PERCENT) / 100;
}

/** Minutes per member (by メール) per month ("YYYY-MM"). */
export function monthlyMinutes(activities: readonly Activity[]): Map<string, Map<string, number>> {
  const totals = new Map<string, Map<string, number>>();
  for (const activity of activities) {
    const month = monthOf(activity.日付);
    for (const member of activity.参加者) {
      const months = totals.get(member.メール) ?? new Map<string, number>();
      months.set(month, (months.get(month) ?? 0) + activity.minutes);
      totals.set(member.メール, months);
    }
  }
  return totals;
}

export interface HoursWarning {
  氏名: string;
  メール: string;
  month: string;
  /** Hours of the month already saved, and with the pending activity. */
  before: number;
  after: number;
  limit: number;
}

/**
 * The participants a pending activity would take over the monthly limit. `saved` are the
 * activities the save does not replace (leave out the row being edited). Reaching the
 * limit exactly is allowed; only going above it warns.
 */
export function wouldExceed(saved: readonly Activity[], pending: Activity, scheduledHours = DEFAULT_SCHEDULED_HOURS): HoursWarning[] {
  const month = monthOf(pending.日付);
  const totals = monthlyMinutes(saved);
  const limit = limitMinutes(scheduledHours);
  const warnings: HoursWarning[] = [];
  for (const member of pending.参加者) {
    const before = totals.get(member.メール)?.get(month) ?? 0;
    const after = before + pending.minutes;
    if (after > limit) {
      warnings.push({ 氏名: member.氏名, メール: member.メール, month, before: hoursOf(before), after: hoursOf(after), limit: hoursOf(limit) });
    }
  }
  return warnings;
}

/** The sidebar's warning for one member, in polite Japanese. */
export function warningMessage(warning: HoursWarning): string {
  const [year, month] = warning.month.split("-").map(Number);
  const over = Math.round((warning.after - warning.limit) * 100) / 100;
  return (
    `${warning.氏名}さんの${year}年${month}月のPT活動は、この保存で${warning.after}時間となり、` +
    `はみだせサポートの上限${warning.limit}時間を${over}時間超えます。所属の承認の範囲か確認してから保存してください。`
  );
}

export const SUMMARY_HEADERS = ["所属", "氏名", "時間", "上限", "超過"] as const;
export type SummaryRow = [所属: string, 氏名: string, 時間: number, 上限: number, 超過: number];

export interface AffiliationSummary {
  所属: string;
  rows: SummaryRow[];
}

/**
 * One month's PT hours of every selected member of that fiscal year, grouped by 所属
 * (in PTメンバー order), for the secretariat to send each section head for approval.
 * 超過 is the hours above the limit (0 within it).
 */
export function monthlySummary(
  members: readonly MemberRecord[],
  activities: readonly Activity[],
  month: string,
  scheduledHours = DEFAULT_SCHEDULED_HOURS,
): AffiliationSummary[] {
  const year = fiscalYearOfDay(`${month}-01`);
  const totals = monthlyMinutes(activities);
  const limit = limitMinutes(scheduledHours);
  const groups = new Map<string, SummaryRow[]>();
  for (const member of selectedMembers(members, year)) {
    const minutes = totals.get(member.メール)?.get(month) ?? 0;
    const rows = groups.get(member.所属) ?? [];
    rows.push([member.所属, member.氏名, hoursOf(minutes), hoursOf(limit), hoursOf(Math.max(0, minutes - limit))]);
    groups.set(member.所属, rows);
  }
  return [...groups].map(([affiliation, rows]) => ({ 所属: affiliation, rows }));
}
