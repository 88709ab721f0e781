// Small DOM helpers. Data only ever reaches the page as text nodes and
// attribute values, never as markup, so user text cannot become HTML.

/** The element with this id; a missing one is a bug in index.html, so it throws. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} がありません。`);
  return element as T;
}

/** `h("li", { class: "item" }, "text", child)`: strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/**
 * A busy indicator shared by overlapping server calls: shows the latest label
 * while any runs; `onChange` lets the page disable its buttons. The indicator
 * stays in the page (empty when idle) so a live region announces each label.
 */
export function createBusy(indicator: HTMLElement, onChange: (active: boolean) => void) {
  let running = 0;
  const update = (label: string) => {
    indicator.textContent = running === 0 ? "" : label;
    onChange(running > 0);
  };
  return {
    get active(): boolean {
      return running > 0;
    },
    async run<T>(label: string, task: () => Promise<T>): Promise<T> {
      running++;
      update(label);
      try {
        return await task();
      } finally {
        running--;
        update(label);
      }
    },
  };
}
