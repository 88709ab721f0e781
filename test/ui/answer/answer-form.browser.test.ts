// The owners' answer form in Chromium through the workbench, as Apps Script
// serves a web app: /exec's page shows the form in a sandboxed frame on another
// origin (no top navigation), so the answer can only go through
// google.script.run. At phone size it fits, passes axe, keeps the input when a
// choice is missing, records the answer; the cycle then reminds only the others
// and digests the answer.
import { describe, expect, it } from "vitest";
import { linkIn, outbox } from "../../support/follow-up";
import { SECRETARIAT, modelRecords } from "../../support/issues";
import { axeViolations, screenshot } from "../../support/browser";
import { monthlyRequestsBench, webAppFrame, webAppBrowserForFile } from "../../support/web-app";

const chromium = webAppBrowserForFile();

/** The monthly requests sent on 2026-12-01; the workbench opened by the owner with the most issues. */
async function setUpCycle() {
  const bench = await monthlyRequestsBench("");
  const mails = await outbox(bench.outbox);
  const issues = (text: string) => (text.match(/\[R\d+-\d+\]/g) ?? []).length;
  const mail = mails.reduce((a, b) => (issues(b.text) > issues(a.text) ? b : a));
  return { bench, link: bench.local(linkIn(mail.text)), owner: mail.to[0], owners: mails.length };
}

describe("answer form", { timeout: 120_000 }, () => {
  it("fits a phone screen, is accessible, and a submission through google.script.run is recorded; the cycle goes on", async () => {
    const { bench, link, owner, owners } = await setUpCycle();
    const page = await chromium.browser.newPage({ viewport: { width: 375, height: 740 } });
    page.setDefaultTimeout(20_000);
    await page.goto(link);
    const form = await webAppFrame(page);
    expect(await form.locator("h1").textContent()).toMatch(/継続検討課題の進捗確認（令和8年12月）/);
    const overflow = await form.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(form)).toEqual([]);
    await screenshot(page, "answer-form-phone");

    const fieldsets = form.locator("fieldset.issue");
    const count = await fieldsets.count();
    expect(count).toBeGreaterThanOrEqual(2);
    const firstId = (await fieldsets.first().locator(".id").textContent())!.trim();
    // The memo's counter counts characters as the server does: an emoji is one.
    const memoCounter = form.locator("fieldset.issue").first().locator(".counter");
    await form.getByLabel("進捗メモ").first().fill("😀😀");
    await memoCounter.filter({ hasText: "2 / 2000文字" }).waitFor();
    // Submitting with no choice keeps the input and says what is missing.
    await form.getByLabel("進捗メモ").first().fill("年度内に方針決定の見込み");
    await form.getByRole("button", { name: "回答を送信する" }).click();
    await form.locator(".error-summary").waitFor();
    expect(await form.locator(".error-summary").textContent()).toContain("回答が選ばれていません");
    expect(await form.getByLabel("進捗メモ").first().inputValue()).toBe("年度内に方針決定の見込み");

    for (let i = 0; i < count; i++) await fieldsets.nth(i).locator('input[value="変更なし"]').check();
    await fieldsets.first().locator('input[value="実施中"]').check();
    await form.getByRole("button", { name: "回答を送信する" }).click();
    await form.locator(".done").waitFor();
    expect(await form.locator(".done").textContent()).toContain("以下の内容で記録しました");
    // The receipt replaced the form inside the same sandboxed frame: the page never navigated.
    expect(page.url()).toBe(link);
    await screenshot(page, "answer-receipt-phone");
    await page.close();

    // 再依頼 day: everyone but this owner; after the deadline, the digest counts the answer.
    expect((await bench.advanceClock("2026-12-08T10:00:00+09:00")).fired).toBe(1);
    const reminders = (await outbox(bench.outbox)).filter((m) => m.subject.includes("再送"));
    expect(reminders).toHaveLength(owners - 1);
    expect(reminders.map((m) => m.to.join(","))).not.toContain(owner);
    expect((await bench.advanceClock("2026-12-12T09:00:00+09:00")).fired).toBe(1);
    const digest = (await outbox(bench.outbox)).filter((m) => m.subject.startsWith("【回答状況】"));
    expect(digest.map((m) => m.to)).toEqual([[SECRETARIAT]]);
    expect(digest[0].text).toContain(`回答済 1名 ／ 依頼 ${owners}名`);

    const model = await bench.closeAndRead();
    // The workbench's visitor is not signed in here: the signed link alone answers, the person recorded as 不明
    // (ui/answer/form-people.browser.test.ts answers as a person of the section).
    expect(modelRecords(model, "課題").find((r) => r.ID === firstId)).toMatchObject({ 進捗分類: "実施中", 進捗メモ: "年度内に方針決定の見込み", 最終更新者: "不明" });
    expect(modelRecords(model, "回答記録").find((r) => r.ID === firstId)).toMatchObject({ 回答者: "不明", 担当アドレス: owner, 立場: "不明" });
    expect(modelRecords(model, "回答記録").filter((r) => r.ID === firstId).map((r) => r.回答)).toEqual(["実施中"]);
  });

  it("keeps the input and asks to send again when sending fails, and saves it when sent again", async () => {
    const { bench, link } = await setUpCycle();
    const page = await chromium.browser.newPage({ viewport: { width: 375, height: 740 } });
    page.setDefaultTimeout(20_000);
    await page.goto(link);
    const form = await webAppFrame(page);
    const fieldsets = form.locator("fieldset.issue");
    for (let i = 0; i < (await fieldsets.count()); i++) await fieldsets.nth(i).locator('input[value="変更なし"]').check();
    await form.getByLabel("進捗メモ").first().fill("回線が切れても消えないメモ");
    // The surfaces' origin does not answer once: google.script.run fails as on a dropped connection.
    const surfaceOrigin = new URL(form.url()).origin;
    let dropped = 0;
    await page.route(`${surfaceOrigin}/api/run`, (route) => (dropped++ === 0 ? route.abort() : route.continue()));
    await form.getByRole("button", { name: "回答を送信する" }).click();
    await form.locator(".sending.failed").waitFor();
    expect(await form.locator(".sending").textContent()).toContain("もう一度「回答を送信する」を押してください");
    expect(await form.locator(".sending").textContent()).toContain("シークレット ウィンドウ（プライベート ウィンドウ）で開いて仕事用のアカウントだけでログインするか");
    expect(await form.getByLabel("進捗メモ").first().inputValue()).toBe("回線が切れても消えないメモ");
    await form.getByRole("button", { name: "回答を送信する" }).click();
    await form.locator(".done").waitFor();
    await page.close();
    const model = await bench.closeAndRead();
    expect(modelRecords(model, "課題").some((r) => r.進捗メモ === "回線が切れても消えないメモ")).toBe(true);
  });

  it("shows a clear page for a tampered link at desktop size", async () => {
    const { link } = await setUpCycle();
    const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(20_000);
    await page.goto(`${link.slice(0, -3)}xyz`);
    const form = await webAppFrame(page);
    await form.getByRole("alert").waitFor();
    expect(await form.getByRole("alert").textContent()).toContain("リンクが正しくありません");
    expect(await form.locator(".advice").textContent()).toContain("複数の Google アカウントにログインしていることが原因かもしれません");
    expect(await axeViolations(form)).toEqual([]);
    await screenshot(page, "answer-error-desktop");
    await page.close();
  });
});
