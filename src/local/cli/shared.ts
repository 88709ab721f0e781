// What the CLI commands share: where the bundle is, opening the workbook, JSON output.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openWorkbook, type OpenOptions } from "../runtime/open";

/** An error whose message is the whole story for the user (no stack printed). */
export class CliError extends Error {}

/** The project folder: the nearest one above this file with a package.json (works from src/ and from dist/). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const BUNDLE_DIR = join(projectRoot(), "build");

export function logToStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Where `npm start` serves the web app: mails sent from the CLI link there unless deployed elsewhere. */
export const LOCAL_WEB_APP = "http://127.0.0.1:8787/exec";

export async function open(workbook: string, extra: Partial<OpenOptions> = {}) {
  const path = resolve(workbook);
  const isDefault = workbook === "platina-demo.xlsx";
  if (!existsSync(path) && !isDefault) throw new CliError(`ブック「${workbook}」が見つかりません。`);
  const opened = await openWorkbook({ workbook: path, bundleDir: BUNDLE_DIR, createDemoIfMissing: isDefault, log: logToStderr, ...extra });
  opened.runtime.state.webAppUrl ??= LOCAL_WEB_APP;
  return opened;
}

/** JSON for stdout: Dates as ISO strings, HtmlOutput/TextOutput as their content. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (v && typeof v === "object" && typeof (v as { getContent?: unknown }).getContent === "function") {
      return (v as { getContent(): string }).getContent();
    }
    return v;
  });
}
