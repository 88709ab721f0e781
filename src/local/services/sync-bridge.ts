// Apps Script services are synchronous, but some Node libraries (nodemailer)
// are only async. The bridge runs those in a long-lived worker thread: the
// caller posts a request, blocks in Atomics.wait until the worker bumps a
// shared counter, then takes the reply off the port with receiveMessageOnPort.
import {
  MessageChannel,
  Worker,
  isMainThread,
  receiveMessageOnPort,
  workerData,
  type MessagePort,
} from "node:worker_threads";

/** The async functions a worker module serves, by method name. */
export type BridgeHandlers = Record<string, (payload: any) => unknown>;

export interface SyncBridge {
  /** Runs `handlers[method](payload)` in the worker and returns its (awaited) result, or throws its error. */
  call<T = unknown>(method: string, payload?: unknown): T;
  close(): void;
}

interface Request {
  id: number;
  method: string;
  payload: unknown;
}

type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; stack?: string } };

interface HostData {
  port: MessagePort;
  signal: Int32Array;
  /** tsx's ESM API, when the module is TypeScript. */
  tsx: string | null;
  module: string;
}

const HOST_KEY = "platinaSyncBridge";

/**
 * Started as the worker instead of the module itself, so that
 * - a TypeScript module can load: a worker gets neither vite's transform
 *   (vitest) nor, on Node 20, tsx's hooks from --import (tsx registers them on
 *   the main thread only), so tsx is registered here first;
 * - a module that fails to load answers every call with its error at once,
 *   instead of leaving the caller blocked until the timeout.
 */
const BOOTSTRAP = `
const { port, signal, tsx, module } = require("node:worker_threads").workerData.${HOST_KEY};
(async () => {
  if (tsx) (await import(tsx)).register();
  await import(module);
})().catch((error) => {
  port.on("message", ({ id }) => {
    port.postMessage({ id, ok: false, error: { name: error.name, message: error.message, stack: error.stack } });
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});
`;

/**
 * Starts `moduleUrl` in a worker; the module must call serveSyncBridge(handlers).
 * The worker is unref'd, so an unclosed bridge does not keep the process alive.
 */
export function createSyncBridge(moduleUrl: URL, options: { timeoutMs?: number } = {}): SyncBridge {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const tsx = moduleUrl.pathname.endsWith(".ts") ? import.meta.resolve("tsx/esm/api") : null;
  const host: HostData = { port: port2, signal, tsx, module: moduleUrl.href };
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { [HOST_KEY]: host }, transferList: [port2] });
  worker.unref();
  port1.unref();
  let lastId = 0;
  let closed = false;

  return {
    call<T>(method: string, payload?: unknown): T {
      if (closed) throw new Error(`The sync bridge to ${moduleUrl.href} is closed.`);
      const id = ++lastId;
      const deadline = Date.now() + timeoutMs;
      let seen = Atomics.load(signal, 0);
      port1.postMessage({ id, method, payload } satisfies Request);
      for (;;) {
        // Replies to earlier calls that timed out are still queued: skip them.
        for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
          const reply = m.message as Reply;
          if (reply.id !== id) continue;
          if (reply.ok) return reply.value as T;
          throw Object.assign(new Error(reply.error.message), reply.error);
        }
        const left = deadline - Date.now();
        if (left <= 0 || Atomics.wait(signal, 0, seen, left) === "timed-out") {
          throw new Error(`No answer from ${moduleUrl.href} for "${method}" within ${timeoutMs} ms.`);
        }
        seen = Atomics.load(signal, 0);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      port1.close();
      void worker.terminate();
    },
  };
}

/** Called at the top level of a worker module: answers the bridge's calls with `handlers`. */
export function serveSyncBridge(handlers: BridgeHandlers): void {
  const host = (isMainThread ? undefined : workerData?.[HOST_KEY]) as HostData | undefined;
  if (!host) throw new Error("serveSyncBridge() must run in a worker started by createSyncBridge().");
  const { port, signal } = host;
  port.on("message", async ({ id, method, payload }: Request) => {
    try {
      const handler = handlers[method];
      if (typeof handler !== "function") throw new Error(`${host.module} has no handler "${method}".`);
      // Posting throws for values that cannot be cloned; that too becomes the caller's error.
      port.postMessage({ id, ok: true, value: await handler(payload) } satisfies Reply);
    } catch (e) {
      const { name, message, stack } = e instanceof Error ? e : new Error(String(e));
      port.postMessage({ id, ok: false, error: { name, message, stack } } satisfies Reply);
    }
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}
