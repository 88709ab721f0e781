// Range.setBorder on per-cell sides. Each drawn edge is kept on exactly one
// cell side: setting or removing an outer edge also clears the neighbour's side
// of that edge, so a line removed here cannot linger from the cell next door.
import type { BorderLine, BorderUpdate, CellBorders, GridRange } from "./model";

type Side = keyof CellBorders;

export interface SideChange {
  row: number;
  column: number;
  side: Side;
  /** null removes the line. */
  line: BorderLine | null;
}

/** Every cell side the update touches, in the range and just outside it (within the sheet). */
export function borderChanges(range: GridRange, update: BorderUpdate, maxRows: number, maxColumns: number): SideChange[] {
  const changes: SideChange[] = [];
  const lastRow = range.row + range.numRows - 1;
  const lastColumn = range.column + range.numColumns - 1;
  const put = (row: number, column: number, side: Side, flag: boolean | null, mine: boolean) => {
    if (flag === null || row < 0 || column < 0 || row >= maxRows || column >= maxColumns) return;
    changes.push({ row, column, side, line: flag && mine ? { ...update.line } : null });
  };
  for (let row = range.row; row <= lastRow; row++) {
    for (let column = range.column; column <= lastColumn; column++) {
      put(row, column, "top", row === range.row ? update.top : update.horizontal, true);
      put(row, column, "bottom", row === lastRow ? update.bottom : update.horizontal, true);
      put(row, column, "left", column === range.column ? update.left : update.vertical, true);
      put(row, column, "right", column === lastColumn ? update.right : update.vertical, true);
    }
  }
  for (let column = range.column; column <= lastColumn; column++) {
    put(range.row - 1, column, "bottom", update.top, false);
    put(lastRow + 1, column, "top", update.bottom, false);
  }
  for (let row = range.row; row <= lastRow; row++) {
    put(row, range.column - 1, "right", update.left, false);
    put(row, lastColumn + 1, "left", update.right, false);
  }
  return changes;
}

/** The borders after one change; undefined when no side is left. */
export function withSide(borders: CellBorders | undefined, side: Side, line: BorderLine | null): CellBorders | undefined {
  const next: CellBorders = { ...borders };
  if (line) next[side] = line;
  else delete next[side];
  return Object.keys(next).length ? next : undefined;
}
