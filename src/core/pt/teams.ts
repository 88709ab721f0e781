// PT: one row per team per 年度 — the theme citizens will feel, how success shows, and the section that will run it.
import { parseFiscalYear } from "../fiscal-year";
import { InputError } from "../base/sheet-table";
import { optional, readRecords, required, type RecordOf, type ReadRow } from "./fields";
import { EXPECT_TEXT, EXPECT_YEAR, expectOneOf, parseTeam, parseText, vocabulary } from "./values";

export const TEAM_SHEET = "PT";
export const TEAM_HEADERS = ["年度", "チーム", "テーマ", "目指す市民の実感（成果指標）", "事業所管課", "状態"] as const;

export const TEAM_STATES = ["準備中", "検討中", "立ち上げ", "中止"] as const;
export type TeamState = (typeof TEAM_STATES)[number];
export const parseTeamState = vocabulary<TeamState>({
  準備中: ["準備"],
  検討中: ["検討"],
  立ち上げ: ["事業の立ち上げ", "事業化", "立上げ"],
  中止: ["中断"],
});

export const TEAM_FIELDS = {
  年度: required(parseFiscalYear, EXPECT_YEAR),
  チーム: required(parseTeam, "チーム名を入力してください。"),
  // A team chooses its theme in July–August, so it may be blank until then.
  テーマ: optional(parseText, EXPECT_TEXT),
  "目指す市民の実感（成果指標）": optional(parseText, EXPECT_TEXT),
  事業所管課: optional(parseText, EXPECT_TEXT),
  状態: optional(parseTeamState, expectOneOf(TEAM_STATES)),
};

export type TeamRecord = RecordOf<typeof TEAM_FIELDS>;

/** Reads PT; a team appears once per 年度. */
export function readTeams(values: unknown): ReadRow<TeamRecord>[] {
  const rows = readRecords(values, TEAM_SHEET, TEAM_FIELDS);
  const seen = new Map<string, number>();
  for (const { rowNumber, record } of rows) {
    const key = `${record.年度}|${record.チーム}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(`${TEAM_SHEET} ${rowNumber}行目: チーム「${record.チーム}」はR${record.年度}年度の${first}行目と重複しています。1チーム1行にしてください。`);
    }
    seen.set(key, rowNumber);
  }
  return rows;
}
