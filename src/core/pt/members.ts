// PTメンバー: applicants and selected members of the 若手職員PT, one row per person per 年度.
import { PT_MEMBERS, type MemberRecord } from "../contracts/pt-members";
import { nameKey } from "../contracts/pt-values";
import type { ReadRow } from "../contracts/typed";
import { InputError } from "../base/sheet-table";

export type { MemberRecord };
const MEMBER_SHEET = PT_MEMBERS.name;

/**
 * Reads PTメンバー. A selected member needs a チーム, and one person (by メール) appears
 * once per 年度, so hours and approvals can be attributed without doubt; the rows of one
 * 所属 name one 所属長メール (blank rows take the one given), so its summary has one recipient.
 */
export function readMembers(values: unknown): ReadRow<MemberRecord>[] {
  const rows = PT_MEMBERS.read(values);
  const seen = new Map<string, number>();
  const heads = new Map<string, { email: string; rowNumber: number }>();
  for (const { rowNumber, record } of rows) {
    const section = `${record.年度}|${record.所属}`;
    const head = heads.get(section);
    if (record.所属長メール !== null && head && head.email !== record.所属長メール) {
      throw new InputError(
        `${MEMBER_SHEET} ${rowNumber}行目: 所属「${record.所属}」の所属長メール「${record.所属長メール}」が${head.rowNumber}行目の「${head.email}」と異なります。同じ所属は同じ所属長メールにしてください。`,
      );
    }
    if (record.所属長メール !== null && !head) heads.set(section, { email: record.所属長メール, rowNumber });
    if (record.選考 === "選出" && record.チーム === null) {
      throw new InputError(`${MEMBER_SHEET} ${rowNumber}行目: 選出された${record.氏名}さんのチームが空です。チーム名を入力してください。`);
    }
    const key = `${record.年度}|${record.メール}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(
        `${MEMBER_SHEET} ${rowNumber}行目: メール「${record.メール}」はR${record.年度}年度の${first}行目と重複しています。1人1行にしてください。`,
      );
    }
    seen.set(key, rowNumber);
  }
  return rows;
}

/** The 所属長メール of a 年度's 所属, from whichever of its rows gives it; null when none does. */
export function sectionHead(members: readonly MemberRecord[], year: number, section: string): string | null {
  return members.find((m) => m.年度 === year && m.所属 === section && m.所属長メール !== null)?.所属長メール ?? null;
}

/** Selected members of a 年度: the only people whose PT time is counted and reported. */
export function selectedMembers(members: readonly MemberRecord[], year: number): MemberRecord[] {
  return members.filter((m) => m.年度 === year && m.選考 === "選出");
}

export type FoundMember = { member: MemberRecord } | { problem: "none" | "ambiguous" };

export interface MemberDirectory {
  /** The teams of a 年度's selected members. */
  teams(year: number): ReadonlySet<string>;
  /**
   * The selected member of a 年度 a 参加者 entry names: by メール, or by 氏名 (spaces
   * ignored) when that name is unique among the year's selected members.
   */
  find(year: number, entry: string): FoundMember;
}

/** Selected members indexed once, so checking thousands of activities does not rescan them. */
export function memberDirectory(members: readonly MemberRecord[]): MemberDirectory {
  const years = new Map<number, { teams: Set<string>; byKey: Map<string, MemberRecord[]> }>();
  for (const member of members) {
    if (member.選考 !== "選出") continue;
    const year = years.get(member.年度) ?? { teams: new Set<string>(), byKey: new Map<string, MemberRecord[]>() };
    year.teams.add(member.チーム!);
    for (const key of [member.メール, nameKey(member.氏名)]) year.byKey.set(key, [...(year.byKey.get(key) ?? []), member]);
    years.set(member.年度, year);
  }
  return {
    teams: (year) => years.get(year)?.teams ?? new Set(),
    find(year, entry) {
      const key = entry.includes("@") ? entry.toLowerCase() : nameKey(entry);
      const matches = years.get(year)?.byKey.get(key) ?? [];
      if (matches.length === 1) return { member: matches[0] };
      return { problem: matches.length === 0 ? "none" : "ambiguous" };
    },
  };
}
