// `platina` in-process (the program main.ts runs, with captured output) for what
// is not about processes, real `platina` processes for what only processes show
// (kill -9, concurrent claims, exit codes, the process's time zone), and what they
// leave on disk: the 送信記録 rows and the .eml files of the outbox.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runPlatina } from "../../src/local/cli/program";
import { loadDurable } from "../../src/local/runtime/open";
import { modelRecords } from "./issues";
import { PROCESS_FLAGS } from "./node-flags";

export const BIN = join(import.meta.dirname, "..", "..", "bin", "platina.js");

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `platina ARGS…` run in this process in `cwd` (`env`: PLATINA_CRASH_TRACE, not a kill): its exit code and output. */
export async function platina(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Exit> {
  if (env.PLATINA_CRASH_AT) throw new Error("PLATINA_CRASH_AT kills the process it runs in: use platinaProcess.");
  let stdout = "";
  let stderr = "";
  const code = await runPlatina(args, {
    cwd,
    env,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stopRequested: () => new Promise(() => undefined),
  });
  return { code, signal: null, stdout, stderr };
}

/** `platina ARGS…` as a real process (the built bin/platina.js) in `cwd`, with `env` added to this one's. */
export function platinaProcess(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Exit> {
  return new Promise((done) => {
    execFile(process.execPath, [...PROCESS_FLAGS, BIN, ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      const failure = error as (Error & { code?: number; signal?: NodeJS.Signals }) | null;
      done({ code: failure ? (typeof failure.code === "number" ? failure.code : null) : 0, signal: failure?.signal ?? null, stdout, stderr });
    });
  });
}

/** Runs `jobs` with at most `limit` at a time, results in order. */
export async function pool<T>(limit: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/** A seeded generator (mulberry32), so kill points are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The workbook's records as the next run will see them (commit log replayed), read without
 * claiming, saving or running the bundle: a crashed run's sheets are what these tests look at.
 */
export async function readBack(path: string) {
  const { model } = await loadDurable(path);
  return { records: (sheet: string) => modelRecords(model, sheet) };
}

/** The To: address of each .eml in the outbox folder, in send order. */
export function outboxRecipients(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .map((f) => /^To: (.+)$/m.exec(readFileSync(join(dir, f), "utf8"))?.[1].trim() ?? "");
}
