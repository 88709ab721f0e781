// Installed triggers as the triggers panel lists them, schedules in words.
import type { TriggerRecord, TriggerSchedule } from "../../execution/env";
import type { TriggerView } from "../protocol/api-types";

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"];

const EVENTS: Record<string, string> = {
  ON_OPEN: "スプレッドシートを開いたとき",
  ON_EDIT: "スプレッドシートを編集したとき",
  ON_CHANGE: "スプレッドシートを変更したとき",
  ON_FORM_SUBMIT: "フォーム送信時",
};

function timeOfDay(atHour: number | null, nearMinute: number | null): string {
  if (atHour === null) return "";
  return ` ${atHour}時${nearMinute ? `${nearMinute}分` : ""}頃`;
}

export function describeSchedule(schedule: TriggerSchedule): string {
  switch (schedule.kind) {
    case "once":
      return "1回のみ";
    case "everyMinutes":
      return `${schedule.minutes}分ごと`;
    case "everyHours":
      return `${schedule.hours}時間ごと`;
    case "everyDays":
      return `${schedule.days === 1 ? "毎日" : `${schedule.days}日ごと`}${timeOfDay(schedule.atHour, schedule.nearMinute)}`;
    case "everyWeeks": {
      const day = `${WEEKDAYS[schedule.weekDay ?? 1]}曜日`;
      return `${schedule.weeks === 1 ? "毎週" : `${schedule.weeks}週ごと`} ${day}${timeOfDay(schedule.atHour, schedule.nearMinute)}`;
    }
    case "monthly":
      return `毎月${schedule.monthDay}日${timeOfDay(schedule.atHour, schedule.nearMinute)}`;
  }
}

export function triggerView(trigger: TriggerRecord): TriggerView {
  return {
    uid: trigger.uid,
    handler: trigger.handler,
    eventType: trigger.eventType,
    owner: trigger.owner,
    schedule: trigger.schedule ? describeSchedule(trigger.schedule) : (EVENTS[trigger.eventType] ?? trigger.eventType),
    nextRun: trigger.nextRun,
  };
}
