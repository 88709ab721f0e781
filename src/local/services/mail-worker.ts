// The mail transports' async half: the sync bridge's worker module (nodemailer
// has no synchronous API). Messages arrive already validated by MailApp.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, writeSync } from "node:fs";
import { join } from "node:path";
import { createTransport, type SendMailOptions } from "nodemailer";
import { serveSyncBridge } from "./sync-bridge";
import { syncDirectory } from "../workbook/atomic-file";
import type { OutgoingMail, SentMail } from "./mail";

function toNodemailer(message: OutgoingMail): SendMailOptions {
  return {
    from: message.from,
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    html: message.html,
    // Without this nodemailer stamps the real time; MailApp passes the execution's (possibly fake) clock.
    date: message.date,
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      content: Buffer.from(a.content),
      contentType: a.contentType,
      cid: a.cid,
    })),
  };
}

/** File names sort in send order: a sequence number, the send time and a readable slug of the subject. */
function outboxFileName(dir: string, message: OutgoingMail): string {
  const last = readdirSync(dir)
    .map((name) => /^(\d+)-.*\.eml$/.exec(name))
    .reduce((max, m) => (m ? Math.max(max, Number(m[1])) : max), 0);
  const stamp = message.date.toISOString().replace(/:/g, "").replace(/\.\d{3}/, "");
  const words = message.subject.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
  const slug = Array.from(words).slice(0, 40).join("") || "mail"; // by code point: never half of a character like 𠮷
  return `${String(last + 1).padStart(6, "0")}-${stamp}-${slug}.eml`;
}

async function outbox({ dir, message }: { dir: string; message: OutgoingMail }): Promise<SentMail> {
  // streamTransport keeps the Bcc header, which is what an outbox should show.
  const transporter = createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transporter.sendMail(toNodemailer(message));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, outboxFileName(dir, message));
  // On disk before MailApp.sendEmail returns: the runtime records the send next, and a crash must find both.
  const fd = openSync(file, "wx");
  try {
    const bytes = info.message as Buffer;
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncDirectory(dir);
  return { messageId: info.messageId, file };
}

async function smtp({ url, message }: { url: string; message: OutgoingMail }): Promise<SentMail> {
  const server = new URL(url);
  const secure = server.protocol === "smtps:";
  const transporter = createTransport({
    host: server.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: Number(server.port) || (secure ? 465 : 25),
    secure,
    ignoreTLS: !secure,
    auth: server.username
      ? { user: decodeURIComponent(server.username), pass: decodeURIComponent(server.password) }
      : undefined,
    // The script is blocked while we wait: fail well before the bridge's own timeout.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  const info = await transporter.sendMail(toNodemailer(message));
  return { messageId: info.messageId };
}

serveSyncBridge({ outbox, smtp });
