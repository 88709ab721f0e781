// A report as headed sections of text and tables: one model that the sheet
// layout and the printable HTML both render, so they cannot disagree.

export type Cell = string | number;

export interface ReportTable {
  caption: string;
  /** Column headers; each body row's first cell is its row header. */
  header: string[];
  rows: Cell[][];
  /** In the sheet, lay the rows out in this many side-by-side groups (the seed's 局区 table). */
  fold?: number;
  /** A stacked column chart of this table (without its 計 row and column), where the sheet supports charts. */
  chart?: string;
  /** The printable page shows this accessible HTML table (e.g. the PT roadmap as a chart) instead; the sheet shows the rows. */
  html?: string;
}

export type Block = { text: string } | { table: ReportTable };

export interface ReportSection {
  heading: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  notes: string[];
  sections: ReportSection[];
}
