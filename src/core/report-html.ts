// A report document as printable HTML (the body of the print dialog): headed
// sections, tables with captions and header cells. Every value is escaped.
import { escapeHtml } from "./base/text";
import type { Cell, ReportDocument, ReportTable } from "./report-document";

export function reportHtml(doc: ReportDocument): string {
  const parts = [
    `<header><h1>${escapeHtml(doc.title)}</h1><p class="subtitle">${escapeHtml(doc.subtitle)}</p>`,
    ...doc.notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`),
    "</header>",
  ];
  for (const section of doc.sections) {
    parts.push(`<section><h2>${escapeHtml(section.heading)}</h2>`);
    for (const block of section.blocks) parts.push("text" in block ? `<p>${escapeHtml(block.text)}</p>` : (block.table.html ?? tableHtml(block.table)));
    parts.push("</section>");
  }
  return parts.join("\n");
}

function tableHtml(table: ReportTable): string {
  const head = table.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = table.rows.length === 0
    ? `<tr><td colspan="${table.header.length}">該当する課題はありません。</td></tr>`
    : table.rows.map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : td(cell))).join("")}</tr>`).join("\n");
  return `<table><caption>${escapeHtml(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

function td(cell: Cell): string {
  return typeof cell === "number" || /^[+−±]\d+$|^—$/.test(cell) ? `<td class="num">${escapeHtml(cell)}</td>` : `<td>${escapeHtml(cell)}</td>`;
}
