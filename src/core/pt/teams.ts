// PT: one row per team per 年度 — the theme citizens will feel, how success shows, and the section that will run it.
import { PT_TEAMS, type TeamRecord } from "../contracts/pt-teams";
import type { ReadRow } from "../contracts/typed";
import { InputError } from "../base/sheet-table";

export type { TeamRecord };
const TEAM_SHEET = PT_TEAMS.name;

/** Reads PT; a team appears once per 年度. */
export function readTeams(values: unknown): ReadRow<TeamRecord>[] {
  const rows = PT_TEAMS.read(values);
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
