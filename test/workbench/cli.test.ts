// `platina start` from the command line: the URL printed, the demo workbook
// created in the working folder, Ctrl-C ends it; a port in use is one line.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../support/runtime";

const root = join(import.meta.dirname, "..", "..");
const TSX = join(root, "node_modules", ".bin", "tsx");
const MAIN = join(root, "src", "local", "cli", "main.ts");

function listening(): Promise<{ server: Server; port: number }> {
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => done({ server, port: (server.address() as { port: number }).port }));
  });
}

describe("platina start", { timeout: 90_000 }, () => {
  it("fails with one Japanese line when the port is in use", async () => {
    const { server, port } = await listening();
    try {
      const dir = tempDir();
      const result = spawnSync(TSX, [MAIN, "start", "--port", String(port)], { cwd: dir, encoding: "utf8" });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split("\n")).toEqual([`platina: ポート ${port} は使用中です。--port で別のポート番号を指定してください。`]);
      expect(existsSync(join(dir, "platina-demo.xlsx"))).toBe(false);
    } finally {
      server.close();
    }
  });

  it("prints the URL, serves the page from the demo workbook it creates, and stops on Ctrl-C", async () => {
    const free = await listening();
    await new Promise((done) => free.server.close(done));
    const dir = tempDir();
    const child = spawn(TSX, [MAIN, "start", "--port", String(free.port)], { cwd: dir });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((done) => child.on("exit", done));
    const url = `http://127.0.0.1:${free.port}/`;
    await expect.poll(() => output, { timeout: 60_000, interval: 100 }).toContain(url);
    expect(output).toContain("Ctrl-C");
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("ログイン中のユーザー");
    expect(existsSync(join(dir, "platina-demo.xlsx"))).toBe(true);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});
