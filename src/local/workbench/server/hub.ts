// What the HTTP thread keeps: the signed-in user, the menus onOpen built, the
// executions log, dialogs waiting for an answer and the HTML of open surfaces —
// fed by the worker's events and pushed to the pages.
import type { ActiveSelection, ExecutionView, MenuSpec, SessionView, UiAnswer, UiRequest } from "../protocol/api-types";
import type { EventStream } from "./event-stream";
import type { SurfaceConfig } from "../shim/surface-html";
import type { WorkbenchWorker, WorkerEvent } from "./worker-host";

const MAX_EXECUTIONS = 500;
const MAX_SURFACES = 100;

export interface Surface {
  kind: SurfaceConfig["kind"];
  /** The add-on's HTML for sidebars and dialogs; the finished document for web-app pages. */
  html: string;
  /** A web-app tab opened as a mail's addressee runs its google.script.run calls as them. */
  user?: string;
}

export class WorkbenchHub {
  user = "";
  /** The add-on's top-level functions, for the google.script.run shim. */
  entryPoints: string[] = [];
  menus: MenuSpec[] = [];
  /** What the user has selected in the page; executions from menus, sidebars and dialogs start there. */
  selection: ActiveSelection | null = null;
  /** The origin surfaces are served from (see surfaces/usercontent.ts). */
  surfaceOrigin = "";
  readonly executions: ExecutionView[] = [];
  private readonly pending = new Map<number, UiRequest>();
  private readonly surfaces = new Map<string, Surface>();
  private nextExecutionId = 1;
  private nextWebSurface = 1;
  worker!: WorkbenchWorker;

  constructor(
    readonly events: EventStream,
    readonly clockRunning: boolean,
  ) {}

  onWorkerEvent = (event: WorkerEvent): void => {
    switch (event.event) {
      case "changed":
        this.events.broadcast("changed", { sheets: event.sheets, infos: event.infos, windows: event.windows });
        break;
      case "ui": {
        const request = event.request;
        if (request.kind === "alert" || request.kind === "prompt") this.pending.set(request.id, request);
        if (request.kind === "sidebar" || request.kind === "dialog") this.addSurface(request.surface, { kind: request.kind, html: event.html ?? "" });
        this.events.broadcast("ui", request);
        break;
      }
      case "execution": {
        const execution = { id: this.nextExecutionId++, ...event.execution };
        this.executions.push(execution);
        if (this.executions.length > MAX_EXECUTIONS) this.executions.shift();
        this.events.broadcast("execution", execution);
        break;
      }
      case "busy":
        this.events.broadcast("busy", { entryPoint: event.entryPoint });
        break;
      case "clock":
        this.events.broadcast("clock", { now: event.now });
        break;
      case "selection":
        this.selection = event.selection;
        this.events.broadcast("selection", event.selection);
        break;
      case "fatal":
        process.stderr.write(`platina: ワークベンチの実行環境でエラーが発生しました: ${event.error}\n`);
        break;
    }
  };

  surface(id: string): Surface | undefined {
    return this.surfaces.get(id);
  }

  /**
   * A web-app page gets its own surface id so that its google.script.run calls run as the web app; `page` makes its
   * document. `user`: the tab opened as a mail's addressee runs its calls as them.
   */
  webSurface(page: (id: string) => string, user?: string): string {
    const id = `w${this.nextWebSurface++}`;
    this.addSurface(id, { kind: "webapp", html: page(id), user });
    return id;
  }

  pendingRequests(): UiRequest[] {
    return [...this.pending.values()];
  }

  /** The first answer wins; other pages showing the same dialog close it. */
  answer(id: number, answer: UiAnswer): boolean {
    if (!this.pending.delete(id)) return false;
    this.worker.answerUi(id, answer);
    this.events.broadcast("ui-closed", { id });
    return true;
  }

  /** Ends every waiting dialog (at shutdown), failing the executions behind them. */
  cancelAll(reason: string): void {
    for (const id of this.pending.keys()) this.worker.cancelUi(id, reason);
    this.pending.clear();
  }

  async session(): Promise<SessionView> {
    const info = await this.worker.request("info", {});
    return {
      workbook: info.workbook,
      user: this.user,
      users: info.users,
      shared: info.shared,
      menus: this.menus,
      now: info.now,
      clockRunning: this.clockRunning,
      timeZone: info.timeZone,
      pending: this.pendingRequests(),
      surfaceOrigin: this.surfaceOrigin,
    };
  }

  /** Runs onOpen for the signed-in user and shows the menus it built on every page. */
  async open(): Promise<MenuSpec[]> {
    const user = this.user;
    const { menus } = await this.worker.request("open", { user });
    if (user === this.user) {
      this.menus = menus;
      this.events.broadcast("menus", { user, menus });
    }
    return menus;
  }

  async deployer(): Promise<string> {
    return (await this.worker.request("info", {})).deployer ?? this.user;
  }

  private addSurface(id: string, surface: Surface): void {
    this.surfaces.set(id, surface);
    if (this.surfaces.size > MAX_SURFACES) this.surfaces.delete(this.surfaces.keys().next().value!);
  }
}
