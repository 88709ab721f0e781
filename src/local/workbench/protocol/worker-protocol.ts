// Messages between the HTTP thread and the worker that owns the runtime.
import type { Workspace } from "../../execution/contexts";
import type {
  ActiveSelection, EditReply, ExecutionView, MenuSpec, RowsWindow, ScriptReply, SharedAddress, SheetInfo, TriggerView, UiAnswer, UiRequest, WorkbenchUser, WorkbookInfo,
} from "./api-types";

export interface WorkerInit {
  workbook: string;
  bundleDir: string;
  createDemoIfMissing: boolean;
  /** Fixed start time for a clock that stands still until advanced; absent = the machine's clock. */
  clockStart?: number;
  webAppUrl: string;
  /** Whom Session names: the Workspace domain and the strictest-reading switch. */
  workspace: Workspace;
  /** Answers to alerts and prompts arrive here while the worker blocks (see worker/ui-host.ts). */
  uiPort: import("node:worker_threads").MessagePort;
  uiSignal: SharedArrayBuffer;
}

/** How an execution started from the page runs. */
export type Surface = "menu" | "sidebar" | "dialog" | "webapp";

/** What doGet/doPost returned, for the HTTP thread to serve. */
export type WebResponse =
  | { kind: "html"; content: string; title: string; metaTags: { name: string; content: string }[] }
  | { kind: "text"; content: string; contentType: string; fileName: string | null }
  | { kind: "error"; status: number; message: string };

/** Every request the HTTP thread makes, with the reply type. */
export interface WorkerOps {
  info: { args: Record<string, never>; reply: { workbook: WorkbookInfo; users: WorkbenchUser[]; shared: SharedAddress[]; now: number; timeZone: string; deployer: string | null } };
  rows: { args: { sheet: string; from: number; count: number }; reply: RowsWindow };
  open: { args: { user: string }; reply: { menus: MenuSpec[] } };
  /** `confirmed`: the user answered a warning-only protection's question with OK. */
  edit: { args: { sheet: string; row: number; column: number; values: string[][]; user: string; confirmed?: boolean }; reply: EditReply };
  /** `selection`: what the user has selected in the page, where the add-on's getActiveRange starts. */
  run: { args: { entry: string; args: unknown[]; user: string; surface: Surface; deployer: string; selection?: ActiveSelection | null }; reply: ScriptReply };
  triggers: { args: Record<string, never>; reply: TriggerView[] };
  fireTrigger: { args: { uid: string }; reply: { ok: boolean; error?: string } };
  /** Without `to`: fires what is due by the clock's own now. */
  advanceClock: { args: { to?: number }; reply: { now: number; fired: number } };
  web: {
    /** url: the web app's URL as this request reached it (ScriptApp.getService().getUrl() during the request). */
    args: { method: "GET" | "POST"; query: string; pathInfo?: string; body?: { type: string; contents: string }; visitor: string; deployer: string; url?: string };
    reply: WebResponse;
  };
  /** After every queued execution (each saved as it ended): gives the workbook up; the worker then waits for the next workbench's `open`. */
  close: { args: Record<string, never>; reply: null };
}

/** Sent to a worker whose workbench closed: open this one (answered with "ready" or "fatal", as at start). */
export interface WorkerControl {
  open: WorkerInit;
}

export type OpName = keyof WorkerOps;

export interface WorkerRequest<K extends OpName = OpName> {
  id: number;
  op: K;
  args: WorkerOps[K]["args"];
}

export type WorkerMessage =
  | { reply: number; ok: true; value: unknown }
  | { reply: number; ok: false; error: string }
  | { event: "ready" }
  | { event: "fatal"; error: string }
  /** With fresh copies of the rows the pages were showing of those sheets, so that they redraw without asking the worker. */
  | { event: "changed"; sheets: string[]; infos: SheetInfo[]; windows: RowsWindow[] }
  | { event: "ui"; request: UiRequest; html?: string }
  | { event: "execution"; execution: Omit<ExecutionView, "id"> }
  | { event: "busy"; entryPoint: string | null }
  | { event: "clock"; now: number }
  | { event: "selection"; selection: ActiveSelection };

/** What the HTTP thread sends on the ui port. */
export type UiPortMessage = { id: number; answer: UiAnswer } | { id: number; cancel: string };
