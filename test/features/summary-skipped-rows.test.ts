// One unreadable cell on 課題 or 局区改革 never turns a 集計 table into #ERROR!: the
// custom functions leave the row out, and the note under each table says how many
// rows were left out, where, and what to do.
import { beforeEach, describe, expect, it } from "vitest";
import type { Runtime } from "../../src/local/runtime/runtime";
import { issueRows, sheetRecords } from "../support/issues";
import { testRuntime } from "../support/runtime";

let runtime: Runtime;

beforeEach(() => {
  ({ runtime } = testRuntime({ setUp: true }));
});

/** Writes `value` under `header` in the sheet's `row` (1-based, header = 1). */
function put(sheetName: string, header: string, row: number, value: string): void {
  const sheet = runtime.model.getSheetByName(sheetName)!;
  const column = (runtime.readRange(`${sheetName}!A1:Z1`)[0] as unknown[]).indexOf(header);
  sheet.setCells(row - 1, column, [[{ kind: "value", value }]]);
}

const cell = (a1: string) => runtime.readRange(`集計!${a1}`)[0][0];
const column = (a1: string) => runtime.readRange(`集計!${a1}`).map((r) => r[0]);

describe("集計 with a 年度 nobody can read", () => {
  it("keeps every table, counts the row nowhere, and says under each table which row it left out", () => {
    const focus = String(cell("B2"));
    // An R7 row with a 整理区分 of ⑦: counted in the status table and in R7's 整理区分 table.
    const index = issueRows(runtime).findIndex((r) => r.年度 === focus && r.整理区分 === "⑦");
    const row = index + 2;
    const directionTotal = cell("D22") as number;
    const statusTotal = runtime.readRange("集計!A4:E9").find((r) => r[0] === "計")!.at(-2) as number;
    expect([cell("A10"), cell("A23"), cell("A57")]).toEqual(["", "", ""]);

    put("課題", "年度", row, "らいねん");

    const note = `読み取れない行が1行あります（課題 ${row}行目 年度「らいねん」）。表には数えていません。セルを直すと数えます（メニュー「データ点検」で一覧できます）。`;
    expect(column("A14:A22")).toEqual(["整理区分", "①", "②", "③", "④", "⑤", "⑥", "⑦", "計"]);
    expect(cell("D22")).toBe(directionTotal - 1);
    expect(cell("A23")).toBe(note);
    expect(runtime.readRange("集計!A4:E9").find((r) => r[0] === "計")!.at(-2)).toBe(statusTotal - 1);
    expect(cell("A10")).toBe(note);
    // The follow-up count does not need a 年度: the row is still counted there.
    expect(cell("B11")).toBe(issueRows(runtime).filter((r) => (r.整理区分 === "継続" || r.整理区分 === "⑦") && r.進捗分類 !== "完了").length);

    put("課題", "年度", row, focus);
    expect([cell("A10"), cell("A23"), cell("D22")]).toEqual(["", "", directionTotal]);
  });

  it("names each of several rows, up to three, and a blank 局区名 under the 局区 table", () => {
    const rows = issueRows(runtime).map((r, i) => ({ r, row: i + 2 })).filter(({ r }) => /^[①-⑦]$/.test(String(r.整理区分))).slice(0, 4);
    put("課題", "年度", rows[0].row, "");
    put("課題", "区分", rows[1].row, "管理職");
    put("課題", "年度", rows[2].row, "来年");
    put("課題", "年度", rows[3].row, "いつか");
    expect(cell("A23")).toBe(
      `読み取れない行が4行あります（課題 ${rows[0].row}行目 年度が空欄、課題 ${rows[1].row}行目 区分「管理職」、課題 ${rows[2].row}行目 年度「来年」 ほか1行）。` +
        "表には数えていません。セルを直すと数えます（メニュー「データ点検」で一覧できます）。",
    );
    expect(cell("A14")).toBe("整理区分");

    const reform = sheetRecords(runtime, "局区改革").findIndex((r) => r.年度 === cell("B2")) + 2;
    put("局区改革", "局区名", reform, "");
    expect(cell("A25")).toBe("局区名");
    expect(cell("A57")).toBe(`読み取れない行が1行あります（局区改革 ${reform}行目 局区名が空欄）。表には数えていません。セルを直すと数えます（メニュー「データ点検」で一覧できます）。`);
  });
});
