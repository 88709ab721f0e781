// `npm run screenshots`: takes README's 最初の10分 pictures (docs/first-run/*.png) by
// walking the first-hour browser test's steps (test/local/workbench/first-run.ts) in a fresh
// demo workbench. Run on purpose when the screens change, then commit the pictures;
// `npm test` never writes them. Runs under vitest (vitest.screenshots.config.ts) because
// the steps wait with its expect.poll; the pictures are written only once every step passed.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, it } from "vitest";
import { launchBrowser } from "../test/support/browser";
import { answerAsOwner, openMail, printReport, sendNow, showStatus, showSummary, type GuidePicture, type Shot } from "../test/local/workbench/first-run";
import { openPage, startTestWorkbench } from "../test/local/workbench/harness";

const GUIDE = join(import.meta.dirname, "..", "docs", "first-run");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it("takes the pictures of README's 最初の10分", { timeout: 180_000 }, async () => {
  const pictures = new Map<GuidePicture, Buffer>();
  const take: Shot = async (page, name) => void pictures.set(name, await page.screenshot());

  // The mail → answer loop, as the guide walks it.
  const loop = await startTestWorkbench();
  try {
    const page = await openPage(browser, loop, "課題");
    await showSummary(page, take);
    await sendNow(page);
    await openMail(page, take);
    await answerAsOwner(page, take);
    await showStatus(page, take);
  } finally {
    await loop.close();
  }
  // 進捗報告 in a fresh workbook, as the test makes it.
  const report = await startTestWorkbench();
  try {
    await printReport(await openPage(browser, report, "課題"), take);
  } finally {
    await report.close();
  }

  mkdirSync(GUIDE, { recursive: true });
  for (const [name, png] of pictures) {
    writeFileSync(join(GUIDE, `${name}.png`), png);
    console.log(`docs/first-run/${name}.png`);
  }
});
