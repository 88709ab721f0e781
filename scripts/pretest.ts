// What `npm test` runs before vitest: both type checks and the build, side by side.
// Each uses about one core (tsc is single-threaded, the build waits on esbuild's
// own process), so on two cores this takes the time of the longest, not of the three.
// The same steps one at a time: npm run typecheck && npm run build.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { OPTIMIZE_LATER } from "../test/support/node-flags";
import { buildAddon, buildLocalRuntime } from "./build";

const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");

interface Step {
  name: string;
  run(): Promise<string>;
}

function typecheck(project: string): Promise<string> {
  return new Promise((done, fail) => {
    // tsc, too, spends less on optimizing code it then barely runs (11.7 → 9.4 CPU-s for tsconfig.json).
    execFile(process.execPath, [OPTIMIZE_LATER, TSC, "--noEmit", "-p", project], { maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`${stdout}${stderr}`.trim() || error.message));
      else done(`${stdout}${stderr}`.trim());
    });
  });
}

const steps: Step[] = [
  { name: "型チェック（tsconfig.json）", run: () => typecheck("tsconfig.json") },
  { name: "型チェック（src/core: Apps Script や Node の名前なし）", run: () => typecheck("src/core/tsconfig.json") },
  { name: "ビルド（build/Code.js と dist/）", run: async () => {
    await buildAddon();
    await buildLocalRuntime();
    return "";
  } },
];

const results = await Promise.allSettled(steps.map((step) => step.run()));
let failed = 0;
results.forEach((result, i) => {
  if (result.status === "fulfilled") {
    if (result.value) console.log(result.value);
    return;
  }
  failed++;
  console.error(`${steps[i].name} に失敗しました:\n${result.reason instanceof Error ? result.reason.message : String(result.reason)}`);
});
if (failed) {
  console.error(`テストの前の ${failed} 件の手順が失敗したため、テストを実行しません。`);
  process.exit(1);
}
