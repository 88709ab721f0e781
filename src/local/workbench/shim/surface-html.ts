// HTML the add-on shows (sidebars, dialogs, web-app pages), made ready to serve:
// a doctype, UTF-8, and the google.script shim running before the add-on's scripts.
import { escapeHtml } from "../../../core/base/text";

export interface SurfaceConfig {
  id: string;
  kind: "sidebar" | "dialog" | "webapp";
  entryPoints: string[];
  /** The workbench page's origin (google.script.host.origin), where host requests are posted. */
  hostOrigin: string;
}

/**
 * Apps Script's iframe sandbox for a container-bound project's HtmlService output (G-restr):
 * no allow-top-navigation*, so nothing in a surface can navigate the page around it.
 */
export const SANDBOX = "allow-same-origin allow-forms allow-scripts allow-popups allow-downloads allow-modals allow-popups-to-escape-sandbox";

function insertAt(text: string, index: number, insertion: string): string {
  return text.slice(0, index) + insertion + text.slice(index);
}

/** `head` goes first into the document's head (one is made when the HTML has none). */
function withHead(html: string, head: string): string {
  // Without a doctype the page would render in quirks mode.
  const doc = /^\s*<!doctype/i.test(html) ? html : `<!DOCTYPE html>\n${html}`;
  const headTag = /<head\b[^>]*>/i.exec(doc);
  if (headTag) return insertAt(doc, headTag.index + headTag[0].length, head);
  const anchor = /<html\b[^>]*>/i.exec(doc) ?? /<!doctype[^>]*>/i.exec(doc)!;
  return insertAt(doc, anchor.index + anchor[0].length, `<head>${head}</head>`);
}

function shimTag(shim: string, config: SurfaceConfig): string {
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<script>window.__platinaSurface = ${json};\n${shim}</script>`;
}

export function surfaceDocument(html: string, shim: string, config: SurfaceConfig): string {
  return withHead(html, `<meta charset="utf-8">${shimTag(shim, config)}`);
}

/** A doGet/doPost HtmlOutput as the browser gets it: the output's title and meta tags win, as in Apps Script. */
export function webAppDocument(
  output: { content: string; title: string; metaTags: { name: string; content: string }[] },
  shim: string,
  config: SurfaceConfig,
): string {
  const meta = output.metaTags.map((t) => `<meta name="${escapeHtml(t.name)}" content="${escapeHtml(t.content)}">`).join("");
  const title = output.title ? `<title>${escapeHtml(output.title)}</title>` : "";
  return withHead(output.content, `<meta charset="utf-8">${title}${meta}${shimTag(shim, config)}`);
}
