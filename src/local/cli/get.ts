import type { CliIo } from "./io";
import { CliError, open, toJson } from "./shared";

export async function commandGet(io: CliIo, range: string, options: { workbook: string }): Promise<void> {
  // Reads never wait for a workbook in use: every save replaces the files whole, so they are always consistent.
  const opened = await open(io, options.workbook, { readOnly: true });
  let values: unknown[][];
  try {
    values = opened.runtime.readRange(range);
  } catch (error) {
    throw new CliError(`範囲「${range}」を読めません: ${(error as Error).message}`);
  } finally {
    opened.close();
  }
  io.stdout(`${toJson(values)}\n`);
}
