// Opening a workbook for the runtime: the .xlsx, its sidecar state, the bundle,
// mail and locks beside it — and saving both files after a successful execution.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { createDemoModel, setUpDemo } from "../demo-workbook";
import { outboxTransport, smtpTransport } from "../services/mail";
import { loadSidecar, saveSidecar, sidecarPath } from "../workbook/sidecar";
import { loadWorkbook, saveWorkbook } from "../workbook/xlsx-store";
import { realClock } from "./clock";
import { replay } from "./journal";
import { emptyState, type Clock } from "./env";
import { Runtime, type ExecutionResult, type RuntimeOptions } from "./runtime";

export interface OpenOptions {
  workbook: string;
  bundleDir: string;
  clock?: Clock;
  /** smtp://host:port to send through a real server instead of the outbox folder. */
  smtp?: string;
  /** Create the workbook from the demo data when the file does not exist. */
  createDemoIfMissing?: boolean;
  /** Write a new demo workbook (and state) over the file (`platina demo --force`). */
  replaceWithDemo?: boolean;
  log?: (line: string) => void;
  runtime?: Partial<RuntimeOptions>;
}

export interface OpenedWorkbook {
  runtime: Runtime;
  path: string;
  outbox: string;
  /** Writes the workbook and its sidecar (each atomically), only what changed. */
  save(): Promise<void>;
  /**
   * Persists an execution: all of it when it succeeded; when it failed, only what it
   * wrote up to its last SpreadsheetApp.flush() (the workbook is reloaded from disk first).
   */
  settle(execution: ExecutionResult): Promise<void>;
}

export function outboxDir(workbookPath: string): string {
  const name = basename(workbookPath, extname(workbookPath));
  return join(dirname(workbookPath), `${name}-outbox`);
}

/** LockService's lock files, one folder per workbook so workbooks in one folder never block each other. */
export function lockDirFor(workbookPath: string): string {
  const dir = `${workbookPath}.locks`;
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * One process at a time works on a workbook: each keeps it in memory and saves
 * it whole, so a second process (a CLI run while the workbench is open) would
 * silently overwrite the other's writes. The claim ends when the process exits.
 */
function claimWorkbook(workbookPath: string): void {
  const claim = `${workbookPath}.platina.pid`;
  if (claimed.has(claim)) return;
  for (;;) {
    try {
      writeFileSync(claim, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(claim, "utf8"));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(`ブック「${basename(workbookPath)}」は別の platina（プロセス ${holder}、たとえば npm start のワークベンチ）が使用中です。そちらを終了してから実行してください。`);
      }
      rmSync(claim, { force: true });
    }
  }
  claimed.add(claim);
  if (claimed.size === 1) process.once("exit", () => claimed.forEach((c) => rmSync(c, { force: true })));
}

const claimed = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function openWorkbook(options: OpenOptions): Promise<OpenedWorkbook> {
  const path = resolve(options.workbook);
  claimWorkbook(path);
  const createDemo = options.replaceWithDemo === true || (!existsSync(path) && options.createDemoIfMissing === true);
  const model = createDemo ? createDemoModel() : await loadWorkbook(path, "Asia/Tokyo");
  // A new demo starts with no state, even beside a stale sidecar.
  const state = createDemo ? emptyState() : loadSidecar(sidecarPath(path));
  const outbox = outboxDir(path);
  const runtime = new Runtime({
    bundleDir: options.bundleDir,
    model,
    state,
    clock: options.clock ?? realClock(),
    mail: options.smtp ? smtpTransport(options.smtp) : outboxTransport(outbox),
    lockDir: lockDirFor(path),
    spreadsheetId: basename(path),
    log: options.log,
    ...options.runtime,
  });
  // Only what changed is written, so a run that changes nothing leaves the files untouched.
  let cellsChanged = false;
  runtime.model.onChange(() => {
    cellsChanged = true;
  });
  let savedState = JSON.stringify(runtime.state);
  const watch = () =>
    runtime.model.onChange(() => {
      cellsChanged = true;
    });
  const save = async () => {
    if (cellsChanged) await saveWorkbook(runtime.model, path);
    cellsChanged = false;
    const state = JSON.stringify(runtime.state);
    if (state !== savedState) saveSidecar(sidecarPath(path), runtime.state);
    savedState = state;
  };
  if (createDemo) {
    setUpDemo(runtime);
    await saveWorkbook(runtime.model, path);
    cellsChanged = false;
    saveSidecar(sidecarPath(path), runtime.state);
    savedState = JSON.stringify(runtime.state);
  }
  return {
    runtime,
    path,
    outbox,
    save,
    async settle(execution) {
      if (execution.ok) return save();
      // The failed execution's writes are in memory: start again from the saved file.
      const model = await loadWorkbook(path, "Asia/Tokyo");
      runtime.replaceModel(model);
      cellsChanged = false;
      watch();
      if (execution.committed?.length) replay(model, execution.committed);
      await save();
    },
  };
}
