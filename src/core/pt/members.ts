// PTメンバー: applicants and selected members of the 若手職員PT, one row per person per 年度.
import { parseFiscalYear } from "../fiscal-year";
import { InputError } from "../base/sheet-table";
import { optional, readRecords, required, type RecordOf, type ReadRow } from "./fields";
import { EXPECT_EMAIL, EXPECT_TEXT, EXPECT_YEAR, expectOneOf, nameKey, parseEmail, parseTeam, parseText, vocabulary } from "./values";

export const MEMBER_SHEET = "PTメンバー";
export const MEMBER_HEADERS = ["年度", "チーム", "氏名", "所属", "メール", "応募区分", "選考", "役割"] as const;

export const APPLICATION_KINDS = ["局区推薦", "自主応募"] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const parseApplicationKind = vocabulary<ApplicationKind>({ 局区推薦: ["推薦", "局推薦", "区推薦"], 自主応募: ["自主"] });

export const SELECTIONS = ["応募", "選出", "見送り"] as const;
export type Selection = (typeof SELECTIONS)[number];
const readSelection = vocabulary<Selection>({ 応募: ["応募中", "選考中"], 選出: ["選抜", "採用"], 見送り: ["見送", "不採用"] });
/** 選考: blank means the application is still being decided (応募). */
export function parseSelection(value: unknown): Selection | undefined {
  const selection = readSelection(value);
  return selection === null ? "応募" : selection;
}

export const MEMBER_FIELDS = {
  年度: required(parseFiscalYear, EXPECT_YEAR),
  チーム: optional(parseTeam, "チーム名を入力してください（選出されたメンバーは必須）。"),
  氏名: required(parseText, EXPECT_TEXT),
  所属: required(parseText, "所属（局区・課）を入力してください。"),
  メール: required(parseEmail, EXPECT_EMAIL),
  応募区分: required(parseApplicationKind, expectOneOf(APPLICATION_KINDS)),
  選考: required(parseSelection, expectOneOf(SELECTIONS)),
  役割: optional(parseText, EXPECT_TEXT),
};

export type MemberRecord = RecordOf<typeof MEMBER_FIELDS>;

/**
 * Reads PTメンバー. A selected member needs a チーム, and one person (by メール) appears
 * once per 年度, so hours and approvals can be attributed without doubt.
 */
export function readMembers(values: unknown): ReadRow<MemberRecord>[] {
  const rows = readRecords(values, MEMBER_SHEET, MEMBER_FIELDS);
  const seen = new Map<string, number>();
  for (const { rowNumber, record } of rows) {
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
