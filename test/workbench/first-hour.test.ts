// The first hour in the workbench, by clicking only: the demo opens ready as the
// secretariat, the mail → answer loop through the outbox, the web-app index, a
// wrong user's page, 送信状況 in 和暦, and the 進捗報告 dialogs.
import type { Browser, FrameLocator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { guideShot, launchBrowser, screenshot } from "../support/browser";
import { openPage, startTestWorkbench, tab, until, type TestWorkbench } from "./harness";

let browser: Browser;
let workbench: TestWorkbench | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await workbench?.close();
  workbench = undefined;
});

/** Clicks an item of the add-on's menu by its function name. */
async function runMenu(page: Page, functionName: string): Promise<void> {
  const item = page.locator(`.menubar [data-function="${functionName}"]`);
  await item.waitFor({ state: "attached" });
  const menu = await item.evaluate((el) => el.closest(".menu-wrap")!.querySelector(".menu-top")!.textContent);
  await page.locator(".menu-top", { hasText: menu! }).click();
  await item.click();
}

/** The add-on dialog (an HTML surface) with this title. */
function htmlDialog(page: Page, title: string): { box: ReturnType<Page["locator"]>; frame: FrameLocator } {
  const box = page.locator(".dialog.html-dialog", { has: page.locator(".dialog-title", { hasText: title }) });
  return { box, frame: box.frameLocator("iframe") };
}

describe("the first hour in the workbench", { timeout: 120_000 }, () => {
  it("opens ready as the secretariat, and the loop from mail to answer is walked by clicking", async () => {
    workbench = await startTestWorkbench();
    const page = await openPage(browser, workbench, "課題");
    // 初期設定 is done: 設定 and 履歴 exist, and the secretariat is signed in.
    await until(() => page.locator("#user-select").inputValue()).toBe("henkaku@city.example");
    expect(await tab(page, "設定").count()).toBe(1);
    expect(await tab(page, "履歴").count()).toBe(1);
    const groups = await page.locator("#user-select optgroup").evaluateAll((els) => els.map((el) => (el as HTMLOptGroupElement).label));
    expect(groups).toEqual(["事務局", "局区代表", "担当者", "PTメンバー"]);
    const options = await page.locator("#user-select option").allTextContents();
    expect(options).toContain("henkaku@city.example（市政変革推進室・事務局）全件");
    expect(options).toContain("kaikei@city.example（会計室・局区代表）局区の課題 2件");
    expect(options.find((o) => o.startsWith("jinji-ka@city.example"))).toMatch(/^jinji-ka@city\.example（総務市民局 人事課・担当者）担当 R6-\d{3}・/);
    await tab(page, "集計").click();
    await page.locator('.grid[aria-busy="false"]').waitFor();
    await guideShot(page, "1-summary");

    // Before any mail, ウェブアプリ ↗ explains how links appear.
    const [emptyIndex] = await Promise.all([page.context().waitForEvent("page"), page.locator("#webapp-link").click()]);
    await until(() => emptyIndex.locator("body").textContent()).toContain("回答リンクつきのメールはまだありません");
    await emptyIndex.close();

    // 今すぐ送信: the question says which issues are included and why (November asks ⑥ too).
    await runMenu(page, "sendFollowUpNow");
    const ask = page.locator(".dialog.ask");
    await until(() => ask.textContent()).toContain("⑥も照会します");
    expect(await ask.textContent()).toContain("集計の「進捗確認課題数」は継続検討課題だけを数えるため");
    await ask.locator("button", { hasText: "はい" }).click();
    await until(() => page.locator(".dialog.ask").textContent()).toContain("送信 ");
    await page.locator(".dialog.ask button").first().click();

    // The outbox: the mail's link opens the form in a new tab as the addressee, and the page says so.
    await page.locator('.dock-buttons button[data-panel="outbox"]').click();
    const jinji = page.locator(".mail-list li", { hasText: "jinji-ka@city.example" });
    await jinji.click();
    const open = page.locator(".open-answer-form");
    await until(() => open.textContent()).toBe("回答フォームを開く（jinji-ka@city.example として新しいタブで）");
    await screenshot(page, "first-hour-outbox");
    await guideShot(page, "2-outbox");
    const [form] = await Promise.all([page.context().waitForEvent("page"), open.click()]);
    await form.waitForLoadState();
    expect(await form.locator("[data-workbench-visitor]").textContent()).toContain("このタブは宛先の jinji-ka@city.example としてログインして開いています");
    // The form itself is in the web app's sandboxed frame, as Apps Script serves it.
    const inner = form.frameLocator("iframe");
    // Greeted as the mail greets: by 局 and 課, not by address.
    await until(() => inner.locator("main").textContent()).toContain("総務市民局 人事課 ご担当者 様にご担当いただいている課題です");
    for (const radio of await inner.locator('input[type="radio"][value="変更なし"]').all()) await radio.check();
    await inner.getByRole("button", { name: "回答を送信する" }).click();
    await until(() => inner.locator(".done").textContent()).toBe("ご回答ありがとうございました。以下の内容で記録しました。");
    expect(await inner.locator(".results li.ng").count()).toBe(0);
    expect(await form.locator("[data-workbench-visitor]").count()).toBe(1);
    await screenshot(form, "first-hour-answered");
    await guideShot(form, "3-answered");
    // The workbench itself is still signed in as the secretariat.
    expect(await page.locator("#user-select").inputValue()).toBe("henkaku@city.example");

    // ウェブアプリ ↗: this cycle's links, one per owner.
    const [index] = await Promise.all([page.context().waitForEvent("page"), page.locator("#webapp-link").click()]);
    await until(() => index.locator("h2").first().textContent()).toMatch(/^進捗確認（令和8年11月）— \d+名$/);
    expect(await index.locator("a", { hasText: "jinji-ka@city.example として開く" }).count()).toBe(1);

    // The same link opened in the signed-in user's own tab: the add-on refuses, naming whom to switch to,
    // and the workbench offers to open it as them.
    const link = await jinji.evaluate(() => document.querySelector(".mail-text")!.textContent!.match(/http:\/\/\S+\/exec\?t=\S+/)![0]);
    const wrong = await browser.newPage();
    await wrong.goto(link.replace(/^http:\/\/[^/]+/, workbench.url.replace(/\/$/, "")));
    const notice = await wrong.frameLocator("iframe").locator(".notice").textContent();
    expect(notice).toContain("いまは henkaku@city.example でログインしています。jinji-ka@city.example のアカウントに切り替えてから");
    await wrong.locator("[data-workbench-visitor] a", { hasText: "jinji-ka@city.example としてこのタブで開く" }).click();
    await until(() => wrong.frameLocator("iframe").locator("main").textContent()).toContain("様にご担当いただいている課題です");
    await wrong.close();

    // 送信状況: 和暦 and Tokyo time, no raw timestamps.
    await runMenu(page, "showFollowUpStatus");
    const status = htmlDialog(page, "送信状況（令和8年11月）");
    await until(() => status.frame.locator("body").textContent()).toContain("依頼日時: 令和8年11月25日（水） 9:00");
    expect(await status.frame.locator("body").textContent()).not.toMatch(/\d{4}-\d\d-\d\dT/);
    await screenshot(page, "first-hour-status");
    await guideShot(page, "4-status");
  });

  it("makes a progress report: created, opened, printed in a dialog as wide as its page", async () => {
    workbench = await startTestWorkbench();
    const page = await openPage(browser, workbench, "課題");
    await runMenu(page, "createProgressReport");
    const dialog = htmlDialog(page, "進捗報告を作成");
    await dialog.frame.getByRole("button", { name: "作成" }).click();
    await until(() => dialog.frame.locator("#notice").textContent()).toContain("を作成しました");
    await until(() => tab(page, "報告_2026-11-25").count()).toBe(1);
    expect(await dialog.frame.locator("#open").isVisible()).toBe(true);
    await dialog.frame.getByRole("button", { name: "印刷用を表示" }).click();
    const print = htmlDialog(page, "の印刷");
    await until(() => print.frame.locator("h1").textContent()).toContain("進捗報告");
    // The frame is as wide as the add-on asked (1100 px) and the page inside needs no sideways scrolling.
    expect(await print.box.locator("iframe").evaluate((f) => f.getBoundingClientRect().width)).toBe(1100);
    const inner = await print.frame.locator("html").evaluate((html) => ({ scroll: html.scrollWidth, client: html.clientWidth }));
    expect(inner.scroll).toBeLessThanOrEqual(inner.client);
    // …and the dialog around it shows all of it.
    expect(await print.box.evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
    await screenshot(page, "first-hour-print");
    await guideShot(page, "5-report-print");
  });
});
