// The add-on's UI in the workbench, with a small fixture add-on: menus from
// onOpen, a sidebar talking to the server through google.script.run, alerts
// that suspend the execution until answered, users, triggers, mail, web app.
import type { FrameLocator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { screenshot } from "../../support/browser";
import { fixtureAddon } from "./fixture-addon";
import { chromiumForFile, cell, openPage, startTestWorkbench, until, type TestWorkbench } from "./harness";

let bundleDir: string;
let workbench: TestWorkbench | undefined;

const chromium = chromiumForFile();
beforeAll(() => {
  bundleDir = fixtureAddon();
});

/** Opens a menu and goes down its items by caption (submenus open on hover, as in Sheets). */
async function menu(page: Page, ...path: string[]): Promise<void> {
  const [top, ...items] = path;
  // The add-on's menus appear once onOpen has run.
  await page.locator(".menubar [data-function]").first().waitFor({ state: "attached" });
  await page.locator(".menu-top", { hasText: top }).click();
  for (const [i, item] of items.entries()) {
    const entry = page.getByRole("menuitem", { name: item, exact: true });
    await (i < items.length - 1 ? entry.hover() : entry.click());
  }
}

function sidebar(page: Page): FrameLocator {
  return page.frameLocator("#sidebar iframe");
}

describe("workbench add-on UI", { timeout: 60_000 }, () => {
  it("shows onOpen's menus and a sidebar whose google.script.run calls run on the server", async () => {
    workbench = await startTestWorkbench({ bundleDir, user: "taro.jinji@city.example" });
    const page = await openPage(chromium.browser, workbench, "集計");
    const warnings: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
    });
    await menu(page, "拡張機能", "プラチナ", "その他");
    await until(() => page.locator(".menu-item.has-sub .menu-item:not(.has-sub)").allTextContents()).toEqual([
      "サイドバーを開く", "確認して書き込む", "名前を聞く", "ダイアログを開く", "毎時トリガーを作る",
    ]);
    await screenshot(page, "workbench-addon-menu");
    await page.getByRole("menuitem", { name: "サイドバーを開く" }).click();

    const frame = sidebar(page);
    await frame.locator("#who").waitFor();
    expect(await page.locator("#sidebar-title").textContent()).toBe("テストパネル");
    expect(await page.locator("#sidebar").evaluate((el) => el.getBoundingClientRect().width)).toBe(300);
    expect(await page.locator("#sidebar iframe").getAttribute("sandbox")).toBe(
      "allow-same-origin allow-forms allow-scripts allow-popups allow-downloads allow-modals allow-popups-to-escape-sandbox",
    );
    const text = (id: string) => frame.locator(`#${id}`).textContent();
    expect(await text("who")).toBe("taro.jinji@city.example");
    expect(await text("echo")).toBe('{"value":{"list":[1,"a",null],"nested":{"ok":true}},"user":"taro.jinji@city.example"} uo');
    expect(await text("fail")).toBe("わざと失敗しました uo2 true");
    expect(await text("date-arg")).toBe("Failed due to illegal value in property: when");
    expect(await text("fn-arg")).toBe("Failed due to illegal value in property: 1");
    expect(await text("private")).toBe("Script function not found: hidden_");
    expect(await text("missing")).toBe("Script function not found: noSuchFunction");
    expect(await text("date-return")).toBe("null");
    expect(warnings).toContainEqual(expect.stringContaining("withDate の返り値に google.script.run で渡せない値（Date）が含まれるため、null を渡しました。"));
    expect(await text("immutable")).toBe("true");
    await screenshot(page, "workbench-sidebar");

    // At most 10 calls are in flight at once; the rest wait their turn.
    const peak = await page.frame({ url: /\/surface\// })!.evaluate(async () => {
      let inFlight = 0;
      let peak = 0;
      const fetch = window.fetch.bind(window);
      window.fetch = async (...args: Parameters<typeof fetch>) => {
        peak = Math.max(peak, ++inFlight);
        try {
          return await fetch(...args);
        } finally {
          inFlight--;
        }
      };
      const run = (window as any).google.script.run;
      const results = await Promise.all(
        Array.from({ length: 14 }, (_, i) => new Promise((done) => run.withSuccessHandler(done).slow(i))),
      );
      return { peak, results };
    });
    expect(peak).toEqual({ peak: 10, results: Array.from({ length: 14 }, (_, i) => i) });

    await frame.locator("#close").click();
    await until(() => page.locator("#sidebar").isHidden()).toBe(true);
  });

  it("suspends an execution on an alert until it is answered in the page; prompts, toasts, dialogs and onEdit", async () => {
    workbench = await startTestWorkbench({ bundleDir });
    const page = await openPage(chromium.browser, workbench, "集計");
    await menu(page, "拡張機能", "プラチナ", "確認して書き込む");
    const dialog = page.locator(".dialog.ask");
    await until(() => dialog.textContent()).toContain("集計!F1 に書き込みますか？");
    // Written before the alert: on screen while the execution waits.
    await until(() => cell(page, "F1").textContent()).toBe("確認中");
    await screenshot(page, "workbench-alert");
    await dialog.locator("button", { hasText: "はい" }).click();
    await until(() => cell(page, "F1").textContent()).toBe("はい");

    await menu(page, "拡張機能", "プラチナ", "名前を聞く");
    await page.locator(".dialog.ask .prompt-input").fill("山田");
    await page.locator(".dialog.ask button", { hasText: "OK" }).click();
    await until(() => page.locator(".toast").textContent()).toContain("山田 さん（OK）");

    await menu(page, "拡張機能", "プラチナ", "その他", "ダイアログを開く");
    const frame = page.frameLocator(".html-dialog iframe");
    await frame.locator("#d").waitFor();
    expect(await page.locator(".html-dialog .dialog-title").textContent()).toBe("テストダイアログ");
    expect(await page.locator(".html-dialog iframe").evaluate((f) => [f.clientWidth, f.clientHeight])).toEqual([320, 160]);
    await screenshot(page, "workbench-dialog");
    await frame.locator("#wider").click();
    await until(() => page.locator(".html-dialog iframe").evaluate((f) => f.clientWidth)).toBe(400);
    await frame.locator("#close").click();
    await until(() => page.locator(".html-dialog").count()).toBe(0);

    // A single-cell edit runs onEdit with value and oldValue.
    await cell(page, "F3").click();
    await page.keyboard.type("abc");
    await page.keyboard.press("Enter");
    await until(() => cell(page, "G3").textContent()).toBe("新:abc 旧:undefined");
  });

  it("re-runs onOpen for another user, discards a failed execution and logs every execution", async () => {
    workbench = await startTestWorkbench({ bundleDir, user: "taro.jinji@city.example" });
    const page = await openPage(chromium.browser, workbench, "集計");
    // onOpen builds the テスト menu; as a simple trigger it gets a blank e.user, as Apps Script may give.
    const whoItem = page.locator('.menubar [data-function="showWho"]');
    await until(() => whoItem.textContent()).toBe("利用者: ");
    // The menu item runs as the signed-in user: its toast names them.
    const signedIn = async (email: string) => {
      await page.locator(".menu-top", { hasText: "テスト" }).click();
      await whoItem.click();
      const toast = page.locator(".toast", { hasText: "利用者" });
      await until(() => toast.textContent()).toContain(email);
      await toast.locator(".toast-close").click();
    };
    const switched = () => page.waitForResponse((r) => r.url().endsWith("/api/user"));
    await signedIn("taro.jinji@city.example");

    const options = await page.locator("#user-select option").allTextContents();
    expect(options).toContain("宮本 正 tadashi.kaikei@city.example（担当・局区の課題 2件）");
    expect(options).toContain("山田 太郎 taro.jinji@city.example（担当・課題 R6-001・R6-002・R6-008 ほか12件）");
    await Promise.all([switched(), page.locator("#user-select").selectOption("tadashi.kaikei@city.example")]);
    await signedIn("tadashi.kaikei@city.example");
    // Any other address of the domain too…
    await page.locator("#user-select").selectOption("__other__");
    await page.locator("#user-free").fill("guest@city.example");
    await Promise.all([switched(), page.locator("#user-free-form button").click()]);
    await signedIn("guest@city.example");
    // …but never a section's shared address: the server refuses it in Japanese, naming its people.
    await page.locator("#user-select").selectOption("__other__");
    await page.locator("#user-free").fill("jinji-ka@city.example");
    const refused = page.waitForResponse((r) => r.url().endsWith("/api/user"));
    await page.locator("#user-free-form button").click();
    expect((await refused).status()).toBe(400);
    const notice = page.locator(".dialog", { hasText: "ユーザーを切り替えられません" });
    await until(() => notice.textContent()).toContain("「jinji-ka@city.example」は総務市民局 人事課の共有アドレスです。");
    expect(await notice.textContent()).toContain("山田 太郎（担当）、佐藤 花子（代理） のだれかを選んでください");
    await notice.getByRole("button", { name: "OK" }).click();
    expect(await page.locator("#user-select").inputValue()).toBe("guest@city.example");
    await signedIn("guest@city.example");
    await screenshot(page, "workbench-user-switched");

    await page.locator(".menu-top", { hasText: "テスト" }).click();
    await page.getByRole("menuitem", { name: "書いてから失敗する" }).click();
    await until(() => page.locator(".toast").textContent()).toContain("書いてから失敗しました");
    await until(() => cell(page, "F4").textContent()).toBe("");

    await page.locator('.dock-buttons button[data-panel="executions"]').click();
    const failed = page.locator("#panel-executions tr.failed", { hasText: "writeThenFail" });
    await until(() => failed.textContent()).toContain("guest@city.example");
    await failed.click();
    await until(() => page.locator("#panel-executions .exec-details").textContent()).toContain("SpreadsheetApp.Range.setValue × 1");
    expect(await page.locator("#panel-executions tr.ok", { hasText: "onOpen" }).count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, "workbench-executions");
  });

  it("fires triggers from the panel and by advancing the clock; the mail lands in the outbox", async () => {
    workbench = await startTestWorkbench({ bundleDir });
    const page = await openPage(chromium.browser, workbench, "集計");
    await menu(page, "拡張機能", "プラチナ", "その他", "毎時トリガーを作る");
    await page.locator('.dock-buttons button[data-panel="triggers"]').click();
    const row = page.locator("#panel-triggers tr[data-trigger]");
    await until(() => row.textContent()).toContain("2026/11/25(水) 10:00:00");
    expect(await row.textContent()).toContain("1時間ごと");
    expect(await page.locator(".clock-now").textContent()).toBe("2026/11/25(水) 09:00:00");

    await row.locator("button", { hasText: "今すぐ実行" }).click();
    await until(() => cell(page, "F2").textContent()).toBe("毎時 9時");
    await page.locator(".clock-bar button", { hasText: "+1時間" }).click();
    await until(() => cell(page, "F2").textContent()).toBe("毎時 10時");
    await until(() => page.locator(".clock-now").textContent()).toBe("2026/11/25(水) 10:00:00");
    await until(() => row.textContent()).toContain("2026/11/25(水) 11:00:00");
    await screenshot(page, "workbench-triggers");

    await page.locator('.dock-buttons button[data-panel="outbox"]').click();
    const mails = page.locator(".mail-list li");
    await until(() => mails.allTextContents()).toEqual([expect.stringContaining("定時連絡 10時"), expect.stringContaining("定時連絡 9時")]);
    await mails.first().click();
    await until(() => page.locator(".mail-headers").textContent()).toContain("taro.jinji@city.example");
    const html = page.frameLocator("iframe.mail-html");
    await until(() => html.locator("#m").textContent()).toBe("HTML 本文");
    expect(await page.locator("iframe.mail-html").getAttribute("sandbox")).toBe("");
    expect(await page.title()).not.toBe("hacked");
    expect(await page.locator(".mail-text").textContent()).toContain("テキスト本文です");
    const eml = await page.locator(".eml-link").getAttribute("href");
    const response = await fetch(new URL(eml!, workbench.url));
    expect(response.headers.get("content-type")).toBe("message/rfc822");
    expect(await response.text()).toContain("Subject:");
    await screenshot(page, "workbench-outbox");
  });

  it("serves the web app at /exec: doGet as the visitor, run as the deployer; doPost", async () => {
    workbench = await startTestWorkbench({ bundleDir, user: "taro.jinji@city.example" });
    const page = await chromium.browser.newPage();
    await page.goto(`${workbench.url}exec/a/b?q=%E3%81%82`);
    expect(await page.title()).toBe("テストアプリ");
    // No 設定 sheet in the demo: the deployer is the signed-in user.
    // Shown in a frame on the surfaces' origin, as Apps Script shows an HtmlOutput.
    expect(await page.frameLocator("iframe").locator("#v").textContent()).toBe("taro.jinji@city.example / taro.jinji@city.example / あ / a/b");
    await page.close();

    const response = await fetch(`${workbench.url}exec`, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"x":1}' });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({ got: '{"x":1}', type: "application/json" });
  });
});
