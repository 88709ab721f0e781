// Runtimes for tests: the real build or a tiny hand-written bundle, an in-memory
// workbook, a fake clock and an outbox in a temp folder.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDemoModel } from "../../src/local/demo-workbook";
import { fakeClock, type FakeClock } from "../../src/local/runtime/clock";
import { emptyState, type RuntimeState } from "../../src/local/execution/env";
import { loadAddonBundle, type AddonBundle } from "../../src/local/runtime/bundle";
import { Runtime, type RuntimeOptions } from "../../src/local/runtime/runtime";
import { outboxTransport } from "../../src/local/services/mail";
import { createWorkbook } from "../../src/local/workbook/hf-workbook";
import type { WorkbookModel } from "../../src/local/workbook/model";
import { BUILD_DIR } from "./gas-bundle";
import { setUp } from "./issues";

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

/** testRuntime's options: `setUp` runs 初期設定 as the secretariat before the test gets the runtime. */
export type TestRuntimeOptions = { bundleDir?: string; demo?: boolean; now?: string; timeZone?: string; setUp?: boolean } & Partial<RuntimeOptions>;

const DEFAULT_NOW = "2026-11-25T09:00:00+09:00";

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

export function testRuntime(options: TestRuntimeOptions = {}): TestRuntime {
  const dir = tempDir();
  const clock = fakeClock(Date.parse(options.now ?? DEFAULT_NOW));
  const outbox = join(dir, "outbox");
  const bundleDir = options.bundleDir ?? BUILD_DIR;
  const random = seededRandom(20);
  const shared = options.model ? null : sharedDemo(options, bundleDir);
  // As openWorkbook does: the model knows the bundle's custom functions, so binding them evaluates once.
  const model = (): WorkbookModel => {
    const customFunctions = loadAddonBundle(bundleDir).customFunctions;
    return options.demo === false || options.timeZone ? newSpreadsheet(options.timeZone, customFunctions) : createDemoModel({ customFunctions });
  };
  let state = emptyState();
  if (shared) {
    // Where the shared demo's run left them: its state (a workbook of its own), its clock and its random numbers.
    state = shared.state();
    clock.set(shared.clock);
    for (let i = 0; i < shared.draws; i++) random();
  }
  const runtime = new Runtime({
    state,
    clock,
    random,
    mail: outboxTransport(outbox),
    lockDir: dir,
    ...options,
    model: options.model ?? shared?.model.copy() ?? model(),
    bundleDir,
  });
  if (options.setUp && !shared) setUp(runtime);
  return { runtime, clock, dir, outbox };
}

interface SharedDemo {
  /** Evaluated with the bundle: copies show its custom functions' results without calling them. */
  model: WorkbookModel;
  /** A copy of its state, under a spreadsheet ID of its own. */
  state(): RuntimeState;
  clock: number;
  draws: number;
}

/**
 * The demo workbook, set up when asked, built once per worker for each bundle and time and then
 * copied: building and evaluating it, and 初期設定, cost more than a test's own work. Only for
 * options that change nothing else; a bundle rebuilt since is built again.
 */
function sharedDemo(options: TestRuntimeOptions, bundleDir: string): SharedDemo | null {
  // Mail and lock waits come only after 初期設定, which sends nothing and waits for no one.
  const { bundleDir: _bundle, now = DEFAULT_NOW, setUp: setUpFirst = false, demo = true, mail: _mail, lockClock: _lockClock, ...rest } = options;
  if (!demo || Object.keys(rest).length > 0) return null;
  const bundle = loadAddonBundle(bundleDir);
  const key = JSON.stringify([bundleDir, now, setUpFirst]);
  const known = sharedDemos.get(key);
  if (known?.bundle === bundle) return known.shared;
  const start = Date.parse(now);
  const clock = fakeClock(start);
  let draws = 0;
  const random = seededRandom(20);
  const dir = tempDir("platina-shared-demo-");
  const runtime = new Runtime({
    state: emptyState(),
    clock,
    random: () => (draws++, random()),
    mail: outboxTransport(join(dir, "outbox")),
    lockDir: dir,
    model: createDemoModel({ customFunctions: bundle.customFunctions }),
    bundleDir,
  });
  if (setUpFirst) setUp(runtime);
  if (existsSync(join(dir, "outbox"))) throw new Error("初期設定 sent mail: a shared demo would keep it from the test's outbox.");
  const saved = JSON.stringify(runtime.state);
  const id = runtime.spreadsheetId;
  const shared: SharedDemo = {
    model: runtime.model,
    state: () => JSON.parse(saved.replaceAll(id, randomBytes(33).toString("base64url"))) as RuntimeState,
    clock: clock.now(),
    draws,
  };
  sharedDemos.set(key, { bundle, shared });
  return shared;
}
const sharedDemos = new Map<string, { bundle: AddonBundle; shared: SharedDemo }>();
