// The X会議 pack's printable page in Chromium, as the built bundle renders it from the
// menu: accessible (axe), A4 landscape, and its button making the file and linking to it.
import { describe, expect, it } from "vitest";
import { axeViolations, chromiumForFile, screenshot } from "../support/browser";
import { SECRETARIAT } from "../support/issues";
import { testRuntime } from "../support/runtime";

/** The page the menu item shows (the 第2回X会議 on 2026-08-20). */
function packPage(): string {
  const { runtime } = testRuntime({ now: "2026-08-20T10:00:00+09:00", setUp: true });
  const shown: string[] = [];
  const ui = {
    alert: () => "OK" as const, prompt: () => ({ button: "OK" as const, text: "" }), showSidebar: () => undefined, toast: () => undefined, addMenu: () => undefined,
    showDialog: (html: string) => void shown.push(html),
  };
  const execution = runtime.run("createMeetingPack", [], { user: SECRETARIAT, ui });
  if (!execution.ok) throw new Error(execution.error?.message);
  return shown[0];
}

// google.script.run answering createMeetingPack later with a made file, recording the call.
const withStub = (html: string, result: unknown) => html.replace("<head>", () => `<head><script>
(() => {
  window.__calls = [];
  function runner(success) {
    return { withSuccessHandler: (fn) => runner(fn), withFailureHandler: () => runner(success),
      createMeetingPack: (...args) => { window.__calls.push(args); setTimeout(() => success(${JSON.stringify(result)}), 20); } };
  }
  window.google = { script: { run: runner() } };
})();
</script>`);

describe("X会議資料 page in Chromium", () => {
  const chromium = chromiumForFile();

  it("is accessible, prints on A4 landscape without its toolbar, and its button links to the file it makes", async () => {
    const file = { name: "X会議資料_2026-08-26", url: "https://docs.google.com/spreadsheets/d/abc/edit", id: "abc" };
    const page = await chromium.browser.newPage({ viewport: { width: 1100, height: 720 } });
    await page.setContent(withStub(packPage(), { ok: true, file }));
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("#save-file").click();
    const link = page.locator("#file-status a");
    await link.waitFor();
    expect(await link.textContent()).toBe("作成したファイル「X会議資料_2026-08-26」を開く");
    expect(await link.getAttribute("href")).toBe(file.url);
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await page.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls)).toEqual([[{ meeting: "2026-08-26", file: true }]]);
    await screenshot(page, "meeting-pack", { fullPage: true });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".toolbar").isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });
});
