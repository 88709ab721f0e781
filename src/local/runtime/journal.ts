// SpreadsheetApp.flush() as a commit point. An execution's workbook writes are
// journaled in memory; each commit hands the writes since the previous one to
// the commit log on disk (commit-log.ts). When the execution fails, what it
// committed is replayed onto the saved workbook and the rest is dropped —
// all-or-nothing for executions that never flush, and no lost record for those
// that flush after each step (as the follow-up mailing does after each send).
import type { SheetModel, WorkbookModel } from "../workbook/model";

export interface JournalEntry {
  /** The sheet's name when the call was made; null for workbook-level calls. */
  sheet: string | null;
  method: string;
  args: unknown[];
}

const SHEET_WRITES = new Set([
  "setName", "setCells", "setNumberFormat", "setStyle", "setBorders", "insertRowsAfter", "deleteRows", "insertColumnsAfter",
  "deleteColumns", "setFrozenRows", "setFrozenColumns", "setValidation", "setConditionalRules", "setColumnWidth",
  "setHidden", "setTabColor",
]);

export class Journal {
  private readonly entries: JournalEntry[] = [];
  private committedLength = 0;
  private readonly sheets = new WeakMap<SheetModel, SheetModel>();

  /** The entries since the last commit. */
  get uncommitted(): JournalEntry[] {
    return this.entries.slice(this.committedLength);
  }

  commit(): void {
    this.committedLength = this.entries.length;
  }

  /** The model as an execution sees it: every write is recorded before it is made. */
  wrap(model: WorkbookModel): WorkbookModel {
    const journal = this;
    return new Proxy(model, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (key === "insertSheet" || key === "moveSheet" || key === "deleteSheet") {
            const named = args.map((a) => (isSheet(a) ? a.getName() : a));
            journal.entries.push({ sheet: null, method: key, args: structuredClone(named) });
          }
          const unwrapped = args.map((a) => (isSheet(a) ? journal.unwrap(a) : a));
          return journal.wrapResult(value.apply(target, unwrapped));
        };
      },
    });
  }

  private wrapResult(result: unknown): unknown {
    if (Array.isArray(result)) return result.map((r) => (isSheet(r) ? this.wrapSheet(r) : r));
    return isSheet(result) ? this.wrapSheet(result) : result;
  }

  private readonly raw = new WeakMap<SheetModel, SheetModel>();

  private unwrap(sheet: SheetModel): SheetModel {
    return this.raw.get(sheet) ?? sheet;
  }

  private wrapSheet(sheet: SheetModel): SheetModel {
    const known = this.sheets.get(sheet);
    if (known) return known;
    const journal = this;
    const proxy = new Proxy(sheet, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== "function" || typeof key !== "string" || !SHEET_WRITES.has(key)) return value;
        return (...args: unknown[]) => {
          journal.entries.push({ sheet: target.getName(), method: key, args: structuredClone(args) });
          return value.apply(target, args);
        };
      },
    });
    this.sheets.set(sheet, proxy);
    this.raw.set(proxy, sheet);
    return proxy;
  }
}

function isSheet(value: unknown): value is SheetModel {
  return typeof value === "object" && value !== null && typeof (value as SheetModel).setCells === "function";
}

/** Applies journaled writes, in order, to a model loaded from the saved file. */
export function replay(model: WorkbookModel, entries: readonly JournalEntry[]): void {
  model.batch(() => {
    for (const entry of entries) {
      if (entry.sheet === null) {
        const target = entry.method === "insertSheet" ? null : model.getSheetByName(String(entry.args[0]));
        if (entry.method === "insertSheet") model.insertSheet(String(entry.args[0]), entry.args[1] as number | undefined);
        else if (target && entry.method === "deleteSheet") model.deleteSheet(target);
        else if (target && entry.method === "moveSheet") model.moveSheet(target, entry.args[1] as number);
        continue;
      }
      const sheet = model.getSheetByName(entry.sheet);
      if (!sheet) throw new Error(`記録の再適用に失敗しました: シート「${entry.sheet}」がありません。`);
      (sheet[entry.method as keyof SheetModel] as (...a: unknown[]) => unknown)(...entry.args);
    }
  });
}
