// The X会議 pack: the material for one X会議, built from the data as of the
// meeting's 報告の基準日 (never later than today) with the progress report's
// replay and tables — the follow-up table with its 具体例, the 局区 table with
// the year's good practices, the 整理区分 table, what moved since the previous
// X会議 and the PT's progress and next steps. One ReportDocument, so the
// printable page and the file show the same numbers.
import { PROGRESS_CLASSES, PROGRESS_WORDING } from "../contracts/classes";
import { parseFiscalYear } from "../base/fiscal-year";
import { InputError } from "../base/sheet-table";
import { MEETINGS, type MeetingRecord } from "../contracts/meetings";
import { dayOf, dayToDate, fiscalYearOfDay, parseDay, type Day } from "../contracts/pt-values";
import { normalizeText } from "../base/text";
import { goodExamples } from "../platina-report";
import { bureauBlock, comparisonSection, directionBlock, progressReport, reiwaYear, resortingBlocks, yearEndBlocks, type ProgressReport } from "../progress-report";
import type { Block, ReportDocument, ReportSection } from "../report-document";
import { reportDay } from "../pt/meetings";
import { formatWareki } from "../wareki";
import { last } from "../order";
import { exampleText, selectExamples, type ExampleSelection, type StoredExample } from "./examples";

export interface MeetingPackInput {
  issues: unknown[][];
  history: unknown[][];
  reforms: unknown[][];
  bureaus: unknown[][];
  meetings: readonly MeetingRecord[];
  meeting: MeetingRecord;
  /** X会議具体例 rows of this meeting. */
  stored: readonly StoredExample[];
  /** The PT page as of a day (null when the workbook has no PT sheets). */
  pt: ((asOf: Date) => ReportSection) | null;
  today: Date;
  madeAt: Date;
  madeBy: string;
}

export interface MeetingPack {
  meeting: { name: string; day: Day };
  /** The X会議 before it on 会議; with none, the end of the previous fiscal year (named 「前年度末」). */
  previous: { name: string; day: Day; asOf: Day };
  /** The day the numbers are as of: the meeting's 報告の基準日, or today when that is still ahead. */
  asOf: Day;
  /** 「X会議資料_2026-08-26」: the file's name. */
  fileName: string;
  report: Omit<ProgressReport, "document">;
  examples: ExampleSelection;
  goodPractices: { bureau: string; name: string }[];
  document: ReportDocument;
}

const PACK_PREFIX = "X会議資料_";
const YEAR_END = "前年度末";

/**
 * The meeting asked for — its 日付 (「2026-08-26」) or its 名称 when only one meeting has it —
 * or, when not asked, the next one from today on (the latest one when all are past).
 */
export function chooseMeeting(meetings: readonly MeetingRecord[], wanted: unknown, today: Day): MeetingRecord {
  const sorted = [...meetings].sort((a, b) => (a.日付 < b.日付 ? -1 : a.日付 > b.日付 ? 1 : 0));
  if (sorted.length === 0) {
    throw new InputError(`${MEETINGS.name}シートにX会議がありません。「回」「日付」「名称」を入力してから、もう一度実行してください。`);
  }
  const text = normalizeText(wanted);
  if (text === "") return sorted.find((m) => m.日付 >= today) ?? last(sorted)!;
  const day = parseDay(text);
  const byDay = day ? sorted.filter((m) => m.日付 === day) : [];
  const found = byDay.length > 0 ? byDay : sorted.filter((m) => normalizeText(m.名称) === text);
  if (found.length === 1) return found[0];
  const list = sorted.map((m) => `${m.名称}（${m.日付}）`).join("、");
  if (found.length > 1) throw new InputError(`「${text}」のX会議が${found.length}件あります。日付（例: ${found[0].日付}）で指定してください。${MEETINGS.name}シートの会議: ${list}`);
  throw new InputError(`X会議「${text}」は${MEETINGS.name}シートにありません。日付（例: 2026-08-26）か名称で指定してください。${MEETINGS.name}シートの会議: ${list}`);
}

export function meetingPackFileName(meeting: MeetingRecord): string {
  return `${PACK_PREFIX}${meeting.日付}`;
}

export function meetingPack(input: MeetingPackInput): MeetingPack {
  const { meeting } = input;
  const today = dayOf(input.today);
  const asOf = minDay(reportDay(meeting), today);
  const before = [...input.meetings].filter((m) => m.日付 < meeting.日付).sort((a, b) => (a.日付 < b.日付 ? -1 : 1));
  const prior = last(before);
  // Without an earlier X会議 on 会議 (the year's first), what changed since the previous fiscal year ended.
  const yearEnd = `${fiscalYearOfDay(meeting.日付) + 2018}-03-31`;
  const previous = prior
    ? { name: prior.名称, day: prior.日付, asOf: minDay(reportDay(prior), asOf) }
    : { name: YEAR_END, day: yearEnd, asOf: minDay(yearEnd, asOf) };
  const since = prior ? `前回のX会議（${prior.名称}）` : `${YEAR_END}（${formatWareki(dayToDate(yearEnd))}）`;
  const asOfDate = dayToDate(asOf);
  const { document: base, ...report } = progressReport({
    issues: input.issues,
    history: input.history,
    reforms: input.reforms,
    bureaus: input.bureaus,
    asOf: asOfDate,
    years: null,
    previous: dayToDate(previous.asOf),
    madeAt: input.madeAt,
    madeBy: input.madeBy,
  });
  const changed = new Set((report.comparison?.moves ?? []).map((m) => m.id));
  const examples = selectExamples({ issues: report.issues, changed, stored: input.stored, since });
  const focus = parseFiscalYear(last(report.years)) ?? null;
  const goodPractices = focus ? goodExamples(input.reforms, focus).map(({ bureau, name }) => ({ bureau, name })) : [];
  const facts = { meeting: { name: meeting.名称, day: meeting.日付 }, previous, asOf };
  const pt = input.pt?.(asOfDate);
  const sections: ReportSection[] = [
    { heading: "1 継続検討課題の状況（市政変革推進室が進捗を確認するもの）", blocks: followUpBlocks(report, examples) },
    {
      heading: `2 各局区の自主改革の取組状況${focus ? `（${reiwaYear(focus)}）` : ""}`,
      blocks: [{ table: bureauBlock(report.bureaus) }, goodPracticeBlock(goodPractices, focus)],
    },
    { heading: `3 課題の整理状況${focus ? `（${reiwaYear(focus)}）` : ""}`, blocks: [{ table: directionBlock(report.directions) }, ...resortingBlocks(report.resorting)] },
    comparisonSection(report.comparison, dayToDate(previous.asOf), prior ? `前回のX会議（${prior.名称}）の基準日` : YEAR_END),
    ...(pt ? [{ ...pt, heading: `5 ${pt.heading}` }] : []),
  ];
  const document: ReportDocument = {
    title: `プラチナ市役所プロジェクト ${meeting.名称} 資料`,
    subtitle: `${formatWareki(dayToDate(meeting.日付))}開催（${formatWareki(asOfDate)}時点）`,
    notes: [...base.notes, ...examples.notes],
    sections,
  };
  return { ...facts, fileName: meetingPackFileName(meeting), report, examples, goodPractices, document };
}

function minDay(a: Day, b: Day): Day {
  return a < b ? a : b;
}

/** The year-end headlines, the counts by year, and the seed's 「課題解決の分類 / R6 / R7 / 具体例」 table. */
function followUpBlocks(report: MeetingPack["report"], examples: ExampleSelection): Block[] {
  const years = report.status[0].slice(1, -1).map(String);
  const row = (label: string) => report.status.find((r) => r[0] === label);
  return [
    ...yearEndBlocks(report.yearEnds),
    { table: { caption: "年度別の進捗分類（件）", header: ["進捗分類", ...report.status[0].slice(1).map(String)], rows: report.status.slice(1), chart: "年度別の進捗分類" } },
    { text: `進捗確認課題数（完了していないもの）: ${report.followUp}件` },
    {
      table: {
        caption: "課題解決の分類と具体例",
        header: ["課題解決の分類", ...years, "計", "具体例"],
        // The seed's first row: the follow-up issues of each year (its 33 and 44), then each class.
        rows: [
          ["当初課題件数", ...(row("計")?.slice(1) ?? []), ""],
          ...PROGRESS_CLASSES.map((cls) => [
            PROGRESS_WORDING[cls],
            ...(row(cls)?.slice(1) ?? years.map(() => 0).concat(0)),
            examples.byClass[cls].map((e) => `・${exampleText(e.issue)}`).join("\n") || "（該当する課題はありません）",
          ]),
        ],
      },
    },
  ];
}

function goodPracticeBlock(practices: MeetingPack["goodPractices"], focus: number | null): Block {
  if (practices.length === 0) return { text: `${focus ? reiwaYear(focus) : "この年度"}の好事例は、局区改革シートでまだ選ばれていません（「好事例」の列にチェック）。` };
  return { table: { caption: `各局区の主な取組（好事例 ${practices.length}件）`, header: ["局区名", "取組名"], rows: practices.map((p) => [p.bureau, p.name]) } };
}

