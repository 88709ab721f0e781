import { defineConfig } from "vitest/config";
import { WORKER_FLAGS } from "./test/support/node-flags";
import EndToEndFirst from "./test/support/sequencer";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    reporters: ["default", "./test/support/summary-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Both cores: vitest's default leaves one idle on a 2-core machine.
    maxWorkers: 2,
    // A worker runs its files one after another in one module graph: the bundle's loader,
    // exceljs and HyperFormula are loaded once per worker, and one Chromium serves all its
    // browser files (test/support/browser.ts). Safe because no test stubs globals or the
    // environment, mocks modules or patches prototypes; module state is per workbook or
    // per lock folder (temp folders), and each page gets its own browser context.
    isolate: false,
    // A larger young generation, and the optimizing compiler later: test/support/node-flags.ts.
    execArgv: WORKER_FLAGS,
    // Files that start processes, browsers or workbenches first, also on a fresh clone.
    sequence: { sequencer: EndToEndFirst },
  },
});
