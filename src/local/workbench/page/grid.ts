// The sheet grid: row and column headers, frozen rows and columns (sticky),
// and only the rows in view drawn (10,000-row sheets scroll without drawing
// 10,000 rows). Selection (also moved by the add-on), typing, the in-cell
// editor, validation dropdowns, checkboxes, copy and paste, undo and redo,
// column widths, colours and borders from the workbook.
import type { ActiveSelection, CellBorders, CellView, RowsWindow, SheetInfo, ValidationView } from "../protocol/api-types";
import { openEditor, type Move } from "./cell-editor";
import { escapeHtml, h } from "./dom";
import { openDropdown } from "./dropdown";
import { EditHistory, type EditEntry } from "./edit-history";
import { cellName, columnName } from "./format";
import { SheetRows } from "./grid-data";

const ROW_HEIGHT = 21;
const HEAD_HEIGHT = 22;
const ROW_HEAD_WIDTH = 46;
/** Rows drawn beyond the visible ones, so short scrolls need no redraw. */
const OVERSCAN = 12;

interface Selection {
  /** The active cell (where the selection started). */
  row: number;
  column: number;
  /** The opposite corner. */
  row2: number;
  column2: number;
}

export interface GridHost {
  /** The active cell changed (or its contents did): the formula bar follows. */
  onSelection(name: string, cell: CellView | null): void;
  /** The editor's text as it is typed, for the formula bar. */
  onEditing(text: string): void;
  /** Writes what the user typed/pasted into the sheet: what the cells held before, or null when refused (the host says why). */
  write(sheet: string, row: number, column: number, values: string[][]): Promise<string[][] | null>;
}

export class Grid {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private readonly head: HTMLDivElement;
  // headRows and body are redrawn with innerHTML; the editor is put beside them, so redraws leave it alone.
  private readonly headRows: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly tooltip: HTMLDivElement;
  /**
   * Keyboard focus of the grid: a transparent textarea at the active cell. What is
   * typed into it (keys, IME compositions, inserted text) opens the editor with that text.
   */
  private readonly sink: HTMLTextAreaElement;
  private readonly caches = new Map<string, SheetRows>();
  private info: SheetInfo | null = null;
  private rows: SheetRows | null = null;
  private offsets: number[] = [];
  private drawn = { first: 0, last: -1 };
  private frame = 0;
  private editing = false;
  private dragging = false;
  private sel: Selection = { row: 0, column: 0, row2: 0, column2: 0 };
  private readonly history = new EditHistory();
  /** Edits, undo and redo are sent one after another, each on the outcome of the one before. */
  private historyQueue: Promise<void> = Promise.resolve();
  /** Counts the user's own moves of the selection (clicks, keys), so that a late undo does not take it back. */
  private userMoves = 0;

  constructor(private readonly host: GridHost) {
    this.headRows = h("div");
    this.head = h("div", { class: "head" }, this.headRows);
    this.body = h("div", { class: "body" });
    this.sink = h("textarea", { class: "key-sink", "aria-label": "セルに入力", autocomplete: "off", spellcheck: "false" });
    this.canvas = h("div", { class: "canvas" }, this.head, this.body, this.sink);
    this.tooltip = h("div", { class: "cell-tooltip", hidden: true });
    this.element = h("div", { class: "grid", role: "region", "aria-label": "シート" }, this.canvas, this.tooltip);
    this.element.addEventListener("scroll", () => this.schedule());
    this.element.addEventListener("mousedown", (e) => this.mouseDown(e));
    this.element.addEventListener("mouseover", (e) => this.hover(e));
    this.element.addEventListener("dblclick", (e) => {
      if (this.cellAt(e.target)) this.startEdit();
    });
    this.sink.addEventListener("keydown", (e) => this.keyDown(e));
    this.sink.addEventListener("input", (e) => {
      if (!(e as InputEvent).isComposing) this.typed();
    });
    this.sink.addEventListener("compositionstart", () => this.sink.classList.add("composing"));
    this.sink.addEventListener("compositionend", () => this.typed());
    document.addEventListener("mousemove", (e) => this.drag(e));
    document.addEventListener("mouseup", () => (this.dragging = false));
    document.addEventListener("copy", (e) => this.copy(e));
    document.addEventListener("paste", (e) => this.paste(e));
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  get sheet(): string | null {
    return this.info?.name ?? null;
  }

  /** Shows another sheet (its rows are kept for when it is shown again). */
  show(info: SheetInfo): void {
    this.info = info;
    this.rows = this.caches.get(info.name) ?? new SheetRows(info.name);
    this.caches.set(info.name, this.rows);
    this.sel = { row: 0, column: 0, row2: 0, column2: 0 };
    this.layout();
    this.element.scrollTo(0, 0);
    this.redraw();
    this.announce();
  }

  /** The sheet's layout changed (size, frozen rows, widths). */
  relayout(info: SheetInfo): void {
    this.info = info;
    this.layout();
    this.redraw();
  }

  /** Cells of these sheets changed: rows come with the change or are fetched again (the visible ones now). */
  changed(sheets: string[], windows: RowsWindow[]): void {
    for (const name of sheets) this.caches.get(name)?.invalidate();
    for (const window of windows) this.caches.get(window.sheet)?.put(window);
    if (this.info && sheets.includes(this.info.name)) this.redraw();
  }

  focus(): void {
    this.sink.focus({ preventScroll: true });
  }

  activeCell(): CellView | null {
    return this.rows?.cell(this.sel.row, this.sel.column) ?? null;
  }

  /** The selection as the server takes it (null before a sheet is shown). */
  selection(): ActiveSelection | null {
    if (!this.info) return null;
    const { row, column, row2, column2 } = this.sel;
    return {
      sheet: this.info.name,
      range: { row: Math.min(row, row2), column: Math.min(column, column2), numRows: Math.abs(row2 - row) + 1, numColumns: Math.abs(column2 - column) + 1 },
      current: { row, column },
    };
  }

  /** Selects a block of the shown sheet with `current` as the active cell (the add-on's setActiveRange). */
  setSelection(selection: ActiveSelection): void {
    const info = this.info;
    if (!info || selection.sheet !== info.name) return;
    const { row, column, numRows, numColumns } = selection.range;
    const clampRow = (r: number) => Math.max(0, Math.min(info.maxRows - 1, r));
    const clampColumn = (c: number) => Math.max(0, Math.min(info.maxColumns - 1, c));
    const current = selection.current;
    this.sel = {
      row: clampRow(current.row),
      column: clampColumn(current.column),
      row2: clampRow(current.row === row ? row + numRows - 1 : row),
      column2: clampColumn(current.column === column ? column + numColumns - 1 : column),
    };
    this.scrollIntoView(this.sel.row, this.sel.column);
    const { first, last } = this.visibleRows();
    this.drawSelection(first, last);
    this.announce();
  }

  /** Commits text for the active cell (from the formula bar). */
  async commitActive(text: string): Promise<void> {
    await this.write(this.sel.row, this.sel.column, [[text]]);
  }

  private layout(): void {
    const info = this.info!;
    this.offsets = [ROW_HEAD_WIDTH];
    for (const width of info.columnWidths) this.offsets.push(this.offsets[this.offsets.length - 1] + width);
    const width = this.offsets[this.offsets.length - 1];
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${HEAD_HEIGHT + info.maxRows * ROW_HEIGHT}px`;
    this.head.style.width = `${width}px`;
    this.head.style.height = `${HEAD_HEIGHT + info.frozenRows * ROW_HEIGHT}px`;
    this.head.classList.toggle("has-frozen", info.frozenRows > 0);
  }

  private visibleRows(): { first: number; last: number } {
    const info = this.info!;
    const top = this.element.scrollTop;
    const first = Math.floor(top / ROW_HEIGHT) + info.frozenRows;
    const last = Math.min(info.maxRows - 1, Math.ceil((top + this.element.clientHeight - HEAD_HEIGHT) / ROW_HEIGHT));
    return { first, last: Math.max(first, last) };
  }

  private schedule(): void {
    if (this.frame || !this.info) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const { first, last } = this.visibleRows();
      if (first < this.drawn.first || last > this.drawn.last) this.redraw();
    });
  }

  /** Draws what is loaded now, then again once the missing or stale rows arrive. */
  private redraw(): void {
    if (!this.info || !this.rows) return;
    const { first, last } = this.visibleRows();
    this.draw(first, last);
    const rows = this.rows;
    this.element.setAttribute("aria-busy", "true");
    const frozen = this.info.frozenRows;
    const from = Math.max(0, first - OVERSCAN);
    const to = Math.min(this.info.maxRows - 1, last + OVERSCAN);
    Promise.all([frozen ? rows.ensure(0, frozen - 1) : null, rows.ensure(from, to)])
      .then(() => {
        if (rows !== this.rows) return;
        const now = this.visibleRows();
        this.draw(now.first, now.last);
        this.element.setAttribute("aria-busy", "false");
        this.announce();
      })
      .catch((error: Error) => console.error(error));
  }

  private draw(first: number, last: number): void {
    const info = this.info!;
    const from = Math.max(info.frozenRows, first - OVERSCAN);
    const to = Math.min(info.maxRows - 1, last + OVERSCAN);
    this.drawn = { first: from, last: to };
    let head = this.columnHeaderHtml();
    for (let r = 0; r < info.frozenRows; r++) head += this.rowHtml(r);
    let body = "";
    for (let r = from; r <= to; r++) body += this.rowHtml(r);
    this.headRows.innerHTML = head;
    this.body.innerHTML = body;
  }

  private inSelectedRows(row: number): boolean {
    return row >= Math.min(this.sel.row, this.sel.row2) && row <= Math.max(this.sel.row, this.sel.row2);
  }

  private inSelectedColumns(column: number): boolean {
    return column >= Math.min(this.sel.column, this.sel.column2) && column <= Math.max(this.sel.column, this.sel.column2);
  }

  private inSelection(row: number, column: number): boolean {
    return this.inSelectedRows(row) && this.inSelectedColumns(column);
  }

  private isActive(row: number, column: number): boolean {
    return row === this.sel.row && column === this.sel.column;
  }

  private columnHeaderHtml(): string {
    const info = this.info!;
    let html = `<div class="colhead"><div class="corner"></div>`;
    for (let c = 0; c < info.maxColumns; c++) {
      const frozen = c < info.frozenColumns ? ` frz" style="left:${this.offsets[c]}px;width:${info.columnWidths[c]}px` : `" style="width:${info.columnWidths[c]}px`;
      html += `<div class="ch${this.inSelectedColumns(c) ? " hl" : ""}${frozen}">${columnName(c)}</div>`;
    }
    return `${html}</div>`;
  }

  private rowHtml(r: number): string {
    const info = this.info!;
    const data = this.rows!.row(r);
    const last = r === info.frozenRows - 1 ? " frozen-last" : "";
    let html = `<div class="row${last}" style="top:${HEAD_HEIGHT + r * ROW_HEIGHT}px" data-r="${r}">`;
    html += `<div class="rh${this.inSelectedRows(r) ? " hl" : ""}">${r + 1}</div>`;
    for (let c = 0; c < info.maxColumns; c++) {
      const cell = data?.cells[c] ?? null;
      html += this.cellHtml(r, c, cell, cell?.dv !== undefined ? data!.validations[cell.dv] : null, data ? this.overflowWidth(data.cells, c) : 0);
    }
    return `${html}</div>`;
  }

  /**
   * Long text spills into empty cells to its right, as in Sheets: the width it may use, or 0 when it fits.
   * A cell is empty when it holds nothing: its shading or borders do not stop the text (a report's heading band).
   */
  private overflowWidth(cells: (CellView | null)[], c: number): number {
    const cell = cells[c];
    const widths = this.info!.columnWidths;
    const empty = (next: number) => !cells[next]?.v && !cells[next]?.f;
    if (!cell || cell.k !== "s" || cell.wrap || cell.dv !== undefined || (cell.align && cell.align !== "left") || !empty(c + 1)) return 0;
    const text = estimateWidth(cell.v, cell.bold);
    if (text <= widths[c] - 6) return 0;
    let width = widths[c];
    for (let next = c + 1; next < widths.length && empty(next) && width < text + 6; next++) width += widths[next];
    return width;
  }

  private cellHtml(r: number, c: number, cell: CellView | null, rule: ValidationView | null, overflow: number): string {
    const info = this.info!;
    const classes = ["c"];
    const style = [`width:${info.columnWidths[c]}px`];
    if (c < info.frozenColumns) {
      classes.push("frz");
      style.push(`left:${this.offsets[c]}px`);
    }
    if (this.inSelection(r, c)) classes.push("sel");
    if (this.isActive(r, c)) classes.push("active");
    let content = "";
    if (cell) {
      classes.push(`k-${cell.k}`);
      if (cell.bold) classes.push("bold");
      if (cell.wrap) classes.push("wrap");
      if (cell.bad) classes.push("bad");
      if (cell.bg) style.push(`background:${cssColor(cell.bg)}`);
      if (cell.fg) style.push(`color:${cssColor(cell.fg)}`);
      if (cell.align) style.push(`text-align:${cell.align}`);
      if (cell.bd) style.push(...borderCss(cell.bd));
      content = escapeHtml(cell.v);
      if (overflow) {
        classes.push("ov");
        content = `<span class="spill" style="width:${overflow - 6}px${cell.bg ? `;background:${cssColor(cell.bg)}` : ""}">${content}</span>`;
      }
    }
    if (rule?.checkbox) {
      const checked = cell?.v.toUpperCase() === rule.checkbox.on.toUpperCase();
      content = `<input type="checkbox" class="cb" tabindex="-1" aria-label="${cellName(r, c)}"${checked ? " checked" : ""}>`;
      classes.push("k-b");
    } else if (rule?.list && rule.dropdown) {
      content = `<span class="v">${content}</span><span class="dv-arrow" title="リストから選択">▾</span>`;
      classes.push("dv");
    }
    return `<div class="${classes.join(" ")}" style="${style.join(";")}" data-c="${c}" data-a1="${cellName(r, c)}">${content}</div>`;
  }

  private cellAt(target: EventTarget | null): { row: number; column: number; element: HTMLElement } | null {
    const element = (target as HTMLElement | null)?.closest?.(".c") as HTMLElement | null;
    const row = element?.parentElement?.dataset.r;
    if (!element || row === undefined) return null;
    return { row: Number(row), column: Number(element.dataset.c), element };
  }

  private select(row: number, column: number, extend = false): void {
    const info = this.info!;
    row = Math.max(0, Math.min(info.maxRows - 1, row));
    column = Math.max(0, Math.min(info.maxColumns - 1, column));
    this.sel = extend ? { ...this.sel, row2: row, column2: column } : { row, column, row2: row, column2: column };
    this.userMoves++;
    this.scrollIntoView(extend ? row : this.sel.row, extend ? column : this.sel.column);
    const { first, last } = this.visibleRows();
    this.drawSelection(first, last);
    this.announce();
  }

  /**
   * The selection moved: marked on the rows drawn when they still cover the view, instead of
   * drawing them again (a redraw lays out about a thousand cells, some 20 ms on each key press).
   */
  private drawSelection(first: number, last: number): void {
    if (first < this.drawn.first || last > this.drawn.last) return this.draw(first, last);
    this.headRows.querySelectorAll<HTMLElement>(".colhead .ch").forEach((head, c) => head.classList.toggle("hl", this.inSelectedColumns(c)));
    this.canvas.querySelectorAll<HTMLElement>(".row").forEach((line) => {
      const r = Number(line.dataset.r);
      line.querySelector(".rh")?.classList.toggle("hl", this.inSelectedRows(r));
      line.querySelectorAll<HTMLElement>(":scope > .c").forEach((cell) => {
        const c = Number(cell.dataset.c);
        cell.classList.toggle("sel", this.inSelection(r, c));
        cell.classList.toggle("active", this.isActive(r, c));
      });
    });
  }

  private scrollIntoView(row: number, column: number): void {
    const info = this.info!;
    const viewport = this.element;
    if (row >= info.frozenRows) {
      const top = row * ROW_HEIGHT - info.frozenRows * ROW_HEIGHT;
      const visible = viewport.clientHeight - HEAD_HEIGHT - info.frozenRows * ROW_HEIGHT;
      if (top < viewport.scrollTop) viewport.scrollTop = top;
      else if (top + ROW_HEIGHT > viewport.scrollTop + visible) viewport.scrollTop = top + ROW_HEIGHT - visible;
    }
    if (column >= info.frozenColumns) {
      const frozenWidth = this.offsets[info.frozenColumns] - ROW_HEAD_WIDTH;
      const left = this.offsets[column] - ROW_HEAD_WIDTH - frozenWidth;
      const right = this.offsets[column + 1] - ROW_HEAD_WIDTH;
      if (left < viewport.scrollLeft) viewport.scrollLeft = left;
      else if (right > viewport.scrollLeft + viewport.clientWidth - ROW_HEAD_WIDTH) viewport.scrollLeft = right - viewport.clientWidth + ROW_HEAD_WIDTH;
    }
  }

  private announce(): void {
    if (this.info) {
      this.sink.style.left = `${this.offsets[this.sel.column]}px`;
      this.sink.style.top = `${HEAD_HEIGHT + this.sel.row * ROW_HEIGHT}px`;
      this.sink.style.width = `${this.info.columnWidths[this.sel.column]}px`;
    }
    const { row, column, row2, column2 } = this.sel;
    const start = cellName(Math.min(row, row2), Math.min(column, column2));
    const end = cellName(Math.max(row, row2), Math.max(column, column2));
    this.host.onSelection(start === end ? start : `${start}:${end}`, this.activeCell());
  }

  private mouseDown(event: MouseEvent): void {
    const hit = this.cellAt(event.target);
    if (!hit || event.button !== 0) return;
    const target = event.target as HTMLElement;
    event.preventDefault();
    this.focus();
    this.select(hit.row, hit.column, event.shiftKey);
    if (target.classList.contains("cb")) this.toggleCheckbox();
    else if (target.classList.contains("dv-arrow")) this.openList();
    else this.dragging = true;
  }

  private drag(event: MouseEvent): void {
    if (!this.dragging || event.buttons !== 1) return;
    const hit = this.cellAt(document.elementFromPoint(event.clientX, event.clientY));
    if (hit && (hit.row !== this.sel.row2 || hit.column !== this.sel.column2)) this.select(hit.row, hit.column, true);
  }

  /** #ERROR! and other formula errors show their message on hover, as Sheets' note does. */
  private hover(event: MouseEvent): void {
    const hit = this.cellAt(event.target);
    const cell = hit && this.rows?.cell(hit.row, hit.column);
    if (!hit || !cell?.err) {
      this.tooltip.hidden = true;
      return;
    }
    this.tooltip.replaceChildren(h("strong", {}, "エラー"), h("div", {}, cell.err));
    const box = hit.element.getBoundingClientRect();
    const frame = this.element.getBoundingClientRect();
    Object.assign(this.tooltip.style, { left: `${box.right - frame.left + this.element.scrollLeft + 4}px`, top: `${box.top - frame.top + this.element.scrollTop}px` });
    this.tooltip.hidden = false;
  }

  private keyDown(event: KeyboardEvent): void {
    if (this.editing || !this.info) return;
    const { row, column, row2, column2 } = this.sel;
    const [r, c] = event.shiftKey ? [row2, column2] : [row, column];
    const page = Math.max(1, Math.floor(this.element.clientHeight / ROW_HEIGHT) - 2);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c], ArrowDown: [r + 1, c], ArrowLeft: [r, c - 1], ArrowRight: [r, c + 1],
      PageUp: [r - page, c], PageDown: [r + page, c],
    };
    const modifier = event.ctrlKey || event.metaKey;
    const letter = event.key.toLowerCase();
    if (modifier && letter === "z") this.replay(event.shiftKey ? "redo" : "undo");
    else if (modifier && letter === "y") this.replay("redo");
    else if (event.key === "ArrowDown" && event.altKey) this.openList();
    else if (event.key in moves && !modifier) this.select(...moves[event.key], event.shiftKey && !event.key.startsWith("Page"));
    else if (event.key === "Tab") this.select(row, column + (event.shiftKey ? -1 : 1));
    else if (event.key === "Enter" || event.key === "F2") this.startEdit();
    else if (event.key === "Delete" || event.key === "Backspace") this.clearSelection();
    else if (event.key === " " && this.activeRule()?.checkbox) this.toggleCheckbox();
    else return; // typing goes into the sink, then to the editor
    event.preventDefault();
  }

  /** Text typed on the grid replaces the active cell's content, in the editor. */
  private typed(): void {
    const text = this.sink.value;
    this.sink.value = "";
    this.sink.classList.remove("composing");
    if (text !== "" && !this.editing) this.startEdit(text);
  }

  private activeRule(): ValidationView | null {
    const data = this.rows?.row(this.sel.row);
    const index = data?.cells[this.sel.column]?.dv;
    return index === undefined ? null : data!.validations[index];
  }

  private startEdit(initial?: string): void {
    const info = this.info!;
    const { row, column } = this.sel;
    const cell = this.activeCell();
    const original = cell?.f ?? cell?.x ?? cell?.v ?? "";
    this.editing = true;
    const frozen = row < info.frozenRows;
    openEditor({
      host: frozen ? this.head : this.canvas,
      left: this.offsets[column],
      top: HEAD_HEIGHT + row * ROW_HEIGHT,
      width: info.columnWidths[column],
      height: ROW_HEIGHT,
      text: initial ?? original,
      onInput: (text) => this.host.onEditing(text),
      onDone: (result) => {
        this.editing = false;
        this.focus();
        if (result && (result.text !== original || initial !== undefined)) void this.write(row, column, [[result.text]]);
        if (result?.move) this.step(result.move);
        else this.announce();
      },
    });
  }

  private step(move: Exclude<Move, null>): void {
    const delta = { down: [1, 0], up: [-1, 0], right: [0, 1], left: [0, -1] }[move];
    this.select(this.sel.row + delta[0], this.sel.column + delta[1]);
  }

  /**
   * The user's own edit of the shown sheet: shown at once, written after any
   * edit, undo or redo still under way (so Ctrl+Z right after Enter undoes this one), then kept for undo.
   */
  private write(row: number, column: number, values: string[][]): Promise<void> {
    const sheet = this.rows!.sheet;
    this.showTyped(sheet, row, column, values);
    return this.enqueue(async () => {
      const before = await this.send(sheet, row, column, values);
      if (before) this.history.record({ sheet, row, column, before, after: values });
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.historyQueue = this.historyQueue.then(task).catch((error: Error) => console.error(error));
    return this.historyQueue;
  }

  private showTyped(sheet: string, row: number, column: number, values: string[][]): void {
    const rows = this.caches.get(sheet);
    if (rows && values.length === 1 && values[0].length === 1 && !values[0][0].startsWith("=")) rows.setOptimistic(row, column, values[0][0]);
    if (rows && rows === this.rows) {
      const { first, last } = this.visibleRows();
      this.draw(first, last);
    }
  }

  private async send(sheet: string, row: number, column: number, values: string[][]): Promise<string[][] | null> {
    const before = await this.host.write(sheet, row, column, values);
    const rows = this.caches.get(sheet);
    if (!before && rows) {
      // Refused (validation, protection): the server's rows put the old value back.
      rows.invalidate();
      if (rows === this.rows) this.redraw();
    }
    return before;
  }

  /**
   * Ctrl+Z / Ctrl+Y: the edit is written back through the same path as typing. Its
   * cells become the selection, unless the user has moved it since pressing the key.
   */
  private replay(direction: "undo" | "redo"): void {
    const movesAtKey = this.userMoves;
    const write = async (entry: EditEntry, values: string[][]) => {
      if (entry.sheet === this.info?.name && this.userMoves === movesAtKey) {
        const numColumns = Math.max(...values.map((r) => r.length));
        const range = { row: entry.row, column: entry.column, numRows: values.length, numColumns };
        this.setSelection({ sheet: entry.sheet, range, current: { row: entry.row, column: entry.column } });
      }
      this.showTyped(entry.sheet, entry.row, entry.column, values);
      return (await this.send(entry.sheet, entry.row, entry.column, values)) !== null;
    };
    void this.enqueue(() => (direction === "undo" ? this.history.undo(write) : this.history.redo(write)));
  }

  private clearSelection(): void {
    const { row, column, row2, column2 } = this.sel;
    const rows = Math.abs(row2 - row) + 1;
    const columns = Math.abs(column2 - column) + 1;
    const values = Array.from({ length: rows }, () => Array<string>(columns).fill(""));
    void this.write(Math.min(row, row2), Math.min(column, column2), values);
  }

  private toggleCheckbox(): void {
    const rule = this.activeRule()?.checkbox;
    if (!rule) return;
    const checked = this.activeCell()?.v.toUpperCase() === rule.on.toUpperCase();
    void this.write(this.sel.row, this.sel.column, [[checked ? rule.off : rule.on]]);
  }

  private openList(): void {
    const rule = this.activeRule();
    const element = this.element.querySelector(`.row[data-r="${this.sel.row}"] > .c[data-c="${this.sel.column}"]`);
    if (!rule?.list || !element) return;
    const { row, column } = this.sel;
    openDropdown(element.getBoundingClientRect(), rule.list, this.activeCell()?.v ?? "", (value) => {
      void this.write(row, column, [[value]]);
    }, () => this.focus());
  }

  private copy(event: ClipboardEvent): void {
    if (document.activeElement !== this.sink || !this.rows) return;
    const { row, column, row2, column2 } = this.sel;
    const lines: string[] = [];
    for (let r = Math.min(row, row2); r <= Math.max(row, row2); r++) {
      const cells: string[] = [];
      for (let c = Math.min(column, column2); c <= Math.max(column, column2); c++) cells.push(this.rows.cell(r, c)?.v ?? "");
      lines.push(cells.join("\t"));
    }
    event.clipboardData?.setData("text/plain", lines.join("\n"));
    event.preventDefault();
  }

  /** Pasted text (tab-separated, as spreadsheets copy it) is written as typed input from the active cell. */
  private paste(event: ClipboardEvent): void {
    if (document.activeElement !== this.sink) return;
    const text = event.clipboardData?.getData("text/plain") ?? "";
    if (text === "") return;
    event.preventDefault();
    const values = text.replace(/\r?\n$/, "").split(/\r?\n/).map((line) => line.split("\t"));
    void this.write(this.sel.row, this.sel.column, values);
  }
}

/** Roughly how wide text draws at 13px: full-width characters about 13px, others about 7px. */
function estimateWidth(text: string, bold = false): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u02ff\uff61-\uff9f]/.test(ch) ? 7 : 13;
  return bold ? width * 1.08 : width;
}

/** Sheets' border styles drawn with CSS, over the cell's gridline. */
const BORDER_CSS: Record<string, string> = {
  SOLID: "1px solid", SOLID_MEDIUM: "2px solid", SOLID_THICK: "3px solid", DOTTED: "1px dotted", DASHED: "1px dashed", DOUBLE: "3px double",
};

function borderCss(borders: CellBorders): string[] {
  return (["top", "left", "bottom", "right"] as const).flatMap((side) => {
    const line = borders[side];
    return line ? [`border-${side}:${BORDER_CSS[line.style] ?? "1px solid"} ${cssColor(line.color)}`] : [];
  });
}

/** Colours come from the workbook; only plain colour values reach the style attribute. */
function cssColor(value: string): string {
  return /^(#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d\s.,%]+\))$/i.test(value) ? value : "inherit";
}
