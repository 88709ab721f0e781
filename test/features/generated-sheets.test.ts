// The sheets the mailings make for themselves — 送信記録, 回答記録, 回答状況_* — look
// like the sheets 初期設定 makes (header row shaded, bold and frozen; readable column
// widths), and making one never moves the person at the spreadsheet to it.
import { describe, expect, it } from "vitest";
import type { ActiveSelection } from "../../src/local/services/spreadsheet/context";
import { answeringUi, fireDueTriggers, formFields, linkIn, openForm, outbox, submitForm, deployWebApp } from "../support/follow-up";
import { SECRETARIAT } from "../support/issues";
import { testRuntime } from "../support/runtime";

const HEADER = { background: "#e8eef7", bold: true };

/** Style of a header cell, the frozen rows and the widths of the first `columns` columns. */
function looks(runtime: ReturnType<typeof testRuntime>["runtime"], name: string, columns: number, headerRows: number[] = [0]) {
  const sheet = runtime.model.getSheetByName(name)!;
  expect(sheet, name).toBeTruthy();
  return {
    headers: headerRows.map((row) => {
      const { background, bold } = sheet.getStyle(row, 0);
      return { background, bold };
    }),
    frozen: sheet.getFrozenRows(),
    widths: Array.from({ length: columns }, (_, i) => sheet.getColumnWidth(i) ?? 100),
  };
}

describe("sheets a mailing makes", () => {
  it("are styled and sized when made, and the person stays on the cell they were on", async () => {
    const { runtime, clock, dir } = testRuntime({ now: "2026-12-01T09:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    const here: ActiveSelection = { sheet: "課題", range: { row: 4, column: 2, numRows: 1, numColumns: 1 }, current: { row: 4, column: 2 } };
    const { ui } = answeringUi("YES");
    const sent = runtime.run("sendFollowUpNow", [], { user: SECRETARIAT, ui, selection: here });
    expect(sent.ok, sent.error?.message).toBe(true);
    // Not left on 送信記録, which the send created.
    expect(sent.selection ?? here).toEqual(here);
    expect(looks(runtime, "送信記録", 7)).toEqual({ headers: [HEADER], frozen: 1, widths: [150, 110, 230, 60, 70, 70, 420] });

    const mail = (await outbox(`${dir}/outbox`))[0];
    const form = openForm(runtime, linkIn(mail.text));
    const ids = [...form.matchAll(/name="answer:([^"]+)" value="変更なし"/g)].map((m) => m[1]);
    expect(submitForm(runtime, formFields(form, Object.fromEntries(ids.map((id) => [id, { answer: "変更なし" }]))))).toContain("記録しました");
    // Who answered for which address, then the kept fields (実施時期, 進捗メモ) as wide as their 課題 columns.
    expect(looks(runtime, "回答記録", 9)).toEqual({ headers: [HEADER], frozen: 1, widths: [150, 110, 230, 210, 90, 170, 120, 160, 320] });

    fireDueTriggers(runtime, clock, "2026-12-12T09:00:00+09:00");
    const digest = runtime.readRange("回答状況_2026-12!A1:E200");
    const changesHeader = digest.findIndex((r) => r[0] === "日時");
    expect(changesHeader).toBeGreaterThan(1);
    expect(looks(runtime, "回答状況_2026-12", 5, [0, changesHeader])).toEqual({ headers: [HEADER, HEADER], frozen: 1, widths: [150, 200, 300, 200, 320] });
  });
});
