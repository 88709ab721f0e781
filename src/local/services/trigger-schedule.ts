// When time-driven triggers fire. Pure and deterministic: the random minute Apps Script
// picks within an atHour hour is drawn once when the trigger is made (script-app.ts)
// and kept in the schedule as nearMinute; atHour(h) fires at h:nearMinute.
// Times are found on the wall clock of the trigger's zone, so they stay right
// across daylight-saving changes. Repeating schedules are aligned to the epoch
// of that wall clock (every 15 minutes → :00, :15, …; every 2 days → even day
// numbers), so the next firing never depends on when the previous one ran.
import type { TriggerRecord, TriggerSchedule } from "../execution/env";
import { findZone, wallToUtc, type Zone } from "./time-zones";

/** ScriptApp stores the zone given to inTimezone() (or the script's) with the schedule. */
export type ZonedSchedule = TriggerSchedule & { timeZone?: string };

/** Weekdays are numbered like Date.getDay(): 0 = Sunday … 6 = Saturday. Without one, weekly means Monday. */
const DEFAULT_WEEKDAY = 1;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const mod = (a: number, n: number) => ((a % n) + n) % n;

/** First instant after `afterMs` on a wall-clock grid of `stepMs`. */
function nextOnGrid(zone: Zone, afterMs: number, stepMs: number): number {
  const wall = afterMs + zone.offset(afterMs);
  for (let candidate = Math.floor(wall / stepMs) * stepMs + stepMs; ; candidate += stepMs) {
    const at = wallToUtc(zone, candidate);
    if (at > afterMs) return at;
  }
}

/** First instant after `afterMs` at the given time of day, on a day (days since 1970-01-01, local) that `accept`s. */
function nextOnDay(zone: Zone, afterMs: number, atHour: number | null, nearMinute: number | null, accept: (day: number) => boolean): number {
  const timeOfDay = (atHour ?? 0) * HOUR_MS + (nearMinute ?? 0) * MINUTE_MS;
  for (let day = Math.floor((afterMs + zone.offset(afterMs)) / DAY_MS); ; day++) {
    if (!accept(day)) continue;
    const at = wallToUtc(zone, day * DAY_MS + timeOfDay);
    if (at > afterMs) return at;
  }
}

/** The next firing strictly after `afterMs`, or null when a one-off trigger's time has passed. */
export function nextRunAfter(schedule: ZonedSchedule, afterMs: number, timeZone: string): number | null {
  const zoneId = schedule.timeZone ?? timeZone;
  const zone = findZone(zoneId);
  if (!zone) throw new Error(`Invalid argument: timezone (${zoneId})`);
  switch (schedule.kind) {
    case "once":
      return schedule.at > afterMs ? schedule.at : null;
    case "everyMinutes":
      return nextOnGrid(zone, afterMs, schedule.minutes * MINUTE_MS);
    case "everyHours":
      return nextOnGrid(zone, afterMs, schedule.hours * HOUR_MS);
    case "everyDays":
      return nextOnDay(zone, afterMs, schedule.atHour, schedule.nearMinute, (day) => mod(day, schedule.days) === 0);
    case "everyWeeks": {
      const weekday = schedule.weekDay ?? DEFAULT_WEEKDAY;
      // Day 0 (1970-01-01) was a Thursday; weeks start on Sunday.
      return nextOnDay(zone, afterMs, schedule.atHour, schedule.nearMinute,
        (day) => mod(day + 4, 7) === weekday && mod(Math.floor((day + 4) / 7), schedule.weeks) === 0);
    }
    case "monthly":
      // Months without that day (the 31st in April) are skipped.
      return nextOnDay(zone, afterMs, schedule.atHour, schedule.nearMinute,
        (day) => new Date(day * DAY_MS).getUTCDate() === schedule.monthDay);
  }
}

export interface DueFiring {
  trigger: TriggerRecord;
  at: number;
}

/**
 * Every firing due up to and including `untilMs`, oldest first: a recurring
 * trigger appears once per firing in the window, starting from its nextRun.
 * `timeZone` (the script's) applies to schedules stored without one.
 */
export function dueTriggers(records: readonly TriggerRecord[], untilMs: number, timeZone: string): DueFiring[] {
  const due: DueFiring[] = [];
  for (const trigger of records) {
    if (!trigger.schedule) continue;
    for (let at = trigger.nextRun; at !== null && at <= untilMs; at = nextRunAfter(trigger.schedule, at, timeZone)) {
      due.push({ trigger, at });
    }
  }
  return due.sort((a, b) => a.at - b.at);
}
