// Sheets' question before an edit of a range protected with "show a warning":
// OK makes the edit, キャンセル (or Escape, or ×) leaves everything as it was.
import { byId, h } from "./dom";

export function confirmProtectedEdit(message: string): Promise<boolean> {
  return new Promise((resolve) => {
    const answer = (ok: boolean) => {
      backdrop.remove();
      resolve(ok);
    };
    const box = h("div", { class: "dialog ask protection-warning", role: "alertdialog", "aria-modal": "true", "aria-label": "注意" },
      h("div", { class: "dialog-head" },
        h("h2", { class: "dialog-title" }, "注意"),
        h("button", { type: "button", class: "dialog-close", "aria-label": "閉じる", onclick: () => answer(false) }, "×")),
      h("div", { class: "dialog-message" }, message),
      h("div", { class: "dialog-buttons" },
        h("button", { type: "button", onclick: () => answer(false) }, "キャンセル"),
        h("button", { type: "button", class: "primary", onclick: () => answer(true) }, "OK")));
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") answer(false);
    });
    const backdrop = h("div", { class: "backdrop" }, box);
    byId("overlay-root").append(backdrop);
    box.querySelector<HTMLButtonElement>("button.primary")?.focus();
  });
}
