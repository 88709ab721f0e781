// プラチナレポート HTML from the demo's 局区改革: content, order, escaping, self-containment.
import { describe, expect, it } from "vitest";
import { platinaReportFileName, platinaReportHtml, reformYears } from "../../src/core/platina-report";
import { parseDateInput } from "../../src/core/base/tokyo-time";
import { demoWorkbook } from "../../src/demo";

const ISSUED = parseDateInput("2026-05-26")!;

function page(reforms = demoWorkbook().局区改革, year = 7) {
  return platinaReportHtml({ reforms, bureaus: demoWorkbook().局区, year, issuedOn: ISSUED, publisher: "財政・変革局 市政変革推進室" });
}

function goodExamples(reforms: unknown[][]) {
  return reforms.slice(1).filter((r) => r[4] === true).map((r) => ({ bureau: String(r[1]), name: String(r[2]) }));
}

describe("platinaReportHtml", () => {
  it("lists every checked 好事例 of the year once under its 局区, in the 局区 sheet's order; a shared reform under both 局区 together", () => {
    const html = page();
    const good = goodExamples(demoWorkbook().局区改革);
    expect(good.length).toBeGreaterThan(5);
    for (const example of good) expect(html).toContain(`<h4>${example.name}</h4>`);
    const headings = [...html.matchAll(/<h3 id="bureau-\d+">(.+?)<\/h3>/g)].map((m) => m[1]);
    // The seed's seven good practices: オフィス改革【総務市民局・消防局】 is one of them, not two.
    expect(headings).toEqual(["会計室", "技術監理局", "総務市民局・消防局", "保健福祉局", "環境局", "若松区", "交通局"]);
    expect(html.match(/<li><h4>/g)).toHaveLength(7);
    expect(html.match(/<h4>オフィス改革<\/h4>/g)).toHaveLength(1);
    expect(html).toContain('<a href="#bureau-3">総務市民局・消防局（1件）</a>');
    expect(html).not.toContain("支出命令の電子決裁化"); // not checked
  });

  it("keeps a 局区's own good practice apart from the one it shares, and a 局区名 with 「・」 whole", () => {
    const reforms = demoWorkbook().局区改革;
    reforms.push(["R7", "総務市民局", "総務の取組", "概要", true, ""], ["R7", "財政・変革局", "オフィス改革", "概要", true, ""]);
    const headings = [...page(reforms).matchAll(/<h3 id="bureau-\d+">(.+?)<\/h3>/g)].map((m) => m[1]);
    expect(headings.slice(2, 4)).toEqual(["総務市民局", "総務市民局・財政・変革局・消防局"]);
  });

  it("has the year's count table with captions, header cells and the 合計", () => {
    const html = page();
    expect(html).toContain("<caption>令和7年度 各局区の取組件数</caption>");
    expect(html).toContain('<th scope="col">局区名</th><th scope="col">取組件数</th>');
    expect(html).toContain('<tr><th scope="row">八幡西区</th><td>27件</td></tr>');
    expect(html).toContain('<tr><th scope="row">議会事務局</th><td>—</td></tr>');
    expect(html).toContain('<tfoot><tr><th scope="row">合計</th><td>130件</td></tr></tfoot>');
    expect(html).toContain("発行: 財政・変革局 市政変革推進室（令和8年5月26日）");
  });

  it("is one self-contained page: lang, one h1, no script, no external resource", () => {
    const html = page();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\son\w+=/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1].startsWith("#"))).toBe(true);
  });

  it("escapes every value from the sheet", () => {
    const reforms = demoWorkbook().局区改革;
    reforms.push(["R7", "会計室", '<script>alert("x")</script>', "A & B <b>太字</b>", true, ""]);
    const html = page(reforms);
    expect(html).toContain("<h4>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;</h4>");
    expect(html).toContain("A &#38; B &#60;b&#62;太字&#60;/b&#62;");
    expect(html).not.toContain("<script>");
  });

  it("only takes the chosen year, and says so when it has no 好事例", () => {
    const reforms = demoWorkbook().局区改革;
    reforms.push(["R8", "会計室", "R8の取組", "概要", true, ""]);
    expect(page(reforms)).not.toContain("R8の取組");
    const r8 = page(reforms, 8);
    expect(r8).toContain("<h4>R8の取組</h4>");
    expect(r8).toContain('<tfoot><tr><th scope="row">合計</th><td>1件</td></tr></tfoot>');
    expect(page(demoWorkbook().局区改革, 6)).toContain("令和6年度の好事例はまだ登録されていません。");
  });

  it("accepts the text TRUE as checked, and names the file after the year", () => {
    const reforms = demoWorkbook().局区改革;
    reforms.push(["令和7年度", "若松区", "貼り付けた取組", "概要", "TRUE", ""]);
    expect(page(reforms)).toContain("<h4>貼り付けた取組</h4>");
    expect(platinaReportFileName(7)).toBe("platina-report-R7.html");
    expect(reformYears(reforms)).toEqual([7]);
  });
});
