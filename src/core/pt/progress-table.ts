// PLATINA_PT_TABLE: teams × milestones of the fiscal year containing the as-of day,
// each cell 完了 / 遅れ / 予定 as it stood at the end of that day.
import { readSteps, type StepRecord } from "./steps";
import { asOfArgument, fiscalYearOfDay, type Day } from "../contracts/pt-values";

export type StepMark = "完了" | "遅れ" | "予定";

/**
 * A milestone as of a day: 完了 when done on or before it, 遅れ when not done and
 * due before it (the due day itself is not late yet), otherwise 予定.
 */
export function stepMark(step: Pick<StepRecord, "予定" | "完了日">, asOf: Day): StepMark {
  if (step.完了日 !== null && step.完了日 <= asOf) return "完了";
  return step.予定 < asOf ? "遅れ" : "予定";
}

/**
 * The table: header row チーム + milestones (in the order they first appear in PT工程),
 * one row per team of the as-of day's fiscal year; "" where a team lacks a milestone.
 */
export function ptProgressTable(steps: unknown, asOfArg: unknown): (string | number)[][] {
  const asOf = asOfArgument(asOfArg);
  const year = fiscalYearOfDay(asOf);
  const rows = readSteps(steps).map((r) => r.record).filter((s) => s.年度 === year);
  if (rows.length === 0) return [[`R${year}年度のPT工程はまだありません。`]];
  const names = [...new Set(rows.map((s) => s.工程))];
  const teams = [...new Set(rows.map((s) => s.チーム))];
  const table: (string | number)[][] = [["チーム", ...names]];
  for (const team of teams) {
    table.push([team, ...names.map((name) => {
      const step = rows.find((s) => s.チーム === team && s.工程 === name);
      return step ? stepMark(step, asOf) : "";
    })]);
  }
  return table;
}
