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

export interface WorkbenchUser {
  email: string;
  /** Where the address comes from: 事務局 (設定), 局区代表 (局区 代表メール), 担当者 (課題 担当者メール) or a selected PT member. */
  role: "事務局" | "局区代表" | "担当者" | "PTメンバー";
  label: string;
  /** IDs of the issues the address answers for: its 局区's (局区代表) or its own (担当者); none listed for 事務局, who sees all. */
  issues: string[];
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
  openAs: string;
  owner: string;
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
