// Answer links in the outbox's mails, and opening one as its addressee. A mail's
// link carries a signed token naming its owner; the workbench reads that name
// (unverified — the add-on verifies the token when the page opens) to offer
// "open as the addressee" in a tab of its own: /as/<email>/exec?t=…
import { escapeHtml, normalizeEmail } from "../../../core/base/text";
import type { OutboxEntry } from "../../services/mail";
import type { LinkOpener, SharedAddress } from "../protocol/api-types";

export interface AnswerLink {
  /** The link as the mail has it. */
  url: string;
  /** The same request on this workbench, signed in as the link's owner for that tab only. */
  openAs: string;
  owner: string;
  purpose: "follow-up" | "survey";
  cycle: string;
  /** Epoch milliseconds after which the link no longer works. */
  expires: number;
}

const LINK = /https?:\/\/[^\s"'<>]+\/exec(?:\?[^\s"'<>]*)?/g;
const AS_PATH = /^\/as\/([^/]+)(\/exec(?:\/.*)?)$/;

/** The claims a token's payload states: [purpose, email, cycle, expires], web-safe base64 of percent-encoded JSON. */
function tokenClaims(token: string): Omit<AnswerLink, "url" | "openAs"> | null {
  const payload = token.slice(0, Math.max(token.indexOf("."), 0));
  try {
    const [purpose, owner, cycle, expires] = JSON.parse(decodeURIComponent(Buffer.from(payload, "base64url").toString("latin1"))) as unknown[];
    if ((purpose !== "follow-up" && purpose !== "survey") || typeof owner !== "string" || typeof cycle !== "string" || typeof expires !== "number") return null;
    return { purpose, owner, cycle, expires };
  } catch {
    return null;
  }
}

/** The path on this workbench that opens `query` (?t=…) as `email` in its own tab. */
export function openAsPath(email: string, query: string): string {
  return `/as/${encodeURIComponent(email)}/exec${query}`;
}

/**
 * Who opens a link to `owner`: the people acting for it when it is a shared address
 * (nobody signs in as one), each with the path that opens `query` as them; [] for a person's own address.
 */
export function openers(owner: string, query: string, shared: readonly SharedAddress[]): LinkOpener[] {
  const found = shared.find((s) => s.address === normalizeEmail(owner));
  return (found?.people ?? []).map((p) => ({ ...p, openAs: openAsPath(p.email, query) }));
}

/** 「山田 太郎（担当）」, or the address when the sheet gives no name. */
export function openerName(opener: Pick<LinkOpener, "email" | "name" | "role">): string {
  return `${opener.name || opener.email}（${opener.role}）`;
}

/** The answer link in a URL's query, or null when it carries no readable token. */
export function answerLink(url: string): AnswerLink | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const claims = tokenClaims(parsed.searchParams.get("t") ?? "");
  return claims ? { url, openAs: openAsPath(claims.owner, parsed.search), ...claims } : null;
}

/** Each distinct answer link in a mail's text part. */
export function mailLinks(mail: Pick<OutboxEntry, "text">): AnswerLink[] {
  const urls = [...new Set(mail.text.match(LINK) ?? [])];
  return urls.map(answerLink).filter((link): link is AnswerLink => link !== null);
}

/** /as/<email>/exec/… → the visitor and the web-app path; null for any other path. */
export function visitAs(path: string): { visitor: string; execPath: string } | null {
  const match = AS_PATH.exec(path);
  if (!match) return null;
  try {
    return { visitor: decodeURIComponent(match[1]), execPath: match[2] };
  } catch {
    return null;
  }
}

/** A bar at the top of a web-app page: the workbench saying who this tab is signed in as. */
export function withVisitorBar(html: string, message: string, actions: { href: string; text: string }[] = []): string {
  const links = actions.map((a) => ` <a href="${escapeHtml(a.href)}" style="color:#174ea6;font-weight:bold">${escapeHtml(a.text)}</a>`).join(" ／");
  const bar = `<div role="note" data-workbench-visitor style="font:13px/1.5 system-ui,'Noto Sans CJK JP',sans-serif;background:#e8f0fe;color:#174ea6;border-bottom:1px solid #aecbfa;padding:6px 12px">` +
    `ワークベンチ: ${escapeHtml(message)}${links}</div>`;
  const body = /<body\b[^>]*>/i.exec(html);
  return body ? html.slice(0, body.index + body[0].length) + bar + html.slice(body.index + body[0].length) : bar + html;
}
