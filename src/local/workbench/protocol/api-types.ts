// The JSON the workbench page and its server exchange (type-only: the page's
// bundle and the server both import it).
import type { ButtonName, ButtonSetName, MenuSpec } from "../../execution/env";
import type { ActiveSelection } from "../../services/spreadsheet/context";
import type { CellBorders } from "../../workbook/model";

export type { ActiveSelection, ButtonName, ButtonSetName, CellBorders, MenuSpec };

export interface SheetInfo {
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Pixel width per column (Sheets' default 100 where unset). */
  columnWidths: number[];
  hidden: boolean;
  tabColor: string | null;
}

export interface WorkbookInfo {
  name: string;
  file: string;
  sheets: SheetInfo[];
  /** The add-on's top-level functions: what menus and google.script.run may call. */
  entryPoints: string[];
  webAppUrl: string;
}

/** One cell as the grid draws it; empty cells without style are null. */
export interface CellView {
  /** Display text. */
  v: string;
  /** n number, d date, b boolean, s text, e error: decides the alignment. */
  k: "n" | "d" | "b" | "s" | "e";
  /** "=…" of a formula cell. */
  f?: string;
  /** What the formula bar and the editor start from, when it differs from v. */
  x?: string;
  /** The #ERROR!/#REF!… note shown on hover. */
  err?: string;
  bg?: string;
  fg?: string;
  bold?: boolean;
  align?: "left" | "center" | "right";
  wrap?: boolean;
  /** Lines on the cell's sides (setBorder). */
  bd?: CellBorders;
  /** Index into RowsWindow.validations. */
  dv?: number;
  /** The value breaks the cell's validation rule (shown with a red corner). */
  bad?: boolean;
}

export interface ValidationView {
  /** Values of a list or range rule; null for other criteria. */
  list: string[] | null;
  dropdown: boolean;
  /** What a checkbox cell holds when ticked and when not (TRUE/FALSE unless the rule says otherwise). */
  checkbox: { on: string; off: string } | null;
  allowInvalid: boolean;
  helpText: string | null;
}

export interface RowsWindow {
  sheet: string;
  from: number;
  /** Rows asked for (fewer come back at the end of the sheet). */
  count: number;
  rows: (CellView | null)[][];
  validations: ValidationView[];
}

/**
 * A person who can sign in to the workbench, once per place they answer for: the
 * secretariat (設定 事務局メール), the people 担当者 lists for a section's or a 局区's
 * shared address, a person's own address where nobody is listed for it, and selected
 * PT members. Nobody signs in as a shared address, as in Google Workspace.
 */
export interface WorkbenchUser {
  email: string;
  /** 氏名 from 担当者 or PTメンバー; "" when only the address is known. */
  name: string;
  role: "事務局" | "局区代表" | "担当者" | "PTメンバー";
  /** The section, 局区 or team the entry answers for: the switcher's heading. */
  group: string;
  /** How: 担当, 代理 (with a period that has ended or not begun), 本人のアドレス, the PT team. */
  label: string;
  /** IDs of the issues answered for there: the section's (担当者) or the 局区's (局区代表); none for 事務局, who sees all. */
  issues: string[];
  /** The shared address acted for; "" for the person's own address. */
  actsFor: string;
  /** Listed for the address, but not on the workbench's day (終了日 passed, 開始日 ahead): the add-on refuses them. */
  lapsed: boolean;
}

/** A shared address (担当者's 担当アドレス): never a sign-in; the people acting for it on the workbench's day. */
export interface SharedAddress {
  address: string;
  group: string;
  /** 「山田 太郎（担当）」…: as the refusal names them. */
  people: { email: string; name: string; role: string }[];
}

export interface ExecutionView {
  id: number;
  /** What started it: a menu item, google.script.run, onOpen, a cell edit, a trigger, the web app. */
  kind: "menu" | "script" | "open" | "edit" | "trigger" | "webapp";
  entryPoint: string;
  user: string;
  effectiveUser: string;
  startedAt: number;
  wallMs: number;
  simulatedMs: number;
  ok: boolean;
  result?: string;
  error?: string;
  calls: Record<string, Record<string, number>>;
  logs: string[];
}

export interface TriggerView {
  uid: string;
  handler: string;
  eventType: string;
  owner: string;
  /** The schedule in words (毎日 9時 …), or the spreadsheet event. */
  schedule: string;
  nextRun: number | null;
}

export interface OutboxView {
  /** File name inside the outbox folder (the id for the .eml and HTML routes). */
  id: string;
  date: string | null;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  hasHtml: boolean;
  /** The mail's answer links, each with the workbench path that opens it as its addressee. */
  links: AnswerLinkView[];
}

export interface AnswerLinkView {
  /** Opens the link as its addressee: only when that is a person's own address (no people listed for it). */
  openAs: string;
  owner: string;
  /** The addressee is a shared address (担当者's 担当アドレス): nobody signs in as it. */
  shared: boolean;
  /** The people acting for a shared addressee today, each with the path that opens the link as them. */
  people: LinkOpener[];
}

/** A listed person who may open a shared address's link, and the workbench path that opens it as them. */
export interface LinkOpener {
  email: string;
  name: string;
  role: string;
  openAs: string;
}

/** Something the add-on shows: alerts and prompts wait for an answer; the rest do not. */
export type UiRequest =
  | { id: number; kind: "alert"; title: string | null; prompt: string; buttons: ButtonSetName }
  | { id: number; kind: "prompt"; title: string | null; prompt: string; buttons: ButtonSetName }
  | { id: number; kind: "sidebar"; surface: string; title: string }
  | { id: number; kind: "dialog"; surface: string; title: string; width: number; height: number; modal: boolean }
  | { id: number; kind: "toast"; message: string; title: string; timeoutSeconds: number };

export interface UiAnswer {
  button: ButtonName;
  text: string;
}

/** State the page needs on load (and gets again after a user switch). */
export interface SessionView {
  workbook: WorkbookInfo;
  user: string;
  users: WorkbenchUser[];
  /** Addresses nobody signs in as, with who acts for each. */
  shared: SharedAddress[];
  menus: MenuSpec[];
  now: number;
  /** The workbench clock follows the machine's time (false: it stands still until advanced). */
  clockRunning: boolean;
  timeZone: string;
  /** Alerts and prompts still waiting, e.g. after a reload. */
  pending: UiRequest[];
  /** Where sidebars, dialogs and web-app pages are served: another origin, as googleusercontent.com is for Sheets. */
  surfaceOrigin: string;
}

/** Server-sent events, by name. */
export interface ServerEvents {
  /** Sheets whose cells changed, every sheet's layout as it is now, and the new rows of what pages were showing. */
  changed: { sheets: string[]; infos: SheetInfo[]; windows: RowsWindow[] };
  ui: UiRequest;
  "ui-closed": { id: number };
  menus: { user: string; menus: MenuSpec[] };
  user: { user: string };
  execution: ExecutionView;
  clock: { now: number };
  busy: { entryPoint: string | null };
  /** The add-on moved the selection (Range.activate, setActiveRange…): the page shows it. */
  selection: ActiveSelection;
}

/** google.script.run's reply: the value, or the error the failure handler gets. */
export type ScriptReply = { ok: true; value: unknown; warning?: string } | { ok: false; error: string };

/**
 * A cell edit's reply: what the cells held before (for undo), Sheets' message for a
 * refused edit, or the question a warning-only protection asks before the edit is made.
 */
export type EditReply = { ok: true; before: string[][] } | { ok: false; error: string } | { ok: false; warning: string };
