// The guided first run of README's 最初の10分, step by step. The first-hour browser
// test walks these steps (and asserts more around them); `npm run screenshots`
// walks the same steps to take docs/first-run/*.png, so the pictures show what the
// test checked. Each step waits for what it shows before `shot` takes the picture.
import type { FrameLocator, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { tab, until } from "./harness";

/** The guide's pictures, in the README's order. */
export type GuidePicture = "1-summary" | "2-outbox" | "3-answered" | "4-status" | "5-report-print";

/** Takes the picture of a step: the test keeps it under test-artifacts/, the screenshots script under docs/first-run/. */
export type Shot = (page: Page, name: GuidePicture) => Promise<void>;

/** The section whose mail the guide opens: a shared address nobody signs in as. */
export const GUIDE_OWNER = "jinji-ka@city.example";
/** The person of that section who answers: 人事課's 担当 in 担当者. */
export const GUIDE_PERSON = { email: "taro.jinji@city.example", name: "山田 太郎", role: "担当" } as const;

/** Clicks an item of the add-on's menu by its function name. */
export async function runMenu(page: Page, functionName: string): Promise<void> {
  const item = page.locator(`.menubar [data-function="${functionName}"]`);
  await item.waitFor({ state: "attached" });
  const menu = await item.evaluate((el) => el.closest(".menu-wrap")!.querySelector(".menu-top")!.textContent);
  await page.locator(".menu-top", { hasText: menu! }).click();
  await item.click();
}

/** The add-on dialog (an HTML surface) with this title. */
export function htmlDialog(page: Page, title: string): { box: Locator; frame: FrameLocator } {
  const box = page.locator(".dialog.html-dialog", { has: page.locator(".dialog-title", { hasText: title }) });
  return { box, frame: box.frameLocator("iframe") };
}

/** 1–2: signed in as the secretariat, 集計 shown with its custom functions' tables. */
export async function showSummary(page: Page, shot: Shot): Promise<void> {
  await until(() => page.locator("#user-select").inputValue()).toBe("henkaku@city.example");
  await tab(page, "集計").click();
  await page.locator('.grid[aria-busy="false"]').waitFor();
  await shot(page, "1-summary");
}

/** 3: 今すぐ送信, confirmed; the question says which issues are included and why (November asks ⑥ too). */
export async function sendNow(page: Page): Promise<void> {
  await runMenu(page, "sendFollowUpNow");
  const ask = page.locator(".dialog.ask");
  await until(() => ask.textContent()).toContain("⑥も照会します");
  expect(await ask.textContent()).toContain("集計の「進捗確認課題数」は継続検討課題だけを数えるため");
  await ask.locator("button", { hasText: "はい" }).click();
  await until(() => page.locator(".dialog.ask").textContent()).toContain("送信 ");
  await page.locator(".dialog.ask button").first().click();
}

/** 4: the outbox with the section's mail open, 「回答フォームを開く…」 asking which of its people opens it; returns the mail's entry. */
export async function openMail(page: Page, shot: Shot): Promise<Locator> {
  await page.locator('.dock-buttons button[data-panel="outbox"]').click();
  const mail = page.locator(".mail-list li", { hasText: GUIDE_OWNER });
  await mail.click();
  await page.locator(".open-answer-form").click();
  const chooser = page.locator(".answer-chooser");
  await until(() => chooser.locator("p").textContent()).toBe(`共有アドレス ${GUIDE_OWNER} 宛てです。だれとして開きますか（新しいタブだけがその人としてログインします）。`);
  // The people 担当者 lists for 人事課 today: the 担当 and the 代理 (not the deputy whose period ended).
  expect(await chooser.locator(".open-as-person").allTextContents()).toEqual([
    `${GUIDE_PERSON.name}（担当） ${GUIDE_PERSON.email} として開く`, "佐藤 花子（代理） hanako.jinji@city.example として開く",
  ]);
  // The mail's HTML body, addressed as the mail addresses: by 局 and 課.
  await until(() => page.frameLocator(".mail-html").locator("body").textContent()).toContain("総務市民局 人事課ご担当者様");
  await shot(page, "2-outbox");
  return mail;
}

/** 5: the answer form in a new tab signed in as the section's 担当, answered 「変更なし」 throughout; returns that tab. */
export async function answerAsOwner(page: Page, shot: Shot): Promise<Page> {
  const person = page.locator(`.open-as-person[data-email="${GUIDE_PERSON.email}"]`);
  const [form] = await Promise.all([page.context().waitForEvent("page"), person.click()]);
  await form.waitForLoadState();
  expect(await form.locator("[data-workbench-visitor]").textContent()).toContain(
    `このタブは${GUIDE_OWNER} の担当の ${GUIDE_PERSON.name}（担当）としてログインして開いています`,
  );
  // The form itself is in the web app's sandboxed frame, as Apps Script serves it.
  const inner = form.frameLocator("iframe");
  // The person answers for the section, and is recorded by name.
  await until(() => inner.locator(".acting").textContent()).toContain(`${GUIDE_PERSON.name} 様（${GUIDE_PERSON.email}）が、このアドレスの担当として回答します`);
  // Greeted as the mail greets: by 局 and 課, not by address.
  await until(() => inner.locator("main").textContent()).toContain("総務市民局 人事課 ご担当者 様にご担当いただいている課題です");
  for (const radio of await inner.locator('input[type="radio"][value="変更なし"]').all()) await radio.check();
  await inner.getByRole("button", { name: "回答を送信する" }).click();
  await until(() => inner.locator(".done").textContent()).toBe("ご回答ありがとうございました。以下の内容で記録しました。");
  expect(await inner.locator(".results li.ng").count()).toBe(0);
  await shot(form, "3-answered");
  return form;
}

/** 7: 送信状況 for this month's cycle, in 和暦 and Tokyo time. */
export async function showStatus(page: Page, shot: Shot): Promise<FrameLocator> {
  await runMenu(page, "showFollowUpStatus");
  const status = htmlDialog(page, "送信状況（令和8年11月）");
  await until(() => status.frame.locator("body").textContent()).toContain("依頼日時: 令和8年11月25日（水） 9:00");
  await shot(page, "4-status");
  return status.frame;
}

/** 8: 進捗報告 created as of the clock's day, and its print page shown in a dialog; returns that dialog. */
export async function printReport(page: Page, shot: Shot): Promise<ReturnType<typeof htmlDialog>> {
  await runMenu(page, "createProgressReport");
  const dialog = htmlDialog(page, "進捗報告を作成");
  await dialog.frame.getByRole("button", { name: "作成" }).click();
  await until(() => dialog.frame.locator("#notice").textContent()).toContain("を作成しました");
  await until(() => tab(page, "報告_2026-11-25").count()).toBe(1);
  expect(await dialog.frame.locator("#open").isVisible()).toBe(true);
  await dialog.frame.getByRole("button", { name: "印刷用を表示" }).click();
  const print = htmlDialog(page, "の印刷");
  await until(() => print.frame.locator("h1").textContent()).toContain("進捗報告");
  await shot(page, "5-report-print");
  return print;
}
