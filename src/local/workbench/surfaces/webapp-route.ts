// The add-on's web app at /exec (GET → doGet, POST → doPost), visited as the
// workbench's signed-in user and run as the deployer ("execute as me"). As in
// Apps Script, an HtmlOutput is shown in a sandboxed iframe on the surfaces'
// origin, inside a page of /exec's own that no frame may load.
import { escapeHtml, normalizeEmail } from "../../../core/base/text";
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerLink, openAsPath, openerName, openers, withVisitorBar } from "../outbox/answer-links";
import type { SharedAddress } from "../protocol/api-types";
import { sharedAddressRefusal } from "../worker/users";
import { readBody, send } from "../server/http";
import type { WorkbenchHub } from "../server/hub";
import { SANDBOX, webAppDocument } from "../shim/surface-html";

/** Apps Script reserves these parameter names. */
const RESERVED = ["c", "sid"];
/** The outer page may not be framed, so a surface that navigates or posts to /exec in its frame fails. */
const NO_FRAMING = { "X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'" };

/** The page at /exec: the web app's title and meta tags, and its HtmlOutput in the sandboxed frame. */
function outerPage(src: string, title: string, metaTags: { name: string; content: string }[]): string {
  const meta = metaTags.map((t) => `<meta name="${escapeHtml(t.name)}" content="${escapeHtml(t.content)}">`).join("");
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${meta}` +
    `<style>html,body{margin:0;height:100%;overflow:hidden}body{display:flex;flex-direction:column}iframe{border:0;width:100%;flex:1;display:block}</style></head>` +
    `<body><iframe src="${escapeHtml(src)}" sandbox="${SANDBOX}" title="${escapeHtml(title || "ウェブアプリ")}"></iframe></body></html>`;
}

function errorPage(message: string, links: { href: string; text: string }[] = []): string {
  const list = links.length ? `<ul>${links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a></li>`).join("")}</ul>` : "";
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>エラー</title></head>` +
    `<body style="font-family: sans-serif; margin: 2em"><h1 style="font-size: 1.2em">エラー</h1><p>${escapeHtml(message)}</p>${list}</body></html>`;
}

/**
 * What the workbench says above the page: who this tab is signed in as when it
 * was opened for a mail's addressee, or, when a link names someone else, a way
 * to open it as them.
 */
function visitorNote(hub: WorkbenchHub, url: URL, visitAs: string | undefined, shared: readonly SharedAddress[]): [message: string, actions: { href: string; text: string }[]] | null {
  const link = answerLink(url.href);
  const people = link ? openers(link.owner, url.search, shared) : [];
  if (visitAs !== undefined) {
    const acting = people.find((p) => p.email === visitAs);
    const who = acting ? `${link!.owner} の${acting.role}の ${openerName(acting)}` : `宛先の ${visitAs}`;
    return [`このタブは${who}としてログインして開いています（ほかのタブのユーザーは ${hub.user || "ログインなし"} のままです）。`, []];
  }
  if (!link || normalizeEmail(link.owner) === hub.user || people.some((p) => p.email === hub.user)) return null;
  const now = `いまのユーザーは ${hub.user || "ログインなし"} です。`;
  if (people.length === 0) return [`このリンクは ${link.owner} 宛てです。${now}`, [{ href: openAsPath(link.owner, url.search), text: `${link.owner} としてこのタブで開く` }]];
  // A shared address: nobody signs in as it; one of its people opens the link.
  return [`このリンクは共有アドレス ${link.owner} 宛てです。${now}`, people.map((p) => ({ href: p.openAs, text: `${openerName(p)} としてこのタブで開く` }))];
}

/** `visitAs`: the tab was opened as a mail's addressee at /as/<email>/exec — it visits as them, and its own URL says so. */
export async function handleWebApp(hub: WorkbenchHub, shim: string, req: IncomingMessage, res: ServerResponse, url: URL, visitAs?: { visitor: string; execPath: string }): Promise<void> {
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
  const { shared } = await hub.session();
  const refusal = visitAs ? sharedAddressRefusal(visitAs.visitor, shared) : null;
  if (refusal) {
    // /as/<shared address>/exec: nobody signs in as it; offer its people instead.
    const people = openers(visitAs!.visitor, url.search, shared).map((p) => ({ href: p.openAs, text: `${openerName(p)} として開く` }));
    send(res, 403, "text/html; charset=utf-8", errorPage(refusal, people));
    return;
  }
  const execPath = visitAs?.execPath ?? url.pathname;
  const pathInfo = execPath.length > "/exec/".length ? decodeURIComponent(execPath.slice("/exec/".length)) : undefined;
  const visitor = visitAs ? normalizeEmail(visitAs.visitor) : hub.user;
  const body = method === "POST" ? { type: (req.headers["content-type"] ?? "").split(";")[0].trim(), contents: await readBody(req) } : undefined;
  const response = await hub.worker.request("web", {
    method,
    query: url.search.slice(1),
    pathInfo,
    body,
    visitor,
    deployer: await hub.deployer(),
    url: visitAs ? `${url.origin}${openAsPath(visitor, "")}` : undefined,
  });
  const note = visitorNote(hub, url, visitAs ? visitor : undefined, shared);
  const noted = (html: string) => (note ? withVisitorBar(html, ...note) : html);
  switch (response.kind) {
    case "error":
      send(res, response.status, "text/html; charset=utf-8", noted(errorPage(response.message)));
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
      const id = hub.webSurface((id) => webAppDocument(response, shim, { ...config, id }), visitAs ? visitor : undefined);
      // The workbench's note sits above the sandboxed frame, on the workbench's own page, so its link can open this tab.
      send(res, 200, "text/html; charset=utf-8", noted(outerPage(`${hub.surfaceOrigin}/surface/${id}`, response.title, response.metaTags)), NO_FRAMING);
    }
  }
}
