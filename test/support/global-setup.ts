// Tests run the built bundle, exactly what clasp pushes, and the compiled CLI users run.
// `npm test` builds both just before vitest; a run of a few files (npx vitest run …)
// builds them here only when they are missing or older than a source.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAddon, buildLocalRuntime } from "../../scripts/build";

const ROOT = join(import.meta.dirname, "..", "..");
const OUTPUTS = ["build/Code.js", "dist/cli.js", "dist/workbench-worker.js", "dist/mail-worker.js"];
const INPUTS = ["src", "scripts", "appsscript.json", "deploy.json"];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export default async function setup(): Promise<() => void> {
  // Current once this returns: workbench and mail workers started from the sources load
  // these compiled workers instead of transforming every module through tsx again.
  process.env.PLATINA_COMPILED_WORKERS = join(ROOT, "dist");
  // Every temp folder of the run (the tests', Chromium's, the processes') goes in one that is
  // removed at the end: the vitest workers and the processes they start inherit TMPDIR.
  const runDir = mkdtempSync(join(tmpdir(), "platina-test-run-"));
  process.env.TMPDIR = runDir;
  // A Chromium whose worker has just ended may still be writing its profile in there: retry while it empties.
  const teardown = () => rmSync(runDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  const outputs = OUTPUTS.map((file) => join(ROOT, file));
  const built = Math.min(...outputs.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  const sources = Math.max(...INPUTS.map((path) => newestChange(join(ROOT, path))));
  if (built >= sources) return teardown;
  console.error("build/ と dist/ が古いかないため、ビルドします（npm run build と同じ）。");
  await buildAddon();
  await buildLocalRuntime();
  return teardown;
}
