// The surfaces' own origin: sidebars, dialogs and web-app pages are served from a
// second listener, as Sheets serves them from googleusercontent.com, so they share
// nothing with the workbench page (no cookies, storage or DOM access, no /api/)
// and reach the server only through google.script.run.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { runFromSurface } from "../api/api-routes";
import { HttpError, isOwnHost, isOwnPage, send, sendJson } from "../server/http";
import type { WorkbenchHub } from "../server/hub";
import { surfaceDocument } from "../shim/surface-html";

export interface UserContent {
  origin: string;
  close(): Promise<void>;
}

export async function startUserContent(hub: WorkbenchHub, shim: string, host: string, hostOrigin: string): Promise<UserContent> {
  const server: Server = createServer();
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, host, () => done());
  });
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    if (!isOwnHost(req, origin)) throw new HttpError(403, "このサーバーには 127.0.0.1 でアクセスしてください。");
    const surface = /^\/surface\/(\w+)$/.exec(url.pathname);
    if (req.method === "GET" && surface) {
      const found = hub.surface(surface[1]);
      if (!found) throw new HttpError(404, "この画面は閉じられています。");
      const html = found.kind === "webapp"
        ? found.html
        : surfaceDocument(found.html, shim, { id: surface[1], kind: found.kind, entryPoints: hub.entryPoints, hostOrigin });
      return send(res, 200, "text/html; charset=utf-8", html);
    }
    if (req.method === "POST" && url.pathname === "/api/run") {
      // Only a surface's own script may call: a page elsewhere (the workbench's included) names another origin.
      if (!isOwnPage(req, origin)) throw new HttpError(403, "ほかのサイトからの要求には応じません。");
      return sendJson(res, await runFromSurface(hub, req));
    }
    throw new HttpError(404, "見つかりません。");
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: Error) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (res.headersSent) res.end();
      else sendJson(res, { error: error.message }, status);
    });
  });

  return {
    origin,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
