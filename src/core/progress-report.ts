// 進捗報告: the seed report's pages as of a day — status by year, follow-up
// count, the issues of each 分類, 局区 reforms, 整理区分, and what moved since
// the previous report — computed from sheet values replayed to that day.
import { DIRECTIONS, PROGRESS_CLASSES, PROGRESS_WORDING, SORTING_WORDING, isTracked, parseDirection, parseProgress, type Progress } from "./contracts/classes";
import { fiscalYearLabel, fiscalYearOfDate, parseFiscalYear } from "./base/fiscal-year";
import { ISSUES } from "./contracts/issues";
import { REPORT, isoDay } from "./contracts/report";
import { issuesAsOf } from "./replay";
import type { Block, Cell, ReportDocument, ReportSection, ReportTable } from "./report-document";
import { bureauTable, directionTable, statusTable, type Table } from "./tables";
import { FOLLOWED_WORDING, resorting, type Resorting } from "./resorting";
import { HEADLINE_WORDING, headlineSentence, yearEnds, type YearEnd } from "./year-end";
import { isDateValue } from "./base/text";
import { formatWareki } from "./wareki";
import { last } from "./order";

const UNSET = "未設定";
type Class = Progress | typeof UNSET;
const OUTSIDE = "（対象外）";

const DIRECTION_WORDING = DIRECTIONS.map((d) => SORTING_WORDING[d]);

export interface ReportInput {
  issues: unknown[][];
  history: unknown[][];
  reforms: unknown[][];
  bureaus: unknown[][];
  asOf: Date;
  /** Reiwa years to include; null for every year with follow-up issues. */
  years: number[] | null;
  /** The day of the latest earlier report sheet, to compare with. */
  previous: Date | null;
  madeAt: Date;
  madeBy: string;
  /** Sections after the seed report's four, numbered on (e.g. 「プロジェクトチームによる検討状況」, built as of the same day). */
  more?: ReportSection[];
}

export interface ListedIssue {
  id: string;
  year: string;
  title: string;
  timing: string;
  progress: Class;
}

export interface Move {
  id: string;
  title: string;
  from: string;
  to: string;
}

export interface ProgressReport {
  sheetName: string;
  asOf: string;
  years: string[];
  status: Table;
  followUp: number;
  directions: Table;
  /** The focus year's new issues in the seed's four groups (R7: 0, 3, 9, 63; 44 followed). */
  resorting: Resorting;
  /** The headline of each year ended by the day (R6: 47, R7: 77), replayed to each 31 March. */
  yearEnds: YearEnd[];
  bureaus: Table;
  comparison: { previous: string; counts: Cell[][]; moves: Move[] } | null;
  excluded: string[];
  unknown: { id: string; field: string }[];
  /** The follow-up issues of the chosen years as of the day, in sheet order. */
  issues: ListedIssue[];
  document: ReportDocument;
}

export function progressReport(input: ReportInput): ProgressReport {
  const now = snapshot(input.issues, input.history, input.asOf, input.years);
  const years = now.years.map(fiscalYearLabel);
  const focus = now.years.length > 0 ? Math.max(...now.years) : fiscalYearOfDate(input.asOf);
  const directions = directionTable(now.values, fiscalYearLabel(focus));
  const groups = resorting(now.values, fiscalYearLabel(focus));
  const bureaus = bureauTable(input.reforms, input.bureaus, fiscalYearLabel(focus));
  const before = input.previous && snapshot(input.issues, input.history, input.previous, now.years);
  const comparison = before ? compare(before, now, isoDay(input.previous as Date)) : null;
  const report = {
    sheetName: REPORT.nameFor(input.asOf),
    asOf: isoDay(input.asOf),
    years,
    status: now.status,
    followUp: now.followUp,
    directions,
    resorting: groups,
    yearEnds: yearEnds(input.issues, input.history, input.asOf),
    bureaus,
    comparison,
    excluded: now.excluded,
    unknown: now.unknown,
    issues: now.issues,
  };
  return { ...report, document: document(report, now.issues, focus, input) };
}

type Snapshot = ReturnType<typeof snapshot>;

/** The numbers and lists of one day; `years` null means every year with follow-up issues. */
function snapshot(issues: unknown[][], history: unknown[][], day: Date, yearsArg: number[] | null) {
  const replay = issuesAsOf(issues, history, day);
  // First, so a bad cell is reported in the custom functions' words; without years it spans them all.
  const status = statusTable(replay.values, yearsArg?.map(fiscalYearLabel));
  const years = yearsArg ?? status[0].slice(1, -1).map((label) => parseFiscalYear(label) as number);
  const listed = trackedIssues(replay.values).filter((i) => years.includes(i.year)).map((i) => i.issue);
  const followUp = status.slice(1, -1).filter((row) => row[0] !== "完了").reduce((n, row) => n + (last(row) as number), 0);
  return { values: replay.values, excluded: replay.excluded, unknown: replay.unknown, years, status, followUp, issues: listed };
}

/** Follow-up issues (整理区分 継続 or ⑦) in sheet order, with what the lists show. */
function trackedIssues(values: unknown[][]): { year: number; issue: ListedIssue }[] {
  const table = ISSUES.fromRows(values, ["ID", "年度", "課題名", "整理区分", "進捗分類", "実施時期"]);
  const year = ISSUES.requiredColumn(table, "年度", parseFiscalYear, "「R7」のように入力してください。");
  const direction = ISSUES.column(table, "整理区分", parseDirection, "①〜⑦・継続・年度内完了のいずれかを入力するか、空欄（未整理）にしてください。");
  const progress = ISSUES.column(table, "進捗分類", parseProgress, "「完了」「実施中」「検討中」を入力してください。");
  // A 実施時期 typed as a date is shown in 和暦, so it reads the cell rather than the record's ISO text.
  const timing = ISSUES.column(table, "実施時期", (cell) => displayText(cell), "");
  return table.rows
    .filter((row) => isTracked(direction(row)))
    .map((row) => ({
      year: year(row),
      issue: { id: row.record.ID.trim(), year: fiscalYearLabel(year(row)), title: row.record.課題名.trim(), timing: timing(row) ?? "", progress: progress(row) ?? UNSET },
    }));
}

function displayText(value: unknown): string {
  return isDateValue(value) ? formatWareki(value) : String(value ?? "").trim();
}

function compare(before: Snapshot, now: Snapshot, previous: string) {
  const total = (status: Table, label: string) => (last(status.find((row) => row[0] === label) ?? []) as number | undefined) ?? 0;
  const classes = (status: Table) => status.slice(1, -1).map((row) => String(row[0]));
  const labels = [...new Set([...classes(now.status), ...classes(before.status)])];
  const counts: Cell[][] = [...labels, "計"].map((label) => {
    const [from, to] = [total(before.status, label), total(now.status, label)];
    return [label, from, to, signed(to - from)];
  });
  const was = new Map(before.issues.map((i) => [i.id, i]));
  const is = new Map(now.issues.map((i) => [i.id, i]));
  const moves: Move[] = [];
  for (const id of new Set([...is.keys(), ...was.keys()])) {
    const [from, to] = [was.get(id)?.progress ?? OUTSIDE, is.get(id)?.progress ?? OUTSIDE];
    if (from !== to) moves.push({ id, title: (is.get(id) ?? was.get(id))?.title ?? "", from, to });
  }
  return { previous, counts, moves };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0";
}

/** "令和7年度" (the first year written 元). */
export function reiwaYear(year: number): string {
  return `令和${year === 1 ? "元" : year}年度`;
}

function clock(instant: Date): string {
  const shifted = new Date(instant.getTime() + 9 * 60 * 60 * 1000);
  return `${shifted.getUTCHours()}:${String(shifted.getUTCMinutes()).padStart(2, "0")}`;
}

type ReportFacts = Omit<ProgressReport, "document" | "issues">;

function document(report: ReportFacts, issues: ListedIssue[], focus: number, input: ReportInput): ReportDocument {
  const notes = [
    `作成: ${formatWareki(input.madeAt)} ${clock(input.madeAt)}　${input.madeBy || "（利用者不明）"}`,
    `対象年度: ${report.years.join("・") || "なし"}`,
    "進捗分類・実施時期・整理区分は、履歴をもとに基準日の終わり（24時）の時点に戻して集計しています。",
  ];
  if (report.excluded.length > 0) notes.push(`基準日より後に追加された課題（${report.excluded.length}件）は含めていません。`);
  if (report.unknown.length > 0) {
    notes.push(`次の値は基準日時点の値が履歴から分からないため、現在の値で集計しました: ${report.unknown.map((u) => `${u.id}（${u.field}）`).join("、")}`);
  }
  return {
    title: "プラチナ市役所プロジェクト 進捗報告",
    subtitle: `${formatWareki(input.asOf)}時点`,
    notes,
    sections: [
      { heading: "1 継続検討課題の状況（市政変革推進室が進捗を確認するもの）", blocks: [...yearEndBlocks(report.yearEnds), ...statusBlocks(report, issues)] },
      {
        heading: `2 各局区の自主改革の取組状況（${reiwaYear(focus)}）`,
        blocks: [{ table: bureauBlock(report.bureaus) }],
      },
      { heading: `3 課題の整理状況（${reiwaYear(focus)}）`, blocks: [{ table: directionBlock(report.directions) }, ...resortingBlocks(report.resorting)] },
      comparisonSection(report.comparison, input.previous),
      ...(input.more ?? []).map((section, i) => ({ ...section, heading: `${5 + i} ${section.heading}` })),
    ],
  };
}

function statusBlocks(report: ReportFacts, issues: ListedIssue[]): Block[] {
  const classes: Class[] = [...PROGRESS_CLASSES];
  if (issues.some((i) => i.progress === UNSET)) classes.push(UNSET);
  return [
    { table: { caption: "年度別の進捗分類（件）", header: ["進捗分類", ...report.status[0].slice(1).map(String)], rows: report.status.slice(1), chart: "年度別の進捗分類" } },
    { text: `進捗確認課題数（完了していないもの）: ${report.followUp}件` },
    ...classes.map((cls): Block => {
      const listed = issues.filter((i) => i.progress === cls);
      const wording = cls === UNSET ? "進捗分類が未設定" : PROGRESS_WORDING[cls];
      return { table: { caption: `${wording}（${listed.length}件）`, header: ["ID", "年度", "課題名", "実施時期"], rows: listed.map((i) => [i.id, i.year, i.title, i.timing]) } };
    }),
  ];
}

/** The seed's 局区 table: three pairs of columns, 「—」 for a 局区 without reforms. */
export function bureauBlock(table: Table): ReportTable {
  return { caption: "局区別の取組件数", header: table[0].map(String), rows: table.slice(1).map(([name, n]) => [name, n === 0 ? "—" : n]), fold: 3 };
}

/** The seed's year-end headlines: a sentence per year in its wording, then the numbers as a table (short labels: column A stays narrow). */
export function yearEndBlocks(ends: YearEnd[]): Block[] {
  if (ends.length === 0) return [];
  const classes = (Object.keys(HEADLINE_WORDING) as (keyof typeof HEADLINE_WORDING)[]).filter((cls) => cls !== "未設定" || ends.some((e) => e.counts[cls]));
  const sentence = (end: YearEnd) =>
    `${reiwaYear(end.year)}: ${headlineSentence(end)}（${classes.map((cls) => `${HEADLINE_WORDING[cls]} ${end.counts[cls] ?? 0}件`).join("、")}）`;
  return [
    ...ends.map((end): Block => ({ text: sentence(end) })),
    {
      table: {
        caption: "年度末の状況（制度所管局による解決策の検討、件）",
        header: ["年度", "検討した課題数", "うち前年度からの継続", ...classes],
        rows: ends.map((e) => [fiscalYearLabel(e.year), e.total, e.carried, ...classes.map((cls) => e.counts[cls] ?? 0)]),
      },
    },
  ];
}

/** The seed's 「○PTで課題の検討を継続するもの(0件)」 list and its conclusion. */
export function resortingBlocks(groups: Resorting): Block[] {
  return [
    {
      table: {
        caption: "課題の再整理状況（方向性ごと、件）",
        // The wording in column C, where 課題名 makes the sheet wide anyway.
        header: ["整理区分", "件数", "方向性"],
        rows: [["①〜⑦", groups.initial, "当初の課題件数"], ...groups.groups.map((g) => [g.directions, g.count, g.wording]), ["⑦", groups.followed, FOLLOWED_WORDING]],
      },
    },
    { text: `上記の再整理を行った結果、「制度所管局において解決策を検討し、その進捗を追うべき課題」は${groups.followed}件となった。` },
  ];
}

export function directionBlock(table: Table): ReportTable {
  const total = table[table.length - 1];
  return {
    caption: "整理区分 × 区分（件）",
    header: ["整理区分", ...table[0].slice(1).map(String), "方向性の整理の結果"],
    rows: [["当初の課題件数", ...total.slice(1), ""], ...table.slice(1, -1).map((row, i) => [...row, DIRECTION_WORDING[i]])],
  };
}

/** What moved since the previous report (or X会議: `since` names it). */
export function comparisonSection(comparison: ProgressReport["comparison"], previous: Date | null, since = "前回報告"): ReportSection {
  if (!comparison || !previous) return { heading: `4 ${since}からの変化`, blocks: [{ text: "これより前の日付の報告シートがないため、比較していません。" }] };
  const { counts, moves } = comparison;
  const blocks: Block[] = [{ table: { caption: "分類別の件数（前回 → 今回）", header: ["進捗分類", "前回", "今回", "増減"], rows: counts } }];
  blocks.push(
    moves.length > 0
      ? { table: { caption: `分類が変わった課題（${moves.length}件）`, header: ["ID", "課題名", "前回", "今回"], rows: moves.map((m) => [m.id, m.title, m.from, m.to]) } }
      : { text: "分類が変わった課題はありません。" },
  );
  return { heading: `4 ${since}（${formatWareki(previous)}）からの変化`, blocks };
}
