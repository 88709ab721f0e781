// The order files start in. Vitest runs the longest first once it has timings from an
// earlier run; a fresh clone has none, and largest-first would leave the short files that
// start real processes (crash-kill, concurrent-runs) to the end, one worker busy while the
// other waits. Files that start processes, browsers or workbenches go first.
import { readFileSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Imports of the helpers that start a `platina` process or run the CLI, Chromium, or a workbench. */
const END_TO_END = /from "[./]*(?:support\/(?:platina-cli|browser|web-app)|workbench\/harness|\.\/harness)"/;

export default class EndToEndFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const endToEnd = new Set(sorted.filter((file) => END_TO_END.test(readFileSync(file.moduleId, "utf8"))));
    return [...sorted.filter((file) => endToEnd.has(file)), ...sorted.filter((file) => !endToEnd.has(file))];
  }
}
