// PT工程: each team's milestones with a due day (予定) and the day they were done (完了日).
import { PT_STEPS, type StepState } from "../contracts/pt-steps";
import type { Day } from "../contracts/pt-values";
import type { ParsedRecord, ReadRow } from "../contracts/typed";
import { InputError } from "../base/sheet-table";
import { seedMeetings } from "./meetings";

const STEP_SHEET = PT_STEPS.name;

type StepRow = ParsedRecord<typeof PT_STEPS.fields>;
/** A step as read: 状態 always set (a 完了日 means 完了; otherwise blank means 未着手). */
export type StepRecord = Omit<StepRow, "状態"> & { 状態: StepState };

/**
 * Reads PT工程. 完了日 and 状態 must agree: a 完了日 with 状態 未着手/進行中, or 完了
 * without a 完了日 (the table could not tell when it was done), is an error; so is a
 * milestone listed twice for one team and 年度.
 */
export function readSteps(values: unknown): ReadRow<StepRecord>[] {
  const rows = PT_STEPS.read(values);
  const seen = new Map<string, number>();
  return rows.map(({ rowNumber, record }) => {
    const where = `${STEP_SHEET} ${rowNumber}行目（${record.チーム}・${record.工程}）`;
    const key = `${record.年度}|${record.チーム}|${record.工程}`;
    const first = seen.get(key);
    if (first !== undefined) throw new InputError(`${where}: この工程は${first}行目と重複しています。1つの行にまとめてください。`);
    seen.set(key, rowNumber);
    if (record.完了日 !== null && record.状態 !== null && record.状態 !== "完了") {
      throw new InputError(`${where}: 完了日「${record.完了日}」がありますが状態が「${record.状態}」です。状態を「完了」にするか、完了日を消してください。`);
    }
    if (record.完了日 === null && record.状態 === "完了") {
      throw new InputError(`${where}: 状態が「完了」ですが完了日が空です。完了した日を入力してください。`);
    }
    const state: StepState = record.完了日 !== null ? "完了" : (record.状態 ?? "未着手");
    return { rowNumber, record: { ...record, 状態: state } };
  });
}

/** A milestone of the seed's R8 calendar: its name and when it is due within the fiscal year. */
export interface SeedStep {
  工程: string;
  /** The seed's wording of when, shown as メモ. */
  時期: string;
  due(fiscalStartYear: number): Day;
}

const endOfMonth = (year: number, month: number): Day =>
  `${year}-${String(month).padStart(2, "0")}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}`;

/** The seed's PT calendar (令和8年度のスケジュール), in its order; each is due at the end of its period. */
export const SEED_STEPS: readonly SeedStep[] = [
  { 工程: "メンバー募集", 時期: "5月", due: (y) => endOfMonth(y, 5) },
  { 工程: "キックオフ", 時期: "6月", due: (y) => endOfMonth(y, 6) },
  { 工程: "テーマの検討・事業所管課との協議", 時期: "7〜8月", due: (y) => endOfMonth(y, 8) },
  { 工程: "民間企業・他都市等への視察・ヒアリング", 時期: "9月", due: (y) => endOfMonth(y, 9) },
  { 工程: "事業の立ち上げロードマップの策定", 時期: "10〜11月", due: (y) => endOfMonth(y, 11) },
  {
    工程: "第3回X会議で検討状況報告",
    時期: "11月下旬",
    due: (y) => seedMeetings(y - 2018).find((m) => m.回 === 3)!.日付,
  },
  // 12月以降: the launch runs to the end of the fiscal year.
  { 工程: "事業の立ち上げ", 時期: "12月以降", due: (y) => endOfMonth(y + 1, 3) },
];

/** PT工程 rows 初期設定 fills in for each team of a fiscal year (令和 number). */
export function seedSteps(reiwaYear: number, teams: readonly string[]): StepRecord[] {
  const startYear = reiwaYear + 2018;
  return teams.flatMap((team) =>
    SEED_STEPS.map((step) => ({
      年度: reiwaYear,
      チーム: team,
      工程: step.工程,
      予定: step.due(startYear),
      完了日: null,
      状態: "未着手" as const,
      メモ: `報告資料のスケジュール: ${step.時期}`,
      最終更新日: null,
      最終更新者: null,
    })),
  );
}
