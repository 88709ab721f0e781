// Who may see and update which issue: its owner (担当者メール), the
// representative of its bureau (局区's 代表メール), and the secretariat (設定).
import type { IssueRecord } from "./contracts/issues";
import { normalizeEmail, normalizeText } from "./base/text";

export interface AccessList {
  secretariat: string[];
  /** 代表メール → the 局区 it represents. */
  bureauByRep: Record<string, string[]>;
}

export type Role = "secretariat" | "bureau" | "owner" | "none";

export function buildAccessList(secretariat: unknown[], bureaus: { name: unknown; rep: unknown }[]): AccessList {
  const bureauByRep: Record<string, string[]> = {};
  for (const { name, rep } of bureaus) {
    const email = normalizeEmail(rep);
    const bureau = normalizeText(name);
    if (email && bureau) (bureauByRep[email] ??= []).push(bureau);
  }
  return { secretariat: secretariat.map(normalizeEmail).filter(Boolean), bureauByRep };
}

export function isSecretariat(user: string, access: AccessList): boolean {
  return access.secretariat.includes(normalizeEmail(user));
}

/** How the user relates to an issue; the strongest role wins. */
export function roleFor(user: string, issue: IssueRecord, access: AccessList): Role {
  const email = normalizeEmail(user);
  if (!email) return "none";
  if (access.secretariat.includes(email)) return "secretariat";
  if ((access.bureauByRep[email] ?? []).includes(normalizeText(issue.制度所管局))) return "bureau";
  return ownsIssue(email, issue) ? "owner" : "none";
}

export function ownsIssue(user: string, issue: IssueRecord): boolean {
  const email = normalizeEmail(user);
  return email !== "" && normalizeEmail(issue.担当者メール) === email;
}

export function canUpdate(user: string, issue: IssueRecord, access: AccessList): boolean {
  return roleFor(user, issue, access) !== "none";
}
