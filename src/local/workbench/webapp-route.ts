// The add-on's web app at /exec (GET → doGet, POST → doPost), visited as the
// workbench's signed-in user and run as the deployer ("execute as me").
import { escapeHtml } from "../../core/base/text";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, send } from "./http";
import type { WorkbenchHub } from "./hub";
import { webAppDocument } from "./surface-html";

/** Apps Script reserves these parameter names. */
const RESERVED = ["c", "sid"];

function errorPage(message: string): string {
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>エラー</title></head>` +
    `<body style="font-family: sans-serif; margin: 2em"><h1 style="font-size: 1.2em">エラー</h1><p>${escapeHtml(message)}</p></body></html>`;
}

export async function handleWebApp(hub: WorkbenchHub, shim: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method === "POST" ? "POST" : "GET";
  if (req.method !== "GET" && req.method !== "POST") {
    send(res, 405, "text/plain; charset=utf-8", "GET か POST で呼び出してください。");
    return;
  }
  if (RESERVED.some((name) => url.searchParams.has(name))) {
    send(res, 405, "text/html; charset=utf-8", errorPage(`パラメータ名 ${RESERVED.join(" と ")} は予約されています。`));
    return;
  }
  const pathInfo = url.pathname.length > "/exec/".length ? decodeURIComponent(url.pathname.slice("/exec/".length)) : undefined;
  const body = method === "POST" ? { type: (req.headers["content-type"] ?? "").split(";")[0].trim(), contents: await readBody(req) } : undefined;
  const response = await hub.worker.request("web", {
    method,
    query: url.search.slice(1),
    pathInfo,
    body,
    visitor: hub.user,
    deployer: await hub.deployer(),
  });
  switch (response.kind) {
    case "error":
      send(res, response.status, "text/html; charset=utf-8", errorPage(response.message));
      return;
    case "text": {
      const disposition: Record<string, string> = response.fileName
        ? { "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(response.fileName)}` }
        : {};
      send(res, 200, response.contentType, response.content, disposition);
      return;
    }
    case "html":
      send(res, 200, "text/html; charset=utf-8", webAppDocument(response, shim, { id: hub.webSurface(), kind: "webapp", entryPoints: hub.entryPoints }));
  }
}
