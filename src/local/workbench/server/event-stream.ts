// Server-Sent Events to every open page: cell changes, dialogs, menus, log entries.
import type { ServerResponse } from "node:http";
import type { ServerEvents } from "../protocol/api-types";

const KEEP_ALIVE_MS = 15_000;

export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly keepAlive = setInterval(() => {
    for (const res of this.clients) res.write(": keep-alive\n\n");
  }, KEEP_ALIVE_MS).unref();

  /** Holds `res` open as an event stream; `greet` sends what a newly connected page must see. */
  connect(res: ServerResponse, greet: (send: <K extends keyof ServerEvents>(name: K, data: ServerEvents[K]) => void) => void): void {
    res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive" });
    res.write(": connected\n\n");
    this.clients.add(res);
    res.on("close", () => this.clients.delete(res));
    greet((name, data) => res.write(frame(name, data)));
  }

  broadcast<K extends keyof ServerEvents>(name: K, data: ServerEvents[K]): void {
    const text = frame(name, data);
    for (const res of this.clients) res.write(text);
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

function frame(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}
