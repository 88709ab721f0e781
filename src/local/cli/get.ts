import { CliError, open, toJson } from "./shared";

export async function commandGet(range: string, options: { workbook: string }): Promise<void> {
  // Reads never wait for a workbook in use: every save replaces the files whole, so they are always consistent.
  const { runtime } = await open(options.workbook, { readOnly: true });
  let values: unknown[][];
  try {
    values = runtime.readRange(range);
  } catch (error) {
    throw new CliError(`範囲「${range}」を読めません: ${(error as Error).message}`);
  }
  process.stdout.write(`${toJson(values)}\n`);
}
