import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createDemoModel } from "../demo-workbook";
import { saveWorkbook } from "../workbook/xlsx-store";
import { CliError } from "./shared";

export async function commandDemo(file: string, options: { force?: boolean }): Promise<void> {
  const path = resolve(file);
  if (existsSync(path) && !options.force) {
    throw new CliError(`「${file}」は既にあります。上書きするには --force を付けてください。`);
  }
  await saveWorkbook(createDemoModel(), path);
  process.stderr.write(`デモ用ブックを作成しました: ${path}\n`);
}
