// The in-cell editor: an input over the cell. Enter commits and moves down, Tab
// right, Escape cancels; leaving the cell commits, as in Sheets.
import { h } from "./dom";

export type Move = "down" | "up" | "right" | "left" | null;

export interface EditorOptions {
  host: HTMLElement;
  left: number;
  top: number;
  width: number;
  height: number;
  text: string;
  onInput(text: string): void;
  /** null when cancelled. */
  onDone(result: { text: string; move: Move } | null): void;
}

export function openEditor(options: EditorOptions): HTMLInputElement {
  const input = h("input", {
    class: "cell-editor",
    "aria-label": "セルの編集",
    spellcheck: "false",
    autocomplete: "off",
  });
  Object.assign(input.style, {
    left: `${options.left}px`,
    top: `${options.top}px`,
    minWidth: `${options.width}px`,
    height: `${options.height}px`,
  });
  input.value = options.text;
  let done = false;
  const finish = (result: { text: string; move: Move } | null) => {
    if (done) return;
    done = true;
    input.remove();
    options.onDone(result);
  };
  input.addEventListener("input", () => {
    // Long text widens the editor over the next cells, as Sheets does.
    input.style.width = `${Math.max(options.width, input.scrollWidth + 4)}px`;
    options.onInput(input.value);
  });
  input.addEventListener("keydown", (event) => {
    if (event.isComposing) return; // Enter that confirms a kana-kanji conversion
    const moves: Record<string, Move> = { Enter: event.shiftKey ? "up" : "down", Tab: event.shiftKey ? "left" : "right" };
    if (event.key in moves) {
      event.preventDefault();
      finish({ text: input.value, move: moves[event.key] });
    } else if (event.key === "Escape") {
      event.preventDefault();
      finish(null);
    }
    event.stopPropagation();
  });
  input.addEventListener("blur", () => finish({ text: input.value, move: null }));
  options.host.append(input);
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
  return input;
}
