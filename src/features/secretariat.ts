// Mailings and their schedule are the secretariat's to start: 設定's 事務局メール only.
import { isSecretariat } from "../core/access";
import { activeUserEmail } from "../gas/session";
import { loadAccessList } from "../gas/settings";

export function requireSecretariat(action: string): void {
  const user = activeUserEmail();
  if (!user) throw new Error(`ログイン中のアカウントを確認できないため、${action}を実行できません。市政変革推進室のアカウントで実行してください。`);
  if (!isSecretariat(user, loadAccessList())) {
    throw new Error(`${action}は市政変革推進室（設定シートの「事務局メール」）のみが実行できます。${user} は登録されていません。`);
  }
}
