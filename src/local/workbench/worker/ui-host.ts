// The worker's UiHost: what the add-on shows goes to the page through the HTTP
// thread. alert() and prompt() suspend the execution as in Sheets — the worker
// blocks in Atomics.wait until the page's answer arrives on the ui port (the
// worker's event loop is not running meanwhile, so the port is read synchronously).
import { receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { ButtonSetName, MenuSpec, UiHost } from "../../execution/env";
import { EXECUTION_LIMIT_MS } from "../../runtime/runtime";
import type { UiAnswer, UiRequest } from "../protocol/api-types";
import type { UiPortMessage, WorkerMessage } from "../protocol/worker-protocol";

type Post = (message: WorkerMessage) => void;

/** Distributes "no need for these fields" over the UiRequest union. */
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

export class UiChannel {
  private lastId = 0;
  private readonly signal: Int32Array;

  constructor(
    private readonly port: MessagePort,
    signal: SharedArrayBuffer,
    private readonly post: Post,
  ) {
    this.signal = new Int32Array(signal);
  }

  /** Shows something that needs no answer; sidebars and dialogs carry their HTML. */
  show(request: WithoutId<UiRequest>, html?: string): void {
    const id = ++this.lastId;
    const surface = "surface" in request ? `s${id}` : undefined;
    this.post({ event: "ui", request: { ...request, id, ...(surface ? { surface } : {}) } as UiRequest, html });
  }

  /** Shows an alert or prompt and blocks until it is answered (or the execution time runs out). */
  ask(request: WithoutId<Extract<UiRequest, { kind: "alert" | "prompt" }>>): UiAnswer {
    const id = ++this.lastId;
    const deadline = Date.now() + EXECUTION_LIMIT_MS;
    let seen = Atomics.load(this.signal, 0);
    this.post({ event: "ui", request: { ...request, id } });
    for (;;) {
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
        const message = m.message as UiPortMessage;
        if (message.id !== id) continue; // an answer to a dialog that already timed out
        if ("cancel" in message) throw new Error(message.cancel);
        return message.answer;
      }
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.signal, 0, seen, left) === "timed-out") {
        throw new Error("Exceeded maximum execution time");
      }
      seen = Atomics.load(this.signal, 0);
    }
  }
}

/** One execution's Ui: menus built by onOpen are collected for the page. */
export function workbenchUi(channel: UiChannel): UiHost & { menus: MenuSpec[] } {
  const menus: MenuSpec[] = [];
  const ask = (kind: "alert" | "prompt", title: string | null, prompt: string, buttons: ButtonSetName) =>
    channel.ask({ kind, title, prompt, buttons });
  return {
    menus,
    alert: (title, prompt, buttons) => ask("alert", title, prompt, buttons).button,
    prompt: (title, prompt, buttons) => ask("prompt", title, prompt, buttons),
    showSidebar: (html, title) => channel.show({ kind: "sidebar", surface: "", title }, html),
    showDialog: (html, title, width, height, modal) => channel.show({ kind: "dialog", surface: "", title, width, height, modal }, html),
    toast: (message, title, timeoutSeconds) => channel.show({ kind: "toast", message, title, timeoutSeconds }),
    addMenu: (menu) => {
      menus.push(menu);
    },
  };
}
