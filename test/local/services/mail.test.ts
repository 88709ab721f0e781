import { identity } from "../../support/contexts";
import { afterAll, describe, it, expect } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import type { AuthModeName } from "../../../src/local/execution/contexts";
import { emptyState, type ExecutionEnv } from "../../../src/local/execution/env";
import { createMailApp, listOutbox, outboxTransport, smtpTransport } from "../../../src/local/services/mail";
import { startSmtpServer } from "../../support/smtp-server";

const SUBJECT = "【ご回答のお願い】令和8年12月";
/** 2026-12-01 09:30 in Tokyo. */
const START = Date.UTC(2026, 11, 1, 0, 30);

function makeEnv(options: { authMode?: AuthModeName; dailyQuota?: number } = {}) {
  let now = START;
  const state = emptyState();
  state.mail.dailyQuota = options.dailyQuota ?? 1500;
  const env: ExecutionEnv = {
    clock: { now: () => now, sleep: (ms) => void (now += ms) },
    timeZone: "Asia/Tokyo",
    ...identity("suzuki@city.platina.example", options.authMode ?? "FULL"),
    state,
    log: () => undefined,
    ui: null,
  };
  return { env, setNow: (t: number) => void (now = t) };
}

const outboxes: string[] = [];
afterAll(() => outboxes.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function outbox() {
  const dir = mkdtempSync(join(tmpdir(), "platina-outbox-"));
  outboxes.push(dir);
  return { dir, files: () => readdirSync(dir).sort() };
}

/** A Blob as Apps Script hands it over: signed bytes. */
function blob(name: string, contentType: string, bytes: number[]) {
  return { getBytes: () => bytes, getName: () => name, getContentType: () => contentType };
}

describe("MailApp to the .eml outbox", () => {
  it("writes a message that parses back with the Japanese subject, text and HTML parts", async () => {
    const { env } = makeEnv();
    const box = outbox();
    const mail = createMailApp(env, outboxTransport(box.dir));
    mail.sendEmail("tanaka@city.platina.example", SUBJECT, "回答期限は12月10日です。", {
      htmlBody: "<p>回答期限は<b>12月10日</b>です。</p>",
      bcc: "kanri@city.platina.example",
    });

    expect(box.files()).toHaveLength(1);
    expect(box.files()[0]).toMatch(/^000001-2026-12-01T003000Z-.*\.eml$/);
    const raw = readFileSync(join(box.dir, box.files()[0]));
    expect(raw.toString()).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(raw.toString()).toMatch(/^Content-Type: multipart\/alternative;/m);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(SUBJECT);
    expect(parsed.text).toBe("回答期限は12月10日です。");
    expect(parsed.html).toBe("<p>回答期限は<b>12月10日</b>です。</p>");
    expect(parsed.from?.value[0]).toEqual({ name: "suzuki", address: "suzuki@city.platina.example" });
    expect(raw.toString()).toMatch(/^Bcc: kanri@city\.platina\.example$/m);
  });

  it("dates the message by the execution's (fake) clock, not the real time", async () => {
    const { env } = makeEnv();
    const box = outbox();
    createMailApp(env, outboxTransport(box.dir)).sendEmail("a@example.jp", "件名", "本文");
    const raw = readFileSync(join(box.dir, box.files()[0])).toString();
    expect(raw).toMatch(/^Date: Tue, 01 Dec 2026 00:30:00 \+0000$/m);
    expect((await simpleParser(raw)).date?.getTime()).toBe(START);
  });

  it("names files in send order and lists the outbox newest first", async () => {
    const { env } = makeEnv();
    const box = outbox();
    const mail = createMailApp(env, outboxTransport(box.dir));
    mail.sendEmail("a@example.jp", "一通目", "1");
    env.clock.sleep(60_000);
    mail.sendEmail("b@example.jp", "二通目", "2", { cc: "c@example.jp" });

    expect(box.files().map((f) => f.slice(0, 7))).toEqual(["000001-", "000002-"]);
    const listed = await listOutbox(box.dir);
    expect(listed.map((m) => m.subject)).toEqual(["二通目", "一通目"]);
    // mailparser ends a single text/plain body with a newline.
    expect(listed[0]).toMatchObject({ to: ["b@example.jp"], cc: ["c@example.jp"], text: "2\n", html: null });
    expect(listed[0].date?.getTime()).toBe(START + 60_000);
    expect(listed[0].file).toBe(join(box.dir, box.files()[1]));
  });

  it("supports the (to, replyTo, subject, body) and message-object forms with attachments", async () => {
    const { env } = makeEnv();
    const box = outbox();
    const mail = createMailApp(env, outboxTransport(box.dir));
    mail.sendEmail("a@example.jp", "madoguchi@city.platina.example", "返信先つき", "本文");
    mail.sendEmail({
      to: "b@example.jp",
      subject: "添付つき",
      body: "添付をご確認ください。",
      htmlBody: '<img src="cid:logo">',
      name: "市政変革推進室",
      noReply: true,
      attachments: [blob("集計.csv", "text/csv", [0x41, 0x2c, -1])] as never,
      inlineImages: { logo: blob("logo.png", "image/png", [-119, 0x50, 0x4e, 0x47]) } as never,
    });

    const [withAttachments, withReplyTo] = await Promise.all(
      box.files().reverse().map((f) => simpleParser(readFileSync(join(box.dir, f)))),
    );
    expect(withReplyTo.replyTo?.text).toBe("madoguchi@city.platina.example");
    expect(withReplyTo.text?.trim()).toBe("本文");
    expect(withAttachments.from?.value[0]).toEqual({ name: "市政変革推進室", address: "noreply@city.platina.example" });
    const csv = withAttachments.attachments.find((a) => a.filename === "集計.csv")!;
    const logo = withAttachments.attachments.find((a) => a.cid === "logo")!;
    expect(csv.contentType).toBe("text/csv");
    expect([...csv.content]).toEqual([0x41, 0x2c, 0xff]);
    expect(logo).toMatchObject({ contentType: "image/png", cid: "logo" });
    expect([...logo.content]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});

describe("MailApp quota and validation", () => {
  it("counts distinct recipients and throws the Apps Script message when the day's quota is used up", () => {
    const { env } = makeEnv({ dailyQuota: 5 });
    const box = outbox();
    const mail = createMailApp(env, outboxTransport(box.dir));
    expect(mail.getRemainingDailyQuota()).toBe(5);

    // a, b and c: "A@EXAMPLE.JP" is a again.
    mail.sendEmail("a@example.jp, b@example.jp", "3人", "本文", { cc: "C@example.jp", bcc: "A@EXAMPLE.JP" });
    expect(mail.getRemainingDailyQuota()).toBe(2);

    expect(() => mail.sendEmail("d@example.jp,e@example.jp,f@example.jp", "3人", "本文")).toThrow(
      new Error("Service invoked too many times for one day: email."),
    );
    expect(box.files()).toHaveLength(1);
    mail.sendEmail("d@example.jp,e@example.jp", "2人", "本文");
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail("g@example.jp", "1人", "本文")).toThrow("Service invoked too many times for one day: email.");
    expect(box.files()).toHaveLength(2);
  });

  // G-quota: "Quotas are per user and reset 24 hours after the first request" — not at midnight.
  it("gives the quota back 24 hours after the send that opened the window, not at midnight", () => {
    const { env, setNow } = makeEnv({ dailyQuota: 3 });
    const mail = createMailApp(env, outboxTransport(outbox().dir));
    const first = Date.UTC(2026, 11, 1, 1, 30); // 10:30 on 12/1 in Tokyo
    setNow(first);
    mail.sendEmail("a@example.jp,b@example.jp", "件名", "本文");
    setNow(first + 6 * 3_600_000);
    mail.sendEmail("c@example.jp", "件名", "本文");
    setNow(Date.UTC(2026, 11, 1, 15, 0)); // 00:00 on 12/2 in Tokyo: still the same window
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail("d@example.jp", "件名", "本文")).toThrow("Service invoked too many times for one day: email.");
    setNow(first + 24 * 3_600_000 - 1);
    expect(mail.getRemainingDailyQuota()).toBe(0);
    setNow(first + 24 * 3_600_000); // the window is 24 hours old: every recipient comes back, the later send's too
    expect(mail.getRemainingDailyQuota()).toBe(3);
    mail.sendEmail("d@example.jp", "件名", "本文");
    expect(env.state.mail).toMatchObject({ since: first + 24 * 3_600_000, recipientsUsed: 1 });
  });

  it("rejects an invalid address and sends nothing", () => {
    const { env } = makeEnv();
    const box = outbox();
    const mail = createMailApp(env, outboxTransport(box.dir));
    expect(() => mail.sendEmail("a@example.jp, not-an-address", "件名", "本文")).toThrow(new Error("Invalid email: not-an-address"));
    expect(() => mail.sendEmail("a@example.jp", "件名", "本文", { cc: "b@example" })).toThrow("Invalid email: b@example");
    expect(box.files()).toEqual([]);
    expect(mail.getRemainingDailyQuota()).toBe(1500);
  });

  it("accepts display-name addresses, and refuses more than 50 recipients or none", () => {
    const { env } = makeEnv();
    const box = outbox();
    const mail = createMailApp(env, outboxTransport(box.dir));
    mail.sendEmail('"山田, 太郎" <yamada@example.jp>', "件名", "本文");
    expect(mail.getRemainingDailyQuota()).toBe(1499);
    const many = Array.from({ length: 51 }, (_, i) => `user${i}@example.jp`).join(",");
    expect(() => mail.sendEmail(many, "件名", "本文")).toThrow("Limit Exceeded: Email Recipients Per Message.");
    expect(() => mail.sendEmail("", "件名", "本文")).toThrow("Failed to send email: no recipient");
    expect(box.files()).toHaveLength(1);
  });

  it("rejects argument lists that match no overload, as Apps Script words it", () => {
    const mail = createMailApp(makeEnv().env, outboxTransport(outbox().dir));
    const sendEmail = mail.sendEmail as (...args: unknown[]) => void;
    expect(() => sendEmail("a@example.jp", "件名")).toThrow(
      new Error("The parameters (String,String) don't match the method signature for MailApp.sendEmail."),
    );
  });

  it.each(["LIMITED", "CUSTOM_FUNCTION"] as const)("is not allowed in %s mode", (authMode) => {
    const { env } = makeEnv({ authMode });
    const mail = createMailApp(env, outboxTransport(outbox().dir));
    expect(() => mail.sendEmail("a@example.jp", "件名", "本文")).toThrow(
      new Error(
        "You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail",
      ),
    );
  });
});

describe("MailApp through a real SMTP server", () => {
  it("delivers over loopback SMTP and the peer decodes subject and body", async () => {
    const server = startSmtpServer();
    try {
      const { port } = await server.next<{ port: number }>();
      const received = server.next<{ raw: Uint8Array; rcptTo: string[] }>();
      const { env } = makeEnv();
      const mail = createMailApp(env, smtpTransport(`smtp://127.0.0.1:${port}`));
      mail.sendEmail("tanaka@example.jp", SUBJECT, "ご回答をお願いします。", {
        htmlBody: "<p>ご回答をお願いします。</p>",
        bcc: "kanri@example.jp",
      });

      const { raw, rcptTo } = await received;
      expect(rcptTo).toEqual(["tanaka@example.jp", "kanri@example.jp"]);
      const parsed = await simpleParser(Buffer.from(raw));
      expect(parsed.subject).toBe(SUBJECT);
      expect(parsed.text).toBe("ご回答をお願いします。");
      expect(parsed.html).toBe("<p>ご回答をお願いします。</p>");
      expect(parsed.date?.getTime()).toBe(START);
      expect(parsed.headers.has("bcc")).toBe(false);
      expect(mail.getRemainingDailyQuota()).toBe(1498);
    } finally {
      await server.worker.terminate();
    }
  });

  it("surfaces a failed delivery as an error of sendEmail and keeps the quota", async () => {
    const server = startSmtpServer();
    const { port } = await server.next<{ port: number }>();
    await server.worker.terminate(); // nothing listens on the port any more
    const { env } = makeEnv();
    const mail = createMailApp(env, smtpTransport(`smtp://127.0.0.1:${port}`));
    expect(() => mail.sendEmail("a@example.jp", "件名", "本文")).toThrow(/ECONNREFUSED/);
    expect(mail.getRemainingDailyQuota()).toBe(1500);
  });

  it("accepts only smtp:// and smtps:// URLs", () => {
    expect(() => smtpTransport("http://127.0.0.1:25")).toThrow("Mail server URL must start with smtp:// or smtps://");
  });
});
