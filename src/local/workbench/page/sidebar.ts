// The add-on's sidebar: always 300 px on the right, as in Sheets; a new one replaces the old.
import { byId } from "./dom";
import { forgetSurface, surfaceFrame } from "./surfaces";

export class Sidebar {
  private surface: string | null = null;
  private readonly panel = byId("sidebar");
  private readonly title = byId("sidebar-title");
  private readonly body = byId("sidebar-body");

  constructor() {
    byId("sidebar-close").addEventListener("click", () => this.close());
  }

  show(surface: string, title: string): void {
    this.close();
    this.surface = surface;
    this.title.textContent = title;
    this.body.replaceChildren(surfaceFrame(surface, title || "サイドバー", { close: () => this.close() }));
    this.panel.hidden = false;
  }

  close(): void {
    if (this.surface) forgetSurface(this.surface);
    this.surface = null;
    this.body.replaceChildren();
    this.panel.hidden = true;
  }
}
