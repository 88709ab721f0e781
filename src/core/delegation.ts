// Who may act for an address on a given day — the one rule every check uses (answer
// form, survey form, sidebar, PT, permissions). Mail goes to a section's shared
// address that nobody signs in as; the people listed for it in 担当者 act for it.
//   1. the address itself (a person's own address needs no row);
//   2. a person listed for it in 担当者 whose period covers the day;
//   3. the secretariat, with the action marked as done by the secretariat.
import { isValidEmail, normalizeEmail, normalizeText } from "./base/text";
import type { Actor } from "./contracts/history";
import { DELEGATES, DELEGATE_EXPECTED, ROLE_FIELD, parseDay, parseDelegateRole, type DelegateRole } from "./contracts/delegates";
import type { Day } from "./contracts/pt-values";

export interface Delegation {
  /** Row number in 担当者 (header = 1), for messages naming the row. */
  rowNumber: number;
  name: string;
  /** The person's own address (trimmed, lower-cased). */
  person: string;
  /** The address they act for (trimmed, lower-cased). */
  address: string;
  role: DelegateRole;
  /** Tokyo days, inclusive; null = open. */
  start: Day | null;
  end: Day | null;
}

/** A row of 担当者 that grants nothing until fixed: what is wrong, and where. */
export interface DirectoryProblem {
  rowNumber: number;
  column: string;
  value: string;
  message: string;
}

export interface Directory {
  /** Usable rows only: a row with a problem never lets anyone act for anything. */
  entries: readonly Delegation[];
  problems: readonly DirectoryProblem[];
}

export const EMPTY_DIRECTORY: Directory = { entries: [], problems: [] };

/**
 * 担当者's values (header row first) read row by row. A bad row (an address that is not
 * an address, 終了日 before 開始日, an unreadable date or role) is set aside as a problem
 * and the others still count: one typo must not stop mail or answers for other sections.
 */
export function readDirectory(values: unknown): Directory {
  const table = DELEGATES.fromRows(values);
  const entries: Delegation[] = [];
  const problems: DirectoryProblem[] = [];
  for (const row of table.rows) {
    const r = row.record;
    const found: DirectoryProblem[] = [];
    const problem = (column: string, value: unknown, message: string) =>
      found.push({ rowNumber: row.rowNumber, column, value: normalizeText(value), message });
    if (!isValidEmail(r.メール)) problem("メール", r.メール, DELEGATE_EXPECTED.メール);
    if (!isValidEmail(r.担当アドレス)) problem("担当アドレス", r.担当アドレス, DELEGATE_EXPECTED.担当アドレス);
    const role = parseDelegateRole(r[ROLE_FIELD]);
    if (role === undefined) problem(ROLE_FIELD, r[ROLE_FIELD], DELEGATE_EXPECTED[ROLE_FIELD]);
    const start = parseDay(r.開始日);
    const end = parseDay(r.終了日);
    if (start === undefined) problem("開始日", r.開始日, DELEGATE_EXPECTED.開始日);
    if (end === undefined) problem("終了日", r.終了日, DELEGATE_EXPECTED.終了日);
    if (start && end && end < start) problem("終了日", end, `終了日が開始日（${start}）より前です。日付を確かめてください。`);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    entries.push({
      rowNumber: row.rowNumber,
      name: normalizeText(r.氏名),
      person: normalizeEmail(r.メール),
      address: normalizeEmail(r.担当アドレス),
      role: role ?? "担当",
      start: start ?? null,
      end: end ?? null,
    });
  }
  return { entries, problems };
}

export function coversDay(delegation: Delegation, day: Day): boolean {
  return (delegation.start === null || delegation.start <= day) && (delegation.end === null || day <= delegation.end);
}

/** The people acting for `address` on `day`: 担当 before 代理, then in sheet order. */
export function peopleFor(address: string, day: Day, directory: Directory): Delegation[] {
  const target = normalizeEmail(address);
  return directory.entries
    .filter((d) => d.address === target && coversDay(d, day))
    .sort((a, b) => (a.role === b.role ? a.rowNumber - b.rowNumber : a.role === "担当" ? -1 : 1));
}

/** Every address `user` may act for on `day`: their own first, then those 担当者 lists them for. */
export function addressesActedFor(user: string, day: Day, directory: Directory): string[] {
  const person = normalizeEmail(user);
  if (person === "") return [];
  const listed = directory.entries.filter((d) => d.person === person && coversDay(d, day)).map((d) => d.address);
  return [...new Set([person, ...listed])];
}

export type Acting =
  /** The address is the user's own. */
  | { ok: true; by: "self"; person: string; address: string }
  /** Listed in 担当者 for the address on that day. */
  | { ok: true; by: "listed"; person: string; address: string; delegation: Delegation }
  /** The secretariat acting for anyone; recorded as such. */
  | { ok: true; by: "secretariat"; person: string; address: string }
  /**
   * Refused. `listed`: who acts for the address that day (to name on the refusal page);
   * `lapsed`: the user's own row for it, when its period has ended or not yet begun.
   */
  | { ok: false; reason: "anonymous" | "not listed" | "lapsed"; person: string; address: string; listed: Delegation[]; lapsed: Delegation | null };

/** Whether `user` may act for `address` on `day`, and as what. `user` "" (Apps Script did not say) is refused. */
export function actFor(user: string, address: string, day: Day, directory: Directory, secretariat: readonly string[]): Acting {
  const person = normalizeEmail(user);
  const target = normalizeEmail(address);
  if (person === "") return { ok: false, reason: "anonymous", person, address: target, listed: peopleFor(target, day, directory), lapsed: null };
  if (person === target) return { ok: true, by: "self", person, address: target };
  const own = directory.entries.filter((d) => d.person === person && d.address === target);
  const current = own.find((d) => coversDay(d, day));
  if (current) return { ok: true, by: "listed", person, address: target, delegation: current };
  if (secretariat.map(normalizeEmail).includes(person)) return { ok: true, by: "secretariat", person, address: target };
  const listed = peopleFor(target, day, directory);
  return own.length > 0
    ? { ok: false, reason: "lapsed", person, address: target, listed, lapsed: own[0] }
    : { ok: false, reason: "not listed", person, address: target, listed, lapsed: null };
}

/**
 * What the records say of an action: the person who acted, and — when they acted for
 * another address — that address and how (担当, 代理 or 推進室), for its own column.
 */
export function actedFor(acting: Extract<Acting, { ok: true }>): Actor {
  switch (acting.by) {
    case "self":
      return { person: acting.person, onBehalfOf: "", standing: "本人" };
    case "listed":
      return { person: acting.person, onBehalfOf: acting.address, standing: acting.delegation.role };
    case "secretariat":
      return { person: acting.person, onBehalfOf: acting.address, standing: "推進室" };
  }
}

/** 「人事 太郎（担当）、人事 花子（代理）」: the people listed for an address, as a refusal page names them. */
export function listedNames(listed: readonly Delegation[]): string {
  return listed.map((d) => `${d.name || d.person}（${d.role}）`).join("、");
}

/**
 * Addresses the add-on mails that nobody acts for on `day`: listed in 担当者 only with
 * periods that do not cover the day. (An address with no row at all may be a person's own.)
 */
export function addressesWithNobody(addresses: readonly string[], day: Day, directory: Directory): string[] {
  const listedAtAll = new Set(directory.entries.map((d) => d.address));
  return [...new Set(addresses.map(normalizeEmail).filter(Boolean))]
    .filter((a) => listedAtAll.has(a) && peopleFor(a, day, directory).length === 0);
}
