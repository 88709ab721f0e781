// The report pages in Chromium: the プラチナレポート checked with axe-core
// (WCAG 2.x A/AA) and for its structure, plus the report dialogs and the
// printable progress report as the built bundle renders them.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations, chromiumForFile, screenshot } from "../../support/browser";
import { SECRETARIAT } from "../../support/issues";
import { testRuntime } from "../../support/runtime";


/** What the built bundle shows in Sheets' dialogs, captured from the local runtime. */
function dialogsOf(entry: string, args: unknown[]): { html: string; result: unknown } {
  const { runtime } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
  const shown: string[] = [];
  const ui = {
    alert: () => "OK" as const, prompt: () => ({ button: "OK" as const, text: "" }), showSidebar: () => undefined, toast: () => undefined, addMenu: () => undefined,
    showDialog: (html: string) => void shown.push(html),
  };
  const execution = runtime.run(entry, args, { user: SECRETARIAT, ui });
  if (!execution.ok) throw new Error(execution.error?.message);
  return { html: shown[0], result: execution.result };
}

// Plain JS put first in <head>: google.script.run answering later with canned results, and a host that records close().
const withStub = (html: string, results: Record<string, unknown>) => html.replace("<head>", () => `<head><script>
(() => {
  const results = ${JSON.stringify(results)};
  window.__calls = [];
  function runner(success, failure) {
    const r = { withSuccessHandler: (fn) => runner(fn, failure), withFailureHandler: (fn) => runner(success, fn) };
    for (const name of Object.keys(results)) {
      r[name] = (...args) => { window.__calls.push({ name, args }); setTimeout(() => success && success(results[name]), 20); };
    }
    return r;
  }
  window.google = { script: { run: runner(), host: { close: () => window.__calls.push({ name: "close" }) } } };
})();
</script>`);

describe("pages in Chromium", () => {
  const chromium = chromiumForFile();

  describe("プラチナレポート", () => {
    let page: Page;
    const report = () => dialogsOf("createPlatinaReport", [{ year: "R7" }]).result as { html: string };

    beforeAll(async () => {
      page = await chromium.browser.newPage({ viewport: { width: 1024, height: 900 } });
      await page.setContent(report().html);
    });

    it("has no WCAG 2.x A/AA violations (axe-core)", async () => {
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "platina-report", { fullPage: true });
    });

    it("has lang, one h1, headings in order, lists, and tables with caption and scoped header cells", async () => {
      await page.setContent(report().html); // without the axe script added above
      const structure = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        h1: document.querySelectorAll("h1").length,
        levels: Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"), (h) => Number(h.tagName[1])),
        tables: Array.from(document.querySelectorAll("table"), (t) => ({
          caption: t.caption?.textContent ?? "",
          unscoped: t.querySelectorAll("th:not([scope])").length,
          rowHeaders: t.querySelectorAll('tbody th[scope="row"]').length,
          colHeaders: t.querySelectorAll('thead th[scope="col"]').length,
        })),
        caseLists: document.querySelectorAll("ul.cases > li").length,
        scripts: document.scripts.length,
        external: Array.from(document.querySelectorAll("[src], link[href]"), (e) => e.outerHTML),
      }));
      expect(structure.lang).toBe("ja");
      expect(structure.h1).toBe(1);
      expect(structure.levels[0]).toBe(1);
      structure.levels.forEach((level, i) => i > 0 && expect(level - structure.levels[i - 1]).toBeLessThanOrEqual(1));
      expect(structure.tables).toEqual([{ caption: "令和7年度 各局区の取組件数", unscoped: 0, rowHeaders: 29, colHeaders: 2 }]);
      expect(structure.caseLists).toBeGreaterThan(5);
      expect(structure.scripts).toBe(0);
      expect(structure.external).toEqual([]);
    });

    it("reflows on a 320 px screen without sideways scrolling", async () => {
      const narrow = await chromium.browser.newPage({ viewport: { width: 320, height: 640 } });
      await narrow.setContent(report().html);
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await screenshot(narrow, "platina-report-320");
      await narrow.close();
    });
  });

  it("the プラチナレポート dialog shows the preview and a data: URL download link", async () => {
    const { html } = dialogsOf("createPlatinaReport", []);
    const page = await chromium.browser.newPage({ viewport: { width: 900, height: 640 } });
    await page.setContent(withStub(html, {}));
    const link = await page.locator("#download").evaluate((a: HTMLAnchorElement) => ({ href: a.href, download: a.download }));
    expect(link.download).toBe("platina-report-R7.html");
    expect(decodeURIComponent(link.href.replace("data:text/html;charset=utf-8,", ""))).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    const preview = page.frameLocator("#preview");
    await expect.poll(() => preview.locator("h1").textContent()).toContain("プラチナレポート 令和7年度");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "platina-report-dialog");
    await page.close();
  });

  it("the 進捗報告 dialog goes from creating to created (開く, 印刷用を表示), and shows a day that has a report as such, with 置き換え", async () => {
    const { html } = dialogsOf("createProgressReport", []);
    const message = "シート「報告_2026-05-20」を作成しました。前回（2026-04-30）の報告と比較しています。";
    // The size the dialog opens at (features/progress-report.ts): the longest message fits above the buttons.
    const page = await chromium.browser.newPage({ viewport: { width: 460, height: 480 } });
    await page.setContent(withStub(html, { createProgressReport: { ok: true, message }, showProgressReportPrint: "", openProgressReportSheet: { ok: true } }));
    expect(await axeViolations(page)).toEqual([]);
    const notice = page.locator("#notice");
    const visible = async () => Object.fromEntries(await Promise.all(["create", "open", "print"].map(async (id) => [id, await page.locator(`#${id}`).isVisible()])));
    await page.fill("#as-of", "2026-05-20");
    expect(await visible()).toEqual({ create: true, open: false, print: false });
    await page.getByLabel("R6").uncheck();
    await page.getByRole("button", { name: "作成" }).click();
    await expect.poll(() => notice.textContent()).toBe(message);
    expect(await page.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls)).toEqual([
      { name: "createProgressReport", args: [{ asOf: "2026-05-20", years: ["R7"], replace: false }] },
    ]);
    // Created: the success stays, with 開く and 印刷用を表示 — no 「すでにあります」.
    expect(await notice.getAttribute("class")).toBe("notice ok");
    expect(await visible()).toEqual({ create: false, open: true, print: true });
    // Nothing is cut off: the message and the buttons are inside the dialog.
    const bottom = await page.locator(".actions").evaluate((el) => el.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(480);
    await screenshot(page, "report-dialog-created");
    await page.getByRole("button", { name: "開く" }).click();
    await page.getByRole("button", { name: "印刷用を表示" }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __calls: { name: string; args: unknown[] }[] }).__calls.slice(1))).toEqual([
      { name: "openProgressReportSheet", args: ["2026-05-20"] },
      { name: "showProgressReportPrint", args: ["2026-05-20", ["R7"]] },
    ]);
    // Another day and back: the day now has a report, offered to open, print or replace.
    await page.fill("#as-of", "2026-05-19");
    expect(await visible()).toEqual({ create: true, open: false, print: false });
    await page.fill("#as-of", "2026-05-20");
    expect(await notice.textContent()).toBe("この基準日の報告シートはすでにあります。開くか、置き換えて作り直せます。");
    expect(await page.locator("#create").textContent()).toBe("置き換えて作成");
    expect(await visible()).toEqual({ create: true, open: true, print: true });
    await screenshot(page, "report-dialog");
    await page.close();
  });

  it("the printable progress report lays out on A4 landscape", async () => {
    const { html } = dialogsOf("showProgressReportPrint", ["2026-05-26", ["R6", "R7"]]);
    const page = await chromium.browser.newPage({ viewport: { width: 1100, height: 720 } });
    await page.setContent(html);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "report-print", { fullPage: true });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".toolbar").isVisible()).toBe(false);
    // A4 landscape at 96 dpi with 12 mm margins: 297 mm − 24 mm ≈ 1032 px of width.
    await page.setViewportSize({ width: 1032, height: 703 });
    await screenshot(page, "report-print-page1");
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });
});
