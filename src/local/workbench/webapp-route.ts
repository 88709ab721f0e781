// The add-on's web app at /exec (GET → doGet, POST → doPost), visited as the
// workbench's signed-in user and run as the deployer ("execute as me"). As in
// Apps Script, an HtmlOutput is shown in a sandboxed iframe on the surfaces'
// origin, inside a page of /exec's own that no frame may load.
import { escapeHtml } from "../../core/base/text";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, send } from "./http";
import type { WorkbenchHub } from "./hub";
import { SANDBOX, webAppDocument } from "./surface-html";

/** Apps Script reserves these parameter names. */
const RESERVED = ["c", "sid"];
/** The outer page may not be framed, so a surface that navigates or posts to /exec in its frame fails. */
const NO_FRAMING = { "X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'" };

/** The page at /exec: the web app's title and meta tags, and its HtmlOutput in the sandboxed frame. */
function outerPage(src: string, title: string, metaTags: { name: string; content: string }[]): string {
  const meta = metaTags.map((t) => `<meta name="${escapeHtml(t.name)}" content="${escapeHtml(t.content)}">`).join("");
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${meta}` +
    `<style>html,body{margin:0;height:100%;overflow:hidden}iframe{border:0;width:100%;height:100%;display:block}</style></head>` +
    `<body><iframe src="${escapeHtml(src)}" sandbox="${SANDBOX}" title="${escapeHtml(title || "ウェブアプリ")}"></iframe></body></html>`;
}

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
  // A navigation inside a frame (a surface's form posting to /exec without target, a link, a redirect):
  // Sheets' /exec cannot be framed, and the request would not reach doPost with the visitor's session.
  const dest = req.headers["sec-fetch-dest"];
  if (dest === "iframe" || dest === "frame") {
    // This explanation may show in the frame: it is the workbench's, not the web app's.
    send(res, 403, "text/html; charset=utf-8", errorPage("ウェブアプリはフレームの中では開けません。フォームは google.script.run で送信してください。"));
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
    case "html": {
      const config = { kind: "webapp" as const, entryPoints: hub.entryPoints, hostOrigin: url.origin };
      const id = hub.webSurface((id) => webAppDocument(response, shim, { ...config, id }));
      send(res, 200, "text/html; charset=utf-8", outerPage(`${hub.surfaceOrigin}/surface/${id}`, response.title, response.metaTags), NO_FRAMING);
    }
  }
}
