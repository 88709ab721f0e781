// What the mailing engine keeps outside its sheets: the script lock that lets one
// step send at a time, script properties (the pending cycle, the last step's
// report), and the flush that makes each send's record durable at once.

/** Runs `fn` under the script lock, or `whenBusy` if another run holds it for `waitMs`. */
export function withScriptLock<T>(waitMs: number, fn: () => T, whenBusy: () => T): T {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return whenBusy();
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

export function scriptProperty(key: string): string | null {
  return PropertiesService.getScriptProperties().getProperty(key);
}

/** Sets `key`, or deletes it when `value` is null. */
export function setScriptProperty(key: string, value: string | null): void {
  const props = PropertiesService.getScriptProperties();
  if (value === null) props.deleteProperty(key);
  else props.setProperty(key, value);
}

/** Commits pending sheet writes now: a run that fails later still keeps them (README, local runtime). */
export function flushWrites(): void {
  SpreadsheetApp.flush();
}
