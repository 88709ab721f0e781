// The workbench signs in people, never a section's shared address (nobody signs in as
// one in Google Workspace): at start, and at /as/<address>/exec, which opens a mail's
// link in a tab of its own — there the workbench names the section's people instead.
// A person signed in is in the city's Workspace domain, so their grid edits are recorded by name.
import { afterEach, describe, expect, it } from "vitest";
import { ISSUES } from "../../../src/core/contracts/issues";
import type { RowsWindow } from "../../../src/local/workbench/protocol/api-types";
import { join } from "node:path";
import { startWorkbench, type Workbench } from "../../../src/local/workbench/server";
import { BUILD_DIR } from "../../support/gas-bundle";
import { tempDir } from "../../support/runtime";
import { START, startTestWorkbench, until, type TestWorkbench } from "./harness";

let workbench: TestWorkbench | Workbench | undefined;
afterEach(async () => {
  await workbench?.close();
  workbench = undefined;
});

/** The rows of a sheet as the page shows them (display text). */
async function rows(bench: Workbench, sheet: string): Promise<string[][]> {
  const window = (await (await fetch(`${bench.url}api/rows?sheet=${encodeURIComponent(sheet)}&from=0&count=500`)).json()) as RowsWindow;
  return window.rows.map((row) => row.map((c) => c?.v ?? ""));
}

/** Types `text` into 課題's first 進捗メモ through the grid's edit API, as the signed-in user. */
async function typeMemo(bench: Workbench, text: string): Promise<void> {
  const edit = await fetch(`${bench.url}api/edit`, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ sheet: "課題", row: 1, column: ISSUES.headers.indexOf("進捗メモ"), values: [[text]] }),
  });
  expect(await edit.json()).toMatchObject({ ok: true });
}

describe("signing in to the workbench", { timeout: 60_000 }, () => {
  it("refuses to start signed in as a shared address, naming the people who act for it", async () => {
    await expect(startTestWorkbench({ user: "jinji-ka@city.example" })).rejects.toThrow(
      "「jinji-ka@city.example」は総務市民局 人事課の共有アドレスです。Google Workspace では共有アドレスでログインする人はいないため、ワークベンチでも選べません。" +
        "担当者シートでこのアドレスを担当している 山田 太郎（担当）、佐藤 花子（代理） のだれかを選んでください。",
    );
  });

  it("refuses /as/<shared address>/exec before the web app runs, offering the section's people with the same link", async () => {
    workbench = await startTestWorkbench();
    const response = await fetch(`${workbench.url}as/jinji-ka%40city.example/exec?t=abc.def`);
    expect(response.status).toBe(403);
    const page = await response.text();
    expect(page).toContain("「jinji-ka@city.example」は総務市民局 人事課の共有アドレスです。");
    expect(page).toContain('<a href="/as/taro.jinji%40city.example/exec?t=abc.def">山田 太郎（担当） として開く</a>');
    expect(page).toContain('<a href="/as/hanako.jinji%40city.example/exec?t=abc.def">佐藤 花子（代理） として開く</a>');
    // The deputy whose period ended is not offered.
    expect(page).not.toContain("ichiro.jinji");
    const executions = (await (await fetch(`${workbench.url}api/executions`)).json()) as { entryPoint: string }[];
    expect(executions.map((e) => e.entryPoint)).not.toContain("doGet");
  });

  it("records a grid edit by a person of the domain by name in 履歴 and 最終更新者 (the installable edit trigger is told who)", async () => {
    const bench = (workbench = await startTestWorkbench({ user: "taro.jinji@city.example" }));
    await typeMemo(bench, "グリッドで直接入力");
    await until(async () => (await rows(bench, "履歴")).find((r) => r.includes("グリッドで直接入力")) ?? []).toEqual(
      expect.arrayContaining(["taro.jinji@city.example", "シート直接編集"]),
    );
    const issue = (await rows(bench, "課題"))[1];
    expect(issue[ISSUES.headers.indexOf("進捗メモ")]).toBe("グリッドで直接入力");
    expect(issue[ISSUES.headers.indexOf("最終更新者")]).toBe("taro.jinji@city.example");
  });

  it("names nobody under the strictest reading (workspace.strictUsers): the same edit is recorded as 不明", async () => {
    const workbook = join(tempDir("platina-strict-"), "platina-demo.xlsx");
    // The demo is made (初期設定 needs to know the secretariat) before the strict workbench opens it.
    const made = await startWorkbench({ workbook, bundleDir: BUILD_DIR, port: 0, createDemoIfMissing: true, clockStart: START });
    await made.close();
    const bench = (workbench = await startWorkbench({
      workbook, bundleDir: BUILD_DIR, port: 0, clockStart: START, user: "taro.jinji@city.example", workspace: { domain: "city.example", strictUsers: true },
    }));
    await typeMemo(bench, "厳格な読みで直接入力");
    await until(async () => (await rows(bench, "履歴")).find((r) => r.includes("厳格な読みで直接入力")) ?? []).toEqual(
      expect.arrayContaining(["不明", "シート直接編集"]),
    );
    expect((await rows(bench, "課題"))[1][ISSUES.headers.indexOf("最終更新者")]).toBe("不明");
  });
});
