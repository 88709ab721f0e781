// Per-cell data kept beside the formula engine (formats, styles, validation…),
// stored sparsely and shifted when rows or columns are inserted or deleted,
// so it stays attached to the same cells as the engine's formulas.

export class SparseGrid<T> {
  private rows = new Map<number, Map<number, T>>();

  get(row: number, column: number): T | undefined {
    return this.rows.get(row)?.get(column);
  }

  set(row: number, column: number, value: T): void {
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = new Map()));
    cells.set(column, value);
  }

  delete(row: number, column: number): void {
    const cells = this.rows.get(row);
    if (!cells) return;
    cells.delete(column);
    if (cells.size === 0) this.rows.delete(row);
  }

  clear(): void {
    this.rows.clear();
  }

  *entries(): IterableIterator<[row: number, column: number, value: T]> {
    for (const [row, cells] of this.rows) {
      for (const [column, value] of cells) yield [row, column, value];
    }
  }

  /** Largest row / column index holding a value, or -1. */
  extent(): { lastRow: number; lastColumn: number } {
    let lastRow = -1;
    let lastColumn = -1;
    for (const [row, cells] of this.rows) {
      lastRow = Math.max(lastRow, row);
      for (const column of cells.keys()) lastColumn = Math.max(lastColumn, column);
    }
    return { lastRow, lastColumn };
  }

  /** Rows at or below `at` move down by `count`; the gap is empty. */
  insertRows(at: number, count: number): void {
    this.rows = remap(this.rows, (row) => (row >= at ? row + count : row));
  }

  deleteRows(at: number, count: number): void {
    this.rows = remap(this.rows, (row) => (row < at ? row : row < at + count ? null : row - count));
  }

  insertColumns(at: number, count: number): void {
    for (const [row, cells] of this.rows) this.rows.set(row, remap(cells, (c) => (c >= at ? c + count : c)));
  }

  deleteColumns(at: number, count: number): void {
    for (const [row, cells] of [...this.rows]) {
      const moved = remap(cells, (c) => (c < at ? c : c < at + count ? null : c - count));
      if (moved.size === 0) this.rows.delete(row);
      else this.rows.set(row, moved);
    }
  }
}

function remap<V>(map: Map<number, V>, move: (key: number) => number | null): Map<number, V> {
  const out = new Map<number, V>();
  for (const [key, value] of map) {
    const target = move(key);
    if (target !== null) out.set(target, value);
  }
  return out;
}
