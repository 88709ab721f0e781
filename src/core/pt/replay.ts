// The PT sheets as they stood at the end of a past day, for the progress report:
// the fields members edit from the sidebar — PT's テーマ, 状態 …, PT工程's 完了日, 状態,
// メモ — go back to the 変更前 of their earliest 履歴 change after that day, as 課題
// does. Rows are found in 履歴 by their key (keys.ts). Direct edits of these sheets
// are not logged, so they stand as they are now; so do members. Activities carry
// their own day (日付) and count when it is on or before the report day.
import { HISTORY } from "../contracts/history";
import { PT_STEPS } from "../contracts/pt-steps";
import { PT_TEAMS } from "../contracts/pt-teams";
import { dayOf } from "../contracts/pt-values";
import type { TypedContract, Fields } from "../contracts/typed";
import type { ReportSection } from "../report-document";
import { endOfTokyoDay, parseInstant } from "../replay";
import { normalizeText } from "../base/text";
import { readActivities } from "./activities";
import { stepKey, teamKey } from "./keys";
import { readMembers } from "./members";
import { ptReportSection, ptStatus } from "./report-section";
import { readSteps } from "./steps";
import { readTeams } from "./teams";

const REPLAY_NOTE = "テーマ・状態・工程は、履歴をもとに基準日の終わり（24時）の時点に戻しています。活動は行った日（日付）で数えています。";

/** The four PT sheets' values, header row first. */
export interface PtSheets {
  members: unknown[][];
  teams: unknown[][];
  steps: unknown[][];
  activities: unknown[][];
}

/** 「プロジェクトチームによる検討状況」 as of the end of `asOf` (Tokyo), replayed from 履歴. */
export function ptSectionAsOf(sheets: PtSheets, history: unknown[][], asOf: Date): ReportSection {
  const end = endOfTokyoDay(asOf);
  const changes = changesByKey(history);
  const members = readMembers(sheets.members).map((r) => r.record);
  const teams = readTeams(sheetAsOf(PT_TEAMS, sheets.teams, (r) => teamKey(r.年度 as number, r.チーム as string), changes, end)).map((r) => r.record);
  const steps = readSteps(sheetAsOf(PT_STEPS, sheets.steps, (r) => stepKey(r.年度 as number, r.チーム as string, r.工程 as string), changes, end)).map((r) => r.record);
  const activities = readActivities(sheets.activities, members);
  const section = ptReportSection(ptStatus({ members, teams, steps, activities, asOf: dayOf(asOf) }));
  const [first, ...rest] = section.blocks;
  return { ...section, blocks: [first, { text: REPLAY_NOTE }, ...rest] };
}

interface Change {
  at: number;
  before: unknown;
}

/** The values with each editable cell changed after `end` put back to its 変更前; rows are found by their key. */
function sheetAsOf<F extends Fields>(
  contract: TypedContract<F>,
  values: unknown[][],
  keyOf: (record: Record<string, unknown>) => string,
  changes: Map<string, Change[]>,
  end: number,
): unknown[][] {
  if (values.length === 0) return values;
  const columns = contract.fromRows(values, []);
  const edited = contract.fieldsWith("editable");
  const replayed = values.map((row) => [...row]);
  for (const { rowNumber, record } of contract.read(values)) {
    const key = keyOf(record);
    for (const field of edited) {
      const col = columns.indexOf(field);
      const next = changes.get(`${key}|${field}`)?.find((c) => c.at >= end);
      if (col !== undefined && next) replayed[rowNumber - 1][col] = next.before;
    }
  }
  return replayed;
}

/** 履歴 rows of PT rows by key and field, oldest first. */
function changesByKey(history: unknown[][]): Map<string, Change[]> {
  const byKey = new Map<string, Change[]>();
  if (history.length === 0) return byKey;
  const table = HISTORY.fromRows(history);
  const at = HISTORY.requiredColumn(table, "日時", parseInstant, "日時は日付と時刻で入力してください。");
  for (const row of table.rows) {
    const id = normalizeText(row.record.ID);
    if (!id.startsWith(`${PT_TEAMS.name}:`) && !id.startsWith(`${PT_STEPS.name}:`)) continue;
    const key = `${id}|${normalizeText(row.record.項目)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), { at: at(row), before: row.record.変更前 }]);
  }
  for (const list of byKey.values()) list.sort((a, b) => a.at - b.at);
  return byKey;
}
