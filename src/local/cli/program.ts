// The `platina` command line: its commands and options, run against a CliIo, so
// the same program runs as a process (main.ts) and in-process (tests).
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { CONTEXT_CHOICES } from "../execution/contexts";
import { commandDemo } from "./demo";
import { commandGet } from "./get";
import type { CliIo } from "./io";
import { commandRun } from "./run";
import { commandStart, DEFAULT_PORT, parsePort } from "./start";
import { commandTrigger } from "./trigger";
import { CliError, DEFAULT_WORKBOOK, parseDomain, parseWait } from "./shared";

function isoTime(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError(`日時「${value}」を読めません。例: 2026-12-01T09:00:00+09:00`);
  return ms;
}

/** Whose address Session.getActiveUser() gives (docs/apps-script-contexts.md): run, trigger and start take these. */
function withUserOptions(command: Command): Command {
  return command
    .option("--domain <domain>", "Google Workspace のドメイン（この中のユーザーだけ Session.getActiveUser が名前を返す。既定: city.example）", parseDomain)
    .option("--strict-users", "最も厳しい読み方: どの実行のされ方でも Session.getActiveUser を空にする（テスト用）");
}

/** A new program per run: commander keeps parsed option values on the command objects. */
function program(io: CliIo): Command {
  const root = new Command()
    .name("platina")
    .description("プラチナ市役所プロジェクト アドオンのローカル実行環境（build/Code.js をそのまま実行します）")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  root
    .command("demo")
    .description("デモ用ブック（課題・局区改革・局区・集計）を作成します")
    .argument("<file>", "作成する .xlsx")
    .option("--force", "既存のファイルを上書きする")
    .action((file, options) => commandDemo(io, file, options));

  root
    .command("run")
    .description("エントリポイントを1回の実行として動かし、結果を JSON で出力します")
    .argument("<entry>", "エントリポイント名（例: PLATINA_STATUS_TABLE, setupWorkbook）")
    .option("--workbook <file>", "ブック", DEFAULT_WORKBOOK)
    .option("--now <iso>", "実行時刻（既定: 現在時刻）", isoTime)
    .option("--user <email>", "実行ユーザー（Session.getActiveUser）", "")
    .option("--args <json>", "引数リスト（JSON 配列）", "[]")
    .option("--smtp <url>", "送信に使う SMTP サーバー（例: smtp://127.0.0.1:2525）。既定は送信箱フォルダ")
    .option("--wait <seconds>", "ブックを別の platina が使用中のとき待つ秒数（既定: 30）", parseWait)
    .addOption(
      new Option("--context <name>", `実行のされ方: ${Object.entries(CONTEXT_CHOICES).map(([k, v]) => `${k} = ${v}`).join("、")}`)
        .choices(Object.keys(CONTEXT_CHOICES))
        .default("menu"),
    )
    .option("--deployer <email>", "ウェブアプリをデプロイした人（--context web-app の実行ユーザー。既定: --user）");
  withUserOptions(root.commands.at(-1)!).action((entry, options) => commandRun(io, entry, options));

  root
    .command("get")
    .description("範囲の計算済みの値を JSON の2次元配列で出力します")
    .argument("<range>", "A1 形式の範囲（例: 集計!A1:E6）")
    .option("--workbook <file>", "ブック", DEFAULT_WORKBOOK)
    .action((range, options) => commandGet(io, range, options));

  root
    .command("trigger")
    .description("時計を進め、期限が来た時間主導型トリガーを順に実行します")
    .option("--workbook <file>", "ブック", DEFAULT_WORKBOOK)
    .option("--until <iso>", "ここまで時計を進める（既定: 現在時刻）", isoTime)
    .option("--smtp <url>", "送信に使う SMTP サーバー")
    .option("--wait <seconds>", "ブックを別の platina が使用中のとき待つ秒数（既定: 30）", parseWait);
  withUserOptions(root.commands.at(-1)!).action((options) => commandTrigger(io, options));

  root
    .command("start")
    .description("ローカルのワークベンチ（ブラウザで開くスプレッドシート画面）を起動します")
    .option("--workbook <file>", "ブック（無ければデモ用のブックを作成）", DEFAULT_WORKBOOK)
    .option("--port <number>", "待ち受けるポート（127.0.0.1）", parsePort, DEFAULT_PORT);
  withUserOptions(root.commands.at(-1)!).action((options) => commandStart(io, options));

  return root;
}

/** Runs `platina ARGV…` (without the node and script paths); resolves to the exit code. */
export async function runPlatina(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await program(io).parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    // Commander has already printed its own message (usage errors, --help, --version).
    if (error instanceof CommanderError) return error.exitCode;
    const message = error instanceof CliError || error instanceof Error ? error.message : String(error);
    io.stderr(`platina: ${message}\n`);
    return 1;
  }
}
