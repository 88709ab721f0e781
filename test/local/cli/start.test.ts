// `platina start` from the command line: the URL printed, the demo workbook
// created in the working folder, Ctrl-C ends it; a port in use is one line;
// requests during startup are answered 503 at once, and the URL is printed only when ready.
// Real processes where the process matters (Ctrl-C, the URL printed only once served,
// a second workbench in another process); the rest in-process.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPlatina } from "../../../src/local/cli/program";
import { PROCESS_FLAGS } from "../../support/node-flags";
import { BIN } from "../../support/platina-cli";
import { tempDir } from "../../support/runtime";

/** A fetch that must be answered: a refused connection (not listening yet) is null, a silent server fails after 5 s. */
async function answer(url: string, headers: Record<string, string> = {}): Promise<Response | null> {
  try {
    return await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED") return null;
    throw error;
  }
}

function listening(): Promise<{ server: Server; port: number }> {
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => done({ server, port: (server.address() as { port: number }).port }));
  });
}

/**
 * `platina start` as a process on a free port in a new folder (or `dir`): its output so far, its exit,
 * its URL. The built `platina` command (bin/platina.js), which `npm start` runs after the build.
 */
async function startPlatina(extra: string[] = [], dir = tempDir()) {
  const free = await listening();
  await new Promise((done) => free.server.close(done));
  const child = spawn(process.execPath, [...PROCESS_FLAGS, BIN, "start", "--port", String(free.port), ...extra], { cwd: dir });
  let text = "";
  child.stdout.on("data", (chunk) => (text += chunk));
  child.stderr.on("data", (chunk) => (text += chunk));
  const exited = new Promise<number | null>((done) => child.on("exit", done));
  return { dir, child, output: () => text, exited, url: `http://127.0.0.1:${free.port}/` };
}

/** `platina start` in-process in `dir`: its output so far, its exit code, and a stop() standing in for Ctrl-C. */
function startInProcess(args: string[], dir = tempDir()) {
  let text = "";
  let stop!: () => void;
  const stopped = new Promise<void>((done) => (stop = done));
  const write = (chunk: string) => void (text += chunk);
  const exited = runPlatina(["start", ...args], { cwd: dir, env: {}, stdout: write, stderr: write, stopRequested: () => stopped });
  return { dir, output: () => text, exited, stop };
}

describe("platina start", { timeout: 90_000 }, () => {
  it("fails with one Japanese line when the port is in use", async () => {
    const { server, port } = await listening();
    try {
      const start = startInProcess(["--port", String(port)]);
      expect(await start.exited).toBe(1);
      expect(start.output().trim().split("\n")).toEqual([
        `platina: ポート ${port} は使用中です。ワークベンチがすでに動いているなら http://127.0.0.1:${port}/ を開いてください。` +
          `別のポートで起動するには npm start -- --port ${port + 1} を実行してください（platina コマンドなら platina start --port ${port + 1}）。`,
      ]);
      expect(existsSync(join(start.dir, "platina-demo.xlsx"))).toBe(false);
    } finally {
      server.close();
    }
  });

  it("prints the URL, serves the page from the demo workbook it creates, and stops on Ctrl-C (as npm start runs it)", async () => {
    const { dir, child, output, exited, url } = await startPlatina();
    await expect.poll(() => output(), { timeout: 60_000, interval: 100 }).toContain(url);
    expect(output()).toContain("Ctrl-C");
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("ログイン中のユーザー");
    expect(existsSync(join(dir, "platina-demo.xlsx"))).toBe(true);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("creates the demo in a workbook named with --workbook that does not exist yet, as it does the default one", async () => {
    const { dir, output, exited, stop } = startInProcess(["--workbook", "new.xlsx", "--port", "0"]);
    await expect.poll(() => output(), { timeout: 60_000, interval: 100 }).toContain("http://127.0.0.1:");
    expect(output()).toContain("ブック「new.xlsx」がなかったため、デモ用のブックを作成しました。");
    expect(existsSync(join(dir, "new.xlsx"))).toBe(true);
    expect(existsSync(join(dir, "platina-demo.xlsx"))).toBe(false);
    stop();
    expect(await exited).toBe(0);
  });

  it("a second workbench on the same workbook says at once which workbench has it, and leaves the first one running", async () => {
    const first = await startPlatina();
    try {
      await expect.poll(() => first.output(), { timeout: 60_000, interval: 100 }).toContain(first.url);
      const second = startInProcess(["--port", "0"], first.dir);
      expect(await second.exited).toBe(1);
      // Not after LockService's 30 s wait: nothing was waited for.
      expect(second.output()).toContain(`platina: ブック「platina-demo.xlsx」は別の platina（プロセス ${first.child.pid}、ワークベンチ ${first.url}）が使用中です。`);
      expect(second.output()).not.toContain("秒待ちましたが");
      expect((await fetch(first.url)).status).toBe(200);
    } finally {
      first.child.kill("SIGINT");
    }
    expect(await first.exited).toBe(0);
  });

  it("answers 503 with Retry-After while starting, and prints the URL only once the page is served", async () => {
    const { child, output, exited, url } = await startPlatina();
    try {
      let first: Response | null = null;
      while (!first) {
        first = await answer(`${url}api/session`);
        if (!first) await new Promise((done) => setTimeout(done, 20));
      }
      expect(first.status).toBe(503);
      expect(first.headers.get("retry-after")).toBe("1");
      expect((await first.json()).error).toContain("準備しています");
      const browser = await answer(url, { accept: "text/html,application/xhtml+xml" });
      expect(browser?.status).toBe(503);
      expect(browser?.headers.get("retry-after")).toBe("1");
      const page = await browser?.text();
      expect(page).toContain("準備中");
      expect(page).toContain('http-equiv="refresh"');
      expect(output()).not.toContain(url);

      // Asked again and again: once the URL is out, the page is served.
      const seen: { printed: boolean; status: number }[] = [];
      const deadline = Date.now() + 60_000;
      while (!seen.some((s) => s.printed) && Date.now() < deadline) {
        const printed = output().includes(url);
        const reply = await answer(url, { accept: "text/html" });
        seen.push({ printed, status: reply?.status ?? 0 });
        if (printed) expect(await reply?.text()).toContain("ログイン中のユーザー");
        else await new Promise((done) => setTimeout(done, 50));
      }
      expect(seen.filter((s) => s.printed).map((s) => s.status)).toEqual([200]);
      expect(seen.filter((s) => !s.printed).every((s) => s.status === 503 || s.status === 200)).toBe(true);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
  });
});
