// Sidebars and web-app pages are served as Apps Script serves a bound project's
// HtmlService output: in a sandboxed iframe on another origin, without top
// navigation, so what fails in Sheets fails here — a link or form that targets
// the top frame, a form posting to /exec in its frame. Links to a new tab work.
import type { FrameLocator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SANDBOX } from "../../../../src/local/workbench/shim/surface-html";
import { fixtureBundle } from "../../../support/runtime";
import { chromiumForFile, openPage, until, workbenchForFile, type TestWorkbench } from "../harness";

const USER = "taro.jinji@city.example";

const CODE = String.raw`
function openNav() {
  var html = HtmlService.createHtmlOutputFromFile('nav').getContent().replace(/EXEC/g, ScriptApp.getService().getUrl());
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(html).setTitle('ナビ'));
}
function doGet(e) {
  var html = HtmlService.createHtmlOutputFromFile('form').getContent().replace(/EXEC/g, ScriptApp.getService().getUrl());
  return HtmlService.createHtmlOutput(html).setTitle('回答フォーム');
}
function doPost(e) {
  PropertiesService.getScriptProperties().setProperty('posted', e.parameter.x);
  return HtmlService.createHtmlOutput('<p id="done">受け付けました</p>');
}
`;

/** A sidebar that tries every way out of its frame. */
const NAV = String.raw`<!DOCTYPE html><html><body>
<p id="parent"></p>
<a id="top" href="EXEC?from=top" target="_top">上へ</a>
<a id="blank" href="EXEC?from=blank" target="_blank">新しいタブ</a>
<form id="top-form" method="post" action="EXEC" target="_top"><input name="x" value="top"><button id="top-submit">送信（_top）</button></form>
<form method="post" action="EXEC"><input name="x" value="self"><button id="self-submit">送信（フレーム内）</button></form>
<script>try { document.getElementById('parent').textContent = parent.document.title; } catch (e) { document.getElementById('parent').textContent = 'blocked'; }</script>
</body></html>`;

/** A web-app form written the way that works only outside a sandbox. */
const FORM = String.raw`<!DOCTYPE html><html><head><base target="_top"></head><body>
<form method="post" action="EXEC"><input name="x" value="web"><button id="web-submit">送信</button></form>
</body></html>`;

const chromium = chromiumForFile();
// No test here changes the workbook or runs doPost (each checks that none ran): one workbench serves them all.
const shared = workbenchForFile({ bundleDir: fixtureBundle(CODE, { nav: NAV, form: FORM }), user: USER });

async function start(): Promise<TestWorkbench> {
  return shared.workbench;
}

async function openSidebar(wb: TestWorkbench): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await openPage(chromium.browser, wb);
  await page.evaluate(() => fetch("/api/menu", { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"entry":"openNav"}' }));
  const frame = page.frameLocator("#sidebar iframe");
  await frame.locator("#parent").filter({ hasText: /./ }).waitFor();
  return { page, frame };
}

/** Every doPost the workbench ran. */
async function posts(wb: TestWorkbench): Promise<string[]> {
  const executions = (await (await fetch(`${wb.url}api/executions`)).json()) as { entryPoint: string }[];
  return executions.filter((e) => e.entryPoint === "doPost").map((e) => e.entryPoint);
}

/**
 * How many navigations of the top page the sandbox has blocked so far: Chromium reports
 * each on the console, so a test waits for the report instead of for time to pass.
 */
function blockedNavigations(page: Page): () => number {
  let blocked = 0;
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("The frame attempting navigation of the top-level window is sandboxed")) blocked++;
  });
  return () => blocked;
}

describe("surfaces on their own origin", () => {
  it("serves a sidebar from another origin in Apps Script's sandbox, out of reach of the page", async () => {
    const wb = await start();
    const { page, frame } = await openSidebar(wb);
    const src = (await page.locator("#sidebar iframe").getAttribute("src"))!;
    expect(new URL(src).origin).not.toBe(new URL(wb.url).origin);
    expect(await page.locator("#sidebar iframe").getAttribute("sandbox")).toBe(SANDBOX);
    expect(SANDBOX).not.toContain("allow-top-navigation");
    expect(await frame.locator("#parent").textContent()).toBe("blocked");
    // The page's API answers only the page: the sidebar's origin is refused.
    const status = await page.frame({ url: /\/surface\// })!.evaluate(async (api) => {
      try {
        return (await fetch(api, { method: "POST", body: "{}" })).status;
      } catch {
        return "blocked";
      }
    }, `${wb.url}api/menu`);
    expect(status).toBe("blocked");
    await page.close();
  });

  it("does not let a sidebar link or form navigate the spreadsheet page", async () => {
    const wb = await start();
    const { page, frame } = await openSidebar(wb);
    const url = page.url();
    const blocked = blockedNavigations(page);
    await frame.locator("#top").click();
    await frame.locator("#top-submit").click();
    await until(blocked).toBe(2);
    expect(page.url()).toBe(url);
    expect(await page.locator("#sidebar").isVisible()).toBe(true);
    expect(await posts(wb)).toEqual([]);
    await page.close();
  });

  it("refuses a form that posts to /exec inside its frame, without running doPost", async () => {
    const wb = await start();
    const { page, frame } = await openSidebar(wb);
    await frame.locator("#self-submit").click();
    await frame.getByText("ウェブアプリはフレームの中では開けません").waitFor();
    expect(await posts(wb)).toEqual([]);
    await page.close();
  });

  it("opens a link with target=_blank in a new tab, outside the sandbox", async () => {
    const wb = await start();
    const { page, frame } = await openSidebar(wb);
    const [tab] = await Promise.all([page.context().waitForEvent("page"), frame.locator("#blank").click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toContain("/exec?from=blank");
    expect(await tab.title()).toBe("回答フォーム");
    await tab.close();
    await page.close();
  });
});

describe("the web app at /exec", () => {
  it("shows doGet's page in a sandboxed frame on the surfaces' origin, in a page no frame may load", async () => {
    const wb = await start();
    const response = await fetch(`${wb.url}exec`);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
    const page = await chromium.browser.newPage();
    await page.goto(`${wb.url}exec`);
    expect(await page.title()).toBe("回答フォーム");
    const frame = page.locator("iframe");
    expect(await frame.getAttribute("sandbox")).toBe(SANDBOX);
    expect(new URL((await frame.getAttribute("src"))!).origin).not.toBe(new URL(wb.url).origin);
    await page.frameLocator("iframe").locator("#web-submit").waitFor();
    await page.close();
  });

  it("does not submit a form that posts to /exec through <base target=\"_top\">", async () => {
    const wb = await start();
    const page = await chromium.browser.newPage();
    const blocked = blockedNavigations(page);
    await page.goto(`${wb.url}exec`);
    const url = page.url();
    await page.frameLocator("iframe").locator("#web-submit").click();
    await until(blocked).toBe(1);
    expect(page.url()).toBe(url);
    await until(() => posts(wb)).toEqual([]);
    await page.close();
  });
});
