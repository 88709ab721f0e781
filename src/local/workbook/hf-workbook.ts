// The offline workbook over HyperFormula: the ordered sheets and their names,
// every change run through one path (mutate) that re-enters reshaped custom-function
// spills and tells listeners which sheets changed.

import { ExportedCellChange, HyperFormula, type ExportedChange, type SimpleCellAddress } from "hyperformula";
import { CustomFunctionBridge } from "./custom-function-bridge";
import type { LoadedSheet } from "./file-cells";
import { callsVolatile, createEngine, withAllFunctions } from "./formula-engine";
import { HfSheet } from "./hf-sheet";
import type { CustomFunctionInvoker, SheetModel, WorkbookModel } from "./model";

/** The longest sheet name Google Sheets accepts. */
const SHEET_NAME_LIMIT = 100;

function duplicateNameError(name: string): Error {
  return new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

/**
 * `customFunctions`: the names the bundle will bind with setCustomFunctions. The engine is built
 * with them and evaluates nothing until they are bound (or a read needs values), so opening a
 * workbook evaluates its formulas once instead of once without the functions and again with them.
 */
export function createWorkbook(options: { name: string; timeZone: string; customFunctions?: string[] }): HfWorkbook {
  return new HfWorkbook(options.name, options.timeZone, options.customFunctions);
}

export class HfWorkbook implements WorkbookModel {
  /** @internal the engine; sheets reach it through their workbook. */
  readonly hf: HyperFormula;
  private readonly sheets: HfSheet[] = [];
  private nextSheetId = 0;
  private readonly listeners = new Set<(sheetNames: string[]) => void>();
  private readonly changed = new Set<string>();
  private depth = 0;
  private batchDepth = 0;
  private readonly functions = new CustomFunctionBridge(this);
  /** Custom functions the engine was built with, and the invoker bound to them (null until setCustomFunctions). */
  private readonly builtWith: { names: string[]; invoke: CustomFunctionInvoker | null } | null;
  /** Built with custom functions that are not bound yet, and nothing evaluated so far. */
  private awaitingFunctions = false;
  /** Inside setCustomFunctions: its evaluation changes no cell's content. */
  private binding = false;

  constructor(
    private readonly name: string,
    private readonly timeZone: string,
    customFunctions?: string[],
  ) {
    if (customFunctions) {
      const built = { names: [...customFunctions], invoke: null as CustomFunctionInvoker | null };
      this.builtWith = built;
      this.hf = createEngine(
        this.functions.plugin(
          customFunctions,
          (name, args) => {
            // Only a read before the bundle is bound gets here: setCustomFunctions evaluates again.
            if (!built.invoke) throw new Error("カスタム関数はまだ読み込まれていません。");
            return built.invoke(name, args);
          },
          () => built.invoke !== null,
        ),
      );
      this.hf.suspendEvaluation();
      this.awaitingFunctions = true;
    } else {
      this.builtWith = null;
      this.hf = createEngine();
    }
  }

  getName(): string {
    return this.name;
  }

  getTimeZone(): string {
    return this.timeZone;
  }

  getSheets(): SheetModel[] {
    return [...this.sheets];
  }

  getSheetByName(name: string): HfSheet | null {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }

  getSheetById(sheetId: number): HfSheet | null {
    return this.sheets.find((s) => s.sheetId === sheetId) ?? null;
  }

  insertSheet(name: string, index?: number): HfSheet {
    this.assertNameFree(name);
    return this.mutate([name], () => {
      this.hf.addSheet(name);
      const sheet = new HfSheet(this, this.nextSheetId++, name);
      this.sheets.splice(index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
      return sheet;
    });
  }

  deleteSheet(sheet: SheetModel): void {
    const target = this.own(sheet);
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.mutate([target.getName()], () => {
      this.apply(() => this.hf.removeSheet(target.engineId));
      this.sheets.splice(this.sheets.indexOf(target), 1);
    });
  }

  moveSheet(sheet: SheetModel, index: number): void {
    const target = this.own(sheet);
    this.mutate([target.getName()], () => {
      this.sheets.splice(this.sheets.indexOf(target), 1);
      this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, target);
    });
  }

  setCustomFunctions(names: string[], invoke: CustomFunctionInvoker): void {
    this.binding = true;
    try {
      if (this.builtWith && sameNames(this.builtWith.names, names)) {
        this.builtWith.invoke = invoke;
        if (this.awaitingFunctions) {
          // The first evaluation, with the functions bound.
          this.awaitingFunctions = false;
          this.recalculateWith(() => this.apply(() => this.hf.resumeEvaluation()));
        } else {
          this.recalculate();
        }
        return;
      }
      const plugin = this.functions.plugin(names, invoke);
      this.recalculateWith(() => this.hf.updateConfig({ functionPlugins: withAllFunctions(plugin) }));
    } finally {
      this.binding = false;
      // A copy shows its source's results only until its own functions are bound.
      this.functions.carry(null);
    }
  }

  /**
   * A copy of the workbook (cells, formats, layout, sheet ids) that waits for its bundle like a
   * workbook just opened. Once bound, a formula whose function gets the arguments it last got here
   * shows that result instead of being called again, as a copied file shows the values it was made with.
   */
  copy(): HfWorkbook {
    this.ready();
    const copy = new HfWorkbook(this.name, this.timeZone, this.builtWith?.names);
    copy.nextSheetId = this.nextSheetId;
    // Before the cells: entering a formula reserves the size of the result it carries.
    copy.functions.carry(new Map(this.functions.latestCalls()));
    copy.batch(() => {
      const sheets = this.sheets.map((sheet) => {
        copy.hf.addSheet(sheet.getName());
        return new HfSheet(copy, sheet.sheetId, sheet.getName());
      });
      copy.sheets.push(...sheets);
      this.sheets.forEach((sheet, i) => sheet.copyInto(sheets[i]));
    });
    if (!this.hasVolatileFormula()) copy.functions.assumeUnchanged();
    copy.changed.clear();
    return copy;
  }

  /** Whether a formula calls a function that gives a new value at each evaluation (RAND, NOW, TODAY…). */
  private hasVolatileFormula(): boolean {
    return this.sheets.some((sheet) =>
      this.hf.getSheetFormulas(sheet.engineId).some((row) => row.some((formula) => formula !== undefined && callsVolatile(formula))),
    );
  }

  recalculate(): void {
    this.recalculateWith(() => this.hf.rebuildAndRecalculate());
  }

  /** Writes inside suspend the engine's evaluation until the next read or the end of the batch. */
  batch<T>(fn: () => T): T {
    return this.mutate([], () => {
      this.batchDepth++;
      try {
        return fn();
      } finally {
        this.batchDepth--;
        // Awaiting the custom functions, evaluation waits for them or for a read.
        if (this.batchDepth === 0 && !this.awaitingFunctions) this.ready();
      }
    });
  }

  onChange(listener: (sheetNames: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads file contents (xlsx-store): all sheets first, so cross-sheet formulas resolve. */
  loadSheets(loaded: LoadedSheet[]): HfSheet[] {
    return this.mutate(
      loaded.map((s) => s.name),
      () => {
        const sheets = loaded.map((s) => this.insertSheet(s.name));
        this.batch(() => {
          loaded.forEach((data, i) => sheets[i].load(data));
        });
        // Cached results go in after the engine's first evaluation, which would clear them.
        loaded.forEach((data, i) => sheets[i].loadCached(data));
        return sheets;
      },
    );
  }

  // ---- used by HfSheet ----

  /** Runs a change; the outermost one re-enters reshaped spills and tells listeners. */
  mutate<T>(touched: string[], fn: () => T): T {
    const outermost = this.depth === 0;
    if (outermost) this.functions.forgetResults();
    if (outermost && !this.binding) this.functions.changed();
    if (this.batchDepth > 0 && !this.hf.isEvaluationSuspended()) this.hf.suspendEvaluation();
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      for (const name of touched) this.changed.add(name);
      if (outermost) this.finish();
    }
  }

  /** Runs an engine operation and records what it changed. */
  apply(operation: () => ExportedChange[]): void {
    try {
      this.track(operation());
    } catch (error) {
      // A custom function outgrew cells the engine reserved where it could not be cut to size
      // (an array expression after a structural change): rebuilding sizes every formula again.
      if (!(error instanceof Error && error.message === "Resizing to smaller array")) throw error;
      this.recalculateWith(() => this.hf.rebuildAndRecalculate());
    }
  }

  /** Records engine changes: dirty sheets, and cached file results that are now recalculated. */
  private track(changes: ExportedChange[]): void {
    const byEngineId = new Map(this.sheets.map((s) => [s.engineId, s]));
    for (const change of changes) {
      if (!(change instanceof ExportedCellChange)) continue;
      const sheet = byEngineId.get(change.sheet);
      if (!sheet) continue;
      this.changed.add(sheet.getName());
      sheet.forgetCached(change.row, change.col);
    }
    for (const sheet of this.sheets) sheet.invalidateExtent();
  }

  /** Reads need evaluated values: inside a batch, evaluate the writes so far. */
  ready(): void {
    if (!this.hf.isEvaluationSuspended()) return;
    this.awaitingFunctions = false;
    this.apply(() => this.hf.resumeEvaluation());
    this.settle();
  }

  assertNameFree(name: string, except?: HfSheet): void {
    // Sheets' own limit (issue #20); the .xlsx file's 31 are handled on save without cutting the name.
    if (name.length > SHEET_NAME_LIMIT) {
      throw new Error(`シート名は ${SHEET_NAME_LIMIT} 文字までです（「${name.slice(0, 20)}…」は ${name.length} 文字）。短い名前にしてください。`);
    }
    const lower = name.toLowerCase();
    if (this.sheets.some((s) => s !== except && s.getName().toLowerCase() === lower)) throw duplicateNameError(name);
  }

  private own(sheet: SheetModel): HfSheet {
    const found = this.getSheetById(sheet.sheetId);
    if (!found) throw new Error("The sheet does not belong to this spreadsheet.");
    return found;
  }

  private recalculateWith(rebuild: () => void): void {
    this.mutate(
      this.sheets.map((s) => s.getName()),
      () => {
        rebuild();
        for (const sheet of this.sheets) sheet.forgetAllCached();
      },
    );
  }

  private finish(): void {
    try {
      this.settle();
    } finally {
      const names = this.sheets.map((s) => s.getName()).filter((n) => this.changed.has(n));
      this.changed.clear();
      if (names.length) for (const listener of [...this.listeners]) listener(names);
    }
  }

  /**
   * Re-enters custom-function formulas whose result changed shape, and blocked
   * spills whose cells have been cleared, so the engine sizes them again.
   */
  private settle(): void {
    if (this.hf.isEvaluationSuspended()) return;
    // A few re-entries per formula and change let chained spills settle; a result that keeps changing shape cannot loop.
    const attempts = new Map<string, number>();
    const key = (a: SimpleCellAddress) => `${a.sheet}:${a.row}:${a.col}`;
    for (;;) {
      const targets = new Map<string, SimpleCellAddress>();
      for (const { sheetName, row, col } of this.functions.takeReentries()) {
        const sheet = this.hf.getSheetId(sheetName);
        if (sheet !== undefined) targets.set(key({ sheet, row, col }), { sheet, row, col });
      }
      for (const sheet of this.sheets) {
        for (const address of sheet.unblockedSpills()) targets.set(key(address), address);
      }
      for (const k of targets.keys()) if ((attempts.get(k) ?? 0) >= 3) targets.delete(k);
      if (targets.size === 0) return;
      for (const [k, address] of targets) {
        attempts.set(k, (attempts.get(k) ?? 0) + 1);
        const formula = this.hf.getCellFormula(address);
        if (formula !== undefined) this.apply(() => this.hf.setCellContents(address, [[formula]]));
      }
    }
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
