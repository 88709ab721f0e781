// The page's calls to the workbench server and its event stream.
import type { ServerEvents } from "../protocol/api-types";

async function parse<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

export async function getJson<T>(path: string): Promise<T> {
  return parse<T>(await fetch(path));
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return parse<T>(await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }));
}

export type EventHandlers = { [K in keyof ServerEvents]?: (data: ServerEvents[K]) => void };

/** Listens to the server's events; EventSource reconnects by itself after a drop. */
export function subscribe(handlers: EventHandlers): EventSource {
  const source = new EventSource("/api/events");
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, (event) => (handler as (data: unknown) => void)(JSON.parse((event as MessageEvent).data)));
  }
  return source;
}
