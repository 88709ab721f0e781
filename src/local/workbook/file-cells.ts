// Cells as the .xlsx file holds them: what xlsx-store loads and saves, and the
// formula results cached in the file, shown until the engine recalculates.

import type { CellInput } from "./model";

/** A cell's stored value without formatting: numbers stay serials, errors are their display text. */
export type RawValue = number | string | boolean | null | { error: string };

/** A formula result read from a file, shown until the engine recalculates the cell. */
export interface CachedCell {
  value: RawValue;
  /** A neighbour a custom function spilled into: shown, but not content that blocks the next spill. */
  spilled: boolean;
  /** A spilled neighbour's number format goes with its value rather than onto the cell. */
  format: string | null;
}

/** What xlsx-store saves for one cell. */
export interface StoredCell {
  /** Sheets formula text with "=", or null. */
  formula: string | null;
  value: RawValue;
  spilled: boolean;
  /** The number format shown: the cell's own, or one implied by a date-typed result. */
  format: string | null;
}

/** One sheet as xlsx-store hands it over to be loaded. */
export interface LoadedSheet {
  name: string;
  cells: { row: number; column: number; input: CellInput; cached?: RawValue; spilled?: boolean; format?: string }[];
}
