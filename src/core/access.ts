// Who may see and update which issue: whoever acts for its owner (担当者メール) or for
// the representative address of its bureau (局区's 代表メール) — the address itself or a
// person 担当者 lists for it that day (core/delegation.ts) — and the secretariat (設定).
import type { Actor } from "./contracts/history";
import type { IssueRecord } from "./contracts/issues";
import type { Day } from "./contracts/pt-values";
import { EMPTY_DIRECTORY, actFor, actedFor, addressesActedFor, type Directory } from "./delegation";
import { normalizeEmail, normalizeText } from "./base/text";

export interface AccessList {
  secretariat: string[];
  /** 代表メール → the 局区 it represents. */
  bureauByRep: Record<string, string[]>;
  /** 担当者: who acts for which address (plain data, cached with the rest). */
  directory: Directory;
}

export type Role = "secretariat" | "bureau" | "owner" | "none";

export function buildAccessList(secretariat: unknown[], bureaus: { name: unknown; rep: unknown }[], directory: Directory = EMPTY_DIRECTORY): AccessList {
  const bureauByRep: Record<string, string[]> = {};
  for (const { name, rep } of bureaus) {
    const email = normalizeEmail(rep);
    const bureau = normalizeText(name);
    if (email && bureau) (bureauByRep[email] ??= []).push(bureau);
  }
  return { secretariat: secretariat.map(normalizeEmail).filter(Boolean), bureauByRep, directory };
}

export function isSecretariat(user: string, access: AccessList): boolean {
  return access.secretariat.includes(normalizeEmail(user));
}

/** How `user` may act for `address` on `day` without the secretariat's right: self or listed. */
function actsFor(user: string, address: string, day: Day, access: AccessList): Actor | null {
  if (!normalizeEmail(address)) return null;
  const acting = actFor(user, address, day, access.directory, []);
  return acting.ok ? actedFor(acting) : null;
}

/** The 局区 `user` represents on `day`: their own 代表メール's, and those of the 代表メール 担当者 lists them for. */
export function bureausActedFor(user: string, day: Day, access: AccessList): string[] {
  return [...new Set(Object.entries(access.bureauByRep).filter(([rep]) => actsFor(user, rep, day, access)).flatMap(([, bureaus]) => bureaus))];
}

/**
 * Who `user` is for an issue on `day`, as its records name them, or null when they may
 * not update it: acting for its owner (本人／担当／代理), for its bureau's 代表メール
 * (局区代表), or the secretariat (推進室) — the nearest relation first.
 */
export function actorFor(user: string, issue: IssueRecord, day: Day, access: AccessList): Actor | null {
  const person = normalizeEmail(user);
  if (!person) return null;
  const owner = actsFor(person, issue.担当者メール, day, access);
  if (owner) return owner;
  const bureau = normalizeText(issue.制度所管局);
  for (const [rep, bureaus] of Object.entries(access.bureauByRep)) {
    if (!bureaus.includes(bureau)) continue;
    const acting = actsFor(person, rep, day, access);
    if (acting) return { person, onBehalfOf: acting.onBehalfOf, standing: "局区代表" };
  }
  return isSecretariat(person, access) ? { person, onBehalfOf: normalizeEmail(issue.担当者メール), standing: "推進室" } : null;
}

/** What a user reaches on a day, worked out once for a whole list of issues. */
export interface Reach {
  secretariat: boolean;
  /** The addresses they act for: their own and those 担当者 lists them for. */
  addresses: ReadonlySet<string>;
  bureaus: ReadonlySet<string>;
}

export function reachOf(user: string, day: Day, access: AccessList): Reach {
  const person = normalizeEmail(user);
  return {
    secretariat: isSecretariat(person, access),
    addresses: new Set(addressesActedFor(person, day, access.directory)),
    bureaus: new Set(person ? bureausActedFor(person, day, access) : []),
  };
}

/** How the user relates to an issue; the strongest role wins. */
export function roleIn(reach: Reach, issue: IssueRecord): Role {
  if (reach.secretariat) return "secretariat";
  if (reach.bureaus.has(normalizeText(issue.制度所管局))) return "bureau";
  return reach.addresses.has(normalizeEmail(issue.担当者メール)) ? "owner" : "none";
}

export function roleFor(user: string, issue: IssueRecord, access: AccessList, day: Day): Role {
  return roleIn(reachOf(user, day, access), issue);
}

export function canUpdate(user: string, issue: IssueRecord, access: AccessList, day: Day): boolean {
  return actorFor(user, issue, day, access) !== null;
}
