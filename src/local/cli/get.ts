import { CliError, open, toJson } from "./shared";

export async function commandGet(range: string, options: { workbook: string }): Promise<void> {
  const { runtime } = await open(options.workbook);
  let values: unknown[][];
  try {
    values = runtime.readRange(range);
  } catch (error) {
    throw new CliError(`範囲「${range}」を読めません: ${(error as Error).message}`);
  }
  process.stdout.write(`${toJson(values)}\n`);
}
