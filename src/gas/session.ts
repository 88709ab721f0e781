// Who is running the code. Empty when Apps Script does not tell (simple triggers, other domains).
import { normalizeEmail } from "../core/plain-text";

export function activeUserEmail(): string {
  return normalizeEmail(Session.getActiveUser().getEmail());
}

export function effectiveUserEmail(): string {
  return normalizeEmail(Session.getEffectiveUser().getEmail());
}
