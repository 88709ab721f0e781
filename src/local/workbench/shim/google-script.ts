// google.script.run and google.script.host for sidebars, dialogs and web-app
// pages served by the workbench. Each call is one execution on the local server
// as the signed-in user; the rules are Apps Script's (see arguments.ts).
import type { ScriptReply } from "../protocol/api-types";
import type { SurfaceConfig } from "./surface-html";
import { serializeArguments } from "./arguments";

type Handler = (value: any, userObject?: unknown) => void;

interface Handlers {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

const config = (window as unknown as { __platinaSurface: SurfaceConfig }).__platinaSurface;

/** Apps Script runs at most 10 calls of a page at once; the 11th waits. */
const MAX_CONCURRENT = 10;
let running = 0;
const queued: (() => void)[] = [];

function acquire(): Promise<void> {
  if (running < MAX_CONCURRENT) {
    running++;
    return Promise.resolve();
  }
  return new Promise((resolve) => queued.push(resolve));
}

function release(): void {
  const next = queued.shift();
  if (next) next();
  else running--;
}

function fail(handlers: Handlers, error: Error): void {
  if (handlers.failure) handlers.failure(error, handlers.userObject);
  else console.error(error);
}

async function call(name: string, args: unknown[], handlers: Handlers): Promise<void> {
  // Failures are delivered asynchronously, like every reply.
  await Promise.resolve();
  if (name.endsWith("_") || !config.entryPoints.includes(name)) return fail(handlers, new Error(`Script function not found: ${name}`));
  let payload: unknown[];
  try {
    payload = serializeArguments(args);
  } catch (error) {
    return fail(handlers, error as Error);
  }
  await acquire();
  let reply: ScriptReply;
  try {
    const response = await fetch("/api/run", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ surface: config.id, name, args: payload }),
    });
    reply = (await response.json()) as ScriptReply;
  } catch (error) {
    reply = { ok: false, error: `サーバーに接続できません: ${(error as Error).message}` };
  } finally {
    release();
  }
  if (!reply.ok) return fail(handlers, new Error(reply.error));
  if (reply.warning) console.warn(reply.warning);
  handlers.success?.(reply.value, handlers.userObject);
}

/** Each with…() returns a new runner; the runner itself never changes. */
function runner(handlers: Handlers): Record<string, unknown> {
  const builders: Record<string, unknown> = {
    withSuccessHandler: (fn: Handler) => runner({ ...handlers, success: fn }),
    withFailureHandler: (fn: Handler) => runner({ ...handlers, failure: fn }),
    withUserObject: (object: unknown) => runner({ ...handlers, userObject: object }),
  };
  return new Proxy(builders, {
    get(target, property) {
      if (typeof property !== "string") return undefined;
      if (property in target) return target[property];
      if (property === "then" || property in Object.prototype) return undefined;
      return (...args: unknown[]) => {
        void call(property, args, handlers);
      };
    },
  });
}

/** Sidebar and dialog requests to the page around the frame, which lives on another origin. */
function toPage(action: string, value?: number): void {
  if (window.parent !== window) window.parent.postMessage({ platinaSurface: config.id, action, value }, config.hostOrigin);
}

const google = ((window as unknown as { google?: Record<string, unknown> }).google ??= {});
google.script = {
  run: runner({}),
  host: {
    origin: config.hostOrigin,
    close: () => toPage("close"),
    setWidth: (width: number) => toPage("setWidth", Number(width)),
    setHeight: (height: number) => toPage("setHeight", Number(height)),
    editor: { focus: () => toPage("focus") },
  },
};
