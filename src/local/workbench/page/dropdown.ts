// The list of a validation dropdown, opened under its cell.
import { h } from "./dom";

export function openDropdown(anchor: DOMRect, options: string[], current: string, onPick: (value: string) => void, onClose: () => void): void {
  const list = h("div", { class: "dropdown", role: "listbox", tabindex: -1 });
  let active = Math.max(0, options.indexOf(current));
  const close = () => {
    list.remove();
    document.removeEventListener("mousedown", outside, true);
    onClose();
  };
  const outside = (event: MouseEvent) => {
    if (!list.contains(event.target as Node)) close();
  };
  const highlight = () => list.querySelectorAll(".option").forEach((el, i) => el.classList.toggle("active", i === active));
  options.forEach((value, i) => {
    list.append(
      h("div", {
        class: `option${value === current ? " chosen" : ""}`,
        role: "option",
        "aria-selected": value === current ? "true" : "false",
        onmousedown: (event: MouseEvent) => {
          event.preventDefault();
          close();
          onPick(options[i]);
        },
      }, value),
    );
  });
  list.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") active = Math.min(options.length - 1, active + 1);
    else if (event.key === "ArrowUp") active = Math.max(0, active - 1);
    else if (event.key === "Enter") {
      close();
      onPick(options[active]);
    } else if (event.key === "Escape") close();
    else return;
    event.preventDefault();
    highlight();
  });
  Object.assign(list.style, { left: `${anchor.left}px`, top: `${anchor.bottom + 2}px`, minWidth: `${Math.max(anchor.width, 120)}px` });
  document.body.append(list);
  // Keep the list on screen when the cell is near the bottom.
  const rect = list.getBoundingClientRect();
  if (rect.bottom > window.innerHeight) list.style.top = `${Math.max(4, anchor.top - rect.height - 2)}px`;
  document.addEventListener("mousedown", outside, true);
  highlight();
  list.focus();
}
