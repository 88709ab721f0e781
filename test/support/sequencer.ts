// The order files start in. Vitest runs the longest first once it has timings from an
// earlier run; a fresh clone has none, and largest-first would leave the short files that
// start real processes (crash-kill, concurrent-runs) to the end, one worker busy while the
// other waits. Files that start processes, browsers or workbenches go first; then those
// that run the TypeScript compiler while collecting (over the typings, a few seconds), which
// last would again leave one worker to finish alone.
import { readFileSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Imports of the helpers that start a `platina` process or run the CLI, Chromium, or a workbench. */
const END_TO_END = /from "[./]*(?:support\/(?:platina-cli|browser|web-app)|workbench\/harness|\.\/harness)"/;
/** Imports of the TypeScript compiler, or of the scripts and helpers that run it. */
const COMPILER = /from "(?:typescript|[./]*(?:scripts\/(?:api-signatures|entry-points)|source-graph))"/;

export default class EndToEndFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const tier = (file: TestSpecification): number => {
      const source = readFileSync(file.moduleId, "utf8");
      return END_TO_END.test(source) ? 0 : COMPILER.test(source) ? 1 : 2;
    };
    const tiers = new Map(sorted.map((file) => [file, tier(file)]));
    // Stable: within a tier, vitest's own order.
    return sorted.slice().sort((a, b) => tiers.get(a)! - tiers.get(b)!);
  }
}
