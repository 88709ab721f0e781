// `platina start`: the local workbench in the browser, until Ctrl-C.
import { InvalidArgumentError } from "commander";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { startWorkbench, WorkbenchStartError } from "../workbench/server";

export { DEFAULT_PORT } from "../workbench/server";
import { BUNDLE_DIR, CliError, workspaceOf, type UserOptions } from "./shared";

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
export async function commandStart(options: StartOptions): Promise<void> {
  const path = resolve(options.workbook);
  const created = !existsSync(path);
  let workbench;
  try {
    workbench = await startWorkbench({ workbook: options.workbook, bundleDir: BUNDLE_DIR, port: options.port, createDemoIfMissing: true, workspace: workspaceOf(options) });
  } catch (error) {
    if (error instanceof WorkbenchStartError) throw new CliError(error.message);
    throw error;
  }
  if (created) process.stdout.write(`ブック「${options.workbook}」がなかったため、デモ用のブックを作成しました。\n`);
  process.stdout.write(`プラチナ ワークベンチ: ${workbench.url}  （ブック: ${path}、Ctrl-C で終了）\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.stdout.write("終了しています…\n");
      void workbench.close().then(done);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
