// The browser tests see pages as staff do: Chromium in Japanese, in Tokyo time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { closeContexts, sharedBrowser } from "../support/browser";

describe("test browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    await closeContexts(browser);
  });

  it("runs in Japanese with the Asia/Tokyo zone", async () => {
    const page = await browser.newPage();
    await page.setContent("<p>x</p>");
    const seen = await page.evaluate(() => ({
      language: navigator.language,
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      // 2026-12-31T15:30Z is already 1 January in Tokyo.
      date: new Date(Date.UTC(2026, 11, 31, 15, 30)).toLocaleDateString(),
    }));
    expect(seen.language).toMatch(/^ja/);
    expect(seen.zone).toBe("Asia/Tokyo");
    expect(seen.date).toBe("2027/1/1");
    await page.close();
  });
});
