// The open workbook inside the worker. After each execution its changes are
// settled: saved when it succeeded; when it failed, the workbook goes back to
// the last save (plus what it committed with SpreadsheetApp.flush()), as the
// runtime's settle() does for the CLI.
import { openWorkbook, type OpenedWorkbook, type OpenOptions } from "../../runtime/open";
import type { ExecutionResult, Runtime } from "../../runtime/runtime";
import type { WorkbookModel } from "../../workbook/model";
import type { SheetInfo } from "../protocol/api-types";
import { sheetInfo } from "../grid/grid-window";

export interface SessionOptions extends OpenOptions {
  webAppUrl: string;
  /** Told which sheets changed (coalesced per turn of the event loop), with every sheet's layout. */
  onChange(sheets: string[], infos: SheetInfo[]): void;
  onSaveError(error: Error): void;
}

export class WorkbookSession {
  private watched: WorkbookModel | null = null;
  private unsubscribe: () => void = () => undefined;
  /** Cells changed since the last settle: a failed execution that changed none needs no reload. */
  private dirty = false;
  private readonly pending = new Set<string>();
  private flushScheduled = false;
  private closed = false;

  private constructor(
    private readonly opened: OpenedWorkbook,
    private readonly options: SessionOptions,
  ) {
    opened.runtime.state.webAppUrl = options.webAppUrl;
    this.watchModel();
  }

  static async open(options: SessionOptions): Promise<WorkbookSession> {
    return new WorkbookSession(await openWorkbook(options), options);
  }

  get runtime(): Runtime {
    return this.opened.runtime;
  }

  get path(): string {
    return this.opened.path;
  }

  sheetInfos(): SheetInfo[] {
    return this.runtime.model.getSheets().map(sheetInfo);
  }

  /** Keeps what an execution did (all of it, or on failure what it committed) on disk and on screen. */
  async settle(execution: ExecutionResult): Promise<void> {
    // A failed execution that wrote no cell needs no reload: the runtime has already put its state back.
    await this.guard(execution.ok || this.dirty ? this.opened.settle(execution) : this.opened.save());
    this.dirty = false;
    this.watchModel();
  }

  /** Writes the user's own edits (not an execution). */
  async save(): Promise<void> {
    await this.guard(this.opened.save());
    this.dirty = false;
  }

  /** Stops telling about changes and gives the workbook up (the last execution was settled). */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.opened.close();
  }

  /** Sends the changes noted so far now, e.g. before an alert suspends the execution. */
  flushChanges(): void {
    if (this.closed || this.pending.size === 0) return;
    const sheets = [...this.pending];
    this.pending.clear();
    this.options.onChange(sheets, this.sheetInfos());
  }

  private notify(sheets: string[]): void {
    for (const name of sheets) this.pending.add(name);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flushChanges();
    });
  }

  /** A failed execution's settle swaps in the workbook reloaded from disk: listen to that one, redraw everything. */
  private watchModel(): void {
    const model = this.runtime.model;
    if (model === this.watched) return;
    const replaced = this.watched !== null;
    this.unsubscribe();
    this.watched = model;
    this.unsubscribe = model.onChange((sheets) => {
      this.dirty = true;
      this.notify(sheets);
    });
    if (replaced) this.notify(model.getSheets().map((s) => s.getName()));
  }

  private async guard(saving: Promise<void>): Promise<void> {
    try {
      await saving;
    } catch (error) {
      this.options.onSaveError(error as Error);
    }
  }
}
