// A person's send (今すぐ送信, 各局区への取組照会): asks first with the numbers
// when someone is at the sheet, then runs a step and says what it did.
import { stopText } from "../../core/mailing/run-summary";
import { alreadyHandled } from "../../core/mailing/send-log";
import { loadSettings } from "../../gas/settings";
import { tell, uiOrNull } from "../../gas/ui";
import { runMailingStep, type Mailing, type Recipient, type StepOptions, type StepReport } from "./engine";
import { readSendRecords } from "./log-sheets";

export type ManualSendResult =
  | ({ ok: true } & StepReport)
  | { ok: false; reason: "cancelled" | "busy"; message: string };

/** `title` heads the question and the summary dialog. */
export function sendWithConfirmation<R extends Recipient>(mailing: Mailing<R>, cycle: string, title: string, options: StepOptions = {}): ManualSendResult {
  const ui = uiOrNull();
  if (ui) {
    const audience = mailing.audience(cycle, loadSettings().settings);
    const log = readSendRecords();
    const pending = audience.recipients.filter((r) => !alreadyHandled(log, cycle, "依頼", r.to));
    const answer = ui.alert(title, audience.confirmation(pending), ui.ButtonSet.YES_NO);
    if (answer !== ui.Button.YES) return { ok: false, reason: "cancelled", message: "送信を取りやめました。何も送信していません。" };
  }
  const report = runMailingStep(mailing, cycle, options);
  const message = tell(title, stepSummary(report));
  return report.stoppedBecause === "busy" ? { ok: false, reason: "busy", message } : { ok: true, ...report };
}

/** What a step did, for the dialog after a manual send. */
function stepSummary(report: StepReport): string {
  const lines = [`送信 ${report.sent.length}件、失敗 ${report.failed.length}件。`];
  const stopped = stopText(report);
  if (stopped) lines.push(stopped);
  for (const f of report.failed) lines.push(`失敗: ${f.to}（${f.error}）`);
  return lines.join("\n");
}
