// The local Apps Script runtime: the built bundle, one workbook and its sidecar
// state. Each run() is one execution — fresh globals, its own user, call counts
// and simulated duration — and nothing reaches disk but what it commits
// (SpreadsheetApp.flush(), its successful end) through options.onCommit.
import vm from "node:vm";
import { CallCounter, DEFAULT_COST_MODEL, type CallCounts, type CostModel } from "./call-counter";
import { randomBytes } from "node:crypto";
import { contextIdentity, contextRules, DEFAULT_WORKSPACE, workspaceDomain, type ExecutionContext, type Workspace } from "../execution/contexts";
import type { Clock, ExecutionEnv, RuntimeState, UiHost } from "../execution/env";
import { loadAddonBundle, type AddonBundle } from "./bundle";
import { Journal, type JournalEntry } from "./journal";
import { ServiceBridge } from "./service-proxy";
import { createAddonContext } from "./vm-context";
import { createServices, type MailTransport } from "./services";
import type { ActiveSelection } from "../services/spreadsheet/context";
import { createSpreadsheetApp } from "../services/spreadsheet/spreadsheet-app";
import { nextRunAfter, type DueFiring } from "../services/trigger-schedule";
import { chargeTriggerRuntime, triggerOwner, triggerQuotaLeft, TRIGGER_QUOTA_MESSAGE } from "./trigger-quota";
import type { TriggerRecord } from "../execution/env";
import type { WorkbookModel } from "../workbook/model";
import { CreatedFiles, type FilesOptions } from "./created-files";

/** Apps Script's limit for one execution; custom functions get 30 s. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export interface RuntimeOptions {
  bundleDir: string;
  model: WorkbookModel;
  state: RuntimeState;
  clock: Clock;
  mail: MailTransport;
  /** Folder for lock files shared with other processes using the same workbook. */
  lockDir: string;
  costModel?: CostModel;
  /** Wall-clock limit of one custom-function call (Sheets: 30 s); tests shorten it. */
  customFunctionTimeoutMs?: number;
  /** Fail an execution whose simulated duration passes 6 minutes, as Apps Script does. */
  enforceTimeLimit?: boolean;
  /** Move the clock forward by each call's simulated cost (so the add-on sees time pass). */
  advanceClockByCost?: boolean;
  /** Random choices the runtime makes as Apps Script does (a time trigger's minute); tests seed it. */
  random?: () => number;
  log?: (line: string) => void;
  /** Whom Session may name (execution/contexts.ts); default the city's domain, city.example. */
  workspace?: Workspace;
  /**
   * Makes a commit point durable before SpreadsheetApp.flush() returns, and the
   * rest of a successful execution before run() returns: the writes since the
   * previous commit, and the state then. If it throws, flush() throws (and a
   * finished execution counts as failed).
   */
  onCommit?: (entries: JournalEntry[], state: RuntimeState) => void;
  /** Where SpreadsheetApp.create's files are saved (and their links); without it create() throws. */
  files?: FilesOptions;
}

export interface RunOptions {
  /** How the execution started (docs/apps-script-contexts.md); without one, a menu item clicked by `user`. */
  context?: ExecutionContext;
  /** The person who started it: the one at the keyboard, or the web app's visitor. */
  user?: string;
  /** Where Ui calls go; getUi() still fails where the context has no Ui. */
  ui?: UiHost | null;
  /** What the user has selected in the open spreadsheet (getActiveRange/getCurrentCell start there). */
  selection?: ActiveSelection | null;
}

export interface ExecutionResult {
  entryPoint: string;
  user: string;
  ok: boolean;
  result?: unknown;
  error?: { message: string; stack?: string };
  calls: CallCounts;
  simulatedMs: number;
  /** Where the execution moved the selection (activate, setActiveRange, setActiveSheet…), if it did; a UI shows it. */
  selection?: ActiveSelection;
  startedAt: number;
  wallMs: number;
  logs: string[];
}

/** What Sheets' change event reports (Apps Script: Events.SheetsOnChange.changeType). */
export type ChangeType = "EDIT" | "INSERT_ROW" | "INSERT_COLUMN" | "REMOVE_ROW" | "REMOVE_COLUMN" | "INSERT_GRID" | "REMOVE_GRID" | "FORMAT" | "OTHER";

export class UnknownEntryPointError extends Error {
  constructor(name: string, known: string[]) {
    super(`エントリポイント「${name}」はありません。使えるもの: ${known.join(", ")}`);
  }
}

class TimeLimitExceeded extends Error {}

/** Sheets' limit for one custom-function call. */
export const CUSTOM_FUNCTION_LIMIT_MS = 30_000;
const CALL_SLOT = "__platinaCustomFunctionCall";
const CALL_CUSTOM_FUNCTION = new vm.Script(`(function (call) { return globalThis[call.name].apply(null, call.args); })(globalThis.${CALL_SLOT})`);
const TIME_LIMIT_MESSAGE = "Exceeded maximum execution time";

export class Runtime {
  readonly bundle: AddonBundle;
  /** The files SpreadsheetApp.create made (saved by saveCreatedFiles); null without a files folder. */
  readonly createdFiles: CreatedFiles | null;
  private customFunctionContext: ReturnType<Runtime["newContext"]> | null = null;
  /** The Workspace domain the runtime models and whether the strictest reading is on. */
  readonly workspace: Workspace;

  constructor(readonly options: RuntimeOptions) {
    const workspace = options.workspace ?? DEFAULT_WORKSPACE;
    this.workspace = { ...workspace, domain: workspace.domain === null ? null : workspaceDomain(workspace.domain) };
    // Google's IDs are 44 URL-safe characters; this one is made once and kept in the sidecar.
    options.state.spreadsheetId ??= randomBytes(33).toString("base64url");
    this.bundle = loadAddonBundle(options.bundleDir);
    this.createdFiles = options.files ? new CreatedFiles(options.files, this.bundle.timeZone) : null;
    options.model.setCustomFunctions(this.bundle.customFunctions, (name, args) => this.callCustomFunction(name, args));
  }

  get model(): WorkbookModel {
    return this.options.model;
  }

  /** Swaps in another copy of the workbook (e.g. reloaded from disk after a failed execution). */
  replaceModel(model: WorkbookModel): void {
    this.options.model = model;
    this.customFunctionContext = null;
    model.setCustomFunctions(this.bundle.customFunctions, (name, args) => this.callCustomFunction(name, args));
  }

  get state(): RuntimeState {
    return this.options.state;
  }

  /** Runs one entry point as one execution. Never throws for the add-on's own errors: see result.ok. */
  run(entryPoint: string, args: unknown[] | ((global: Record<string, any>) => unknown[]) = [], run: RunOptions = {}): ExecutionResult {
    if (!this.bundle.entryPoints.includes(entryPoint)) throw new UnknownEntryPointError(entryPoint, this.bundle.entryPoints);
    const user = run.user ?? "";
    const logs: string[] = [];
    const startedAt = this.options.clock.now();
    const wallStart = performance.now();
    const owner = triggerOwner(run.context);
    if (owner !== null && triggerQuotaLeft(this.state, owner, startedAt) <= 0) {
      return { entryPoint, user, startedAt, logs, ok: false, error: { message: TRIGGER_QUOTA_MESSAGE }, calls: {}, simulatedMs: 0, wallMs: 0 };
    }
    const execution = this.newContext({ ...contextIdentity(run.context ?? { kind: "menu" }, user, this.workspace), ui: run.ui ?? null }, logs, run.selection ?? null);
    const outcome = { entryPoint, user, startedAt, logs } as const;
    const stateAtStart = structuredClone(this.state);
    // A trigger's run counts against its owner's daily trigger runtime, whether it succeeds or not.
    let charged = false;
    const charge = () => {
      if (owner === null || charged) return;
      charged = true;
      chargeTriggerRuntime(this.state, owner, startedAt, Math.max(execution.simulatedMs, this.options.clock.now() - startedAt));
    };
    try {
      const fn = execution.global[entryPoint] as (...a: unknown[]) => unknown;
      // Event objects hold services (e.range), so they are built inside the execution.
      const vmArgs = typeof args === "function" ? args(execution.global) : args.map((a) => execution.bridge.toVm("", a));
      const value = fn(...vmArgs);
      if (execution.timedOut) throw new TimeLimitExceeded(TIME_LIMIT_MESSAGE);
      charge();
      execution.commit();
      return { ...outcome, ok: true, result: execution.bridge.toHost(value), ...execution.finish(wallStart) };
    } catch (error) {
      const err = error as Error;
      // Sidecar state (properties, triggers, mail quota…) goes back to its last commit point too.
      const kept = execution.stateAtCommit ?? stateAtStart;
      // Mail already sent cannot be unsent, nor time already spent: their quota use stays.
      const { mail, triggerRuntime } = this.state;
      Object.assign(this.state, structuredClone(kept), { mail, triggerRuntime });
      if (owner !== null) {
        charge();
        try {
          this.options.onCommit?.([], this.state); // the time used is kept, like sent mail
        } catch {
          // Not durable then; the next commit writes it.
        }
      }
      return {
        ...outcome, ok: false, error: { message: err?.message ?? String(error), stack: err?.stack }, ...execution.finish(wallStart),
      };
    }
  }

  /** Computed values of an A1 range such as "集計!A1:E6", read outside any execution. */
  readRange(a1: string): unknown[][] {
    const env: ExecutionEnv = {
      clock: this.options.clock, timeZone: this.bundle.timeZone, state: this.state, log: () => undefined,
      ...contextIdentity({ kind: "menu" }, "", this.workspace), ui: null,
    };
    const app = createSpreadsheetApp(env, this.model, { id: this.spreadsheetId });
    return app.getActiveSpreadsheet().getRange(a1).getValues();
  }

  /** The earliest time-driven firing due at or before `until`, if any. */
  nextDueTrigger(until: number): DueFiring | null {
    // Only the earliest firing matters: the handler may add or remove triggers before the next one.
    let next: DueFiring | null = null;
    for (const trigger of this.state.triggers) {
      if (trigger.schedule && trigger.nextRun !== null && trigger.nextRun <= until && (!next || trigger.nextRun < next.at)) next = { trigger, at: trigger.nextRun };
    }
    return next;
  }

  /** Runs a time-driven trigger's handler as its creator, with Apps Script's event object, and schedules its next run. */
  fireTimeTrigger(trigger: TriggerRecord, at: number): ExecutionResult {
    const execution = this.run(trigger.handler, [timeDrivenEvent(trigger, at, this.bundle.timeZone)], {
      context: { kind: "time-driven", owner: trigger.owner },
    });
    const record = this.state.triggers.find((t) => t.uid === trigger.uid);
    if (record && record.schedule) record.nextRun = nextRunAfter(record.schedule, at, this.bundle.timeZone);
    return execution;
  }

  /**
   * A user's edit of a cell range in the UI: runs the simple onEdit trigger (without
   * authorization) and every installable edit trigger (as its creator), as Sheets does.
   * API writes never come here. e.user is the editor only where Session names them (R-session, G-events):
   * never in the simple trigger; in an installable one when editor and creator are in the domain.
   */
  fireEdit(edit: { sheet: string; a1: string; user: string; value?: unknown; oldValue?: unknown; ui?: UiHost | null; selection?: ActiveSelection | null }): ExecutionResult[] {
    const fire = (entry: string, context: ExecutionContext, extra: Record<string, unknown>) => {
      const email = contextRules(context, edit.user, this.workspace).activeUser;
      const event = (global: Record<string, any>) => {
        const source = global.SpreadsheetApp.getActiveSpreadsheet();
        const range = source.getSheetByName(edit.sheet).getRange(edit.a1);
        const e: Record<string, unknown> = { range, source, user: eventUser(email), ...extra };
        // Apps Script gives value/oldValue only for single-cell edits, oldValue only when the cell had one.
        if (edit.value !== undefined) e.value = edit.value;
        if (edit.oldValue !== undefined && edit.oldValue !== "") e.oldValue = edit.oldValue;
        return [e];
      };
      return this.run(entry, event, { context, user: edit.user, ui: edit.ui, selection: edit.selection });
    };
    const results: ExecutionResult[] = [];
    if (this.bundle.entryPoints.includes("onEdit")) {
      results.push(fire("onEdit", { kind: "simple-trigger", authMode: "LIMITED" }, { authMode: "LIMITED" }));
    }
    for (const trigger of this.state.triggers.filter((t) => t.eventType === "ON_EDIT")) {
      if (!this.bundle.entryPoints.includes(trigger.handler)) continue;
      const context: ExecutionContext = { kind: "installable-trigger", event: "ON_EDIT", owner: trigger.owner };
      results.push(fire(trigger.handler, context, { authMode: "FULL", triggerUid: trigger.uid }));
    }
    return results;
  }

  /**
   * A change of the spreadsheet's structure or content by a user (a row removed, a
   * paste, an edit…): runs every installable change trigger as its creator, with
   * Apps Script's event object (changeType, source, user, authMode, triggerUid).
   * There is no simple onChange. API writes never come here.
   */
  fireChange(change: { changeType: ChangeType; user: string }): ExecutionResult[] {
    const results: ExecutionResult[] = [];
    for (const trigger of this.state.triggers.filter((t) => t.eventType === "ON_CHANGE")) {
      if (!this.bundle.entryPoints.includes(trigger.handler)) continue;
      const context: ExecutionContext = { kind: "installable-trigger", event: "ON_CHANGE", owner: trigger.owner };
      const email = contextRules(context, change.user, this.workspace).activeUser;
      const event = (global: Record<string, any>) => [{
        authMode: "FULL",
        changeType: change.changeType,
        source: global.SpreadsheetApp.getActiveSpreadsheet(),
        triggerUid: trigger.uid,
        user: eventUser(email),
      }];
      results.push(this.run(trigger.handler, event, { context, user: change.user }));
    }
    return results;
  }

  /**
   * A request to the web app: doGet or doPost with Apps Script's event object.
   * Deployed "execute as me", the code runs as the deployer; the visitor is the
   * active user only when both are in the Workspace domain. `url` is the /exec or /dev URL
   * requested (default: the deployment's), which getUrl() then returns.
   */
  webRequest(request: {
    method: "GET" | "POST"; query: string; pathInfo?: string; body?: { type: string; contents: string }; visitor: string; deployer: string; url?: string;
  }): ExecutionResult {
    const url = request.url ?? this.state.webAppUrl;
    if (!url) throw new Error("ウェブアプリがデプロイされていません（webAppUrl がありません）。");
    const entry = request.method === "GET" ? "doGet" : "doPost";
    const parameters: Record<string, string[]> = {};
    const add = (query: string) => {
      for (const [k, v] of new URLSearchParams(query)) (parameters[k] ??= []).push(v);
    };
    add(request.query);
    // As in Apps Script, the fields of a posted form join the query's parameters.
    if (request.body && /^application\/x-www-form-urlencoded/i.test(request.body.type)) add(request.body.contents);
    const parameter = Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, v[0]]));
    const e: Record<string, unknown> = {
      queryString: request.query === "" ? null : request.query,
      parameter,
      parameters,
      pathInfo: request.pathInfo,
      contextPath: "",
      contentLength: request.body ? Buffer.byteLength(request.body.contents) : -1,
    };
    if (request.body) e.postData = { length: Buffer.byteLength(request.body.contents), type: request.body.type, contents: request.body.contents, name: "postData" };
    return this.run(entry, [e], { context: { kind: "web-app", deployer: request.deployer, url }, user: request.visitor });
  }

  private callCustomFunction(name: string, args: unknown[]): unknown {
    this.customFunctionContext ??= this.newContext({ ...contextIdentity({ kind: "custom-function" }, "", this.workspace), ui: null }, []);
    const { global, bridge } = this.customFunctionContext;
    // Run through a script so vm's watchdog can stop a function that never returns,
    // as Sheets stops a custom function after 30 seconds.
    global[CALL_SLOT] = { name, args: args.map((a) => bridge.toVm("", a)) };
    try {
      const value = CALL_CUSTOM_FUNCTION.runInContext(global, { timeout: this.options.customFunctionTimeoutMs ?? CUSTOM_FUNCTION_LIMIT_MS });
      return bridge.toHost(value);
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new Error("Exceeded maximum execution time (line 0).");
      throw error;
    } finally {
      delete global[CALL_SLOT];
      this.customFunctionContext.releaseLocks();
    }
  }

  /** Saves the files SpreadsheetApp.create made since the last call, as .xlsx; their paths. */
  saveCreatedFiles(): Promise<string[]> {
    return this.createdFiles?.saveNew() ?? Promise.resolve([]);
  }

  get spreadsheetId(): string {
    return this.state.spreadsheetId!;
  }

  private newContext(who: ReturnType<typeof contextIdentity> & { ui: UiHost | null }, logs: string[], selection: ActiveSelection | null = null) {
    const { clock, costModel, enforceTimeLimit, advanceClockByCost } = this.options;
    // Apps Script's limit cannot be caught: once passed, every further call fails and the run is failed.
    const limit = { exceeded: false };
    const counter = new CallCounter(costModel ?? DEFAULT_COST_MODEL, (ms) => {
      if (advanceClockByCost) clock.sleep(ms);
      if (enforceTimeLimit && (limit.exceeded || counter.simulatedMs > EXECUTION_LIMIT_MS)) {
        limit.exceeded = true;
        throw new TimeLimitExceeded(TIME_LIMIT_MESSAGE);
      }
    });
    const log = (line: string) => {
      logs.push(line);
      this.options.log?.(line);
    };
    const env: ExecutionEnv = { clock, random: this.options.random, timeZone: this.bundle.timeZone, state: this.state, log, ...who };
    const journal = new Journal();
    const flushed: { state: RuntimeState | null } = { state: null };
    // The commit point moves only once the commit is durable: a failed one leaves the previous point.
    const commit = () => {
      this.options.onCommit?.(journal.uncommitted, this.state);
      journal.commit();
      flushed.state = structuredClone(this.state);
    };
    let selected: (() => ActiveSelection) | null = null;
    const addon = createAddonContext(() => clock.now());
    const bridge = new ServiceBridge(addon.realm, counter, () => env.authMode);
    const services = createServices(env, {
      model: journal.wrap(this.model),
      onFlush: commit,
      bundle: this.bundle,
      mail: this.options.mail,
      lockDir: this.options.lockDir,
      spreadsheetId: this.spreadsheetId,
      evaluate: (code, scope) => this.evaluateInContext(addon.context, code, scope),
      selection,
      onSelect: (read) => (selected = read),
      createFile: this.createdFiles ? (name) => this.createdFiles!.create(name) : undefined,
    });
    for (const [name, service] of Object.entries(services.globals)) addon.global[name] = bridge.expose(name, service);
    addon.global.Logger = bridge.expose("Logger", { log: (...a: unknown[]) => { log(a.map(String).join(" ")); } });
    addon.global.console = { log: log, info: log, warn: log, error: log };
    this.bundle.script.runInContext(addon.context);
    return {
      global: addon.global,
      bridge,
      journal,
      commit,
      get timedOut() {
        return limit.exceeded;
      },
      get simulatedMs() {
        return counter.simulatedMs;
      },
      get stateAtCommit() {
        return flushed.state;
      },
      releaseLocks: services.releaseLocks,
      finish: (wallStart: number) => {
        services.releaseLocks();
        const moved = selected ? { selection: (selected as () => ActiveSelection)() } : {};
        return { calls: counter.counts, simulatedMs: counter.simulatedMs, wallMs: performance.now() - wallStart, ...moved };
      },
    };
  }

  private evaluateInContext(context: object, code: string, scope: Record<string, unknown>): unknown {
    const names = Object.keys(scope);
    const fn = new vm.Script(`(function (${names.join(", ")}) { ${code}\n})`).runInContext(context);
    return fn(...names.map((n) => scope[n]));
  }
}

/** e.user of a Sheets event: a User, printed as its email like every User. */
function eventUser(email: string) {
  return { getEmail: () => email, getNickname: () => email.split("@")[0], toString: () => email };
}

/** The event object of a time-driven trigger: calendar fields of the firing time in the script's zone. */
function timeDrivenEvent(trigger: TriggerRecord, at: number, timeZone: string): Record<string, unknown> {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
      weekday: "short", hourCycle: "h23",
    }).formatToParts(new Date(at)).map((p) => [p.type, p.value]),
  );
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday) + 1;
  const day = Number(parts.day);
  const startOfYear = Date.UTC(Number(parts.year), 0, 1);
  const dayOfYear = Math.floor((Date.UTC(Number(parts.year), Number(parts.month) - 1, day) - startOfYear) / 86400000);
  return {
    authMode: "FULL",
    triggerUid: trigger.uid,
    year: Number(parts.year),
    month: Number(parts.month),
    "day-of-month": day,
    "day-of-week": weekday,
    "week-of-year": Math.floor(dayOfYear / 7) + 1,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    timezone: timeZone,
  };
}
