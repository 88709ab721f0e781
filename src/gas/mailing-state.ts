// What the mailing engine keeps outside its sheets: script properties (the
// pending cycle, the last step's report), and the flush that makes each send's
// record durable at once. One step at a time: withRunLease in ./lock.

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
