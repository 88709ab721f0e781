// ScriptApp offline: installable triggers kept in the runtime state (fired by the
// runtime when their nextRun comes), the web-app URL, and fixed identity values.
import { randomInt } from "node:crypto";
import type { ExecutionEnv, TriggerRecord } from "../execution/env";
import { defineEnum, unsupportedError } from "./api-surface";
import { nextRunAfter, type ZonedSchedule } from "./trigger-schedule";
import { findZone, wallToUtc } from "./time-zones";

type Script = typeof GoogleAppsScript.Script;

const MAX_TRIGGERS_PER_USER = 20;
const TOO_MANY_TRIGGERS = "This script has too many triggers. Triggers must be deleted from the script before more can be added.";
const EVERY_MINUTES = [1, 5, 10, 15, 30];
const WEEKDAYS: readonly (keyof typeof GoogleAppsScript.Base.Weekday)[] = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];
const SCRIPT_ID = "platina-local-script";
const OAUTH_TOKEN = "ya29.platina-local-offline-token";

function wholeNumber(value: unknown, min: number, max: number, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`Invalid argument: ${what}`);
  return n;
}

class LocalTrigger implements GoogleAppsScript.Script.Trigger {
  constructor(private readonly record: TriggerRecord) {}

  getEventType(): GoogleAppsScript.Script.EventType {
    return this.record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }

  getHandlerFunction(): string {
    return this.record.handler;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  /** Null for time-driven triggers, as in Apps Script. */
  getTriggerSourceId(): string {
    return this.record.sourceId as string;
  }

  getUniqueId(): string {
    return this.record.uid;
  }
}

type NewTrigger = Pick<TriggerRecord, "handler" | "eventType" | "source" | "sourceId" | "schedule">;

/** Installable triggers run as their creator, who is limited to 20 per script. */
function addTrigger(env: ExecutionEnv, fields: NewTrigger): LocalTrigger {
  const owner = env.effectiveUser;
  if (env.state.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS);
  const now = env.clock.now();
  const { schedule } = fields;
  // A one-off time that has already passed is due at once.
  const nextRun = !schedule ? null : schedule.kind === "once" ? schedule.at : nextRunAfter(schedule, now, env.timeZone);
  const record: TriggerRecord = { uid: `${randomInt(1e9, 1e10)}${randomInt(1e9, 1e10)}`, ...fields, owner, nextRun, createdAt: now };
  env.state.triggers.push(record);
  return new LocalTrigger(record);
}

interface ClockSpec {
  at?: number;
  atDate?: [number, number, number];
  minutes?: number;
  hours?: number;
  days?: number;
  weeks?: number;
  weekDay?: number;
  monthDay?: number;
  atHour?: number;
  nearMinute?: number;
  timeZone: string;
}

class LocalClockTriggerBuilder implements GoogleAppsScript.Script.ClockTriggerBuilder {
  private readonly spec: ClockSpec;

  constructor(
    private readonly env: ExecutionEnv,
    private readonly handler: string,
  ) {
    this.spec = { timeZone: env.timeZone };
  }

  after(durationMilliseconds: number): LocalClockTriggerBuilder {
    this.spec.at = this.env.clock.now() + wholeNumber(durationMilliseconds, 0, Number.MAX_SAFE_INTEGER, "durationMilliseconds");
    return this;
  }

  at(date: Date): LocalClockTriggerBuilder {
    if (Object.prototype.toString.call(date) !== "[object Date]" || Number.isNaN(date.getTime())) throw new Error("Invalid argument: date");
    this.spec.at = date.getTime();
    return this;
  }

  /** Midnight of that day in the trigger's zone (Apps Script: within 15 minutes of it). */
  atDate(year: number, month: number, day: number): LocalClockTriggerBuilder {
    this.spec.atDate = [wholeNumber(year, 1970, 9999, "year"), wholeNumber(month, 1, 12, "month"), wholeNumber(day, 1, 31, "day")];
    return this;
  }

  atHour(hour: number): LocalClockTriggerBuilder {
    this.spec.atHour = wholeNumber(hour, 0, 23, "hour");
    return this;
  }

  nearMinute(minute: number): LocalClockTriggerBuilder {
    this.spec.nearMinute = wholeNumber(minute, 0, 59, "minute");
    return this;
  }

  everyMinutes(n: number): LocalClockTriggerBuilder {
    if (!EVERY_MINUTES.includes(Number(n))) throw new Error("The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.");
    this.spec.minutes = Number(n);
    return this;
  }

  everyHours(n: number): LocalClockTriggerBuilder {
    this.spec.hours = wholeNumber(n, 1, 24, "n");
    return this;
  }

  everyDays(n: number): LocalClockTriggerBuilder {
    this.spec.days = wholeNumber(n, 1, 366, "n");
    return this;
  }

  everyWeeks(n: number): LocalClockTriggerBuilder {
    this.spec.weeks = wholeNumber(n, 1, 53, "n");
    return this;
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): LocalClockTriggerBuilder {
    const index = WEEKDAYS.findIndex((name) => name === String(day));
    if (index < 0) throw new Error("Invalid argument: day");
    this.spec.weekDay = index;
    return this;
  }

  onMonthDay(day: number): LocalClockTriggerBuilder {
    this.spec.monthDay = wholeNumber(day, 1, 31, "day");
    return this;
  }

  inTimezone(timezone: string): LocalClockTriggerBuilder {
    if (typeof timezone !== "string" || !findZone(timezone)) throw new Error(`Invalid argument: timezone`);
    this.spec.timeZone = timezone;
    return this;
  }

  create(): LocalTrigger {
    return addTrigger(this.env, { handler: this.handler, eventType: "CLOCK", source: "CLOCK", sourceId: null, schedule: this.schedule() });
  }

  private minuteInHour(): number {
    return drawMinute(this.env.random ?? Math.random, this.spec.nearMinute);
  }

  private schedule(): ZonedSchedule {
    const s = this.spec;
    const { timeZone } = s;
    const hour = { atHour: s.atHour ?? null, nearMinute: s.atHour === undefined ? null : this.minuteInHour() };
    const weekly = s.weeks !== undefined || s.weekDay !== undefined;
    const frequencies = [s.minutes, s.hours, s.days, weekly || undefined, s.monthDay].filter((f) => f !== undefined).length;
    const once = [s.at, s.atDate].filter((f) => f !== undefined).length;
    if (once + frequencies !== 1) {
      throw new Error(once + frequencies === 0
        ? "The trigger has no schedule: call at(), after(), atDate(), everyMinutes(), everyHours(), everyDays(), everyWeeks(), onWeekDay() or onMonthDay()."
        : "The trigger has more than one schedule: use one of at(), after(), atDate() or a single frequency.");
    }
    if (s.nearMinute !== undefined && s.atHour === undefined) throw new Error("nearMinute() needs atHour().");
    if (s.atHour !== undefined && (once || s.minutes !== undefined || s.hours !== undefined)) {
      throw new Error("atHour() can only be used with everyDays(), everyWeeks(), onWeekDay() or onMonthDay().");
    }
    if (s.atDate) {
      const [y, m, d] = s.atDate;
      return { kind: "once", at: wallToUtc(findZone(timeZone)!, Date.UTC(y, m - 1, d)), timeZone };
    }
    if (s.at !== undefined) return { kind: "once", at: s.at, timeZone };
    if (s.minutes !== undefined) return { kind: "everyMinutes", minutes: s.minutes, timeZone };
    if (s.hours !== undefined) return { kind: "everyHours", hours: s.hours, timeZone };
    if (s.days !== undefined) return { kind: "everyDays", days: s.days, ...hour, timeZone };
    if (weekly) return { kind: "everyWeeks", weeks: s.weeks ?? 1, weekDay: s.weekDay ?? null, ...hour, timeZone };
    return { kind: "monthly", monthDay: s.monthDay!, ...hour, timeZone };
  }
}

/**
 * R-clock: atHour(h) runs "at a random minute" of that hour unless nearMinute(m) is called,
 * and then within 15 minutes of m (kept within hour h here). Drawn once, at creation, so the
 * trigger keeps its time (G-inst: a 9 AM trigger fires some time between 9 and 10, then at about that time).
 */
function drawMinute(random: () => number, nearMinute: number | undefined): number {
  const pick = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  return nearMinute === undefined ? pick(0, 59) : pick(Math.max(0, nearMinute - 15), Math.min(59, nearMinute + 15));
}

class LocalSpreadsheetTriggerBuilder implements GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
  private eventType: TriggerRecord["eventType"] | null = null;

  constructor(
    private readonly env: ExecutionEnv,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  onChange(): LocalSpreadsheetTriggerBuilder {
    this.eventType = "ON_CHANGE";
    return this;
  }

  onEdit(): LocalSpreadsheetTriggerBuilder {
    this.eventType = "ON_EDIT";
    return this;
  }

  onFormSubmit(): LocalSpreadsheetTriggerBuilder {
    this.eventType = "ON_FORM_SUBMIT";
    return this;
  }

  onOpen(): LocalSpreadsheetTriggerBuilder {
    this.eventType = "ON_OPEN";
    return this;
  }

  create(): LocalTrigger {
    if (!this.eventType) throw new Error("The trigger has no event: call onOpen(), onEdit(), onChange() or onFormSubmit().");
    const { env, handler, eventType, spreadsheetId } = this;
    return addTrigger(env, { handler, eventType, source: "SPREADSHEETS", sourceId: spreadsheetId, schedule: null });
  }
}

class LocalTriggerBuilder implements GoogleAppsScript.Script.TriggerBuilder {
  constructor(
    private readonly env: ExecutionEnv,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  forDocument(): never {
    throw unsupportedError("TriggerBuilder.forDocument");
  }

  forForm(): never {
    throw unsupportedError("TriggerBuilder.forForm");
  }

  /** Only the open workbook exists offline. */
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): LocalSpreadsheetTriggerBuilder {
    const id = typeof sheet === "string" ? sheet : sheet.getId();
    if (id !== this.spreadsheetId) throw unsupportedError(`ほかのスプレッドシート (${id}) のトリガー`);
    return new LocalSpreadsheetTriggerBuilder(this.env, this.handler, id);
  }

  forUserCalendar(): never {
    throw unsupportedError("TriggerBuilder.forUserCalendar");
  }

  timeBased(): LocalClockTriggerBuilder {
    return new LocalClockTriggerBuilder(this.env, this.handler);
  }
}

class LocalService implements GoogleAppsScript.Script.Service {
  constructor(private readonly env: ExecutionEnv) {}

  /**
   * Null while the web app is not deployed; the deployment's URL (/exec when versioned,
   * /dev for the head deployment only) otherwise; in a request to the /dev URL, that URL (R-service).
   */
  getUrl(): string {
    const { context, state } = this.env;
    if (context.kind === "web-app" && /\/dev$/.test(context.url)) return context.url;
    return state.webAppUrl as string;
  }

  isEnabled(): boolean {
    return this.env.state.webAppUrl !== null;
  }

  disable(): never {
    throw unsupportedError("Service.disable");
  }
}

class LocalAuthorizationInfo implements GoogleAppsScript.Script.AuthorizationInfo {
  /** Offline, every scope in appsscript.json counts as granted. */
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return "NOT_REQUIRED" as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }

  /** Null when no authorization is required, as in Apps Script. */
  getAuthorizationUrl(): string {
    return null as unknown as string;
  }
}

class LocalScriptApp implements GoogleAppsScript.Script.ScriptApp {
  AuthMode = defineEnum<Script["AuthMode"]>(["NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL"]);
  AuthorizationStatus = defineEnum<Script["AuthorizationStatus"]>(["REQUIRED", "NOT_REQUIRED"]);
  EventType = defineEnum<Script["EventType"]>(["CLOCK", "ON_OPEN", "ON_EDIT", "ON_FORM_SUBMIT", "ON_CHANGE", "ON_EVENT_UPDATED"]);
  InstallationSource = defineEnum<Script["InstallationSource"]>(["APPS_MARKETPLACE_DOMAIN_ADD_ON", "NONE", "WEB_STORE_ADD_ON"]);
  TriggerSource = defineEnum<Script["TriggerSource"]>(["SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR"]);
  WeekDay = defineEnum<typeof GoogleAppsScript.Base.Weekday>(WEEKDAYS);

  constructor(
    private readonly env: ExecutionEnv,
    private readonly spreadsheetId: string,
  ) {}

  /** Triggers belong to their creator: another account's cannot be deleted (G-inst). */
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    const uid = trigger.getUniqueId();
    const { triggers } = this.env.state;
    const index = triggers.findIndex((t) => t.uid === uid);
    if (index < 0) return;
    if (triggers[index].owner !== this.env.effectiveUser) {
      throw new Error(`Trigger ${uid} belongs to another user and cannot be deleted by ${this.env.effectiveUser || "this user"}.`);
    }
    triggers.splice(index, 1);
  }

  getAuthorizationInfo(): LocalAuthorizationInfo {
    return new LocalAuthorizationInfo();
  }

  getIdentityToken(): never {
    throw unsupportedError("ScriptApp.getIdentityToken");
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return "NONE" as unknown as GoogleAppsScript.Script.InstallationSource;
  }

  /** A fixed stand-in: nothing offline checks it. */
  getOAuthToken(): string {
    return OAUTH_TOKEN;
  }

  /** The current user's installable triggers in this project. */
  getProjectTriggers(): LocalTrigger[] {
    return this.env.state.triggers.filter((t) => t.owner === this.env.effectiveUser).map((t) => new LocalTrigger(t));
  }

  getScriptId(): string {
    return SCRIPT_ID;
  }

  getService(): LocalService {
    return new LocalService(this.env);
  }

  getUserTriggers(document: { getId(): string }): LocalTrigger[] {
    const id = document.getId();
    return this.getProjectTriggers().filter((t) => t.getTriggerSourceId() === id);
  }

  invalidateAuth(): never {
    throw unsupportedError("ScriptApp.invalidateAuth");
  }

  newStateToken(): never {
    throw unsupportedError("ScriptApp.newStateToken");
  }

  newTrigger(functionName: string): LocalTriggerBuilder {
    if (typeof functionName !== "string" || functionName === "") throw new Error("Invalid argument: functionName");
    return new LocalTriggerBuilder(this.env, functionName, this.spreadsheetId);
  }

  /** Every scope counts as granted offline, so the check always passes. */
  requireAllScopes(): void {}

  requireScopes(): void {}

  getProjectKey(): never {
    throw unsupportedError("ScriptApp.getProjectKey");
  }

  getScriptTriggers(): LocalTrigger[] {
    return this.getProjectTriggers();
  }
}

export function createScriptApp(env: ExecutionEnv, opts: { spreadsheetId: string }): GoogleAppsScript.Script.ScriptApp {
  return new LocalScriptApp(env, opts.spreadsheetId);
}
