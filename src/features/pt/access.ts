// Which PT teams a user may see and change (the entry points' permissions are in core/permissions.ts).
import { isSecretariat } from "../../core/access";
import { selectedMembers, type MemberRecord } from "../../core/pt/members";
import type { PtRole } from "../../core/pt/sidebar-api";
import { loadAccessList } from "../../gas/settings";

/** The user's role in a 年度's PT and the teams they may see and edit. */
export function ptAccess(user: string, members: readonly MemberRecord[], year: number): { role: PtRole; teams: string[] } {
  const selected = selectedMembers(members, year);
  if (user && isSecretariat(user, loadAccessList())) return { role: "secretariat", teams: [...new Set(selected.map((m) => m.チーム!))] };
  const own = selected.filter((m) => m.メール === user).map((m) => m.チーム!);
  return own.length > 0 ? { role: "member", teams: own } : { role: "none", teams: [] };
}

/** Why the user may not change a team's rows; null when they may. */
export function teamRefusal(user: string, members: readonly MemberRecord[], year: number, team: string): string | null {
  const { role, teams } = ptAccess(user, members, year);
  if (role === "secretariat" || teams.includes(team)) return null;
  return `R${year}年度の「${team}」を更新できるのは、そのチームのPTメンバー（選出）と市政変革推進室だけです。${user || "ログイン中のアカウント"} は登録されていません。`;
}
