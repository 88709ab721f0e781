// The user's own grid edits, for Ctrl+Z / Ctrl+Y as in Sheets: each entry holds
// what the cells held before and what was written, so undo and redo are plain
// edits of those texts (the server runs them like any edit: triggers, 履歴).
// Script changes are not here, as Sheets does not undo them for the user.

export interface EditEntry {
  sheet: string;
  row: number;
  column: number;
  before: string[][];
  after: string[][];
}

/** Sheets keeps a long history; this bounds the page's memory. */
const LIMIT = 100;

export class EditHistory {
  private readonly done: EditEntry[] = [];
  private readonly undone: EditEntry[] = [];

  /** A new edit: what was undone before it can no longer be redone. */
  record(entry: EditEntry): void {
    this.done.push(entry);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone.length = 0;
  }

  /**
   * Writes the last edit's old texts (or the last undone edit's new ones) through
   * `write`; the entry moves to the other stack only if that write went through.
   */
  undo(write: (entry: EditEntry, values: string[][]) => Promise<boolean>): Promise<void> {
    return this.move(this.done, this.undone, (entry) => write(entry, entry.before));
  }

  redo(write: (entry: EditEntry, values: string[][]) => Promise<boolean>): Promise<void> {
    return this.move(this.undone, this.done, (entry) => write(entry, entry.after));
  }

  private async move(from: EditEntry[], to: EditEntry[], write: (entry: EditEntry) => Promise<boolean>): Promise<void> {
    const entry = from.pop();
    if (!entry) return;
    if (await write(entry)) to.push(entry);
    else from.push(entry);
  }
}
