// One shape for every refused or cancelled action, so callers (the sidebar, the
// dialogs, the CLI) tell outcomes apart by `reason` and show `message` as it is.

export interface Refusal<Reason extends string = string> {
  ok: false;
  reason: Reason;
  /** Polite Japanese: what happened and what to do; nothing was changed. */
  message: string;
}

/** Tells a refusal from a result, e.g. in the browser after google.script.run. */
export function isRefusal(value: unknown): value is Refusal {
  return value !== null && typeof value === "object" && (value as { ok?: unknown }).ok === false && typeof (value as { message?: unknown }).message === "string";
}

export function refuse<Reason extends string>(reason: Reason, message: string): Refusal<Reason> {
  return { ok: false, reason, message };
}
