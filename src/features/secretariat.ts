// Mailings and their schedule are the secretariat's to start: 設定's 事務局メール only.
import { isSecretariat } from "../core/access";
import { refuse, type Refusal } from "../core/outcome";
import { activeUserEmail } from "../gas/session";
import { loadAccessList } from "../gas/settings";

/** Why the signed-in user may not start `action`; null when they may. */
export function secretariatRefusal(action: string): Refusal<"forbidden"> | null {
  const user = activeUserEmail();
  if (!user) return refuse("forbidden", `ログイン中のアカウントを確認できないため、${action}を実行できません。市政変革推進室のアカウントで実行してください。`);
  if (!isSecretariat(user, loadAccessList())) {
    return refuse("forbidden", `${action}は市政変革推進室（設定シートの「事務局メール」）のみが実行できます。${user} は登録されていません。`);
  }
  return null;
}

/** @deprecated used by follow-up/survey until the mailing engine returns secretariatRefusal's result instead of throwing. */
export function requireSecretariat(action: string): void {
  const refusal = secretariatRefusal(action);
  if (refusal) throw new Error(refusal.message);
}
