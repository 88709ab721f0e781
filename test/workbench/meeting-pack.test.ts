// X会議資料を作成 in the workbench, without a browser: the menu opens the printable
// page as a dialog surface; its button's call (google.script.run) makes the file,
// and the link it gets downloads an .xlsx that reopens in the runtime with the seed's numbers.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openWorkbook } from "../../src/local/runtime/open";
import { BUILD_DIR } from "../support/gas-bundle";
import { SECRETARIAT } from "../support/issues";
import { SEED_STATUS } from "../support/seed";
import { startTestWorkbench, type TestWorkbench } from "./harness";

let workbench: TestWorkbench | null = null;
afterEach(async () => {
  await workbench?.close();
  workbench = null;
});

/** The workbench's event stream, collected as text until `until` finds what it waits for. */
async function events(url: string, abort: AbortController) {
  const response = await fetch(new URL("/api/events", url), { signal: abort.signal });
  const reader = response.body!.getReader();
  let text = "";
  const decoder = new TextDecoder();
  return {
    async until<T>(find: (text: string) => T | null): Promise<T> {
      for (;;) {
        const found = find(text);
        if (found !== null) return found;
        const { value, done } = await reader.read();
        if (done) throw new Error("イベントの送信が終わりました。");
        text += decoder.decode(value, { stream: true });
      }
    },
  };
}

describe("X会議資料を作成 in the workbench", () => {
  it("opens the page from the menu, and its button's file downloads as an .xlsx with the pack's numbers", async () => {
    workbench = await startTestWorkbench({ user: SECRETARIAT });
    const abort = new AbortController();
    const stream = await events(workbench.url, abort);
    const post = (base: string, path: string, body: unknown) =>
      fetch(new URL(path, base), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());
    const menu = await post(workbench.url, "/api/menu", { entry: "createMeetingPack" });
    expect(menu.ok).toBe(true);
    const surface = await stream.until((text) => /"kind":"dialog"[^\n]*"surface":"(\w+)"|"surface":"(\w+)"[^\n]*"kind":"dialog"/.exec(text)?.slice(1).find(Boolean) ?? null);
    abort.abort();
    const session = await fetch(new URL("/api/session", workbench.url)).then((r) => r.json());
    const page = await fetch(new URL(`/surface/${surface}`, session.surfaceOrigin)).then((r) => r.text());
    expect(page).toContain("@page { size: A4 landscape;");
    expect(page).toContain("<h1>プラチナ市役所プロジェクト 第3回X会議 資料</h1>");
    expect(page).toContain('data-meeting="2026-11-25"');

    const reply = await post(session.surfaceOrigin, "/api/run", { surface, name: "createMeetingPack", args: [{ meeting: "2026-11-25", file: true }] });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    const file = reply.value.file as { name: string; url: string };
    expect(file.url).toBe(new URL(`/files/${encodeURIComponent("X会議資料_2026-11-25.xlsx")}`, workbench.url).href);
    const download = await fetch(file.url);
    expect(download.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(download.headers.get("content-disposition")).toContain("attachment;");
    const path = join(workbench.dir, "downloaded.xlsx");
    writeFileSync(path, Buffer.from(await download.arrayBuffer()));
    const reopened = await openWorkbook({ workbook: path, bundleDir: BUILD_DIR, readOnly: true });
    try {
      const cells = reopened.runtime.readRange("'X会議資料'!A1:D200");
      const at = cells.findIndex((row) => row[0] === "年度別の進捗分類（件）");
      expect(cells.slice(at + 2, at + 6)).toEqual(SEED_STATUS.slice(1));
    } finally {
      reopened.close();
    }
    expect((await fetch(new URL("/files/..%2Fplatina-demo.xlsx", workbench.url))).status).toBe(404);
  }, 60_000);
});
