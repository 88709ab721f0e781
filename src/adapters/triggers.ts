// Time-driven triggers of the add-on, by handler name.

export function triggersFor(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
}

export function deleteTriggers(handler: string): number {
  const found = triggersFor(handler);
  found.forEach((t) => ScriptApp.deleteTrigger(t));
  return found.length;
}

/** Exactly one pending one-off run of `handler`, at `at`. */
export function scheduleOnce(handler: string, at: Date): void {
  deleteTriggers(handler);
  ScriptApp.newTrigger(handler).timeBased().at(at).create();
}

/** Exactly one monthly run of `handler` on `day` at `hour`, Tokyo time. */
export function scheduleMonthly(handler: string, day: number, hour: number): void {
  deleteTriggers(handler);
  ScriptApp.newTrigger(handler).timeBased().onMonthDay(day).atHour(hour).nearMinute(0).inTimezone("Asia/Tokyo").create();
}

export function webAppUrl(): string {
  const url = ScriptApp.getService().getUrl();
  if (!url) {
    throw new Error("ウェブアプリが公開されていないため、回答リンクを作れません。README の「ウェブアプリの公開」に従って npm run deploy を実行してください。");
  }
  return url;
}

