import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { DEMO_SECRETARIAT, DEMO_SEED } from "../demo-workbook";
import { openWorkbook } from "../runtime/open";
import { BUNDLE_DIR, CliError } from "./shared";

/** The demo workbook with 初期設定 done by the secretariat account; --force replaces the file and its state. */
export async function commandDemo(file: string, options: { force?: boolean }): Promise<void> {
  const path = resolve(file);
  if (existsSync(path) && !options.force) {
    throw new CliError(`「${file}」は既にあります。上書きするには --force を付けてください。`);
  }
  await openWorkbook({ workbook: path, bundleDir: BUNDLE_DIR, seed: DEMO_SEED, replaceWithSeed: true });
  process.stderr.write(`デモ用ブックを作成しました: ${path}（初期設定済み、事務局: ${DEMO_SECRETARIAT}）\n`);
}
