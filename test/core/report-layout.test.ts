// The report document as sheet cells: one rectangle, the seed's folded 局区 table, the chart or its note.
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../src/core/report-document";
import { reportHtml } from "../../src/core/report-html";
import { sheetLayout, textWidth } from "../../src/core/report-layout";

const doc: ReportDocument = {
  title: "プラチナ市役所プロジェクト 進捗報告",
  subtitle: "令和8年5月26日時点",
  notes: ["作成: 令和8年11月25日 9:00"],
  sections: [
    {
      heading: "1 継続検討課題の状況",
      blocks: [
        { table: { caption: "年度別の進捗分類（件）", header: ["進捗分類", "R6", "R7", "計"], rows: [["完了", 21, 22, 43], ["実施中", 8, 3, 11], ["検討中", 4, 19, 23], ["計", 33, 44, 77]], chart: "年度別の進捗分類" } },
        { text: "進捗確認課題数（完了していないもの）: 34件" },
      ],
    },
    {
      heading: "2 各局区の自主改革の取組状況",
      blocks: [{ table: { caption: "局区別の取組件数", header: ["局区名", "取組件数"], rows: [["会計室", 3], ["市長公室", 1], ["議会事務局", "—"], ["合計", 4]], fold: 3 } }],
    },
  ],
};

describe("sheetLayout", () => {
  it("is one rectangle with matching styles, titled sections and bold totals", () => {
    const layout = sheetLayout(doc, { charts: false });
    const width = layout.values[0].length;
    expect(width).toBe(6);
    for (const grid of [layout.values, layout.fontWeights, layout.backgrounds]) {
      expect(grid).toHaveLength(layout.values.length);
      expect(grid.every((row) => row.length === width)).toBe(true);
    }
    const at = (text: string) => layout.values.findIndex((row) => row[0] === text);
    expect(layout.fontWeights[at("1 継続検討課題の状況")][0]).toBe("bold");
    expect(layout.backgrounds[at("1 継続検討課題の状況")][5]).toBe("#d9e2f3");
    expect(layout.backgrounds[at("進捗分類")].slice(0, 5)).toEqual(["#e8eef7", "#e8eef7", "#e8eef7", "#e8eef7", null]);
    expect(layout.fontWeights[at("計")][0]).toBe("bold");
    expect(layout.fontWeights[at("完了")][0]).toBe("normal");
  });

  it("frames each table, wraps only table cells and sizes each column to its widest table cell", () => {
    const layout = sheetLayout(doc, { charts: false });
    const at = (text: string) => layout.values.findIndex((row) => row[0] === text) + 1;
    expect(layout.tables).toEqual([
      { row: at("進捗分類"), column: 1, numRows: 5, numColumns: 4 },
      { row: at("局区名"), column: 1, numRows: 3, numColumns: 6 },
    ]);
    expect(layout.wraps[at("完了") - 1].slice(0, 5)).toEqual([true, true, true, true, false]);
    // Headings and notes run on into the empty cells to their right instead of wrapping in column A.
    expect(layout.wraps[at("1 継続検討課題の状況") - 1][0]).toBe(false);
    expect(layout.wraps[at("進捗確認課題数（完了していないもの）: 34件") - 1][0]).toBe(false);
    expect(layout.columnWidths).toHaveLength(6);
    // Column A fits its widest table cell 「市長公室」 or the bold header 「進捗分類」, not the long heading above them.
    expect(layout.columnWidths[0]).toBeGreaterThanOrEqual(textWidth("進捗分類", true));
    expect(layout.columnWidths[0]).toBeLessThan(textWidth("1 継続検討課題の状況", true));
  });

  it("gives a long 課題名 a wide column of its own, 実施時期 the next one, and caps the width so the rest wraps", () => {
    const title = "身体障害者の医療費助成申請手続き(自立支援医療(更生医療))や児童扶養手当の行政手続きのオンライン化を検討する";
    const issues: ReportDocument = { ...doc, sections: [{ heading: "課題", blocks: [{ table: { caption: "一覧", header: ["ID", "年度", "課題名", "実施時期"], rows: [["R7-057", "R7", title, "R8年度中に方針決定"], ["R7-058", "R7", "短い課題", ""]] } }] }] };
    const layout = sheetLayout(issues, { charts: false });
    const [id, year, name, timing] = layout.columnWidths;
    expect(name).toBe(400);
    expect(timing).toBeGreaterThanOrEqual(textWidth("R8年度中に方針決定", false));
    expect(timing).toBeLessThan(name);
    expect(id).toBeGreaterThanOrEqual(textWidth("R7-057", false));
    expect(year).toBeLessThanOrEqual(id);
    expect(id).toBeLessThan(timing);
    expect(textWidth(title, false)).toBeGreaterThan(name);
    expect(layout.wraps[layout.values.findIndex((row) => row[0] === "R7-057")][2]).toBe(true);
  });

  it("folds the 局区 table into side-by-side pairs, as the seed prints it", () => {
    const layout = sheetLayout(doc, { charts: false });
    const header = layout.values.findIndex((row) => row[0] === "局区名");
    expect(layout.values[header]).toEqual(["局区名", "取組件数", "局区名", "取組件数", "局区名", "取組件数"]);
    expect(layout.values[header + 1]).toEqual(["会計室", 3, "議会事務局", "—", "", ""]);
    expect(layout.values[header + 2]).toEqual(["市長公室", 1, "合計", 4, "", ""]);
  });

  it("leaves a note instead of a chart where charts are not available", () => {
    const layout = sheetLayout(doc, { charts: false });
    expect(layout.charts).toEqual([]);
    expect(layout.values.some((row) => String(row[0]).startsWith("※ グラフ「年度別の進捗分類」（積み上げ縦棒）は、この環境では"))).toBe(true);
  });

  it("places the chart over the 分類 rows and year columns, right of the table", () => {
    const layout = sheetLayout(doc, { charts: true });
    const header = layout.values.findIndex((row) => row[0] === "進捗分類") + 1;
    expect(layout.charts).toEqual([{ title: "年度別の進捗分類", data: { row: header, column: 1, numRows: 4, numColumns: 3 }, anchor: { row: header - 1, column: 6 } }]);
    expect(layout.values.slice(header - 1, header + 3).map((row) => row.slice(0, 3))).toEqual([["進捗分類", "R6", "R7"], ["完了", 21, 22], ["実施中", 8, 3], ["検討中", 4, 19]]);
    expect(layout.values.some((row) => String(row[0]).startsWith("※ グラフ"))).toBe(false);
  });
});

describe("reportHtml", () => {
  it("renders headed sections and tables with captions and header cells, escaped", () => {
    const html = reportHtml({ ...doc, notes: ["<b>x</b>"] });
    expect(html).toContain("<h1>プラチナ市役所プロジェクト 進捗報告</h1>");
    expect(html).toContain("<h2>2 各局区の自主改革の取組状況</h2>");
    expect(html).toContain("<caption>年度別の進捗分類（件）</caption>");
    expect(html).toContain('<tr><th scope="row">完了</th><td class="num">21</td><td class="num">22</td><td class="num">43</td></tr>');
    expect(html).toContain("&#60;b&#62;x&#60;/b&#62;");
    expect(html).not.toContain("<b>x</b>");
  });
});
