import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { DEMO_SECRETARIAT, DEMO_SEED } from "../demo-workbook";
import { openWorkbook } from "../runtime/open";
import type { CliIo } from "./io";
import { BUNDLE_DIR, CliError } from "./shared";

/** The demo workbook with 初期設定 done by the secretariat account; --force replaces the file and its state. */
export async function commandDemo(io: CliIo, file: string, options: { force?: boolean }): Promise<void> {
  const path = resolve(io.cwd, file);
  if (existsSync(path) && !options.force) {
    throw new CliError(`「${file}」は既にあります。上書きするには --force を付けてください。`);
  }
  const opened = await openWorkbook({ workbook: path, bundleDir: BUNDLE_DIR, seed: DEMO_SEED, replaceWithSeed: true });
  opened.close();
  io.stderr(`デモ用ブックを作成しました: ${path}（初期設定済み、事務局: ${DEMO_SECRETARIAT}）\n`);
}
