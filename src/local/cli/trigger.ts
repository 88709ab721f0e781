import { fakeClock, type FakeClock } from "../runtime/clock";
import { open, workspaceOf, type UserOptions } from "./shared";

export async function commandTrigger(options: { workbook: string; until?: number; smtp?: string; wait?: number } & UserOptions): Promise<void> {
  const until = options.until ?? Date.now();
  const clock = fakeClock(until);
  const opened = await open(options.workbook, { clock, smtp: options.smtp, waitSeconds: options.wait, runtime: { workspace: workspaceOf(options) } });
  const fired: { handler: string; at: string; ok: boolean; error?: string }[] = [];
  try {
    await fireDue(opened, until, clock, fired);
  } finally {
    opened.close();
  }
  process.stdout.write(`${JSON.stringify({ until: new Date(until).toISOString(), fired })}\n`);
}

async function fireDue(opened: Awaited<ReturnType<typeof open>>, until: number, clock: FakeClock, fired: { handler: string; at: string; ok: boolean; error?: string }[]) {
  for (;;) {
    const next = opened.runtime.nextDueTrigger(until);
    if (!next) break;
    clock.set(next.at);
    const execution = opened.runtime.fireTimeTrigger(next.trigger, next.at);
    fired.push({ handler: next.trigger.handler, at: new Date(next.at).toISOString(), ok: execution.ok, error: execution.error?.message });
    await opened.settle(execution);
    process.stderr.write(`${new Date(next.at).toISOString()} ${next.trigger.handler}: ${execution.ok ? "完了" : `失敗 ${execution.error?.message}`}\n`);
  }
}
