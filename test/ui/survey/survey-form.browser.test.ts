// The 局区's survey form in Chromium through the workbench, as Apps Script
// serves a web app (a sandboxed frame on another origin, no top navigation):
// at phone and desktop sizes it fits, passes axe, and a submission through
// google.script.run lands in 局区改革.
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { linkIn, outbox, prepareFollowUp } from "../../support/follow-up";
import { SECRETARIAT, modelRecords } from "../../support/issues";
import { axeViolations, screenshot } from "../../support/browser";
import { webAppBench, webAppFrame, webAppBrowserForFile } from "../../support/web-app";

const chromium = webAppBrowserForFile();

/** The survey for R7 sent, and the link in 若松区's mail (one registered reform), in a workbench. */
async function setUpSurvey(to = "wakamatsu@city.example") {
  const bench = await webAppBench("2026-12-01T09:00:00+09:00", "", (runtime) => {
    prepareFollowUp(runtime);
    const sent = runtime.run("sendBureauSurvey", [{ year: "R7" }], { user: SECRETARIAT });
    if (!sent.ok) throw new Error(sent.error?.message);
  }, "bureau-survey-R7");
  const mail = (await outbox(bench.outbox)).find((m) => m.to[0] === to)!;
  return { bench, link: bench.local(linkIn(mail.text)) };
}

/** The web app's page at `link`, in the sandboxed frame of /exec's page. */
async function openForm(link: string, viewport: { width: number; height: number }): Promise<{ page: Page; form: Frame }> {
  const page = await chromium.browser.newPage({ viewport });
  page.setDefaultTimeout(20_000);
  await page.goto(link);
  return { page, form: await webAppFrame(page) };
}

const overflow = (form: Frame) => form.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("survey form", { timeout: 120_000 }, () => {
  it("fits a phone, is accessible, keeps input on an error, and a submission lands in 局区改革", async () => {
    const { bench, link } = await setUpSurvey();
    const { page, form } = await openForm(link, { width: 375, height: 740 });
    expect(await form.locator("h1").textContent()).toBe("各局区の自主改革の取組照会（令和7年度）");
    expect(await overflow(form)).toBeLessThanOrEqual(0);
    expect(await axeViolations(form)).toEqual([]);
    await screenshot(page, "survey-form-phone");

    const registered = form.locator("fieldset.reform:not(.new)");
    expect(await registered.count()).toBe(1);
    expect(await registered.getByLabel("取組名").inputValue()).toBe("旧食堂跡地を居心地よいフリースペースへリニューアル");
    expect(await registered.getByLabel("好事例の候補として推薦する").isChecked()).toBe(true);

    // A new row with a summary but no name: the form comes back with the input and the reason.
    const added = form.locator("fieldset.reform.new").first();
    await added.getByLabel("概要").fill("若手職員の発案で、区役所ロビーに授乳室の案内表示を増設した。");
    await registered.getByLabel("概要").fill("旧食堂を改装し、休憩と打合せに使えるフリースペースにした。利用者アンケートで満足度9割。");
    await form.getByRole("button", { name: "回答を送信する" }).click();
    await form.locator(".error-summary").waitFor();
    expect(await form.locator(".error-summary").textContent()).toContain("1件の取組で入力内容を確認してください");
    expect(await form.locator("fieldset.has-error .field-error").first().textContent()).toContain("取組名を入力してください");
    expect(await axeViolations(form)).toEqual([]);
    await form.locator("fieldset.has-error").scrollIntoViewIfNeeded();
    await screenshot(page, "survey-form-error-phone");

    const fixed = form.locator("fieldset.reform.new").first();
    expect(await fixed.getByLabel("概要").inputValue()).toBe("若手職員の発案で、区役所ロビーに授乳室の案内表示を増設した。");
    await fixed.getByLabel("取組名").fill("授乳室の案内表示の増設");
    await fixed.getByLabel("好事例の候補として推薦する").check();
    await form.getByRole("button", { name: "回答を送信する" }).click();
    await form.locator(".done").waitFor();
    expect(await form.locator(".done").textContent()).toContain("以下の内容で記録しました");
    expect(await form.locator(".results").textContent()).toMatch(/更新しました（概要）[\s\S]*追加しました/);
    expect(await overflow(form)).toBeLessThanOrEqual(0);
    await screenshot(page, "survey-receipt-phone");

    expect(page.url()).toBe(link);
    await page.close();
    const rows = modelRecords(await bench.closeAndRead(), "局区改革").filter((r) => r.局区名 === "若松区");
    expect(rows.map((r) => [r.取組名, r.好事例])).toEqual([
      ["旧食堂跡地を居心地よいフリースペースへリニューアル", true],
      ["授乳室の案内表示の増設", true],
    ]);
    expect(rows[0].概要).toBe("旧食堂を改装し、休憩と打合せに使えるフリースペースにした。利用者アンケートで満足度9割。");
  });

  it("shows a clear page for a tampered link at desktop size", async () => {
    const { link } = await setUpSurvey();
    const { page, form } = await openForm(`${link.slice(0, -3)}xyz`, { width: 1280, height: 800 });
    await form.getByRole("alert").waitFor();
    expect(await form.getByRole("alert").textContent()).toContain("リンクが正しくありません");
    expect(await form.locator(".advice").textContent()).toContain("シークレット ウィンドウ（プライベート ウィンドウ）で開いて仕事用のアカウントだけでログインするか");
    expect(await axeViolations(form)).toEqual([]);
    await page.close();
  });

  it("lays out a 局区 with many reforms at desktop size", async () => {
    const { link } = await setUpSurvey("yahatanishi@city.example");
    const { page, form } = await openForm(link, { width: 1280, height: 900 });
    expect(await form.locator("fieldset.reform:not(.new)").count()).toBe(27);
    expect(await axeViolations(form)).toEqual([]);
    await screenshot(page, "survey-form-desktop");
    await form.getByRole("heading", { name: "取組の追加" }).scrollIntoViewIfNeeded();
    await screenshot(page, "survey-form-desktop-add");
    await page.close();
  });
});
