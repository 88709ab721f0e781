// The owners' answer form in Chromium, at phone and desktop sizes: it fits,
// passes axe, and a real form submission reaches doPost and records the answer.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, outbox, prepareFollowUp } from "../support/follow-up";
import { SECRETARIAT, issueRows } from "../support/issues";
import { axeViolations, launchBrowser, screenshot } from "../support/browser";
import { openWebApp } from "../support/web-app";
import { testRuntime } from "../support/runtime";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function setUpCycle() {
  const t = testRuntime({ now: "2026-12-01T09:00:00+09:00" });
  prepareFollowUp(t.runtime);
  t.runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
  const mails = await outbox(t.outbox);
  const issues = (text: string) => (text.match(/\[R\d+-\d+\]/g) ?? []).length;
  const mail = mails.reduce((a, b) => (issues(b.text) > issues(a.text) ? b : a));
  return { ...t, link: linkIn(mail.text), owner: mail.to[0] };
}

describe("answer form", () => {
  it("fits a phone screen, is accessible, and a submission is recorded", async () => {
    const { runtime, link } = await setUpCycle();
    const page = await openWebApp(browser, runtime, { width: 375, height: 740 });
    await page.goto(link);
    expect(await page.locator("h1").textContent()).toMatch(/継続検討課題の進捗確認（令和8年12月）/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "answer-form-phone");

    const fieldsets = page.locator("fieldset.issue");
    const count = await fieldsets.count();
    expect(count).toBeGreaterThanOrEqual(2);
    const firstId = (await fieldsets.first().locator(".id").textContent())!.trim();
    // Submitting with no choice keeps the input and says what is missing.
    await page.getByLabel("進捗メモ").first().fill("年度内に方針決定の見込み");
    await page.getByRole("button", { name: "回答を送信する" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").textContent()).toContain("回答が選ばれていません");
    expect(await page.getByLabel("進捗メモ").first().inputValue()).toBe("年度内に方針決定の見込み");

    for (let i = 0; i < count; i++) await fieldsets.nth(i).locator('input[value="変更なし"]').check();
    await fieldsets.first().locator('input[value="実施中"]').check();
    await page.getByRole("button", { name: "回答を送信する" }).click();
    await page.locator(".done").waitFor();
    expect(await page.locator(".done").textContent()).toContain("以下の内容で記録しました");
    await screenshot(page, "answer-receipt-phone");
    expect(issueRows(runtime).find((r) => r.ID === firstId)).toMatchObject({ 進捗分類: "実施中", 進捗メモ: "年度内に方針決定の見込み" });
    await page.close();
  });

  it("shows a clear page for a tampered link at desktop size", async () => {
    const { runtime, link } = await setUpCycle();
    const page = await openWebApp(browser, runtime, { width: 1280, height: 800 });
    await page.goto(`${link.slice(0, -3)}xyz`);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("リンクが正しくありません");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "answer-error-desktop");
    await page.close();
  });
});
