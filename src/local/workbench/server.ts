// `platina start`: the local workbench. The HTTP thread serves the page, its
// API and the web app, and relays; the runtime lives in a worker (worker.ts)
// because executions block while an alert waits for the user.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { filesDir, outboxDir } from "../runtime/open";
import { handleFiles } from "./files/file-routes";
import { handleApi } from "./api/api-routes";
import { buildClientAssets } from "./server/client-assets";
import { EventStream } from "./server/event-stream";
import { HttpError, isOwnHost, isOwnPage, send, sendJson } from "./server/http";
import { WorkbenchHub } from "./server/hub";
import { visitAs } from "./outbox/answer-links";
import { DEFAULT_WORKSPACE, type Workspace } from "../execution/contexts";
import { handleOutbox } from "./outbox/outbox-routes";
import { answerStarting } from "./server/starting";
import { startUserContent } from "./surfaces/usercontent";
import { handleWebApp } from "./surfaces/webapp-route";
import { WorkbenchWorker } from "./server/worker-host";
import { sharedAddressRefusal } from "./worker/users";

export const DEFAULT_PORT = 8787;
/** How often due time-driven triggers are looked for while the clock follows real time. */
const TRIGGER_CHECK_MS = 30_000;
const SHUTDOWN_WAIT_MS = 10_000;

export interface WorkbenchOptions {
  workbook: string;
  bundleDir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  createDemoIfMissing?: boolean;
  /** A fixed start time: the clock stands still until advanced (tests, demos). */
  clockStart?: number;
  /** Signed in at start; default the workbook's first user. A section address is refused (see worker/users.ts). */
  user?: string;
  /** Whom Session names (execution/contexts.ts): default city.example; `strictUsers` leaves every user blank, for tests. */
  workspace?: Workspace;
}

export interface Workbench {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A message for the person at the terminal, printed as is. */
export class WorkbenchStartError extends Error {}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") fail(new WorkbenchStartError(portInUse(port, host)));
      else if (error.code === "EACCES") fail(new WorkbenchStartError(`ポート ${port} を開く権限がありません。--port で 1024 以上の番号を指定してください。`));
      else fail(error);
    });
    server.listen(port, host, () => done((server.address() as AddressInfo).port));
  });
}

/** What to do about a port in use: it may be this workbench already running, else another port. */
export function portInUse(port: number, host: string): string {
  const next = port > 0 && port < 65535 ? port + 1 : DEFAULT_PORT + 1;
  return `ポート ${port} は使用中です。ワークベンチがすでに動いているなら http://${host}:${port}/ を開いてください。` +
    `別のポートで起動するには npm start -- --port ${next} を実行してください（platina コマンドなら platina start --port ${next}）。`;
}

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer();
  // Answered from the first request on: 503 while starting, the workbench once `serve` is set.
  let serve: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null = null;
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const answer = serve ? serve(req, res) : Promise.resolve().then(() => answerStarting(req, res, origin));
    answer.catch((error: Error) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (res.headersSent) res.end();
      else sendJson(res, { error: error.message }, status);
    });
  });
  const port = await listen(server, options.port ?? DEFAULT_PORT, host);
  const origin = `http://${host}:${port}`;
  const workbook = resolve(options.workbook);
  const events = new EventStream();
  const hub = new WorkbenchHub(events, options.clockStart === undefined);
  const [built, started] = await Promise.allSettled([
    buildClientAssets(),
    WorkbenchWorker.start(
      {
        workbook,
        bundleDir: options.bundleDir,
        createDemoIfMissing: options.createDemoIfMissing ?? false,
        clockStart: options.clockStart,
        webAppUrl: `${origin}/exec`,
        workspace: options.workspace ?? DEFAULT_WORKSPACE,
      },
      hub.onWorkerEvent,
    ),
  ]);
  // A start that fails closes the port again, so nothing is left answering 503.
  const abandon = async (reason: unknown): Promise<never> => {
    if (started.status === "fulfilled") await started.value.terminate();
    server.closeAllConnections();
    server.close();
    throw reason;
  };
  if (built.status === "rejected") return abandon(built.reason);
  if (started.status === "rejected") return abandon(started.reason);
  const assets = built.value;
  hub.worker = started.value;
  const session = await hub.session().catch(abandon);
  const refusal = options.user ? sharedAddressRefusal(options.user, session.shared) : null;
  if (refusal) return abandon(new WorkbenchStartError(refusal));
  hub.user = options.user ?? session.users[0]?.email ?? "";
  hub.entryPoints = session.workbook.entryPoints;
  const userContent = await startUserContent(hub, assets.shim, host, origin);
  hub.surfaceOrigin = userContent.origin;
  const outbox = outboxDir(workbook);
  const files = filesDir(workbook);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const path = url.pathname;
    if (!isOwnHost(req, origin)) throw new HttpError(403, "このサーバーには 127.0.0.1 でアクセスしてください。");
    if (path === "/exec" || path.startsWith("/exec/")) return handleWebApp(hub, assets.shim, req, res, url);
    if (!isOwnPage(req, origin)) throw new HttpError(403, "ほかのサイトからの要求には応じません。");
    const visit = visitAs(path);
    if (visit) return handleWebApp(hub, assets.shim, req, res, url, visit);
    if (req.method === "GET") {
      if (path === "/") return send(res, 200, "text/html; charset=utf-8", assets.html);
      if (path === "/app.js") return send(res, 200, "text/javascript; charset=utf-8", assets.script);
      if (path === "/app.css") return send(res, 200, "text/css; charset=utf-8", assets.css);
      if (path === "/api/events") {
        return events.connect(res, (sendEvent) => {
          for (const request of hub.pendingRequests()) sendEvent("ui", request);
        });
      }
      if (await handleOutbox(outbox, res, path, async () => (await hub.session()).shared)) return;
      if (handleFiles(files, res, path)) return;
    }
    if (path.startsWith("/api/") && (await handleApi(hub, req, res, url))) return;
    throw new HttpError(404, "見つかりません。");
  }

  const triggerCheck = hub.clockRunning
    ? setInterval(() => hub.worker.request("advanceClock", {}).catch(() => undefined), TRIGGER_CHECK_MS).unref()
    : undefined;

  serve = route;
  return {
    url: `${origin}/`,
    port,
    async close() {
      clearInterval(triggerCheck);
      // Waiting dialogs end their executions (which are then discarded), so the queue can drain.
      hub.cancelAll("ワークベンチを終了したため、ダイアログを閉じました。");
      await hub.worker.close(SHUTDOWN_WAIT_MS);
      events.close();
      await userContent.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
