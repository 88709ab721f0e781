// 初期設定 for the PT sheets: creates PTメンバー, PT, PT工程, PT活動 and 会議 with their
// dropdowns, writes the seed's three X会議, and gives every team in PT the seed's
// milestones when it has none yet — never changing a row that is there.
import { currentYear } from "../../gas/settings";
import { MEETINGS } from "../../core/contracts/meetings";
import type { SheetContract, Specs } from "../../core/contracts/contract";
import { PT_ACTIVITIES, ACTIVITY_KINDS } from "../../core/contracts/pt-activities";
import { APPLICATION_KINDS, PT_MEMBERS, SELECTIONS } from "../../core/contracts/pt-members";
import { PT_STEPS, STEP_STATES } from "../../core/contracts/pt-steps";
import { PT_TEAMS, TEAM_STATES } from "../../core/contracts/pt-teams";
import { dayToDate } from "../../core/contracts/pt-values";
import { quoteSheetName } from "../../core/base/a1";
import { seedMeetings } from "../../core/pt/meetings";
import { readSteps, seedSteps } from "../../core/pt/steps";
import { readTeams } from "../../core/pt/teams";
import { InputError } from "../../core/base/sheet-table";
import { ensureListValidation, ensureRangeValidation } from "../../gas/sheet-format";
import { requireSheetNamed } from "../../gas/spreadsheet";
import { appendRows, requireRecords } from "../../gas/table";

export type EnsureSheet = <S extends Specs>(contract: SheetContract<S>, rows: unknown[][]) => void;

/** `ensureSheet` is 初期設定's (creates a sheet with rows, or completes its headers); `years` the 年度 choices. */
export function preparePtSheets(changes: string[], ensureSheet: EnsureSheet, years: string[]): void {
  const reiwa = currentYear();
  ensureSheet(PT_MEMBERS, []);
  ensureSheet(PT_TEAMS, []);
  ensureSheet(PT_STEPS, []);
  ensureSheet(PT_ACTIVITIES, []);
  ensureSheet(MEETINGS, seedMeetings(reiwa).map((m) => MEETINGS.toRow({ 回: `第${m.回}回`, 日付: dayToDate(m.日付), 名称: m.名称 })));
  const note = (done: boolean, message: string) => done && changes.push(message);
  const list = (contract: { name: string }, header: string, values: readonly string[], help: string, allowInvalid = false) =>
    note(
      ensureListValidation(requireSheetNamed(contract.name), header, [...values], help, allowInvalid),
      `${contract.name}の「${header}」に選択肢（${values.join("・")}）を設定しました`,
    );
  const teams = `${quoteSheetName(PT_TEAMS.name)}!B2:B`;
  const teamList = (contract: { name: string }) =>
    note(
      ensureRangeValidation(requireSheetNamed(contract.name), "チーム", teams, "PTシートのチーム名から選んでください。"),
      `${contract.name}の「チーム」にPTシートのチーム名の選択肢を設定しました`,
    );
  for (const contract of [PT_MEMBERS, PT_TEAMS, PT_STEPS]) list(contract, "年度", years, "年度は「R8」のように選んでください。", true);
  list(PT_MEMBERS, "応募区分", APPLICATION_KINDS, "局区推薦または自主応募");
  list(PT_MEMBERS, "選考", SELECTIONS, "選出されたメンバーだけがPT活動の参加者になれます。空欄は「応募」です。");
  list(PT_TEAMS, "状態", TEAM_STATES, "テーマの検討の状態");
  list(PT_STEPS, "状態", STEP_STATES, "完了にするときは完了日も入力してください。");
  list(PT_ACTIVITIES, "種別", ACTIVITY_KINDS, "協議・視察・ヒアリングは相手先も入力してください。");
  for (const contract of [PT_MEMBERS, PT_STEPS, PT_ACTIVITIES]) teamList(contract);
  seedMissingSteps(changes);
}

/** Teams in PT without any milestone of their 年度 get the seed's calendar, appended under PT工程's own header row. */
function seedMissingSteps(changes: string[]): void {
  const teams = requireRecords(PT_TEAMS, []);
  const steps = requireRecords(PT_STEPS, []);
  try {
    const planned = new Set(readSteps(steps.values).map(({ record }) => `${record.年度}|${record.チーム}`));
    const missing = readTeams(teams.values).map((r) => r.record).filter((t) => !planned.has(`${t.年度}|${t.チーム}`));
    const rows = missing.flatMap((t) => seedSteps(t.年度, [t.チーム]));
    if (rows.length === 0) return;
    appendRows(steps.sheet, rows.map((s) => PT_STEPS.toRow({ ...s, 年度: `R${s.年度}`, 予定: dayToDate(s.予定), 完了日: "", 状態: s.状態 }, steps.values[0])));
    changes.push(`PT工程に報告資料のスケジュール（${missing.map((t) => `R${t.年度} ${t.チーム}`).join("・")}、${rows.length}行）を追加しました`);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    changes.push(`PT・PT工程を読めないため、工程の追加を見送りました（${error.message}）`);
  }
}
