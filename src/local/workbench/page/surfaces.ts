// The add-on's HTML frames (sidebars and dialogs): served from another origin and
// sandboxed as Apps Script's are, and the google.script.host requests their shim posts to this page.
import { SANDBOX } from "../shim/surface-html";
import { h } from "./dom";

let surfaceOrigin = "";

/** Where surfaces are served (from the session): never this page's own origin. */
export function setSurfaceOrigin(origin: string): void {
  surfaceOrigin = origin;
}

export interface SurfaceHost {
  close(): void;
  /** Dialogs only: Apps Script ignores these for sidebars. */
  setWidth?(px: number): void;
  setHeight?(px: number): void;
}

const frames = new Map<string, { frame: HTMLIFrameElement; host: SurfaceHost }>();

export function surfaceFrame(id: string, title: string, host: SurfaceHost): HTMLIFrameElement {
  const frame = h("iframe", { src: `${surfaceOrigin}/surface/${encodeURIComponent(id)}`, sandbox: SANDBOX, title, "data-surface": id });
  frames.set(id, { frame, host });
  return frame;
}

export function forgetSurface(id: string): void {
  frames.delete(id);
}

/** google.script.host.close / setWidth / setHeight / editor.focus, from the frame that owns the surface only. */
export function listenToSurfaces(focusEditor: () => void): void {
  window.addEventListener("message", (event) => {
    const data = event.data as { platinaSurface?: unknown; action?: unknown; value?: unknown } | null;
    if (!data || typeof data.platinaSurface !== "string") return;
    const entry = frames.get(data.platinaSurface);
    if (!entry || event.source !== entry.frame.contentWindow || event.origin !== surfaceOrigin) return;
    const px = Number(data.value);
    if (data.action === "close") entry.host.close();
    else if (data.action === "setWidth" && Number.isFinite(px)) entry.host.setWidth?.(px);
    else if (data.action === "setHeight" && Number.isFinite(px)) entry.host.setHeight?.(px);
    else if (data.action === "focus") focusEditor();
  });
}
