// The answer form of a section in Chromium through the workbench: a person the 担当者
// sheet does not list for 人事課's address sees a page naming the section and its people
// (accessible, at phone size) and no issue; the section's 担当 answers and is recorded by name.
import { describe, expect, it } from "vitest";
import { linkIn, outbox } from "../../support/follow-up";
import { modelRecords } from "../../support/issues";
import { axeViolations, screenshot } from "../../support/browser";
import { monthlyRequestsBench, webAppFrame, webAppBrowserForFile } from "../../support/web-app";

const SECTION = "jinji-ka@city.example";
const TARO = "taro.jinji@city.example";

const chromium = webAppBrowserForFile();

/** The monthly requests sent on 2026-12-01; the workbench opened with `visitor` signed in; 人事課's link. */
async function openedAs(visitor: string) {
  const bench = await monthlyRequestsBench(visitor);
  const mail = (await outbox(bench.outbox)).find((m) => m.to[0] === SECTION)!;
  return { bench, link: bench.local(linkIn(mail.text)), ids: [...mail.text.matchAll(/\[(R\d+-\d+)\]/g)].map((m) => m[1]) };
}

describe("the answer form of a section", { timeout: 120_000 }, () => {
  it("shows a person not listed the section and its people, accessibly, with no issue and no form", async () => {
    const { bench, link, ids } = await openedAs("stranger@city.example");
    const page = await chromium.browser.newPage({ viewport: { width: 375, height: 740 } });
    page.setDefaultTimeout(20_000);
    await page.goto(link);
    const frame = await webAppFrame(page);
    await frame.getByRole("alert").waitFor();
    expect(await frame.getByRole("alert").textContent()).toContain(`総務市民局 人事課（${SECTION}）あてのご回答用です`);
    expect(await frame.getByRole("heading", { level: 2 }).textContent()).toBe("このアドレスの担当者（担当者シート）");
    expect(await frame.locator("ul.people li").allTextContents()).toEqual(["山田 太郎（担当）", "佐藤 花子（代理）"]);
    expect(await frame.locator("main").textContent()).toContain("市政変革推進室（事務局）に担当者シートへの登録");
    expect(await frame.locator("form, fieldset").count()).toBe(0);
    for (const id of ids) expect(await frame.locator("main").textContent()).not.toContain(id);
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(frame)).toEqual([]);
    await screenshot(page, "answer-form-refused-phone");
    const model = await bench.closeAndRead();
    expect(modelRecords(model, "回答記録")).toEqual([]);
  });

  it("lets the section's 担当 answer, recorded by name for the section", async () => {
    const { bench, link, ids } = await openedAs(TARO);
    const page = await chromium.browser.newPage({ viewport: { width: 1024, height: 800 } });
    page.setDefaultTimeout(20_000);
    await page.goto(link);
    const form = await webAppFrame(page);
    await form.locator(".acting").waitFor();
    expect(await form.locator(".acting").textContent()).toContain(`山田 太郎 様（${TARO}）が、このアドレスの担当として回答します`);
    const fieldsets = form.locator("fieldset.issue");
    for (let i = 0; i < (await fieldsets.count()); i++) await fieldsets.nth(i).locator('input[value="変更なし"]').check();
    await form.getByRole("button", { name: "回答を送信する" }).click();
    await form.locator(".done").waitFor();
    const model = await bench.closeAndRead();
    expect(modelRecords(model, "回答記録").map((r) => [r.ID, r.回答者, r.担当アドレス, r.立場])).toEqual(ids.map((id) => [id, TARO, SECTION, "担当"]));
  });
});
