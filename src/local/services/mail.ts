// MailApp offline: validates and counts like Apps Script, then hands the message
// to a synchronous MailTransport (an .eml outbox or a real SMTP server, both
// driven by nodemailer in a worker through the sync bridge).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AddressObject } from "mailparser";
import type { ExecutionEnv } from "../execution/env";
import { createSyncBridge, type SyncBridge } from "./sync-bridge";
import { currentWindow, useWindow } from "./quota-window";

/**
 * Longer than the worst SMTP send (connect + greeting + socket timeouts), so a
 * slow send is never reported failed here while the worker still delivers it.
 */
const BRIDGE_TIMEOUT_MS = 120_000;

export interface MailTransport {
  /** Synchronous, like MailApp itself. */
  send(message: OutgoingMail): SentMail;
}

export interface OutgoingMail {
  from: { name: string; address: string };
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  attachments: { filename: string; content: Uint8Array; contentType: string; cid?: string }[];
  date: Date;
}

export interface SentMail {
  messageId: string;
  /** The .eml written, for the outbox transport. */
  file?: string;
}

const MAX_RECIPIENTS_PER_MESSAGE = 50;

type Params = GoogleAppsScript.Mail.MailAdvancedParameters;

interface BlobLike {
  getBytes(): ArrayLike<number>;
  getName(): string | null;
  getContentType(): string | null;
}

export function createMailApp(env: ExecutionEnv, transport: MailTransport): GoogleAppsScript.Mail.MailApp {
  function sendEmail(...args: unknown[]): void {
    requirePermission(env, "sendEmail");
    const params = readArguments(args);
    const to = addressList(params.to);
    const cc = addressList(params.cc);
    const bcc = addressList(params.bcc);
    const replyTo = addressList(params.replyTo);
    const recipients = recipientCount({ to, cc, bcc });
    if (recipients === 0) throw new Error("Failed to send email: no recipient");
    if (recipients > MAX_RECIPIENTS_PER_MESSAGE) throw new Error("Limit Exceeded: Email Recipients Per Message.");
    const quota = currentQuota(env);
    if (recipients > quota.dailyQuota - quota.recipientsUsed) {
      throw new Error("Service invoked too many times for one day: email.");
    }
    useWindow(quota, env.clock.now());
    const [localPart, domain] = env.effectiveUser.split("@");
    transport.send({
      from: { name: params.name ?? localPart, address: params.noReply ? `noreply@${domain}` : env.effectiveUser },
      to,
      cc,
      bcc,
      replyTo: replyTo.length ? replyTo.join(", ") : undefined,
      subject: String(params.subject ?? ""),
      text: String(params.body ?? ""),
      html: params.htmlBody ? String(params.htmlBody) : undefined,
      attachments: [
        ...(params.attachments ?? []).map((source) => attachment(source)),
        ...Object.entries(params.inlineImages ?? {}).map(([cid, source]) => attachment(source, cid)),
      ],
      date: new Date(env.clock.now()),
    });
    quota.recipientsUsed += recipients;
  }

  return {
    sendEmail: sendEmail as GoogleAppsScript.Mail.MailApp["sendEmail"],
    getRemainingDailyQuota() {
      requirePermission(env, "getRemainingDailyQuota");
      const quota = currentQuota(env);
      return Math.max(0, quota.dailyQuota - quota.recipientsUsed);
    },
  };
}

function requirePermission(env: ExecutionEnv, method: string): void {
  if (env.authMode === "CUSTOM_FUNCTION" || env.authMode === "LIMITED") {
    throw new Error(
      `You do not have permission to call MailApp.${method}. Required permissions: https://www.googleapis.com/auth/script.send_mail`,
    );
  }
}

/** The quota record, its count cleared 24 hours after the send that opened its window (not at midnight). */
function currentQuota(env: ExecutionEnv): ExecutionEnv["state"]["mail"] {
  return currentWindow(env.state.mail, env.clock.now(), (quota) => (quota.recipientsUsed = 0));
}

/** How Apps Script names argument types in its "parameters don't match" message. */
const TYPE_NAMES: Record<string, string> = { string: "String", boolean: "Boolean", object: "Object" };

/** The four sendEmail overloads as one parameter object. */
function readArguments(args: unknown[]): Params {
  const [a, b, c, d] = args;
  if (args.length === 1 && typeof a === "object" && a !== null) return a as Params;
  if (args.length === 4 && typeof d === "string") {
    return { to: String(a), replyTo: String(b), subject: String(c), body: d };
  }
  if (args.length === 3 || (args.length === 4 && (d === undefined || (typeof d === "object" && d !== null)))) {
    return { ...(d as Params | undefined), to: String(a), subject: String(b), body: String(c) };
  }
  const types = args.map((v) => (v === null ? "null" : (TYPE_NAMES[typeof v] ?? typeof v)));
  throw new Error(`The parameters (${types.join(",")}) don't match the method signature for MailApp.sendEmail.`);
}

/** Splits a comma-separated recipient list (commas inside quotes or <> don't split) and validates each entry. */
function addressList(list: string | undefined): string[] {
  if (!list) return [];
  const entries: string[] = [];
  let current = "";
  let quoted = false;
  let angle = false;
  for (const ch of String(list)) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "<" && !quoted) angle = true;
    else if (ch === ">" && !quoted) angle = false;
    if (ch === "," && !quoted && !angle) {
      entries.push(current);
      current = "";
    } else current += ch;
  }
  entries.push(current);
  return entries
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      if (!VALID_ADDRESS.test(addressOf(entry))) throw new Error(`Invalid email: ${entry}`);
      return entry;
    });
}

const VALID_ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** What a message costs of the daily quota: its distinct recipients. */
export function recipientCount(message: Pick<OutgoingMail, "to" | "cc" | "bcc">): number {
  return new Set([...message.to, ...message.cc, ...message.bcc].map((entry) => addressOf(entry).toLowerCase())).size;
}

/** The bare address of `Name <addr>` or `addr`. */
function addressOf(entry: string): string {
  const match = /<([^<>]*)>\s*$/.exec(entry);
  return (match ? match[1] : entry).trim();
}

function attachment(source: unknown, cid?: string): OutgoingMail["attachments"][number] {
  const candidate = source as Partial<BlobLike> & { getBlob?: () => BlobLike };
  const blob = typeof candidate?.getBytes === "function" ? (candidate as BlobLike) : candidate?.getBlob?.();
  if (!blob) throw new Error(`Invalid argument: ${cid ? "inlineImages" : "attachments"}`);
  return {
    filename: blob.getName() ?? cid ?? "attachment",
    // Apps Script bytes are signed (Int8); mail wants octets.
    content: Uint8Array.from(blob.getBytes(), (b) => b & 0xff),
    contentType: blob.getContentType() ?? "application/octet-stream",
    cid,
  };
}

// One mail worker for the whole process, started on first use; it is unref'd
// so it never keeps the process alive.
let bridge: SyncBridge | undefined;

function mailWorker(): SyncBridge {
  const ext = extname(fileURLToPath(import.meta.url)); // .ts under tsx/vitest, .js once compiled
  // A current dist/ (see workbench/server/worker-host.ts) spares the worker tsx's transform.
  const compiledDir = process.env.PLATINA_COMPILED_WORKERS;
  const module = compiledDir ? pathToFileURL(join(compiledDir, "mail-worker.js")) : new URL(`./mail-worker${ext}`, import.meta.url);
  bridge ??= createSyncBridge(module, { timeoutMs: BRIDGE_TIMEOUT_MS });
  return bridge;
}

/** Writes each message as an .eml file into `dir`, named so that the files sort in send order. */
export function outboxTransport(dir: string): MailTransport {
  const absolute = resolve(dir);
  return { send: (message) => mailWorker().call<SentMail>("outbox", { dir: absolute, message }) };
}

/** Delivers to an SMTP server: `smtp://host:port` (no TLS) or `smtps://host:port`, optionally with user:pass@. */
export function smtpTransport(url: string): MailTransport {
  const protocol = new URL(url).protocol;
  if (protocol !== "smtp:" && protocol !== "smtps:") {
    throw new Error(`Mail server URL must start with smtp:// or smtps://: ${url}`);
  }
  return { send: (message) => mailWorker().call<SentMail>("smtp", { url, message }) };
}

export interface OutboxEntry {
  file: string;
  date: Date | null;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string | null;
}

/** The outbox's messages, newest first. */
export async function listOutbox(dir: string): Promise<OutboxEntry[]> {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((name) => name.endsWith(".eml"))
    .sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
  return Promise.all(
    names.map(async (name) => {
      const file = join(dir, name);
      const mail = await (await parser())(readFileSync(file));
      return {
        file,
        date: mail.date ?? null,
        from: mail.from?.text ?? "",
        to: addresses(mail.to),
        cc: addresses(mail.cc),
        bcc: addresses(mail.bcc),
        subject: mail.subject ?? "",
        text: mail.text ?? "",
        html: mail.html || null,
      };
    }),
  );
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return [field ?? []].flat().flatMap((group) => group.value.map((a) => a.address ?? ""));
}

/** mailparser is only needed to read the outbox back: loaded on first use, so the CLI starts faster. */
async function parser() {
  return (await import("mailparser")).simpleParser;
}
