import { fakeClock } from "../runtime/clock";
import { contextFromChoice, type ContextChoice } from "../execution/contexts";
import type { CliIo } from "./io";
import { CliError, open, toJson, workspaceOf, type UserOptions } from "./shared";

export interface RunOptions extends UserOptions {
  workbook: string;
  now?: number;
  user: string;
  args: string;
  smtp?: string;
  wait?: number;
  /** How the execution starts: menu item unless told otherwise. */
  context: ContextChoice;
  /** The web app's deployer (web-app context); default the user. */
  deployer?: string;
}

export async function commandRun(io: CliIo, entry: string, options: RunOptions): Promise<void> {
  let args: unknown;
  try {
    args = JSON.parse(options.args);
  } catch (error) {
    throw new CliError(`--args を JSON として読めません: ${(error as Error).message}`);
  }
  if (!Array.isArray(args)) throw new CliError(`--args は引数の JSON 配列で指定してください（例: --args '["R7"]'）。`);
  const opened = await open(io, options.workbook, {
    clock: options.now !== undefined ? fakeClock(options.now) : undefined,
    smtp: options.smtp,
    waitSeconds: options.wait,
    runtime: { workspace: workspaceOf(options) },
  });
  let execution;
  // Closed on every path: in-process, the claim outlives the command otherwise.
  try {
    const { runtime } = opened;
    if (!runtime.bundle.entryPoints.includes(entry)) {
      throw new CliError(`エントリポイント「${entry}」はありません。使えるもの:\n  ${runtime.bundle.entryPoints.join("\n  ")}`);
    }
    let context;
    try {
      context = contextFromChoice(options.context, options.user, options.deployer ?? options.user, runtime.state.webAppUrl);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    execution = runtime.run(entry, args, { context, user: options.user });
    // A failed execution keeps nothing, or only what it committed with SpreadsheetApp.flush().
    await opened.settle(execution);
  } finally {
    opened.close();
  }
  if (!execution.ok) throw new CliError(`${entry} でエラーが発生しました: ${execution.error?.message}`);
  io.stdout(`${toJson({ result: execution.result, calls: execution.calls, simulatedMs: execution.simulatedMs })}\n`);
}
