// What the add-on shows over the sheet, as Sheets shows it: alerts and prompts
// (the execution waits for the answer), modal and modeless HTML dialogs, and toasts.
import type { ButtonName, ButtonSetName, UiAnswer, UiRequest } from "../protocol/api-types";
import { byId, h } from "./dom";
import { forgetSurface, surfaceFrame } from "./surfaces";

const BUTTONS: Record<ButtonSetName, ButtonName[]> = {
  OK: ["OK"],
  OK_CANCEL: ["CANCEL", "OK"],
  YES_NO: ["NO", "YES"],
  YES_NO_CANCEL: ["CANCEL", "NO", "YES"],
};
const LABELS: Record<ButtonName, string> = { OK: "OK", CANCEL: "キャンセル", YES: "はい", NO: "いいえ", CLOSE: "閉じる" };
const PRIMARY = new Set<ButtonName>(["OK", "YES"]);

type Ask = Extract<UiRequest, { kind: "alert" | "prompt" }>;
type HtmlDialog = Extract<UiRequest, { kind: "dialog" }>;
type Toast = Extract<UiRequest, { kind: "toast" }>;

export class Dialogs {
  private readonly layer = byId("overlay-root");
  private readonly toasts = byId("toasts");
  private readonly asks = new Map<number, HTMLElement>();
  private readonly htmlDialogs = new Map<string, HTMLElement>();

  constructor(private readonly answer: (id: number, answer: UiAnswer) => Promise<void>) {}

  ask(request: Ask): void {
    if (this.asks.has(request.id)) return;
    const input = request.kind === "prompt" ? h("input", { class: "prompt-input", type: "text", "aria-label": request.prompt }) : null;
    const reply = (button: ButtonName) => {
      this.closeAsk(request.id);
      void this.answer(request.id, { button, text: input?.value ?? "" });
    };
    const buttons = BUTTONS[request.buttons] ?? BUTTONS.OK;
    const box = this.modal(
      request.title ?? "",
      () => reply("CLOSE"),
      h("div", { class: "dialog-message" }, request.prompt),
      input,
      h("div", { class: "dialog-buttons" },
        ...buttons.map((b) => h("button", { type: "button", class: PRIMARY.has(b) ? "primary" : "", onclick: () => reply(b) }, LABELS[b]))),
    );
    box.classList.add("ask");
    box.dataset.ask = String(request.id);
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") reply("CLOSE");
    });
    input?.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.isComposing) reply(buttons.includes("OK") ? "OK" : buttons[buttons.length - 1]);
    });
    this.asks.set(request.id, box.parentElement!);
    (input ?? box.querySelector<HTMLButtonElement>("button.primary") ?? box.querySelector("button"))?.focus();
  }

  /** Answered (here or in another tab): the dialog goes. */
  closeAsk(id: number): void {
    this.asks.get(id)?.remove();
    this.asks.delete(id);
  }

  htmlDialog(request: HtmlDialog): void {
    const frame = surfaceFrame(request.surface, request.title, {
      close: () => this.closeHtmlDialog(request.surface),
      setWidth: (px) => (frame.style.width = `${px}px`),
      setHeight: (px) => (frame.style.height = `${px}px`),
    });
    Object.assign(frame.style, { width: `${request.width}px`, height: `${request.height}px` });
    const box = this.modal(request.title, () => this.closeHtmlDialog(request.surface), frame);
    box.classList.add("html-dialog");
    // A modeless dialog leaves the sheet usable: no backdrop.
    if (!request.modal) {
      box.parentElement!.classList.add("modeless");
      box.removeAttribute("aria-modal");
    }
    this.htmlDialogs.set(request.surface, box.parentElement!);
  }

  toast(request: Toast): void {
    const toast = h("div", { class: "toast", role: "status" },
      request.title ? h("strong", {}, request.title) : null,
      h("div", {}, request.message),
      h("button", { type: "button", class: "toast-close", "aria-label": "閉じる", onclick: () => toast.remove() }, "×"));
    this.toasts.append(toast);
    // A negative timeout keeps the toast until it is closed.
    if (request.timeoutSeconds >= 0) setTimeout(() => toast.remove(), Math.max(request.timeoutSeconds, 1) * 1000);
  }

  /** The workbench's own messages (a refused edit, a failed execution). */
  notice(title: string, message: string): void {
    let close = () => undefined as void;
    const box = this.modal(title, () => close(), h("div", { class: "dialog-message" }, message),
      h("div", { class: "dialog-buttons" }, h("button", { type: "button", class: "primary", onclick: () => close() }, "OK")));
    close = () => box.parentElement!.remove();
    box.querySelector<HTMLButtonElement>("button.primary")?.focus();
  }

  /** Another user signs in: what the last one had open goes, as on a reload. */
  closeAll(): void {
    for (const surface of [...this.htmlDialogs.keys()]) this.closeHtmlDialog(surface);
  }

  private closeHtmlDialog(surface: string): void {
    this.htmlDialogs.get(surface)?.remove();
    this.htmlDialogs.delete(surface);
    forgetSurface(surface);
  }

  private modal(title: string, onClose: () => void, ...content: (HTMLElement | null)[]): HTMLElement {
    const box = h("div", { class: "dialog", role: "dialog", "aria-modal": "true", "aria-label": title || "メッセージ" },
      h("div", { class: "dialog-head" },
        h("h2", { class: "dialog-title" }, title),
        h("button", { type: "button", class: "dialog-close", "aria-label": "閉じる", onclick: onClose }, "×")),
      ...content);
    this.layer.append(h("div", { class: "backdrop" }, box));
    return box;
  }
}
