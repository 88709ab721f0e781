// Small HTTP helpers for the workbench server (node:http, no framework).
import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY = 10 * 1024 * 1024;

/** An error with the HTTP status to answer with; its message is shown to the user. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": contentType, "Cache-Control": "no-store", ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, value: unknown, status = 200): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, "送信された内容が大きすぎます。");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readJson<T>(req: IncomingMessage): Promise<T> {
  const text = await readBody(req);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new HttpError(400, "JSON として読めません。");
  }
}

/** Requests must name this server as their host: a page elsewhere cannot reach it by DNS rebinding. */
export function isOwnHost(req: IncomingMessage, origin: string): boolean {
  const host = new URL(origin).host;
  return req.headers.host === host || req.headers.host === host.replace("127.0.0.1", "localhost");
}

/** The page's API is for the page: a browser that says where a request comes from must name this server. */
export function isOwnPage(req: IncomingMessage, origin: string): boolean {
  const from = req.headers.origin;
  return isOwnHost(req, origin) && (from === undefined || from === origin || from === origin.replace("127.0.0.1", "localhost"));
}
