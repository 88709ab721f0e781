// Who is running the code. Empty when Apps Script does not tell (simple triggers, other domains).
import { normalizeEmail } from "../core/base/text";

export function activeUserEmail(): string {
  return normalizeEmail(Session.getActiveUser().getEmail());
}

export function effectiveUserEmail(): string {
  return normalizeEmail(Session.getEffectiveUser().getEmail());
}

/** Who made an edit: the event tells it when Sheets knows, else the active user. */
export function editorEmail(e: { user?: GoogleAppsScript.Base.User }): string {
  return normalizeEmail(e.user?.getEmail?.() || Session.getActiveUser().getEmail());
}
