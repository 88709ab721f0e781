// Which PT teams a user may see and change (the entry points' permissions are in core/permissions.ts):
// the act-for rule of core/delegation.ts on the members' addresses — a selected member
// themselves, a person 担当者 lists for a member's address that day, or the secretariat.
import { isSecretariat } from "../../core/access";
import type { Actor } from "../../core/contracts/history";
import type { Day } from "../../core/contracts/pt-values";
import { actFor, actedFor } from "../../core/delegation";
import { selectedMembers, type MemberRecord } from "../../core/pt/members";
import type { PtRole } from "../../core/pt/sidebar-api";
import { loadAccessList } from "../../gas/settings";

/** Who the user is for each team of the 年度 they may act in, by team. */
function teamActors(user: string, members: readonly MemberRecord[], year: number, day: Day): Map<string, Actor> {
  const access = loadAccessList();
  const actors = new Map<string, Actor>();
  for (const member of selectedMembers(members, year)) {
    const acting = actFor(user, member.メール, day, access.directory, []);
    // Their own row first: a member of the team is recorded as 本人 even if listed for a teammate too.
    if (acting.ok && (!actors.has(member.チーム!) || acting.by === "self")) actors.set(member.チーム!, actedFor(acting));
  }
  return actors;
}

/** The user's role in a 年度's PT and the teams they may see and edit. */
export function ptAccess(user: string, members: readonly MemberRecord[], year: number, day: Day): { role: PtRole; teams: string[] } {
  const selected = selectedMembers(members, year);
  if (user && isSecretariat(user, loadAccessList())) return { role: "secretariat", teams: [...new Set(selected.map((m) => m.チーム!))] };
  const own = user ? [...teamActors(user, members, year, day).keys()] : [];
  return own.length > 0 ? { role: "member", teams: own } : { role: "none", teams: [] };
}

/** Who the user is for a team's rows, as 履歴 names them; or why they may not change them. */
export function teamAccess(user: string, members: readonly MemberRecord[], year: number, team: string, day: Day): { actor: Actor } | { refusal: string } {
  if (user) {
    const actor = teamActors(user, members, year, day).get(team);
    if (actor) return { actor };
    if (isSecretariat(user, loadAccessList())) return { actor: { person: user, onBehalfOf: "", standing: "推進室" } };
  }
  return {
    refusal: `R${year}年度の「${team}」を更新できるのは、そのチームのPTメンバー（選出）と市政変革推進室だけです（担当者シートでメンバーのアドレスに登録された人を含みます）。${user || "ログイン中のアカウント"} は登録されていません。`,
  };
}
