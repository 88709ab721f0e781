// Rows of one sheet, fetched in windows as the grid scrolls. After a change the
// old rows stay on screen until the new ones arrive, so nothing flickers.
import type { CellView, RowsWindow, ValidationView } from "../protocol/api-types";
import { getJson } from "./api";

export const WINDOW_ROWS = 100;

interface Window {
  data: RowsWindow | null;
  stale: boolean;
  loading: Promise<void> | null;
}

export class SheetRows {
  private readonly windows = new Map<number, Window>();

  constructor(readonly sheet: string) {}

  row(row: number): { cells: (CellView | null)[]; validations: ValidationView[] } | null {
    const data = this.windows.get(Math.floor(row / WINDOW_ROWS))?.data;
    const cells = data?.rows[row - data.from];
    return data && cells ? { cells, validations: data.validations } : null;
  }

  cell(row: number, column: number): CellView | null {
    return this.row(row)?.cells[column] ?? null;
  }

  /** Loads every window touching rows first..last that is missing or stale; resolves when they are all current. */
  async ensure(first: number, last: number): Promise<void> {
    for (;;) {
      const loads: Promise<void>[] = [];
      for (let index = Math.floor(first / WINDOW_ROWS); index <= Math.floor(last / WINDOW_ROWS); index++) {
        let window = this.windows.get(index);
        if (!window) this.windows.set(index, (window = { data: null, stale: true, loading: null }));
        // A window invalidated while loading is fetched again after that load.
        if (!window.loading && window.stale) window.loading = this.load(index, window);
        if (window.loading) loads.push(window.loading);
      }
      if (loads.length === 0) return;
      await Promise.all(loads);
    }
  }

  /** Everything is out of date (the sheet changed); shown rows are refetched by the next ensure(). */
  invalidate(): void {
    for (const window of this.windows.values()) window.stale = true;
  }

  /** New rows pushed with a change: current unless a load already under way would overwrite them. */
  put(data: RowsWindow): void {
    const index = data.from / WINDOW_ROWS;
    const window = this.windows.get(index);
    if (!Number.isInteger(index) || data.count !== WINDOW_ROWS || window?.loading) return;
    this.windows.set(index, { data, stale: false, loading: null });
  }

  /** Shows typed text before the server's recalculated rows arrive ('… shows without its apostrophe). */
  setOptimistic(row: number, column: number, typed: string): void {
    const cells = this.row(row)?.cells;
    if (!cells) return;
    const shown = typed.replace(/^'/, "");
    cells[column] = { ...cells[column], v: shown, k: "s", f: undefined, x: shown === typed ? undefined : typed, err: undefined };
  }

  private async load(index: number, window: Window): Promise<void> {
    window.stale = false;
    try {
      const params = new URLSearchParams({ sheet: this.sheet, from: String(index * WINDOW_ROWS), count: String(WINDOW_ROWS) });
      window.data = await getJson<RowsWindow>(`/api/rows?${params}`);
    } catch (error) {
      window.stale = true;
      throw error;
    } finally {
      window.loading = null;
    }
  }
}
