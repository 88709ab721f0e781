// Opening a workbook for the runtime: the .xlsx, its sidecar state, the bundle,
// mail and locks beside it — and saving both files after a successful execution.
import { existsSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { createDemoModel } from "../demo-workbook";
import { outboxTransport, smtpTransport } from "../services/mail";
import { loadSidecar, saveSidecar, sidecarPath } from "../workbook/sidecar";
import { loadWorkbook, saveWorkbook } from "../workbook/xlsx-store";
import { realClock } from "./clock";
import { replay } from "./journal";
import type { Clock } from "./env";
import { Runtime, type ExecutionResult, type RuntimeOptions } from "./runtime";

export interface OpenOptions {
  workbook: string;
  bundleDir: string;
  clock?: Clock;
  /** smtp://host:port to send through a real server instead of the outbox folder. */
  smtp?: string;
  /** Create the workbook from the demo data when the file does not exist. */
  createDemoIfMissing?: boolean;
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

export async function openWorkbook(options: OpenOptions): Promise<OpenedWorkbook> {
  const path = resolve(options.workbook);
  let model;
  if (!existsSync(path) && options.createDemoIfMissing) {
    model = createDemoModel();
    await saveWorkbook(model, path);
  } else {
    model = await loadWorkbook(path, "Asia/Tokyo");
  }
  const state = loadSidecar(sidecarPath(path));
  const outbox = outboxDir(path);
  const runtime = new Runtime({
    bundleDir: options.bundleDir,
    model,
    state,
    clock: options.clock ?? realClock(),
    mail: options.smtp ? smtpTransport(options.smtp) : outboxTransport(outbox),
    lockDir: dirname(path),
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
