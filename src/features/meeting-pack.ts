// X会議資料を作成: the material for one X会議 (default: the next one) from the data —
// as a printable page (A4 landscape, the report's print page) and, when asked, as
// a new spreadsheet file (Apps Script: a Google Sheets file in My Drive; the local
// runtime: an .xlsx beside the workbook). The 具体例 chosen are kept in
// X会議具体例, where the secretariat swaps one by typing another ID.
import { PROGRESS_CLASSES, type Progress } from "../core/contracts/classes";
import { BUREAUS } from "../core/contracts/bureaus";
import { HISTORY } from "../core/contracts/history";
import { ISSUES } from "../core/contracts/issues";
import { MEETINGS } from "../core/contracts/meetings";
import { MEETING_EXAMPLES } from "../core/contracts/meeting-examples";
import { REFORMS } from "../core/contracts/reforms";
import { InputError } from "../core/contracts/contract";
import { dayOf, dayToDate } from "../core/contracts/pt-values";
import { exampleText, type StoredExample } from "../core/meeting-pack/examples";
import { chooseMeeting, meetingPack, type MeetingPack } from "../core/meeting-pack/pack";
import { readMeetings } from "../core/pt/meetings";
import { ptSectionAsOf } from "../core/pt/replay";
import { reportHtml } from "../core/report-html";
import type { Table } from "../core/tables";
import { formatWareki } from "../core/wareki";
import { withWriteLock } from "../gas/lock";
import { createSpreadsheetFile } from "../gas/new-file";
import { templatePage } from "../gas/pages";
import { activeUserEmail, effectiveUserEmail } from "../gas/session";
import { appendRecords, ensureRecords, readRecords, requireRecords } from "../gas/table";
import { tell, uiOrNull } from "../gas/ui";
import { refuse, type Refusal } from "../core/outcome";
import { ptSheets } from "./progress-report";
import { writeDocument } from "./report-sheet";

export interface MeetingPackOptions {
  /** The X会議: its 日付 ("2026-08-26") or its 名称; the next one from today when omitted. */
  meeting?: string;
  /** Also make the file: a new Google Sheets file (the local runtime: an .xlsx). */
  file?: boolean;
}

export interface MeetingPackResult {
  ok: true;
  meeting: MeetingPack["meeting"];
  previous: MeetingPack["previous"];
  asOf: string;
  /** The headlines of each year ended by then (the seed's 47: 14/14/19 and 77: 43/11/23). */
  yearEnds: MeetingPack["report"]["yearEnds"];
  status: Table;
  followUp: number;
  bureaus: Table;
  directions: Table;
  /** The year's re-sorting groups (R7: 0, 3, 9, 63; 44 followed). */
  resorting: MeetingPack["report"]["resorting"];
  examples: Record<Progress, { slot: number; id: string; text: string; changed: boolean }[]>;
  goodPractices: MeetingPack["goodPractices"];
  notes: string[];
  /** 具体例 written to X会議具体例 by this run (the first build for the meeting). */
  storedExamples: number;
  file: { name: string; id: string; url: string } | null;
  message: string;
}

/** The sheet of the file: the pack as one sheet, laid out as the 報告_ sheets. */
const FILE_SHEET = "X会議資料";

const CAPTION = "X会議資料を作成";

/** The pack, or — when a sheet cannot be read or the meeting is not there — why, with nothing written or made. */
export function buildMeetingPack(options?: MeetingPackOptions): MeetingPackResult | Refusal<"invalid"> {
  const ui = uiOrNull();
  const fromMenu = ui !== null && !(options && typeof options === "object" && ("meeting" in options || "file" in options));
  try {
    return buildAndShow(options, fromMenu ? ui : null);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const message = `${error.message}

資料は作成していません。何も変更していません。`;
    if (fromMenu) tell(CAPTION, message);
    return refuse("invalid", message);
  }
}

function buildAndShow(options: MeetingPackOptions | undefined, ui: GoogleAppsScript.Base.Ui | null): MeetingPackResult {
  const wanted = options && typeof options === "object" ? options.meeting : undefined;
  // The choice of 具体例 is read and first written under the lock, so two builds cannot both write it.
  const { pack, stored } = withWriteLock(() => {
    const built = build(wanted);
    if (built.examples.toStore.length > 0) {
      ensureRecords(MEETING_EXAMPLES);
      appendRecords(MEETING_EXAMPLES, built.examples.toStore.map((row) => ({ ...row, 会議日: dayToDate(built.meeting.day) })));
    }
    return { pack: built, stored: built.examples.toStore.length };
  });
  const file = options?.file === true ? writeFile(pack) : null;
  if (ui) showPage(ui, pack);
  const saved = file ? `ファイル「${file.name}」を作成しました。` : "";
  const kept = stored > 0 ? `具体例（${stored}件）をシート「${MEETING_EXAMPLES.name}」に記録しました。差し替えるときはそのシートの ID を書き換えて、もう一度作成してください。` : "";
  return {
    ok: true,
    meeting: pack.meeting,
    previous: pack.previous,
    asOf: pack.asOf,
    yearEnds: pack.report.yearEnds,
    status: pack.report.status,
    followUp: pack.report.followUp,
    bureaus: pack.report.bureaus,
    directions: pack.report.directions,
    resorting: pack.report.resorting,
    examples: Object.fromEntries(
      PROGRESS_CLASSES.map((cls) => [cls, pack.examples.byClass[cls].map((e) => ({ slot: e.slot, id: e.issue.id, text: exampleText(e.issue), changed: e.changed }))]),
    ) as MeetingPackResult["examples"],
    goodPractices: pack.goodPractices,
    notes: pack.document.notes,
    storedExamples: stored,
    file,
    message: `${pack.meeting.name}（${formatWareki(dayToDate(pack.meeting.day))}）の資料を作成しました。${saved}${kept}`,
  };
}

/** The printable page of the pack, with the button that makes the file. */
function meetingPackPage(pack: MeetingPack): GoogleAppsScript.HTML.HtmlOutput {
  const title = `${pack.document.title}（${pack.document.subtitle}）`;
  return templatePage("report-print", { title, body: reportHtml(pack.document), meeting: pack.meeting.day }).setWidth(1100).setHeight(720);
}

function showPage(ui: GoogleAppsScript.Base.Ui, pack: MeetingPack): void {
  ui.showModelessDialog(meetingPackPage(pack), `${pack.meeting.name}（${formatWareki(dayToDate(pack.meeting.day))}）の資料`);
}

function build(wanted: unknown): MeetingPack {
  const meetingRows = readRecords(MEETINGS, []);
  if (!meetingRows) throw new InputError(`${MEETINGS.name}シートがありません。メニュー「初期設定」を実行すると、今年度のX会議が入ります。`);
  const meetings = readMeetings(meetingRows.values).map((r) => r.record);
  const today = new Date();
  const meeting = chooseMeeting(meetings, wanted, dayOf(today));
  const history = readRecords(HISTORY, [])?.values ?? [];
  const pt = ptSheets();
  return meetingPack({
    issues: requireRecords(ISSUES, []).values,
    history,
    reforms: requireRecords(REFORMS, []).values,
    bureaus: readRecords(BUREAUS, [])?.values ?? [],
    meetings,
    meeting,
    stored: storedExamples(meeting.日付),
    pt: pt ? (asOf) => ptSectionAsOf(pt, history, asOf) : null,
    today,
    madeAt: today,
    madeBy: activeUserEmail() || effectiveUserEmail(),
  });
}

/** X会議具体例's rows for the meeting (none while the sheet does not exist). */
function storedExamples(day: string): StoredExample[] {
  const rows = readRecords(MEETING_EXAMPLES, []);
  if (!rows) return [];
  return MEETING_EXAMPLES.read(rows.values)
    .filter(({ record }) => record.会議日 === day)
    .map(({ rowNumber, record }) => ({ rowNumber, progress: record.進捗分類, slot: record.順, id: record.ID }));
}

/** A new spreadsheet file holding the pack on one sheet. */
function writeFile(pack: MeetingPack): { name: string; id: string; url: string } {
  const made = createSpreadsheetFile(pack.fileName, FILE_SHEET);
  writeDocument(made.sheet, pack.document);
  return { name: pack.fileName, id: made.id, url: made.url };
}
