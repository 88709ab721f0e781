// Chromium for browser tests: Debian's package driven by playwright-core (which
// downloads nothing). Installed on demand when running as root; otherwise the
// test fails and says how to install it — never a silent skip.
import { execSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const INSTALL = "apt-get install -y chromium fonts-noto-cjk";

export const ARTIFACTS = join(import.meta.dirname, "..", "..", "test-artifacts");

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) throw new Error(`Chromium (${CHROMIUM}) がありません。インストールしてください: sudo ${INSTALL}`);
  execSync(`apt-get update && ${INSTALL}`, { stdio: "inherit" });
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium をインストールできませんでした: ${INSTALL}`);
}

export async function launchBrowser(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Saves test-artifacts/NAME.png (git-ignored) for a look at what the test saw. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
