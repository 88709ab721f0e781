// The workbook's sheets and their header rows: the contract staff and the add-on share.
import { ISSUE_FIELDS } from "./issue-record";

export const SHEET = {
  issues: "課題",
  reforms: "局区改革",
  bureaus: "局区",
  history: "履歴",
  settings: "設定",
  summary: "集計",
} as const;

export const HEADERS: Record<string, readonly string[]> = {
  [SHEET.issues]: ISSUE_FIELDS,
  [SHEET.reforms]: ["年度", "局区名", "取組名", "概要", "好事例", "担当者メール"],
  [SHEET.bureaus]: ["局区名", "区分", "代表メール"],
  [SHEET.history]: ["日時", "利用者", "ID", "項目", "変更前", "変更後", "経路"],
  [SHEET.settings]: ["項目", "値", "説明"],
};

/** Headers of `wanted` missing from a header row (compared as staff see them). */
export function missingHeaders(headerRow: readonly unknown[], wanted: readonly string[]): string[] {
  const present = new Set(headerRow.map((h) => String(h ?? "").normalize("NFKC").trim()));
  return wanted.filter((h) => !present.has(h));
}

/** The 29 局区 of the programme, in the order of the city's report. */
export const SEED_BUREAUS: readonly { name: string; kind: "局" | "区" }[] = [
  "会計室", "市長公室", "危機管理室", "技術監理局", "政策局", "総務市民局", "財政・変革局", "保健福祉局",
  "子ども家庭局", "環境局", "産業経済局", "都市ブランド創造局", "都市戦略局", "都市整備局", "港湾空港局",
  "門司区", "小倉北区", "小倉南区", "若松区", "八幡東区", "八幡西区", "戸畑区", "消防局", "上下水道局",
  "交通局", "公営競技局", "議会事務局", "教育委員会", "行政委員会",
].map((name) => ({ name, kind: name.endsWith("区") ? "区" : "局" }));
