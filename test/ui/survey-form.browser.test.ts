// The 局区's survey form in Chromium, at phone and desktop sizes: it fits,
// passes axe, and a real submission reaches doPost and lands in 局区改革.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, outbox, prepareFollowUp } from "../support/follow-up";
import { SECRETARIAT, sheetRecords } from "../support/issues";
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

/** The survey for R7 sent, and the link in 若松区's mail (one registered reform). */
async function setUpSurvey(to = "wakamatsu@city.example") {
  const t = testRuntime({ now: "2026-12-01T09:00:00+09:00" });
  prepareFollowUp(t.runtime);
  const sent = t.runtime.run("sendBureauSurvey", [{ year: "R7" }], { user: SECRETARIAT });
  if (!sent.ok) throw new Error(sent.error?.message);
  const mail = (await outbox(t.outbox)).find((m) => m.to[0] === to)!;
  return { ...t, link: linkIn(mail.text) };
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("survey form", () => {
  it("fits a phone, is accessible, keeps input on an error, and a submission lands in 局区改革", async () => {
    const { runtime, link } = await setUpSurvey();
    const page = await openWebApp(browser, runtime, { width: 375, height: 740 });
    await page.goto(link);
    expect(await page.locator("h1").textContent()).toBe("各局区の自主改革の取組照会（令和7年度）");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "survey-form-phone");

    const registered = page.locator("fieldset.reform:not(.new)");
    expect(await registered.count()).toBe(1);
    expect(await registered.getByLabel("取組名").inputValue()).toBe("旧食堂跡地を居心地よいフリースペースへリニューアル");
    expect(await registered.getByLabel("好事例の候補として推薦する").isChecked()).toBe(true);

    // A new row with a summary but no name: the form comes back with the input and the reason.
    const added = page.locator("fieldset.reform.new").first();
    await added.getByLabel("概要").fill("若手職員の発案で、区役所ロビーに授乳室の案内表示を増設した。");
    await registered.getByLabel("概要").fill("旧食堂を改装し、休憩と打合せに使えるフリースペースにした。利用者アンケートで満足度9割。");
    await page.getByRole("button", { name: "回答を送信する" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").textContent()).toContain("1件の取組で入力内容を確認してください");
    expect(await page.locator("fieldset.has-error .field-error").first().textContent()).toContain("取組名を入力してください");
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("fieldset.has-error").scrollIntoViewIfNeeded();
    await screenshot(page, "survey-form-error-phone");

    const fixed = page.locator("fieldset.reform.new").first();
    expect(await fixed.getByLabel("概要").inputValue()).toBe("若手職員の発案で、区役所ロビーに授乳室の案内表示を増設した。");
    await fixed.getByLabel("取組名").fill("授乳室の案内表示の増設");
    await fixed.getByLabel("好事例の候補として推薦する").check();
    await page.getByRole("button", { name: "回答を送信する" }).click();
    await page.locator(".done").waitFor();
    expect(await page.locator(".done").textContent()).toContain("以下の内容で記録しました");
    expect(await page.locator(".results").textContent()).toMatch(/更新しました（概要）[\s\S]*追加しました/);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "survey-receipt-phone");

    const rows = sheetRecords(runtime, "局区改革").filter((r) => r.局区名 === "若松区");
    expect(rows.map((r) => [r.取組名, r.好事例])).toEqual([
      ["旧食堂跡地を居心地よいフリースペースへリニューアル", true],
      ["授乳室の案内表示の増設", true],
    ]);
    expect(rows[0].概要).toBe("旧食堂を改装し、休憩と打合せに使えるフリースペースにした。利用者アンケートで満足度9割。");
    await page.close();
  });

  it("shows a clear page for a tampered link at desktop size", async () => {
    const { runtime, link } = await setUpSurvey();
    const page = await openWebApp(browser, runtime, { width: 1280, height: 800 });
    await page.goto(`${link.slice(0, -3)}xyz`);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("リンクが正しくありません");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("lays out a 局区 with many reforms at desktop size", async () => {
    const { runtime, link } = await setUpSurvey("yahatanishi@city.example");
    const page = await openWebApp(browser, runtime, { width: 1280, height: 900 });
    await page.goto(link);
    expect(await page.locator("fieldset.reform:not(.new)").count()).toBe(27);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "survey-form-desktop");
    await page.getByRole("heading", { name: "取組の追加" }).scrollIntoViewIfNeeded();
    await screenshot(page, "survey-form-desktop-add");
    await page.close();
  });
});
