// The follow-up's mail over a real SMTP server, and exactly-once across a crash.
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { fakeClock } from "../../../src/local/runtime/clock";
import { openWorkbook } from "../../../src/local/runtime/open";
import { smtpTransport } from "../../../src/local/services/mail";
import { saveWorkbook } from "../../../src/local/workbook/xlsx-store";
import { createDemoModel } from "../../../src/local/demo-workbook";
import { WEB_APP, linkIn, openForm, outbox, prepareFollowUp, deployWebApp } from "../../support/follow-up";
import { SECRETARIAT, sheetRecords } from "../../support/issues";
import { BUILD_DIR } from "../../support/gas-bundle";
import { startSmtpServer } from "../../support/smtp-server";
import { tempDir, testRuntime } from "../../support/runtime";

describe("over a real SMTP server on loopback", () => {
  it("delivers the Japanese requests, decoded by the peer, with a link that opens the owner's form", async () => {
    const server = startSmtpServer();
    try {
      const { port } = await server.next<{ port: number }>();
      const received: { raw: Uint8Array; rcptTo: string[] }[] = [];
      server.worker.on("message", (m) => "raw" in m && received.push(m));
      const { runtime } = testRuntime({ now: "2026-12-01T09:00:00+09:00", mail: smtpTransport(`smtp://127.0.0.1:${port}`), setUp: true });
      deployWebApp(runtime);
      const result = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
      const sent = (result.result as { sent: unknown[] }).sent.length;
      expect(sent).toBeGreaterThan(10);
      for (let i = 0; i < 50 && received.length < sent; i++) await new Promise((r) => setTimeout(r, 50));
      expect(received).toHaveLength(sent);
      const mail = await simpleParser(Buffer.from(received[0].raw));
      expect(mail.subject).toBe("【ご回答のお願い】プラチナ市役所プロジェクト 継続検討課題の進捗確認（令和8年12月）");
      expect(mail.from?.value[0]).toMatchObject({ name: "市政変革推進室" });
      const link = linkIn(mail.text ?? "");
      expect(link.startsWith(`${WEB_APP}?t=`)).toBe(true);
      expect(String(mail.html)).toContain(`href="${link}"`);
      const form = openForm(runtime, link);
      // The form greets the owner as the mail does: 「総務市民局 人事課」 then 「ご担当者様」.
      const addressee = /^(.+)\nご担当者様/m.exec(mail.text ?? "")![1];
      expect(form).toContain(`${addressee} ご担当者 様にご担当いただいている課題です`);
      expect(form).not.toContain(`${received[0].rcptTo[0]} 様にご担当`);
    } finally {
      await server.worker.terminate();
    }
  });
});

describe("a crash part-way through sending", () => {
  it("keeps the sends recorded before the crash, so a re-run sends only the rest", async () => {
    const dir = tempDir();
    const path = join(dir, "book.xlsx");
    await saveWorkbook(createDemoModel(), path);
    const clock = fakeClock(Date.parse("2026-12-01T09:00:00+09:00"));
    // Each mail "costs" a minute and the add-on's own clock stands still, so Apps Script's
    // 6-minute limit kills the execution mid-loop, as a hung send would.
    const opened = await openWorkbook({
      workbook: path, bundleDir: BUILD_DIR, clock,
      runtime: { enforceTimeLimit: true, costModel: { "*": 1, "MailApp.sendEmail": 60_000 } },
    });
    prepareFollowUp(opened.runtime);
    await opened.save();
    const crashed = opened.runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    expect(crashed.ok).toBe(false);
    expect(crashed.error?.message).toBe("Exceeded maximum execution time");
    await opened.settle(crashed);
    const sentBeforeCrash = (await outbox(opened.outbox)).length;
    expect(sentBeforeCrash).toBeGreaterThan(0);
    expect(sheetRecords(opened.runtime, "送信記録")).toHaveLength(sentBeforeCrash);

    const again = await openWorkbook({ workbook: path, bundleDir: BUILD_DIR, clock });
    const rerun = again.runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    expect(rerun.ok, rerun.error?.message).toBe(true);
    await again.settle(rerun);
    const mails = await outbox(again.outbox);
    expect(new Set(mails.map((m) => m.to.join(","))).size).toBe(mails.length);
    expect(mails.length).toBe(sentBeforeCrash + (rerun.result as { sent: unknown[] }).sent.length);
    expect(sheetRecords(again.runtime, "送信記録")).toHaveLength(mails.length);
  });
});
