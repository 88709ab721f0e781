// The roadmap: teams × months of the fiscal year (April–March), each cell the
// milestones due that month with their mark as of the report day. Rendered as a
// plain HTML table, so screen readers and print read it without a chart.
import { escapeHtml } from "../base/text";
import { stepMark, type StepMark } from "./progress-table";
import type { StepRecord } from "./steps";
import type { Day } from "../contracts/pt-values";

/** Months in fiscal-year order. */
export const FISCAL_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3] as const;

export interface RoadmapEntry {
  工程: string;
  予定: Day;
  mark: StepMark;
}

export interface RoadmapRow {
  チーム: string;
  /** One list per month of FISCAL_MONTHS. */
  months: RoadmapEntry[][];
}

export interface Roadmap {
  year: number;
  asOf: Day;
  rows: RoadmapRow[];
}

/** The roadmap of one fiscal year's steps, teams in the order given. */
export function roadmap(steps: readonly StepRecord[], teams: readonly string[], year: number, asOf: Day): Roadmap {
  const rows = teams.map((team) => {
    const months: RoadmapEntry[][] = FISCAL_MONTHS.map(() => []);
    const own = steps.filter((s) => s.年度 === year && s.チーム === team).sort((a, b) => (a.予定 < b.予定 ? -1 : a.予定 > b.予定 ? 1 : 0));
    for (const step of own) {
      const index = FISCAL_MONTHS.indexOf(Number(step.予定.slice(5, 7)) as (typeof FISCAL_MONTHS)[number]);
      months[index].push({ 工程: step.工程, 予定: step.予定, mark: stepMark(step, asOf) });
    }
    return { チーム: team, months };
  });
  return { year, asOf, rows };
}

/** A cell's text: each milestone with its mark, so the state never rests on colour alone. */
export function roadmapCellText(entries: readonly RoadmapEntry[]): string {
  return entries.map((e) => `${e.工程}（${e.mark}）`).join("、");
}

const MARK_CLASS: Record<StepMark, string> = { 完了: "done", 遅れ: "late", 予定: "planned" };

/** The roadmap as an accessible table: caption, column and row headers, every value escaped. */
export function roadmapHtml(map: Roadmap): string {
  const [, month, day] = map.asOf.split("-").map(Number);
  const head = FISCAL_MONTHS.map((m) => `<th scope="col">${m}月</th>`).join("");
  const body = map.rows.map((row) => {
    const cells = row.months.map((entries) => {
      if (entries.length === 0) return "<td></td>";
      const items = entries.map((e) => `<li class="${MARK_CLASS[e.mark]}">${escapeHtml(e.工程)}（${escapeHtml(e.mark)}）</li>`).join("");
      return `<td><ul>${items}</ul></td>`;
    });
    return `<tr><th scope="row">${escapeHtml(row.チーム)}</th>${cells.join("")}</tr>`;
  });
  const empty = map.rows.length === 0 ? `<tr><td colspan="${FISCAL_MONTHS.length + 1}">チームがまだありません。</td></tr>` : "";
  return [
    `<table class="pt-roadmap"><caption>令和${map.year}年度 PTの工程（予定月、${month}月${day}日時点）</caption>`,
    `<thead><tr><th scope="col">チーム</th>${head}</tr></thead>`,
    `<tbody>${body.join("\n")}${empty}</tbody></table>`,
  ].join("\n");
}
