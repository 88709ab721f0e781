// The daily "Triggers total runtime" quota (G-quota: 90 min for a consumer account,
// 6 h for Workspace), per trigger owner, over the 24 hours from the window's first
// trigger run. Once it is used up, the owner's triggers fail without running.
import { currentWindow, useWindow } from "../services/quota-window";
import type { ExecutionContext } from "../execution/contexts";
import type { RuntimeState } from "../execution/env";

/** What Apps Script reports when a quota of script time is used up ([OBS]: seen in execution logs). */
export const TRIGGER_QUOTA_MESSAGE = "Service using too much computer time for one day";

/** Whose trigger quota an execution uses: triggers run as their creator; other executions use none. */
export function triggerOwner(context: ExecutionContext | undefined): string | null {
  return context?.kind === "time-driven" || context?.kind === "installable-trigger" ? context.owner : null;
}

function usage(state: RuntimeState, owner: string, now: number) {
  const users = state.triggerRuntime.users;
  users[owner] ??= { since: null, usedMs: 0 };
  return currentWindow(users[owner], now, (window) => (window.usedMs = 0));
}

export function triggerQuotaLeft(state: RuntimeState, owner: string, now: number): number {
  return state.triggerRuntime.dailyLimitMs - usage(state, owner, now).usedMs;
}

/** Counts one trigger execution that started at `startedAt` and ran `ms`. */
export function chargeTriggerRuntime(state: RuntimeState, owner: string, startedAt: number, ms: number): void {
  const window = usage(state, owner, startedAt);
  useWindow(window, startedAt);
  window.usedMs += ms;
}
