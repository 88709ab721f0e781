// The monthly follow-up at scale: 2,000 owners over 1,000 and 10,000 issues.
// Spreadsheet calls per execution must not grow with the issues; the simulated
// Apps Script time shows how many executions (and days, at 1,500 mails a day) a cycle takes.
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { createDemoModel } from "../src/local/demo-workbook";
import { fakeClock } from "../src/local/runtime/clock";
import { DEFAULT_COST_MODEL } from "../src/local/runtime/call-counter";
import { emptyState } from "../src/local/execution/env";
import { Runtime } from "../src/local/runtime/runtime";
import { outboxTransport } from "../src/local/services/mail";

const SECRETARIAT = "henkaku@city.example";

function runtimeWith(issues: number, owners: number) {
  const dir = mkdtempSync(join(tmpdir(), "platina-bench-fu-"));
  const model = createDemoModel();
  const sheet = model.getSheetByName("課題")!;
  const rows = Array.from({ length: issues }, (_, i) =>
    [`B-${i}`, "R7", `課題 ${i}`, "職員", "総務市民局", "人事課", `owner${i % owners}@city.example`, "⑦", i % 3 ? "検討中" : "実施中", "", "", "", ""]
      .map((v) => (v === "" ? { kind: "empty" as const } : { kind: "value" as const, value: v })),
  );
  sheet.deleteRows(1, sheet.getLastRow() - 1);
  sheet.setCells(1, 0, rows);
  const clock = fakeClock(Date.parse("2026-12-01T09:00:00+09:00"));
  const runtime = new Runtime({
    bundleDir: join(import.meta.dirname, "..", "build"), model, state: emptyState(), clock,
    mail: outboxTransport(join(dir, "outbox")), lockDir: dir, advanceClockByCost: true, enforceTimeLimit: true,
  });
  runtime.state.mail.dailyQuota = 1500;
  runtime.run("setupWorkbook", [], { user: SECRETARIAT });
  runtime.state.webAppUrl = "https://script.google.com/macros/s/example/exec";
  return { runtime, clock };
}

function sheetCalls(calls: Record<string, Record<string, number>>): number {
  return Object.values(calls.SpreadsheetApp ?? {}).reduce((a, b) => a + b, 0);
}

export function benchFollowUp(): void {
  console.log("\n## Follow-up cycle, 2,000 owners (simulated Apps Script time, cost model below)");
  console.log("issues\towners\texecution\tday\tmails\tsheet calls\tsimulated s\tstopped");
  for (const issues of [1_000, 10_000]) {
    const { runtime, clock } = runtimeWith(issues, 2_000);
    const start = clock.now();
    let execution = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
    for (let n = 1; n <= 20; n++) {
      const result = execution.result as { sent: unknown[]; stoppedBecause: string | null } | undefined;
      const day = Math.floor((clock.now() - start) / 86_400_000) + 1;
      console.log([issues, Math.min(issues, 2_000), n, day, result?.sent.length ?? `error: ${execution.error?.message}`, sheetCalls(execution.calls), (execution.simulatedMs / 1000).toFixed(0), result?.stoppedBecause ?? "-"].join("\t"));
      const next = runtime.nextDueTrigger(Date.parse("2026-12-07T00:00:00+09:00"));
      if (!next || !result?.stoppedBecause) break;
      clock.set(next.at);
      execution = runtime.fireTimeTrigger(next.trigger, next.at);
    }
  }
  console.log(`cost model (ms): ${JSON.stringify(DEFAULT_COST_MODEL)}`);
}
