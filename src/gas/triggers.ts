// Installable triggers of the add-on, by handler name, and the web app's URL.
import { spreadsheet } from "./spreadsheet";

export function triggersFor(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
}

export function deleteTriggers(handler: string): number {
  const found = triggersFor(handler);
  found.forEach((t) => ScriptApp.deleteTrigger(t));
  return found.length;
}

/** The new trigger is created before the old ones go, so a failure never leaves none. */
function replaceTriggers(handler: string, create: () => GoogleAppsScript.Script.Trigger): void {
  const old = triggersFor(handler);
  const created = create();
  old.filter((t) => t.getUniqueId() !== created.getUniqueId()).forEach((t) => ScriptApp.deleteTrigger(t));
}

/** Exactly one pending one-off run of `handler`, at `at`. */
export function scheduleOnce(handler: string, at: Date): void {
  replaceTriggers(handler, () => ScriptApp.newTrigger(handler).timeBased().at(at).create());
}

/** Exactly one monthly run of `handler` on `day` at `hour` (the script's zone, Asia/Tokyo). */
export function scheduleMonthly(handler: string, day: number, hour: number): void {
  replaceTriggers(handler, () => ScriptApp.newTrigger(handler).timeBased().onMonthDay(day).atHour(hour).create());
}

/** Exactly one installable edit trigger running `handler`: creates it, or removes duplicates. */
export function ensureEditTrigger(handler: string): { created: boolean; removed: number } {
  const mine = triggersFor(handler).filter((t) => t.getEventType() === ScriptApp.EventType.ON_EDIT);
  if (mine.length === 0) {
    ScriptApp.newTrigger(handler).forSpreadsheet(spreadsheet()).onEdit().create();
    return { created: true, removed: 0 };
  }
  mine.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
  return { created: false, removed: mine.length - 1 };
}

/**
 * The account an installable trigger runs as. Apps Script does not tell it; the
 * installing account is to be recorded in script state when triggers are set up
 * (another branch, CTX2). Until then: null, and 送信状況 says it is not recorded.
 */
export function triggerOwner(_trigger: GoogleAppsScript.Script.Trigger): string | null {
  return null;
}

/** Set by the build from deploy.json: the one deployment whose /exec URL mails link to. */
declare const __PLATINA_WEB_APP_DEPLOYMENT__: string;

export function webAppUrl(): string {
  const url = ScriptApp.getService().getUrl();
  // Outside a web-app request getUrl() may name the editors-only /dev URL; owners need /exec.
  if (url && /\/exec$/.test(url)) return url;
  if (__PLATINA_WEB_APP_DEPLOYMENT__) return `https://script.google.com/macros/s/${__PLATINA_WEB_APP_DEPLOYMENT__}/exec`;
  if (!url) {
    throw new Error("ウェブアプリが公開されていないため、回答リンクを作れません。README の「Deploying the web app and triggers」に従って npm run deploy を実行してください。");
  }
  return url;
}

