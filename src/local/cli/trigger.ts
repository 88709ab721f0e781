import { fakeClock, type FakeClock } from "../runtime/clock";
import type { CliIo } from "./io";
import { open, workspaceOf, type UserOptions } from "./shared";

type Fired = { handler: string; at: string; ok: boolean; error?: string };

export async function commandTrigger(io: CliIo, options: { workbook: string; until?: number; smtp?: string; wait?: number } & UserOptions): Promise<void> {
  const until = options.until ?? Date.now();
  const clock = fakeClock(until);
  const opened = await open(io, options.workbook, { clock, smtp: options.smtp, waitSeconds: options.wait, runtime: { workspace: workspaceOf(options) } });
  const fired: Fired[] = [];
  try {
    await fireDue(io, opened, until, clock, fired);
  } finally {
    opened.close();
  }
  io.stdout(`${JSON.stringify({ until: new Date(until).toISOString(), fired })}\n`);
}

async function fireDue(io: CliIo, opened: Awaited<ReturnType<typeof open>>, until: number, clock: FakeClock, fired: Fired[]) {
  for (;;) {
    const next = opened.runtime.nextDueTrigger(until);
    if (!next) break;
    clock.set(next.at);
    const execution = opened.runtime.fireTimeTrigger(next.trigger, next.at);
    fired.push({ handler: next.trigger.handler, at: new Date(next.at).toISOString(), ok: execution.ok, error: execution.error?.message });
    await opened.settle(execution);
    io.stderr(`${new Date(next.at).toISOString()} ${next.trigger.handler}: ${execution.ok ? "完了" : `失敗 ${execution.error?.message}`}\n`);
  }
}
