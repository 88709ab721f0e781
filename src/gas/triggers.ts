// Installable triggers of the add-on, by handler name, and the web app's URL.
// Triggers belong to the account that created them, and each account sees and
// removes only its own (G-inst): script state records who installed each
// handler's triggers, so a second account never adds duplicates it cannot see.
import { STATE, readState, writeState, type TriggerRecord } from "./script-state";
import { effectiveUserEmail } from "./session";
import { spreadsheet } from "./spreadsheet";

export type { TriggerRecord };

/** A one-off run of another account this long overdue did not run (its account lost access): ours may replace it. */
const OVERDUE_MS = 60 * 60 * 1000;

/** The caller's own triggers of `handler` (the only ones Apps Script lists to it). */
export function triggersFor(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
}

/** Every handler's recorded triggers, whoever installed them. */
export function triggerRecords(): Record<string, TriggerRecord> {
  return readState(STATE.triggers) ?? {};
}

function record(handler: string, value: TriggerRecord | null): void {
  const all = triggerRecords();
  if (value) all[handler] = value;
  else delete all[handler];
  writeState(STATE.triggers, all);
}

/** The record of `handler` when another account installed its triggers: those are not ours to replace. */
export function othersTrigger(handler: string, now = new Date()): TriggerRecord | null {
  const found = triggerRecords()[handler];
  const me = effectiveUserEmail();
  // Without an effective user (a custom function) ScriptApp itself refuses: let it say so.
  if (!found || !me || found.owner === me) return null;
  if (found.kind === "once" && Date.parse(found.at) < now.getTime() - OVERDUE_MS) return null;
  return found;
}

/** Removes the caller's triggers of `handler` (and the record, when it is the caller's). */
export function deleteTriggers(handler: string): number {
  const found = triggersFor(handler);
  found.forEach((t) => ScriptApp.deleteTrigger(t));
  if (triggerRecords()[handler]?.owner === effectiveUserEmail()) record(handler, null);
  return found.length;
}

/** The new trigger is created before the old ones go, so a failure never leaves none. */
function replaceTriggers(handler: string, create: () => GoogleAppsScript.Script.Trigger): void {
  const old = triggersFor(handler);
  const created = create();
  old.filter((t) => t.getUniqueId() !== created.getUniqueId()).forEach((t) => ScriptApp.deleteTrigger(t));
}

export type Scheduled = { ok: true } | { ok: false; owner: TriggerRecord };

/**
 * Exactly one pending one-off run of `handler`, at `at`. When another account's
 * run is pending, that one stays: it runs whatever is due then, and a second
 * one would be a duplicate neither account could remove.
 */
export function scheduleOnce(handler: string, at: Date): Scheduled {
  const other = othersTrigger(handler);
  if (other) return { ok: false, owner: other };
  replaceTriggers(handler, () => ScriptApp.newTrigger(handler).timeBased().at(at).create());
  record(handler, { owner: effectiveUserEmail(), kind: "once", at: at.toISOString() });
  return { ok: true };
}

/** Exactly one monthly run of `handler` on `day` at `hour` (the script's zone, Asia/Tokyo), unless another account has it. */
export function scheduleMonthly(handler: string, day: number, hour: number): Scheduled {
  const other = othersTrigger(handler);
  if (other) return { ok: false, owner: other };
  replaceTriggers(handler, () => ScriptApp.newTrigger(handler).timeBased().onMonthDay(day).atHour(hour).create());
  record(handler, { owner: effectiveUserEmail(), kind: "monthly", at: new Date().toISOString() });
  return { ok: true };
}

/** Exactly one installable edit (or change) trigger running `handler`: creates it, or removes the caller's duplicates. */
export function ensureEditTrigger(handler: string, event: "edit" | "change" = "edit"): { created: boolean; removed: number; owner: TriggerRecord | null } {
  const other = othersTrigger(handler);
  if (other) return { created: false, removed: 0, owner: other };
  const type = event === "edit" ? ScriptApp.EventType.ON_EDIT : ScriptApp.EventType.ON_CHANGE;
  const mine = triggersFor(handler).filter((t) => t.getEventType() === type);
  if (!triggerRecords()[handler]) record(handler, { owner: effectiveUserEmail(), kind: event, at: new Date().toISOString() });
  if (mine.length === 0) {
    const builder = ScriptApp.newTrigger(handler).forSpreadsheet(spreadsheet());
    (event === "edit" ? builder.onEdit() : builder.onChange()).create();
    return { created: true, removed: 0, owner: null };
  }
  mine.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
  return { created: false, removed: mine.length - 1, owner: null };
}


/** Set by the build from deploy.json: the one deployment whose /exec URL mails link to. */
declare const __PLATINA_WEB_APP_DEPLOYMENT__: string;

export function webAppUrl(): string {
  const url = ScriptApp.getService().getUrl();
  // Outside a web-app request getUrl() may name the editors-only /dev URL; owners need /exec.
  if (url && /\/exec$/.test(url)) return url;
  if (__PLATINA_WEB_APP_DEPLOYMENT__) return `https://script.google.com/macros/s/${__PLATINA_WEB_APP_DEPLOYMENT__}/exec`;
  if (!url) {
    throw new Error("ウェブアプリが公開されていないため、回答リンクを作れません。docs/deploy.md の「Deploying the web app and triggers」に従って npm run deploy を実行してください。");
  }
  return url;
}


/** True when `uid` names an installable trigger of the account running the code (each account sees only its own). */
export function isOwnTrigger(uid: unknown): boolean {
  if (typeof uid !== "string" || uid === "") return false;
  return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid);
}
