// The HTTP thread's handle on the runtime worker: requests with replies, events
// from the worker, and answers to alerts the worker is blocked on.
import { existsSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import type { UiAnswer } from "../protocol/api-types";
import type { OpName, UiPortMessage, WorkerControl, WorkerInit, WorkerMessage, WorkerOps } from "../protocol/worker-protocol";

/**
 * Started as the worker instead of ../worker.ts itself: a worker gets neither
 * vitest's transform nor (on Node 20) tsx's hooks from the main thread, so tsx
 * is registered here first (as the mail bridge does, see services/sync-bridge.ts).
 */
const BOOTSTRAP = `
const { tsx, module } = require("node:worker_threads").workerData;
(async () => {
  if (tsx) (await import(tsx)).register();
  await import(module);
})().catch((error) => {
  require("node:worker_threads").parentPort.postMessage({ event: "fatal", error: error.message });
});
`;

export type WorkerEvent = Exclude<WorkerMessage, { reply: number }>;

/**
 * ../worker.ts through tsx (sources), or the worker compiled beside the precompiled CLI (dist/).
 * PLATINA_COMPILED_WORKERS names a dist/ folder known to be current (the tests build it first):
 * sources then start that compiled worker instead of transforming every module again.
 */
function workerModule(): { module: string; tsx: string | null } {
  const compiledDir = process.env.PLATINA_COMPILED_WORKERS;
  if (compiledDir) return { module: pathToFileURL(join(compiledDir, "workbench-worker.js")).href, tsx: null };
  if (extname(fileURLToPath(import.meta.url)) === ".ts") {
    return { module: new URL("../worker.ts", import.meta.url).href, tsx: import.meta.resolve("tsx/esm/api") };
  }
  const compiled = new URL("./workbench-worker.js", import.meta.url);
  if (!existsSync(compiled)) throw new Error(`${fileURLToPath(compiled)} がありません。npm run build を実行してください。`);
  return { module: compiled.href, tsx: null };
}

/**
 * A worker whose workbench closed cleanly, kept for the next workbench this process starts:
 * a new thread loads and compiles the runtime again and runs it cold, about half of what a
 * start costs. Unreferenced while it waits, so it never keeps the process alive.
 */
let idle: { worker: Worker; forget: () => void } | null = null;

export class WorkbenchWorker {
  private lastId = 0;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly uiPort: MessagePort;
  private readonly uiSignal: Int32Array;
  private readonly worker: Worker;
  private exited = false;

  /** Resolves once the workbook is open; rejects with the reason it could not be. */
  static start(init: Omit<WorkerInit, "uiPort" | "uiSignal">, onEvent: (event: WorkerEvent) => void): Promise<WorkbenchWorker> {
    return new Promise((resolve, reject) => {
      let ready = false;
      const host: WorkbenchWorker = new WorkbenchWorker(init, (event) => {
        if (!ready && event.event === "ready") {
          ready = true;
          resolve(host);
        } else if (!ready && event.event === "fatal") {
          void host.terminate();
          reject(new Error(event.error));
        } else onEvent(event);
      });
    });
  }

  private constructor(init: Omit<WorkerInit, "uiPort" | "uiSignal">, onEvent: (event: WorkerEvent) => void) {
    this.onEvent = onEvent;
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    this.uiPort = port1;
    this.uiSignal = new Int32Array(signal);
    const workerInit: WorkerInit = { ...init, uiPort: port2, uiSignal: signal };
    const reused = idle;
    idle = null;
    if (reused) {
      this.worker = reused.worker;
      this.worker.off("exit", reused.forget);
      this.worker.ref();
      this.worker.postMessage({ open: workerInit } satisfies WorkerControl, [port2]);
    } else {
      this.worker = new Worker(BOOTSTRAP, { eval: true, workerData: { ...workerInit, ...workerModule() }, transferList: [port2] });
    }
    this.worker.on("message", this.onMessage);
    this.worker.on("error", this.onError);
    this.worker.on("exit", this.onExit);
  }

  private readonly onEvent: (event: WorkerEvent) => void;

  private readonly onMessage = (message: WorkerMessage): void => {
    if ("reply" in message) {
      const waiter = this.waiting.get(message.reply);
      this.waiting.delete(message.reply);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(new Error(message.error));
    } else this.onEvent(message);
  };

  private readonly onError = (error: Error): void => this.onEvent({ event: "fatal", error: error.message });

  private readonly onExit = (): void => {
    this.exited = true;
    for (const waiter of this.waiting.values()) waiter.reject(new Error("ワークベンチの実行環境が終了しました。"));
    this.waiting.clear();
  };

  /** The thread running this workbench's runtime (a closed workbench's, when it was waiting). */
  get threadId(): number {
    return this.worker.threadId;
  }

  request<K extends OpName>(op: K, args: WorkerOps[K]["args"]): Promise<WorkerOps[K]["reply"]> {
    if (this.exited) return Promise.reject(new Error("ワークベンチの実行環境が終了しました。"));
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  /** Wakes the worker blocked on alert/prompt `id`. */
  answerUi(id: number, answer: UiAnswer): void {
    this.sendUi({ id, answer });
  }

  /** Ends the wait of alert/prompt `id` with an error in the execution. */
  cancelUi(id: number, reason: string): void {
    this.sendUi({ id, cancel: reason });
  }

  /**
   * Ends this workbench: once every queued execution is done the worker gives the workbook up
   * and waits for the next workbench (or, if one already waits or it does not answer within
   * `waitMs`, for instance stuck in a script, it is terminated).
   */
  async close(waitMs: number): Promise<void> {
    const timeout = new Promise<"timeout">((done) => setTimeout(() => done("timeout"), waitMs).unref());
    const closed = await Promise.race([this.request("close", {}).then(() => "closed" as const, () => "failed" as const), timeout]);
    if (closed !== "closed" || idle) return this.terminate();
    this.uiPort.close();
    this.worker.off("message", this.onMessage);
    this.worker.off("error", this.onError);
    this.worker.off("exit", this.onExit);
    const worker = this.worker;
    const waiting = {
      worker,
      forget: () => {
        if (idle === waiting) idle = null;
      },
    };
    worker.once("exit", waiting.forget);
    worker.unref();
    idle = waiting;
  }

  async terminate(): Promise<void> {
    this.uiPort.close();
    await this.worker.terminate();
  }

  private sendUi(message: UiPortMessage): void {
    this.uiPort.postMessage(message);
    Atomics.add(this.uiSignal, 0, 1);
    Atomics.notify(this.uiSignal, 0);
  }
}
