// What the CLI commands share: where the bundle is, opening the workbook, JSON output.
import { InvalidArgumentError } from "commander";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_SEED } from "../demo-workbook";
import { DEFAULT_WORKSPACE, workspaceDomain, type Workspace } from "../execution/contexts";
import { crashPointsFromEnv } from "../runtime/crash-points";
import { openWorkbook, type OpenOptions } from "../runtime/open";
import type { CliIo } from "./io";

/** An error whose message is the whole story for the user (no stack printed). */
export class CliError extends Error {}

/** The project folder: the nearest one above this file with a package.json (works from src/ and from dist/). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const BUNDLE_DIR = join(projectRoot(), "build");

/** The workbook a command uses when none is named: made from the demo data if it does not exist. */
export const DEFAULT_WORKBOOK = "platina-demo.xlsx";

/** Where `npm start` serves the web app: mails sent from the CLI link there unless deployed elsewhere. */
export const LOCAL_WEB_APP = "http://127.0.0.1:8787/exec";

/** `--wait` in seconds: how long to wait while another platina uses the workbook. */
export function parseWait(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new InvalidArgumentError(`待ち時間「${value}」が不正です（0 以上の秒数）。`);
  return seconds;
}

/** `--domain`: the Google Workspace domain whose users Session names (a consumer domain such as gmail.com is refused). */
export function parseDomain(value: string): string {
  try {
    return workspaceDomain(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** What `--domain` and `--strict-users` ask of the runtime (default: city.example, users named within it). */
export interface UserOptions {
  domain?: string;
  strictUsers?: boolean;
}

export function workspaceOf(options: UserOptions): Workspace {
  return { domain: options.domain ?? DEFAULT_WORKSPACE.domain, strictUsers: options.strictUsers === true };
}

export async function open(io: CliIo, workbook: string, extra: Partial<OpenOptions> & { waitSeconds?: number } = {}) {
  const path = resolve(io.cwd, workbook);
  const isDefault = workbook === DEFAULT_WORKBOOK;
  if (!existsSync(path) && !isDefault) {
    const folder = dirname(path);
    throw new CliError(existsSync(folder) ? `ブック「${workbook}」が見つかりません。` : `ブック「${workbook}」のフォルダ「${folder}」がありません。`);
  }
  const { waitSeconds, ...rest } = extra;
  const opened = await openWorkbook({
    workbook: path, bundleDir: BUNDLE_DIR, seed: isDefault ? DEMO_SEED : undefined, log: (line) => io.stderr(`${line}\n`),
    crash: crashPointsFromEnv(io.env, io.stderr),
    ...(waitSeconds !== undefined ? { waitMs: waitSeconds * 1000 } : {}),
    ...rest,
  });
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
