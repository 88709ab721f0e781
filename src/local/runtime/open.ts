// Opening a workbook for the runtime: the .xlsx, its sidecar state and commit
// log, the bundle, mail and locks beside it. What an execution commits
// (SpreadsheetApp.flush(), each mail sent, its successful end) is appended to
// the commit log before the call returns; settling an execution folds the log
// into the .xlsx and sidecar. Opening after a crash replays the log first.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { outboxTransport, recipientCount, smtpTransport, type MailTransport } from "../services/mail";
import { FileSaveError, requireWritable } from "../workbook/atomic-file";
import type { WorkbookModel } from "../workbook/model";
import { loadSidecar, saveSidecar, sidecarPath } from "../workbook/sidecar";
import { loadWorkbook, saveWorkbook } from "../workbook/xlsx-store";
import { claimWorkbook, type WorkbookClaim } from "./claim";
import { realClock } from "./clock";
import { CommitLog, commitLogPath, digestOf, readCommitLog, type LogRecord } from "./commit-log";
import { NO_CRASH, type CrashPoints } from "./crash-points";
import type { Clock, RuntimeState } from "../execution/env";
import { replay, type JournalEntry } from "./journal";
import { Runtime, type ExecutionResult, type RuntimeOptions } from "./runtime";
import { loadAddonBundle } from "./bundle";

export interface OpenOptions {
  workbook: string;
  bundleDir: string;
  clock?: Clock;
  /** smtp://host:port to send through a real server instead of the outbox folder. */
  smtp?: string;
  /** What to create when the file does not exist (the CLI and the workbench pass the demo, demo-workbook.ts). */
  seed?: WorkbookSeed;
  /** Write the seed (with no state) over the file even when it exists (`platina demo --force`). */
  replaceWithSeed?: boolean;
  log?: (line: string) => void;
  runtime?: Partial<RuntimeOptions>;
  /** How long to wait while another process uses the workbook (default 30 s, as waitLock callers wait; 0 fails at once). */
  waitMs?: number;
  /** What this process is, named to another one that finds the workbook in use (e.g. 「ワークベンチ http://127.0.0.1:8787/」). */
  purpose?: string;
  /** Only read: no claim, nothing saved; a crashed run's commits are replayed in memory only. */
  readOnly?: boolean;
  /** Where a crash test stops the process (default: never). */
  crash?: CrashPoints;
}

/** A new workbook: its cells, then what runs once the runtime has it open (the demo's 初期設定). */
export interface WorkbookSeed {
  model(): WorkbookModel;
  setUp(runtime: Runtime): void;
}

export interface OpenedWorkbook {
  runtime: Runtime;
  path: string;
  outbox: string;
  /** What opening replayed from a run that ended without saving (a crash), or null. */
  recovered: Recovery | null;
  /** Writes the workbook and its sidecar (each atomically), only what changed, and ends the commit log. */
  save(): Promise<void>;
  /**
   * Persists an execution: all of it when it succeeded; when it failed, only what it
   * committed (the workbook is reloaded from disk and the commit log replayed).
   */
  settle(execution: ExecutionResult): Promise<void>;
  /** Lets other processes use the workbook (also done when the process exits). */
  close(): void;
}

export interface Recovery {
  commits: number;
  mails: number;
  /** Mails sent after the last commit point: the add-on may not have recorded them, so a re-run may send them again. */
  unconfirmed: { to: string[]; subject: string }[];
}

/** Where SpreadsheetApp.create's files go: <book>-files beside the workbook. */
export function filesDir(workbookPath: string): string {
  const name = basename(workbookPath, extname(workbookPath));
  return join(dirname(workbookPath), `${name}-files`);
}

export function outboxDir(workbookPath: string): string {
  const name = basename(workbookPath, extname(workbookPath));
  return join(dirname(workbookPath), `${name}-outbox`);
}

/** LockService's lock files and the workbook claim, one folder per workbook so workbooks in one folder never block each other. */
export function lockDirFor(workbookPath: string): string {
  return `${workbookPath}.locks`;
}

export async function openWorkbook(options: OpenOptions): Promise<OpenedWorkbook> {
  const path = resolve(options.workbook);
  const folder = dirname(path);
  if (!existsSync(folder)) throw new FileSaveError(`フォルダ「${folder}」がありません。ブックの場所を確かめてください。`);
  const readOnly = options.readOnly === true && existsSync(path);
  const lockDir = lockDirFor(path);
  let claim: WorkbookClaim | null = null;
  if (!readOnly) {
    // Checked before anything is created beside it: a read-only workbook stays exactly as it is.
    for (const file of [path, sidecarPath(path), commitLogPath(path)]) requireWritable(file);
    ensureDir(lockDir);
    claim = await claimWorkbook(path, lockDir, options.waitMs, options.purpose);
  }
  try {
    return await openClaimed(path, lockDir, options, readOnly, claim);
  } catch (error) {
    claim?.release();
    throw error;
  }
}

function ensureDir(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

async function openClaimed(path: string, lockDir: string, options: OpenOptions, readOnly: boolean, claim: WorkbookClaim | null): Promise<OpenedWorkbook> {
  const crash = options.crash ?? NO_CRASH;
  const log = new CommitLog(commitLogPath(path), crash);
  const seed = options.seed && (options.replaceWithSeed === true || !existsSync(path)) ? options.seed : null;
  if (seed) {
    // A new workbook starts with no state and no log, even beside stale ones.
    await saveWorkbook(seed.model(), path);
    for (const file of [sidecarPath(path), commitLogPath(path)]) if (existsSync(file)) rmSync(file);
  }
  const customFunctions = bundleFunctions(options.bundleDir);
  const loaded = await loadDurable(path, customFunctions);
  if (loaded.recovery) {
    const { commits, mails, unconfirmed } = loaded.recovery;
    const pending = unconfirmed.map((m) => m.to.join(",")).join(" / ");
    options.log?.(
      `前回の実行が保存の前に終わっていたため、確定していた内容を復元しました（確定 ${commits} 回、送信 ${mails} 通）。` +
        (pending ? `最後の確定のあとに送ったメール（記録されていないため、再実行で再送される場合があります）: ${pending}` : ""),
    );
  }
  const outbox = outboxDir(path);
  // The state as the files on disk say it: what a commit compares against to know whether the state changed.
  let durableState = JSON.stringify(loaded.state);
  let savedState = loaded.recovery ? "" : durableState;
  // A log left by a failed fold still holds commits: it is continued, never started over.
  const ensureLog = () => {
    if (log.isOpen) return;
    const digest = digestOf(readFileSync(path));
    const found = readCommitLog(log.path);
    if (found && found.records[0]?.type === "base" && found.records[0].workbook === digest) log.resume(found.validBytes);
    else log.start(digest);
  };
  const record = (entries: JournalEntry[], state: RuntimeState) => {
    const json = JSON.stringify(state);
    // Read-only: executions change the copy in memory only.
    if (readOnly || (entries.length === 0 && json === durableState)) return;
    ensureLog();
    log.append({ type: "commit", entries, ...(json !== durableState ? { state } : {}) });
    durableState = json;
  };
  const inner = options.smtp ? smtpTransport(options.smtp) : outboxTransport(outbox);
  const mail: MailTransport = {
    send(message) {
      if (readOnly) throw new Error(`ブック「${basename(path)}」は読み取り専用で開いているため、メールを送れません。`);
      crash.pass("mail-send");
      const sent = inner.send(message);
      // Recorded before sendEmail returns, so the next send cannot start before this one is on disk. MailApp
      // counts the quota once the send returns; the record holds the count as it will be.
      ensureLog();
      const quota = runtime.state.mail;
      log.append({ type: "mail", quota: { ...quota, recipientsUsed: quota.recipientsUsed + recipientCount(message) }, to: message.to, subject: message.subject });
      return sent;
    },
  };
  const runtime = new Runtime({
    bundleDir: options.bundleDir,
    model: loaded.model,
    state: loaded.state,
    clock: options.clock ?? realClock(),
    mail,
    lockDir,
    log: options.log,
    onCommit: record,
    // Read-only: nothing is saved, so nothing can be created either.
    files: readOnly ? undefined : { dir: filesDir(path) },
    ...options.runtime,
  });
  // Only what changed is written, so a run that changes nothing leaves the files untouched.
  let cellsChanged = Boolean(loaded.recovery);
  const watch = () =>
    runtime.model.onChange(() => {
      cellsChanged = true;
    });
  watch();
  const save = async () => {
    if (readOnly) throw new Error(`ブック「${basename(path)}」は読み取り専用で開いています。`);
    // Files SpreadsheetApp.create made stay whatever became of the execution, as in Drive.
    await runtime.saveCreatedFiles();
    const state = JSON.stringify(runtime.state);
    // The log ends with the state about to be saved, so a crash between the two saves below replays to the same.
    if (log.isOpen && state !== durableState) record([], runtime.state);
    if (state !== savedState) saveSidecar(sidecarPath(path), runtime.state, { beforeRename: () => crash.pass("save-sidecar") });
    savedState = state;
    if (cellsChanged) await saveWorkbook(runtime.model, path, { beforeRename: () => crash.pass("save-workbook") });
    cellsChanged = false;
    if (log.isOpen || existsSync(log.path)) log.remove();
    durableState = state;
  };
  // The demo runs 初期設定 as the secretariat's shared account, as the README asks after a push: it opens ready.
  if (seed) {
    seed.setUp(runtime);
    await save();
  } else if (loaded.recovery && !readOnly) await save();
  // A log the saved .xlsx already holds (a crash just before it was deleted) goes now.
  else if (!readOnly && existsSync(log.path)) log.remove();
  return {
    runtime,
    path,
    outbox,
    recovered: loaded.recovery,
    save,
    async settle(execution) {
      if (execution.ok) return save();
      // The failed execution's writes are in memory: start again from the files and the commit log.
      log.close();
      const reloaded = await loadDurable(path, customFunctions);
      runtime.replaceModel(reloaded.model);
      replaceState(runtime.state, reloaded.state);
      durableState = JSON.stringify(reloaded.state);
      cellsChanged = Boolean(reloaded.recovery);
      watch();
      await save();
    },
    close() {
      log.close();
      claim?.release();
    },
  };
}

/**
 * The saved workbook and state, with the commit log replayed when it belongs to this very .xlsx:
 * what the next run will start from. Formulas keep the results the file holds (no bundle is run).
 * `customFunctions`: the bundle's names when a runtime binds them next, so formulas are evaluated
 * once, with them (createWorkbook).
 */
export async function loadDurable(
  path: string,
  customFunctions?: string[],
): Promise<{ model: WorkbookModel; state: RuntimeState; recovery: Recovery | null }> {
  const model = await loadWorkbook(path, "Asia/Tokyo", customFunctions);
  const state = loadSidecar(sidecarPath(path));
  const found = readCommitLog(commitLogPath(path));
  const base = found?.records[0];
  // Any other digest means the .xlsx was saved after the log was written: the log is already in it.
  if (!found || base?.type !== "base" || base.workbook !== digestOf(readFileSync(path))) return { model, state, recovery: null };
  const recovery: Recovery = { commits: 0, mails: 0, unconfirmed: [] };
  const entries: JournalEntry[] = [];
  let current = state;
  for (const record of found.records.slice(1) as Exclude<LogRecord, { type: "base" }>[]) {
    if (record.type === "commit") {
      recovery.commits++;
      recovery.unconfirmed = [];
      entries.push(...record.entries);
      if (record.state) current = record.state;
    } else {
      recovery.mails++;
      recovery.unconfirmed.push({ to: record.to, subject: record.subject });
      current = { ...current, mail: record.quota };
    }
  }
  replay(model, entries);
  return { model, state: current, recovery };
}

/** The bundle's custom functions, to load the workbook with; a missing bundle is reported by the runtime. */
function bundleFunctions(bundleDir: string): string[] | undefined {
  try {
    return loadAddonBundle(bundleDir).customFunctions;
  } catch {
    return undefined;
  }
}

function replaceState(target: RuntimeState, source: RuntimeState): void {
  for (const key of Object.keys(target)) delete (target as unknown as Record<string, unknown>)[key];
  Object.assign(target, source);
}
