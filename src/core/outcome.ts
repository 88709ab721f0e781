// One shape for every refused or cancelled action, so callers (the sidebar, the
// dialogs, the CLI) tell outcomes apart by `reason` and show `message` as it is.

export interface Refusal<Reason extends string = string> {
  ok: false;
  reason: Reason;
  /** Polite Japanese: what happened and what to do; nothing was changed. */
  message: string;
}

export function refuse<Reason extends string>(reason: Reason, message: string): Refusal<Reason> {
  return { ok: false, reason, message };
}
