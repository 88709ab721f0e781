// Who is running the code. Empty when Apps Script does not tell (simple triggers, other domains).
import { normalizeEmail } from "../core/base/text";

export function activeUserEmail(): string {
  return normalizeEmail(Session.getActiveUser().getEmail());
}

export function effectiveUserEmail(): string {
  return normalizeEmail(Session.getEffectiveUser().getEmail());
}

/** What 履歴 and 最終更新者 say when Apps Script does not tell who edited. */
export const UNKNOWN_EDITOR = "不明";

/**
 * Who made an edit, for the record only — never for permission: in an installable
 * trigger e.user and the active user are blank or the trigger's owner depending on
 * domain rules (R-session, G-events). 「不明」 when neither names anyone.
 */
export function editorEmail(e: { user?: GoogleAppsScript.Base.User }): string {
  return normalizeEmail(e.user?.getEmail?.() || Session.getActiveUser().getEmail()) || UNKNOWN_EDITOR;
}
