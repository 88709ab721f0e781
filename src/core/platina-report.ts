// プラチナレポート: the year's good examples (好事例) of each 局区's own reforms,
// as one self-contained page for the city website (JIS X 8341-3 level AA):
// lang, one h1 and ordered headings, real lists, tables with captions and
// header cells, no script, no external resource. Every value is escaped.
import { fiscalYearLabel, parseFiscalYear } from "./base/fiscal-year";
import { REFORMS } from "./contracts/reforms";
import { reiwaYear } from "./progress-report";
import { bureauTable } from "./tables";
import { escapeHtml, normalizeText } from "./base/text";
import { formatWareki } from "./wareki";

export interface PlatinaReportInput {
  /** 局区改革 values, header row first. */
  reforms: unknown[][];
  /** 局区 values (header row first): the order of the page. */
  bureaus: unknown[][];
  year: number;
  issuedOn: Date;
  publisher: string;
}

export function platinaReportFileName(year: number): string {
  return `platina-report-${fiscalYearLabel(year)}.html`;
}

/** The years that have 局区改革 rows, oldest first. */
export function reformYears(reforms: unknown[][]): number[] {
  const table = REFORMS.fromRows(reforms, ["年度"]);
  const year = REFORMS.requiredColumn(table, "年度", parseFiscalYear, "「R7」のように入力してください。");
  return [...new Set(table.rows.map(year))].sort((a, b) => a - b);
}

/** The year's reforms marked 好事例, in sheet order (also the X会議 pack's list). */
export function goodExamples(reforms: unknown[][], year: number) {
  const table = REFORMS.fromRows(reforms, ["年度", "局区名", "取組名", "概要", "好事例"]);
  const yearOf = REFORMS.requiredColumn(table, "年度", parseFiscalYear, "「R7」のように入力してください。");
  return table.rows
    .filter((row) => row.record.好事例 && yearOf(row) === year)
    .map(({ record }) => ({ bureau: normalizeText(record.局区名), name: record.取組名.trim(), summary: record.概要.trim() }));
}

export function platinaReportHtml(input: PlatinaReportInput): string {
  const year = reiwaYear(input.year);
  const counts = bureauTable(input.reforms, input.bureaus, fiscalYearLabel(input.year));
  const total = counts[counts.length - 1][1];
  const examples = goodExamples(input.reforms, input.year);
  // 局区 in the table's order (the 局区 sheet's, then any others as they appear).
  const groups = counts.slice(1, -1)
    .map(([bureau]) => ({ bureau: String(bureau), items: examples.filter((e) => e.bureau === bureau) }))
    .filter((g) => g.items.length > 0);
  const title = `プラチナレポート ${year}`;
  const rows = counts.slice(1, -1).map(([bureau, n]) => `<tr><th scope="row">${escapeHtml(bureau)}</th><td>${escapeHtml(n)}件</td></tr>`);
  const sections = groups.map((g, i) => [
    `<section aria-labelledby="bureau-${i + 1}">`,
    `<h3 id="bureau-${i + 1}">${escapeHtml(g.bureau)}</h3>`,
    `<ul class="cases" role="list">`,
    ...g.items.map((e) => `<li><h4>${escapeHtml(e.name)}</h4><p>${escapeHtml(e.summary)}</p></li>`),
    "</ul>",
    "</section>",
  ].join("\n"));
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} 各局区の自律的な変革の取組</title>
<style>
${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">本文へ移動</a>
<header>
<p class="series">プラチナ市役所プロジェクト</p>
<h1>${escapeHtml(title)}<span class="sub">各局区の自律的な変革の取組</span></h1>
<p>各局区では、局区長をトップに、業務改善などの自律的な変革に取り組んでいます。${escapeHtml(year)}に各局区が実施した取組の件数と、ほかの職場の参考となる好事例を紹介します。</p>
</header>
<main id="main">
<section aria-labelledby="counts">
<h2 id="counts">各局区の取組件数</h2>
<p>${escapeHtml(year)}は、各局区で合計${escapeHtml(total)}件の取組が実施されました。</p>
<table>
<caption>${escapeHtml(year)} 各局区の取組件数</caption>
<thead><tr><th scope="col">局区名</th><th scope="col">取組件数</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
<tfoot><tr><th scope="row">合計</th><td>${escapeHtml(total)}件</td></tr></tfoot>
</table>
</section>
<section aria-labelledby="cases">
<h2 id="cases">各局区の好事例</h2>
${groups.length === 0 ? `<p>${escapeHtml(year)}の好事例はまだ登録されていません。</p>` : `<nav aria-label="好事例のある局区">
<ul>
${groups.map((g, i) => `<li><a href="#bureau-${i + 1}">${escapeHtml(g.bureau)}（${g.items.length}件）</a></li>`).join("\n")}
</ul>
</nav>
${sections.join("\n")}`}
</section>
</main>
<footer>
<p>発行: ${escapeHtml(input.publisher)}（${escapeHtml(formatWareki(input.issuedOn))}）</p>
</footer>
</body>
</html>
`;
}

// Dark text on white, links underlined: colour never carries meaning alone, contrast well above 4.5:1.
const STYLE = `body { margin: 0; color: #1a1a1a; background: #fff; font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; line-height: 1.8; }
header, main, footer { max-width: 56rem; margin: 0 auto; padding: 1rem; }
header { border-bottom: 4px solid #0b3d91; }
.series { margin: 0; font-weight: bold; color: #0b3d91; }
h1 { font-size: 2rem; line-height: 1.4; margin: .25rem 0 1rem; }
h1 .sub { display: block; font-size: 1.25rem; }
h2 { font-size: 1.5rem; line-height: 1.4; border-left: .5rem solid #0b3d91; padding-left: .75rem; margin: 2.5rem 0 1rem; }
h3 { font-size: 1.25rem; border-bottom: 2px solid #8a9bb8; margin: 2rem 0 .5rem; }
h4 { font-size: 1.05rem; margin: 0 0 .25rem; }
a { color: #0b57d0; text-decoration: underline; }
a:focus-visible { outline: 3px solid #0b3d91; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; }
table { border-collapse: collapse; width: 100%; max-width: 32rem; }
caption { text-align: left; font-weight: bold; padding: .5rem 0; }
th, td { border: 1px solid #6b7280; padding: .3rem .75rem; }
thead th { background: #e6ecf5; }
tbody th { text-align: left; font-weight: normal; }
td { text-align: right; }
tfoot th, tfoot td { font-weight: bold; background: #f1f3f6; text-align: left; }
tfoot td { text-align: right; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; padding-left: 1.25rem; }
.cases { list-style: none; padding: 0; }
.cases li { border: 1px solid #8a9bb8; border-radius: 4px; padding: .75rem 1rem; margin: .75rem 0; }
.cases p { margin: 0; }
footer { border-top: 1px solid #8a9bb8; margin-top: 3rem; }
@media print { .skip, nav { display: none; } .cases li { break-inside: avoid; } }
`;
