// The values of 課題's classified columns (進捗分類, 整理区分, 区分), read from
// whatever staff typed: the contract offers them as choices, the tables count them.
import { compactText } from "../base/text";

/** 進捗分類 as the summary tables name them. */
export type Progress = "完了" | "実施中" | "検討中";
export const PROGRESS_CLASSES: readonly Progress[] = ["完了", "実施中", "検討中"];

/** The seed's full wording of each class, shown as help where staff choose one. */
export const PROGRESS_WORDING: Record<Progress, string> = {
  完了: "【分類1】対応済（完了）",
  実施中: "【分類2】具体的な解決策を一部実施、又は試行の段階",
  検討中: "【分類3】具体的な解決策を検討中、又は実施準備の段階",
};

/** One line, as Sheets shows help beside the cell; the full wording is shown beside each choice in the forms. */
export const PROGRESS_HELP = `${PROGRESS_CLASSES.map((c, i) => `${c}（分類${i + 1}）`).join("・")}から選んでください。`;

/** The cell's background per class, as 初期設定 colours the column. */
export const PROGRESS_COLOURS: Record<Progress, string> = { 完了: "#d9ead3", 実施中: "#fff2cc", 検討中: "#fce5cd" };

const PROGRESS_FORMS: Record<Progress, string[]> = {
  完了: ["1", "分類1", "【分類1】", "対応済", "対応済み", "完了", "対応済(完了)"],
  実施中: ["2", "分類2", "【分類2】", "一部実施", "試行", "実施中", "一部実施・試行", "具体的な解決策を一部実施又は試行の段階"],
  検討中: ["3", "分類3", "【分類3】", "検討中", "実施準備", "検討中・実施準備", "具体的な解決策を検討中又は実施準備の段階"],
};

const PROGRESS_LOOKUP = new Map<string, Progress>(
  PROGRESS_CLASSES.flatMap((cls) => PROGRESS_FORMS[cls].map((form) => [foldProgress(form), cls] as const)),
);

function foldProgress(text: string): string {
  return compactText(text).replace(/[、,]/g, "");
}

/** 進捗分類 of a cell: null when blank, undefined when it cannot be read. */
export function parseProgress(value: unknown): Progress | null | undefined {
  const text = foldProgress(String(value ?? ""));
  if (text === "") return null;
  const direct = PROGRESS_LOOKUP.get(text);
  if (direct) return direct;
  // "【分類1】対応済(完了)": the number decides, provided the wording does not contradict it.
  const tagged = /^【?分類([123])】?(.*)$/.exec(text);
  if (!tagged) return undefined;
  const byNumber = PROGRESS_CLASSES[Number(tagged[1]) - 1];
  const rest = tagged[2] === "" ? byNumber : PROGRESS_LOOKUP.get(tagged[2]);
  return rest === byNumber ? byNumber : undefined;
}

/** 整理区分 ①–⑦: the direction the secretariat gives a year's new issue when it sorts it. */
export const DIRECTIONS = ["①", "②", "③", "④", "⑤", "⑥", "⑦"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * 整理区分 of issues that were never sorted: 継続 = carried in and followed as they are
 * (the seed's R6 issues still open); 年度内完了 = completed within its year before any
 * sorting (not followed afterwards). They are no row of the ①–⑦ table.
 */
export const STANDINGS = ["継続", "年度内完了"] as const;
export type Standing = (typeof STANDINGS)[number];

/** Every value 整理区分 holds; a blank cell is 未整理 (a new issue the secretariat has not sorted yet). */
export type Sorting = Direction | Standing;
export const SORTINGS: readonly Sorting[] = [...DIRECTIONS, ...STANDINGS];
/** The seed's wording of each direction (「方向性の整理の結果」), and what 継続・年度内完了 mean: shown beside each choice. */
export const SORTING_WORDING: Record<Sorting, string> = {
  "①": "PTで課題の検討を継続する",
  "②": "課題の統合を行う",
  "③": "検討を終了（別課題で解決策を実行しており重複）",
  "④": "検討を終了（課題自体に認識の誤りがあった）",
  "⑤": "検討を終了（解決が望めない）",
  "⑥": "所管課で継続（政策判断により現時点で見通しが立たない）",
  "⑦": "所管課において解決に向けた検討及び実行を行う",
  継続: "整理を経ずに引き続き進捗を確認する（R6の課題）",
  年度内完了: "整理の前に、その年度のうちに完了した",
};

/** ② is merged into another issue, ③ is replaced by one: the sorting names it (課題's 統合先ID). */
export const TARGETED_SORTINGS: readonly Sorting[] = ["②", "③"];

/** What 初期設定's dropdown and messages say the column takes. */
export const SORTING_HELP = "①〜⑦・継続・年度内完了から選んでください。空欄は未整理（事務局が整理するまで照会も集計もしません）。継続と⑦が継続検討課題です。";

/** 整理区分 of a cell: ①–⑦ (or 1–7), 継続, 年度内完了; null when blank (未整理), undefined when it cannot be read. */
export function parseDirection(value: unknown): Sorting | null | undefined {
  // NFKC folds ① to "1", so circled and plain digits read alike.
  const text = compactText(value);
  if (text === "") return null;
  const match = /^([1-7])$/.exec(text);
  if (match) return DIRECTIONS[Number(match[1]) - 1];
  return STANDINGS.find((standing) => standing === text);
}

/** A sorting's direction ①–⑦, as the ①–⑦ table and the re-sorting groups count it. */
export function isDirection(sorting: Sorting | null | undefined): sorting is Direction {
  return (DIRECTIONS as readonly unknown[]).includes(sorting);
}

/** 未整理: a new issue not yet sorted — not mailed, not followed, not counted among the carried issues. */
export function isUnsorted(sorting: Sorting | null | undefined): sorting is null {
  return sorting === null;
}

/** Followed up by the secretariat (mailed, counted in 集計's follow-up tables): 継続 or ⑦. */
export function isTracked(sorting: Sorting | null): boolean {
  return sorting === "継続" || sorting === "⑦";
}

/** 区分: who feels the issue — citizens (ユーザー) or staff (職員). */
export type Audience = "ユーザー" | "職員";
export const AUDIENCES: readonly Audience[] = ["ユーザー", "職員"];

const AUDIENCE_LOOKUP = new Map<string, Audience>([
  ["ユーザー", "ユーザー"],
  ["ユーザ", "ユーザー"],
  ["利用者", "ユーザー"],
  ["市民", "ユーザー"],
  ["職員", "職員"],
]);

/** 区分 of a cell: null when blank, undefined when it cannot be read. */
export function parseAudience(value: unknown): Audience | null | undefined {
  const text = compactText(value);
  if (text === "") return null;
  return AUDIENCE_LOOKUP.get(text);
}
