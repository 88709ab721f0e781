// The workbench signs in people, never a section's shared address (nobody signs in as
// one in Google Workspace): at start, and at /as/<address>/exec, which opens a mail's
// link in a tab of its own — there the workbench names the section's people instead.
// A person signed in is in the city's Workspace domain, so their grid edits are recorded by name.
import { afterEach, describe, expect, it } from "vitest";
import { ISSUES } from "../../src/core/contracts/issues";
import type { RowsWindow } from "../../src/local/workbench/protocol/api-types";
import { startTestWorkbench, until, type TestWorkbench } from "./harness";

let workbench: TestWorkbench | undefined;
afterEach(async () => {
  await workbench?.close();
  workbench = undefined;
});

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
    workbench = await startTestWorkbench({ user: "taro.jinji@city.example" });
    const rows = async (sheet: string) =>
      ((await (await fetch(`${workbench!.url}api/rows?sheet=${encodeURIComponent(sheet)}&from=0&count=500`)).json()) as RowsWindow).rows
        .map((row) => row.map((c) => c?.v ?? ""));
    const memo = ISSUES.headers.indexOf("進捗メモ");
    const edit = await fetch(`${workbench.url}api/edit`, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sheet: "課題", row: 1, column: memo, values: [["グリッドで直接入力"]] }),
    });
    expect(await edit.json()).toMatchObject({ ok: true });
    await until(async () => (await rows("履歴")).find((r) => r.includes("グリッドで直接入力")) ?? []).toEqual(
      expect.arrayContaining(["taro.jinji@city.example", "シート直接編集"]),
    );
    const issue = (await rows("課題"))[1];
    expect(issue[memo]).toBe("グリッドで直接入力");
    expect(issue[ISSUES.headers.indexOf("最終更新者")]).toBe("taro.jinji@city.example");
  });
});
