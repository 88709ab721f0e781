// The mail outbox panel's routes: the list (newest first, with each mail's answer
// links), each message's HTML part (served so that it can run no script and load
// nothing), the .eml, and /webapp-links: the current cycle's links per owner.
import { existsSync, readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { basename, join } from "node:path";
import { simpleParser } from "mailparser";
import { normalizeEmail } from "../../../core/base/text";
import { listOutbox } from "../../services/mail";
import { mailLinks, openers } from "./answer-links";
import type { OutboxView, SharedAddress } from "../protocol/api-types";
import { HttpError, send, sendJson } from "../server/http";
import { WEB_APP_LINKS, webAppLinksPage } from "./webapp-links";

/** Even if a page is opened directly: no scripts, no requests anywhere but inline images. */
const MAIL_CSP = "sandbox; default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'";

function messageFile(dir: string, id: string): string {
  // A bare file name in the outbox, nothing that could point elsewhere.
  if (id !== basename(id) || !id.endsWith(".eml") || id.includes("\0") || !existsSync(join(dir, id))) {
    throw new HttpError(404, "メールが見つかりません。");
  }
  return join(dir, id);
}

/**
 * /api/outbox, /api/outbox/<id>/html, /api/outbox/<id>/eml and /webapp-links; false when the path is none of them.
 * `shared`: the shared addresses and who acts for each, so that a section's link is opened by one of its people.
 */
export async function handleOutbox(dir: string, res: ServerResponse, path: string, shared: () => Promise<SharedAddress[]>): Promise<boolean> {
  if (path === WEB_APP_LINKS) {
    send(res, 200, "text/html; charset=utf-8", webAppLinksPage(await listOutbox(dir), await shared()));
    return true;
  }
  if (path === "/api/outbox") {
    const addresses = await shared();
    const views: OutboxView[] = (await listOutbox(dir)).map((m) => ({
      id: basename(m.file),
      date: m.date ? m.date.toISOString() : null,
      from: m.from,
      to: m.to,
      cc: m.cc,
      bcc: m.bcc,
      subject: m.subject,
      text: m.text,
      hasHtml: m.html !== null,
      links: mailLinks(m).map((link) => ({
        openAs: link.openAs,
        owner: link.owner,
        shared: addresses.some((s) => s.address === normalizeEmail(link.owner)),
        people: openers(link.owner, new URL(link.url).search, addresses),
      })),
    }));
    sendJson(res, views);
    return true;
  }
  const match = /^\/api\/outbox\/([^/]+)\/(html|eml)$/.exec(path);
  if (!match) return false;
  const id = decodeURIComponent(match[1]);
  const file = messageFile(dir, id);
  if (match[2] === "eml") {
    send(res, 200, "message/rfc822", readFileSync(file), { "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(id)}` });
    return true;
  }
  const message = await simpleParser(readFileSync(file));
  send(res, 200, "text/html; charset=utf-8", message.html || "", { "Content-Security-Policy": MAIL_CSP });
  return true;
}
