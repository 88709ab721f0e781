// `platina start`: the local workbench in the browser, until Ctrl-C.
import { InvalidArgumentError } from "commander";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { startWorkbench, WorkbenchStartError } from "../workbench/server";
import type { CliIo } from "./io";
import { BUNDLE_DIR, CliError, workspaceOf, type UserOptions } from "./shared";

export { DEFAULT_PORT } from "../workbench/server";

export interface StartOptions extends UserOptions {
  workbook: string;
  port: number;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`ポート番号「${value}」が不正です（0〜65535）。`);
  return n;
}

/** A workbook that does not exist yet is made from the demo data, wherever it is named (the folder must exist). */
export async function commandStart(io: CliIo, options: StartOptions): Promise<void> {
  const path = resolve(io.cwd, options.workbook);
  const created = !existsSync(path);
  let workbench;
  try {
    workbench = await startWorkbench({ workbook: path, bundleDir: BUNDLE_DIR, port: options.port, createDemoIfMissing: true, workspace: workspaceOf(options) });
  } catch (error) {
    if (error instanceof WorkbenchStartError) throw new CliError(error.message);
    throw error;
  }
  if (created) io.stdout(`ブック「${options.workbook}」がなかったため、デモ用のブックを作成しました。\n`);
  io.stdout(`プラチナ ワークベンチ: ${workbench.url}  （ブック: ${path}、Ctrl-C で終了）\n`);
  await io.stopRequested();
  io.stdout("終了しています…\n");
  await workbench.close();
}
