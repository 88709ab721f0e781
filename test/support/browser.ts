// Chromium for browser tests: Debian's headless build of Chromium (the chromium-headless-shell
// package, built from the same source as `chromium`; the build Playwright itself runs for
// headless tests), driven by playwright-core, which downloads nothing. The same Blink and V8
// as the full browser, without its window machinery: the browser tests took less than half
// the Chromium CPU of `chromium --headless`. Installed on demand when running as root;
// otherwise the test fails and says how to install it — never a silent skip.
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";

export const CHROMIUM = "/usr/bin/chromium-headless-shell";
const INSTALL = "apt-get install -y chromium-headless-shell fonts-noto-cjk";

export const ARTIFACTS = join(import.meta.dirname, "..", "..", "test-artifacts");

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) throw new Error(`Chromium (${CHROMIUM}) がありません。インストールしてください: sudo ${INSTALL}`);
  execSync(`apt-get update && ${INSTALL}`, { stdio: "inherit" });
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium をインストールできませんでした: ${INSTALL}`);
}

/** What every page opens with: Japanese and Tokyo time, as staff run Sheets. */
export const STAFF_LOCALE = { locale: "ja-JP", timezoneId: "Asia/Tokyo" } as const;

export async function launchBrowser(): Promise<Browser> {
  ensureChromium();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Staff use Sheets in Japanese in Tokyo: date pickers, number formats and Intl follow the browser's locale and zone.
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=ja"],
    env: { ...process.env, TZ: "Asia/Tokyo", LANG: "ja_JP.UTF-8", LANGUAGE: "ja" },
  });
  // Playwright gives each new context en-US unless told otherwise.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ ...STAFF_LOCALE, ...options });
  browser.newPage = async (options = {}) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // The page's own context goes with it; when the whole browser is closing, that already happened.
    page.on("close", () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}

let shared: Promise<Browser> | null = null;

/**
 * This worker's Chromium: launched once and used by every test file the worker runs
 * (vitest runs files without isolation, see vitest.config.ts); each page gets a new
 * context, so no cookies or storage pass between tests. A file ends with closeContexts.
 */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser().then((browser) => {
    browser.on("disconnected", () => (shared = null));
    return browser;
  });
  return shared;
}

/**
 * A browser test file's hooks: the worker's shared Chromium for the file (its contexts closed
 * at the end), and `afterEachTest` (closing what a test started), if any, after each test.
 */
export function chromiumForFile(afterEachTest?: () => Promise<unknown>): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    await closeContexts(browser);
  });
  if (afterEachTest) afterEach(afterEachTest);
  return {
    get browser(): Browser {
      if (!browser) throw new Error("Chromium is started in beforeAll: use it inside a test or hook.");
      return browser;
    },
  };
}

/** Closes what a test file opened in the shared browser; the browser stays for the next file. */
export async function closeContexts(browser: Browser | undefined): Promise<void> {
  await Promise.all((browser?.contexts() ?? []).map((context) => context.close().catch(() => undefined)));
}

/**
 * Saves test-artifacts/NAME.png (git-ignored) for a look at what the test saw, when asked
 * (PLATINA_TEST_SCREENSHOTS=1 npm test): encoding 50 pictures costs every run otherwise.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!process.env.PLATINA_TEST_SCREENSHOTS) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), ...options });
}

/** WCAG 2.x A and AA, the level the city's web accessibility policy (JIS X 8341-3 AA) asks for. */
export const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the page as "rule: targets" lines; `tags` null runs every rule. */
export async function axeViolations(page: Page | Frame, tags: string[] | null = WCAG_AA): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (only) => {
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } }).axe;
    const { violations } = await axe.run(document, only ? { runOnly: { type: "tag", values: only } } : {});
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
  }, tags);
}
