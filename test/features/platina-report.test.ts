// プラチナレポート from the demo workbook in the local runtime: the CLI result and the menu's dialog.
import { describe, expect, it } from "vitest";
import { SECRETARIAT, sheetRecords } from "../support/issues";
import { testRuntime } from "../support/runtime";

interface PlatinaReport {
  year: string;
  fileName: string;
  html: string;
}

function dialogUi() {
  const dialogs: { html: string; title: string; width: number; height: number }[] = [];
  return {
    dialogs,
    alert: () => "OK" as const,
    prompt: () => ({ button: "OK" as const, text: "" }),
    showSidebar: () => undefined,
    toast: () => undefined,
    addMenu: () => undefined,
    showDialog: (html: string, title: string, width: number, height: number) => void dialogs.push({ html, title, width, height }),
  };
}

describe("createPlatinaReport", () => {
  it("returns the year's page and its file name, with every 好事例 and the 局区 count table", () => {
    const { runtime } = testRuntime({ now: "2026-05-26T10:00:00+09:00", setUp: true });
    const execution = runtime.run("createPlatinaReport", [{ year: "R7" }], { user: SECRETARIAT });
    expect(execution.ok, execution.error?.message).toBe(true);
    const report = execution.result as PlatinaReport;
    expect(report.year).toBe("R7");
    expect(report.fileName).toBe("platina-report-R7.html");
    const good = sheetRecords(runtime, "局区改革").filter((r) => r.好事例 === true);
    expect(good.length).toBeGreaterThan(5);
    for (const reform of good) expect(report.html).toContain(`<h4>${reform.取組名}</h4>`);
    expect(report.html).toContain('<tfoot><tr><th scope="row">合計</th><td>130件</td></tr></tfoot>');
    // 差出人名 from 設定 (default 市政変革推進室) and the day it was made.
    expect(report.html).toContain("発行: 市政変革推進室（令和8年5月26日）");
  });

  it("defaults to the latest year of 局区改革, and explains an unreadable year", () => {
    const { runtime } = testRuntime({ setUp: true });
    expect((runtime.run("createPlatinaReport", [], { user: SECRETARIAT }).result as PlatinaReport).year).toBe("R7");
    const bad = runtime.run("createPlatinaReport", [{ year: "らいねん" }], { user: SECRETARIAT });
    expect(bad.ok).toBe(false);
    expect(bad.error?.message).toContain("年度「らいねん」を解釈できません。「R7」のように指定してください。");
  });

  it("from the menu opens a dialog with the preview source, a download link and the year choice", () => {
    const { runtime } = testRuntime({ setUp: true });
    const ui = dialogUi();
    const execution = runtime.run("createPlatinaReport", [], { user: SECRETARIAT, ui });
    const report = execution.result as PlatinaReport;
    expect(report.fileName).toBe("platina-report-R7.html");
    const [dialog] = ui.dialogs;
    expect(dialog.title).toBe("プラチナレポートを作成");
    expect(dialog.html).toContain('download="platina-report-R7.html"');
    expect(dialog.html).toContain('<option value="R7" selected>R7</option>');
    expect(dialog.html).toContain('<iframe id="preview" title="プラチナレポートのプレビュー" sandbox="">');
    // The page travels escaped inside a textarea, never as live markup of the dialog.
    const source = /<textarea id="source" hidden readonly>([\s\S]*?)<\/textarea>/.exec(dialog.html)![1];
    expect(source.startsWith("&lt;!DOCTYPE html&gt;") || source.startsWith("&#60;!DOCTYPE html&#62;")).toBe(true);
    expect(source).not.toContain("<h1");
  });
});
