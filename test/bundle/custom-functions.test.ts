// The built bundle's custom functions, called as Sheets calls them, on the demo
// data: they must reproduce the tables of the city's report.
import { beforeEach, describe, expect, it } from "vitest";
import { demoWorkbook } from "../../src/demo";
import { loadBundle } from "../support/gas-bundle";
import { SEED_BUREAUS_R7, SEED_BUREAU_TOTAL, SEED_DIRECTION_R7, SEED_FOLLOW_UP, SEED_STATUS } from "../support/seed";

let addon: Record<string, any>;
let data: ReturnType<typeof demoWorkbook>;

beforeEach(() => {
  addon = loadBundle();
  data = demoWorkbook();
});

describe("the seed report's tables from the demo data", () => {
  it("PLATINA_STATUS_TABLE: R6 21/8/4, R7 22/3/19, 計 43/11/23", () => {
    expect(addon.PLATINA_STATUS_TABLE(data.課題)).toEqual(SEED_STATUS);
  });

  it("PLATINA_FOLLOWUP_COUNT: 34 issues still followed up", () => {
    expect(addon.PLATINA_FOLLOWUP_COUNT(data.課題)).toBe(SEED_FOLLOW_UP);
  });

  it("PLATINA_DIRECTION_TABLE for R7: ① 0/0/0 … ⑦ 25/19/44, 計 40/35/75", () => {
    expect(addon.PLATINA_DIRECTION_TABLE(data.課題, "R7")).toEqual(SEED_DIRECTION_R7);
  });

  it("PLATINA_BUREAU_TABLE for R7: the 29 局区 in the seed's order, 合計 130", () => {
    expect(addon.PLATINA_BUREAU_TABLE(data.局区改革, data.局区, "R7")).toEqual([["局区名", "取組件数"], ...SEED_BUREAUS_R7, ["合計", SEED_BUREAU_TOTAL]]);
  });
});

describe("custom functions as Sheets calls them", () => {
  it("accept the sheet with columns reordered and extra columns", () => {
    const [header, ...rows] = data.課題;
    const order = header.map((_, i) => i).reverse();
    const shuffled = [[...order.map((i) => header[i]), "備考"], ...rows.map((r) => [...order.map((i) => r[i]), "メモ"])];
    expect(addon.PLATINA_STATUS_TABLE(shuffled)).toEqual(addon.PLATINA_STATUS_TABLE(data.課題));
  });

  it("skip trailing blank rows of a whole-column range", () => {
    const width = data.課題[0].length;
    const withBlanks = [...data.課題, ...Array.from({ length: 500 }, () => Array(width).fill(""))];
    expect(addon.PLATINA_FOLLOWUP_COUNT(withBlanks)).toBe(34);
  });

  it("take the years argument as a cell or a row of cells", () => {
    expect(addon.PLATINA_STATUS_TABLE(data.課題, "令和7年度")[0]).toEqual(["", "R7", "計"]);
    expect(addon.PLATINA_STATUS_TABLE(data.課題, [["R7", "R6"]])[4]).toEqual(["計", 44, 33, 77]);
  });

  it("PLATINA_OVERDUE_COUNT counts as of its 基準日 argument, and an unreadable 実施時期 never fails it", () => {
    const tokyo = (iso: string) => new Date(`${iso}T00:00:00+09:00`);
    const rows = data.課題.map((r) => [...r]);
    const [id, timing] = [rows[0].indexOf("ID"), rows[0].indexOf("実施時期")];
    const row = (issueId: string) => rows.find((r) => r[id] === issueId)!;
    // R6-023 「R8年4月施行実施」 and R7-055 「R8年4月一部実施」 are the two that end in April 2026.
    expect(addon.PLATINA_OVERDUE_COUNT(rows, tokyo("2026-05-01")) - addon.PLATINA_OVERDUE_COUNT(rows, tokyo("2026-04-30"))).toBe(2);
    const before = addon.PLATINA_OVERDUE_COUNT(rows, "2026/5/26");
    row("R6-023")[timing] = "来春";
    row("R6-031")[timing] = "=A1はいつか";
    expect(addon.PLATINA_OVERDUE_COUNT(rows, "2026/5/26")).toBe(before - 1);
    expect(() => addon.PLATINA_OVERDUE_COUNT(rows, "")).toThrow("基準日が空です");
  });

  it("PLATINA_FISCAL_YEAR and PLATINA_WAREKI read dates in Tokyo time", () => {
    const tokyo = (iso: string) => new Date(`${iso}T00:00:00+09:00`);
    expect(addon.PLATINA_FISCAL_YEAR(tokyo("2026-05-26"))).toBe("R8");
    expect(addon.PLATINA_FISCAL_YEAR(tokyo("2026-04-01"))).toBe("R8");
    expect(addon.PLATINA_FISCAL_YEAR(tokyo("2026-03-31"))).toBe("R7");
    expect(addon.PLATINA_WAREKI(tokyo("2026-05-26"))).toBe("令和8年5月26日");
    expect(addon.PLATINA_WAREKI(tokyo("2019-05-01"))).toBe("令和元年5月1日");
    expect(addon.PLATINA_WAREKI(tokyo("2019-04-30"))).toBe("平成31年4月30日");
  });

  it("leave out a row they cannot read and name it through PLATINA_SKIPPED_ROWS, leaving the data untouched", () => {
    const rows = data.課題.map((r) => [...r]);
    const progressColumn = rows[0].indexOf("進捗分類");
    const directionColumn = rows[0].indexOf("整理区分");
    const tracked = rows.findIndex((r, i) => i > 0 && r[directionColumn] === "継続");
    rows[tracked][progressColumn] = "済み";
    const before = JSON.stringify(rows);
    const total = (table: unknown[][]) => table.at(-1)!.at(-1);
    expect(total(addon.PLATINA_STATUS_TABLE(rows))).toBe((total(SEED_STATUS) as number) - 1);
    expect(addon.PLATINA_SKIPPED_ROWS("PLATINA_STATUS_TABLE", rows)).toBe(
      `読み取れない行が1行あります（課題 ${tracked + 1}行目 進捗分類「済み」）。表には数えていません。セルを直すと数えます（メニュー「データ点検」で一覧できます）。`,
    );
    expect(addon.PLATINA_SKIPPED_ROWS("PLATINA_STATUS_TABLE", data.課題)).toBe("");
    expect(JSON.stringify(rows)).toBe(before);
    // What the formula itself gets wrong is still an error: an unknown table, a missing header.
    expect(() => addon.PLATINA_SKIPPED_ROWS("PLATINA_X", rows)).toThrow("表の名前「PLATINA_X」が正しくありません");
    expect(() => addon.PLATINA_WAREKI("いつか")).toThrow("日付「いつか」を解釈できません");
    expect(() => addon.PLATINA_BUREAU_TABLE([["取組名"], ["x"]])).toThrow("見出し「局区名」が見つかりません");
  });
});
