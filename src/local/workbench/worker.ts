// The worker that owns the runtime. Executions block (an alert waits for the
// page), so they cannot run on the HTTP thread. Requests that change the
// workbook run one at a time, like one user's executions in Sheets; reads of the
// grid are answered between them. A worker outlives its workbench: once closed,
// it waits, warm, for the next workbench the process starts (server/worker-host.ts).
import { basename, resolve } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { DEMO_SEED } from "../demo-workbook";
import { contextRules, type ExecutionContext } from "../execution/contexts";
import type { TriggerRecord } from "../execution/env";
import { filesDir } from "../runtime/open";
import type { ExecutionResult } from "../runtime/runtime";
import { fileLink } from "./files/file-routes";
import type { ExecutionView } from "./protocol/api-types";
import { applyEdit, protectionWarning, refuseEdit, textsBefore, type CellEdit } from "./grid/cell-edit";
import { workbenchClock } from "./worker/clock";
import { executionView, scriptReply } from "./worker/execution-view";
import { readRows } from "./grid/grid-window";
import { WorkbookSession } from "./worker/session";
import { triggerView } from "./worker/trigger-view";
import { UiChannel, workbenchUi } from "./worker/ui-host";
import { secretariatEmails, workbookUsers } from "./worker/users";
import { dayOf } from "../../core/contracts/pt-values";
import { webResponse } from "./worker/web-response";
import type { OpName, WorkerControl, WorkerInit, WorkerMessage, WorkerOps, WorkerRequest } from "./protocol/worker-protocol";

/** Firings per clock advance: an every-minute trigger advanced by a month would otherwise run for hours. */
const MAX_FIRINGS = 500;

/** What a workbench's worker answers with, for one workbook; `close` gives the workbook up. */
interface Bench {
  handlers: Handlers;
  close(): void;
}

type Handlers = { [K in Exclude<OpName, "close">]: (args: WorkerOps[K]["args"]) => WorkerOps[K]["reply"] | Promise<WorkerOps[K]["reply"]> };

/** Rows windows served lately (most recent last): what the pages have on screen. */
const RECENT_WINDOWS = 16;

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

/** Opens `init`'s workbook and answers for it until closed. */
async function openBench(init: WorkerInit): Promise<Bench> {
  const clock = workbenchClock(init.clockStart);

  const servedWindows = new Map<string, WorkerOps["rows"]["args"]>();

  /** The recently served windows of changed sheets, read again. */
  function freshWindows(sheets: string[]) {
    const model = session.runtime.model;
    return [...servedWindows.values()]
      .filter((w) => sheets.includes(w.sheet) && model.getSheetByName(w.sheet))
      .map((w) => readRows(model, w.sheet, w.from, w.count));
  }

  const session = await WorkbookSession.open({
    workbook: init.workbook,
    bundleDir: init.bundleDir,
    seed: init.createDemoIfMissing ? DEMO_SEED : undefined,
    // A workbench holds its workbook until it ends: a second one says so at once instead of waiting.
    waitMs: 0,
    purpose: `ワークベンチ ${new URL("/", init.webAppUrl).href}`,
    clock,
    webAppUrl: init.webAppUrl,
    // SpreadsheetApp.create's files: the link the add-on shows downloads them from this server.
    runtime: { workspace: init.workspace, files: { dir: filesDir(resolve(init.workbook)), url: (name) => fileLink(init.webAppUrl, name) } },
    onChange: (sheets, infos) => post({ event: "changed", sheets, infos, windows: freshWindows(sheets) }),
    onSaveError: (error) => process.stderr.write(`platina: ブックを保存できません: ${error.message}\n`),
  });

  // Changes made before an alert are on screen while it waits: their rows go with
  // the changed event, as a blocked worker answers nothing.
  const channel = new UiChannel(init.uiPort, init.uiSignal, (message) => {
    session.flushChanges();
    post(message);
  });

  function log(kind: ExecutionView["kind"], result: ExecutionResult, effectiveUser = result.user): void {
    post({ event: "execution", execution: executionView(kind, result, effectiveUser) });
  }

  /** The page follows where an execution with the spreadsheet open moved the selection (its last move wins). */
  function showSelection(results: ExecutionResult[]): void {
    const moved = results.filter((r) => r.selection).at(-1)?.selection;
    if (moved) post({ event: "selection", selection: moved });
  }

  const runtime = () => session.runtime;
  const hasEntry = (name: string) => runtime().bundle.entryPoints.includes(name);

  /** The open event; e.user is the user only where Session names them (execution/contexts.ts). */
  function openEvent(user: string, context: ExecutionContext, extra: Record<string, unknown>) {
    const email = contextRules(context, user, runtime().workspace).activeUser;
    return (global: Record<string, any>) => [
      { source: global.SpreadsheetApp.getActiveSpreadsheet(), user: { getEmail: () => email, getNickname: () => email.split("@")[0] }, ...extra },
    ];
  }

  /** One execution, settled (saved, or rolled back to its last commit point) and logged. */
  async function execute(kind: ExecutionView["kind"], run: () => ExecutionResult, effectiveUser?: string): Promise<ExecutionResult> {
    const result = run();
    session.flushChanges(); // on screen before the save
    await session.settle(result);
    log(kind, result, effectiveUser);
    return result;
  }

  /** A time-driven firing; a failed one's schedule still moves on (fireTimeTrigger reschedules after the run). */
  function fire(trigger: TriggerRecord, at: number): Promise<ExecutionResult> {
    return execute("trigger", () => runtime().fireTimeTrigger(trigger, at), trigger.owner);
  }

  function runOpenTrigger(trigger: TriggerRecord, user: string): Promise<ExecutionResult> {
    const context: ExecutionContext = { kind: "installable-trigger", event: "ON_OPEN", owner: trigger.owner };
    const event = openEvent(user, context, { authMode: "FULL", triggerUid: trigger.uid });
    return execute("trigger", () => runtime().run(trigger.handler, event, { context, user, ui: workbenchUi(channel) }), trigger.owner);
  }

  /** A tab opened as another user has its own /exec URL, so its form posts come back as that user. */
  function withWebAppUrl(url: string | undefined, run: () => ExecutionResult): ExecutionResult {
    const state = runtime().state;
    const deployed = state.webAppUrl;
    if (url) state.webAppUrl = url;
    try {
      return run();
    } finally {
      state.webAppUrl = deployed;
    }
  }

  const handlers: Handlers = {
    info: () => {
      const model = runtime().model;
      return {
        workbook: {
          name: model.getName(),
          file: basename(session.path),
          sheets: session.sheetInfos(),
          entryPoints: runtime().bundle.entryPoints,
          webAppUrl: init.webAppUrl,
        },
        ...workbookUsers(model, dayOf(clock.now())),
        now: clock.now(),
        timeZone: runtime().bundle.timeZone,
        deployer: secretariatEmails(model)[0] ?? null,
      };
    },

    rows: (window) => {
      const key = `${window.sheet}\u0000${window.from}\u0000${window.count}`;
      servedWindows.delete(key);
      servedWindows.set(key, window);
      if (servedWindows.size > RECENT_WINDOWS) servedWindows.delete(servedWindows.keys().next().value!);
      return readRows(runtime().model, window.sheet, window.from, window.count);
    },

    triggers: () => runtime().state.triggers.map(triggerView),

    /** The spreadsheet was opened: the simple onOpen (LIMITED, it builds the menus) and installable open triggers. */
    open: async ({ user }) => {
      const ui = workbenchUi(channel);
      if (hasEntry("onOpen")) {
        const context: ExecutionContext = { kind: "simple-trigger", authMode: "LIMITED" };
        await execute("open", () => runtime().run("onOpen", openEvent(user, context, { authMode: "LIMITED" }), { context, user, ui }));
      }
      for (const trigger of runtime().state.triggers.filter((t) => t.eventType === "ON_OPEN" && hasEntry(t.handler))) {
        await runOpenTrigger(trigger, user);
      }
      return { menus: ui.menus };
    },

    edit: async ({ confirmed, ...edit }: CellEdit & { confirmed?: boolean }) => {
      const refusal = refuseEdit(runtime().model, runtime().state, edit);
      if (refusal) return { ok: false, error: refusal };
      const warning = confirmed ? null : protectionWarning(runtime().model, runtime().state, edit);
      if (warning) return { ok: false, warning };
      const before = textsBefore(runtime().model, edit);
      const applied = applyEdit(runtime().model, edit);
      session.flushChanges(); // on screen before the save
      // The user's typing is saved before any edit trigger runs: a failing trigger loses its own changes, never the edit.
      await session.save();
      const listening = (type: string) => runtime().state.triggers.some((t) => t.eventType === type);
      if (!hasEntry("onEdit") && !listening("ON_EDIT") && !listening("ON_CHANGE")) return { ok: true, before };
      // In Sheets the edited cells are the selection while the triggers run.
      const range = { row: edit.row, column: edit.column, numRows: before.length, numColumns: Math.max(...before.map((r) => r.length)) };
      const selection = { sheet: edit.sheet, range, current: { row: edit.row, column: edit.column } };
      // Sheets fires the edit triggers and, for the same typing, the change triggers (changeType EDIT).
      const results = [
        ...runtime().fireEdit({ sheet: edit.sheet, user: edit.user, ui: workbenchUi(channel), selection, ...applied }),
        ...runtime().fireChange({ changeType: "EDIT", user: edit.user }),
      ];
      // Triggers run one after another in one go; if one fails, the workbook settles back to the user's edit
      // (plus what that trigger committed with flush()), so the others' changes go too.
      const failed = results.find((r) => !r.ok);
      await (failed ? session.settle(failed) : session.save());
      for (const result of results) {
        const trigger = runtime().state.triggers.find((t) => (t.eventType === "ON_EDIT" || t.eventType === "ON_CHANGE") && t.handler === result.entryPoint);
        log("edit", result, trigger?.owner);
      }
      showSelection(results);
      return { ok: true, before };
    },

    run: async ({ entry, args, user, surface, deployer, selection }) => {
      if (entry.endsWith("_") || !hasEntry(entry)) return { ok: false, error: `Script function not found: ${entry}` };
      const webapp = surface === "webapp";
      if (surface === "menu") post({ event: "busy", entryPoint: entry });
      try {
        const context: ExecutionContext = webapp ? { kind: "web-app", deployer, url: init.webAppUrl } : { kind: surface };
        // A web app has no open spreadsheet, so no selection to start from or to move.
        const options = webapp ? { context, user, ui: null } : { context, user, ui: workbenchUi(channel), selection };
        const kind = surface === "menu" ? "menu" : webapp ? "webapp" : "script";
        const result = await execute(kind, () => runtime().run(entry, args, options), webapp ? deployer : user);
        if (!webapp) showSelection([result]);
        return scriptReply(result);
      } finally {
        if (surface === "menu") post({ event: "busy", entryPoint: null });
      }
    },

    fireTrigger: async ({ uid }) => {
      const trigger = runtime().state.triggers.find((t) => t.uid === uid);
      if (!trigger) return { ok: false, error: "トリガーが見つかりません（削除された可能性があります）。" };
      const result =
        trigger.eventType === "CLOCK" ? await fire(trigger, clock.now())
        : trigger.eventType === "ON_OPEN" ? await runOpenTrigger(trigger, trigger.owner)
        : null;
      if (!result) return { ok: false, error: "このトリガーはセルの編集などで実行されます。" };
      return { ok: result.ok, error: result.error?.message };
    },

    /** Moves the clock to `to`, firing every time-driven trigger that falls due on the way, in order. */
    advanceClock: async ({ to = clock.now() }) => {
      let fired = 0;
      for (let next = runtime().nextDueTrigger(to); next && fired < MAX_FIRINGS; next = runtime().nextDueTrigger(to)) {
        // An overdue trigger (the workbench was not running) fires once, now: Apps Script does not catch up.
        const at = Math.max(next.at, clock.now());
        clock.set(at);
        await fire(next.trigger, at);
        fired++;
      }
      if (to > clock.now()) clock.set(to);
      post({ event: "clock", now: clock.now() });
      return { now: clock.now(), fired };
    },

    web: async (request) => {
      const entry = request.method === "GET" ? "doGet" : "doPost";
      if (!hasEntry(entry)) return { kind: "error", status: 404, message: `Script function not found: ${entry}` };
      return webResponse(await execute("webapp", () => withWebAppUrl(request.url, () => runtime().webRequest(request)), request.deployer));
    },
  };

  return {
    handlers,
    close() {
      session.close();
      init.uiPort.close();
    },
  };
}

const READS = new Set<OpName>(["info", "rows", "triggers"]);
let bench: Bench | null = null;
let queue: Promise<unknown> = Promise.resolve();

async function answer(request: WorkerRequest): Promise<void> {
  try {
    post({ reply: request.id, ok: true, value: await handle(request) });
  } catch (error) {
    post({ reply: request.id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}

async function handle(request: WorkerRequest): Promise<unknown> {
  if (!bench) throw new Error("ワークベンチは終了しました。");
  if (request.op !== "close") return (bench.handlers[request.op] as (args: unknown) => unknown)(request.args);
  // After every queued execution, each saved as it ended: the workbook is given up, and the worker waits for the next one.
  bench.close();
  bench = null;
  return null;
}

/** Opens a workbench's workbook; "ready" once open, "fatal" with the reason it could not be. */
async function begin(init: WorkerInit): Promise<void> {
  try {
    bench = await openBench(init);
  } catch (error) {
    post({ event: "fatal", error: (error as Error).message });
    return;
  }
  post({ event: "ready" });
}

parentPort!.on("message", (message: WorkerRequest | WorkerControl) => {
  if ("open" in message) queue = queue.then(() => begin(message.open));
  else if (READS.has(message.op)) void answer(message);
  else queue = queue.then(() => answer(message));
});
queue = begin(workerData as WorkerInit);
