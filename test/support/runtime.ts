// Runtimes for tests: the real build or a tiny hand-written bundle, an in-memory
// workbook, a fake clock and an outbox in a temp folder.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDemoModel } from "../../src/local/demo-workbook";
import { fakeClock, type FakeClock } from "../../src/local/runtime/clock";
import { emptyState } from "../../src/local/execution/env";
import { loadAddonBundle } from "../../src/local/runtime/bundle";
import { Runtime, type RuntimeOptions } from "../../src/local/runtime/runtime";
import { outboxTransport } from "../../src/local/services/mail";
import { createWorkbook } from "../../src/local/workbook/hf-workbook";
import type { WorkbookModel } from "../../src/local/workbook/model";
import { BUILD_DIR } from "./gas-bundle";

export function tempDir(prefix = "platina-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A bundle folder holding the given Code.js (and manifest), for runtime semantics tests. */
export function fixtureBundle(code: string, html: Record<string, string> = {}): string {
  const dir = tempDir("platina-bundle-");
  writeFileSync(join(dir, "Code.js"), code);
  writeFileSync(join(dir, "appsscript.json"), JSON.stringify({ timeZone: "Asia/Tokyo", runtimeVersion: "V8" }));
  for (const [name, source] of Object.entries(html)) writeFileSync(join(dir, `${name}.html`), source);
  return dir;
}

/** The same "random" choices in every run (Park–Miller), so a time trigger's minute is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

export interface TestRuntime {
  runtime: Runtime;
  clock: FakeClock;
  dir: string;
  outbox: string;
}

/** `timeZone`: a new workbook (one empty sheet, as Sheets makes it) whose own time zone (ファイル → 設定) is this one, instead of the demo's Asia/Tokyo. */
function newSpreadsheet(timeZone: string | undefined, customFunctions: string[]) {
  const model = createWorkbook({ name: "test", timeZone: timeZone ?? "Asia/Tokyo", customFunctions });
  if (timeZone) model.insertSheet("シート1");
  return model;
}

export function testRuntime(
  options: { bundleDir?: string; demo?: boolean; now?: string; timeZone?: string } & Partial<RuntimeOptions> = {},
): TestRuntime {
  const dir = tempDir();
  const clock = fakeClock(Date.parse(options.now ?? "2026-11-25T09:00:00+09:00"));
  const outbox = join(dir, "outbox");
  const bundleDir = options.bundleDir ?? BUILD_DIR;
  // As openWorkbook does: the model knows the bundle's custom functions, so binding them evaluates once.
  const model = (): WorkbookModel => {
    const customFunctions = loadAddonBundle(bundleDir).customFunctions;
    return options.demo === false || options.timeZone ? newSpreadsheet(options.timeZone, customFunctions) : createDemoModel({ customFunctions });
  };
  const runtime = new Runtime({
    state: emptyState(),
    clock,
    random: seededRandom(20),
    mail: outboxTransport(outbox),
    lockDir: dir,
    ...options,
    model: options.model ?? model(),
    bundleDir,
  });
  return { runtime, clock, dir, outbox };
}
